/**
 * The `13a` tokenizer of sacrebleu 2.x (the default of its BLEU, equivalent to mteval-v13a.pl of WMT), written
 * from its definition (sacrebleu/tokenizers/tokenizer_13a.py and tokenizer_re.py):
 *
 * 1. remove `<skipped>`, join `-\n` line breaks, turn the other `\n` into spaces;
 * 2. if the text holds `&`: `&quot;` → `"`, `&amp;` → `&`, `&lt;` → `<`, `&gt;` → `>`, in that order (so
 *    `&amp;quot;` becomes `&quot;`, not `"`);
 * 3. pad the text with one space on each side, then apply four substitutions in order, each left to right over
 *    non-overlapping matches (Python's `re.sub`, which a global JavaScript `replace` reproduces):
 *    - a space on each side of every ASCII symbol except `'`, `,`, `-`, `.` and the digits and letters:
 *      `{|}~`, `[\]^_\``, space to `&`, `(` to `+`, `:` to `@`, `/`;
 *    - a period or comma not preceded by a digit: `x.` → `x . ` (the matched character is consumed, so in
 *      `a.,` only the period is split by this rule);
 *    - a period or comma not followed by a digit: `.x` → ` . x`;
 *    - a dash preceded by a digit: `3-` → `3 - `;
 * 4. Python's `' '.join(line.split())`: runs of Python whitespace (pythonText.ts) become one space.
 *
 * Digits in the rules are ASCII 0–9 only (Python's `[0-9]`); every other character, letters and symbols outside
 * ASCII included (`€`, `—`, `“`), is left alone. The patterns work on UTF-16 units: a surrogate pair is never
 * split, since spaces are only put next to ASCII characters. sacrebleu's BLEU calls it on `text.rstrip()`.
 * Cost: O(length): four regular-expression passes with no backtracking.
 *
 * @example tokenize13a('Hello, world! It costs $3.50-4.') // 'Hello , world ! It costs $ 3.50 - 4 .'
 */
import { pyCollapse, pySplit } from './pythonText.js'

const SYMBOLS = /([{-~[-` -&(-+:-@/])/g
const PERIOD_AFTER_NON_DIGIT = /([^0-9])([.,])/g
const PERIOD_BEFORE_NON_DIGIT = /([.,])([^0-9])/g
const DASH_AFTER_DIGIT = /([0-9])(-)/g

export function tokenize13a(line: string): string {
  return pyCollapse(spaced13a(line))
}

/**
 * The tokens of {@link tokenize13a}, without joining them first (`tokenize13a(line).split()`, one pass fewer).
 * @example tokens13a('Hello, world!') // ['Hello', ',', 'world', '!']
 */
export function tokens13a(line: string): string[] {
  return pySplit(spaced13a(line))
}

/** Steps 1–3: the text with spaces around its tokens (runs of whitespace still to collapse). */
function spaced13a(line: string): string {
  let text = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ')
  if (text.includes('&')) {
    text = text.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>')
  }
  text = ` ${text} `
  text = text.replace(SYMBOLS, ' $1 ')
  text = text.replace(PERIOD_AFTER_NON_DIGIT, '$1 $2 ')
  text = text.replace(PERIOD_BEFORE_NON_DIGIT, ' $1 $2')
  return text.replace(DASH_AFTER_DIGIT, '$1 $2 ')
}
