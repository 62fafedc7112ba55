/**
 * Escaping for text that comes from users' files and settings (labels, ids, gate rules, file names, metric names
 * holding labels): it must stay inert after GitHub's whole pipeline, not only after a Markdown parser. GitHub
 * decodes entities before its @mention and #issue filters, autolinks bare URLs and turns `:name:` into an emoji;
 * none of these touch the inside of a code span. So every datum is written as a code span (`code`), which reads
 * exactly as the data and can be copied. What a code span cannot hold is written as a JSON string inside one:
 *
 * | data | shown | why |
 * | --- | --- | --- |
 * | `spam` | `` `spam` `` | plain |
 * | ``a`b`` | ``` ``a`b`` ``` | a fence longer than the longest run of backticks in the data |
 * | `a\nb`, `\u202E`, `" x "`, `   ` | `` `"a\nb"` `` … | JSON form: line breaks end a code span (a blank line ends the paragraph), invisible and bidi characters must be seen, edge spaces are trimmed by GFM; also data starting with `"` (so the JSON form is never ambiguous) |
 *
 * In a table cell, GFM splits cells on `|` before it reads code spans, so `table()` writes every `|` of a cell as
 * `\|` (GFM shows `|` inside the code span). A backslash right before a `|` would pair with the escape, so such
 * data takes the JSON form with that `|` as `\u007C`.
 *
 * Cost: O(length). Example: `dataSpan('@team')` → `` `@team` ``; `dataSpan('a\u202Eb')` → `` `"a\u202Eb"` ``.
 */

/**
 * Characters that must be seen as escapes: C0/C1 controls and DEL (Cc), format characters (Cf: bidi overrides and
 * isolates, zero-width space/joiners, soft hyphen, BOM), line and paragraph separators, lone surrogates, and spaces
 * other than U+0020 (they pass for a space).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u

const hex4 = (code: number): string => '\\u' + code.toString(16).toUpperCase().padStart(4, '0')

/**
 * The JSON form of a datum: a double-quoted JSON string (`\n`, `\"`, `\\` …) where, beyond JSON.stringify, every
 * invisible character (INVISIBLE) is `\uXXXX` and a `|` right after a backslash is `\u007C`.
 *
 * @example jsonForm('a\u202Eb') // '"a\\u202Eb"'
 */
export function jsonForm(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) as number
    if (code > 0xffff) out += ch
    else if ('\n\r\t\b\f'.includes(ch)) out += JSON.stringify(ch).slice(1, -1)
    else if (INVISIBLE.test(ch)) out += hex4(code)
    else out += JSON.stringify(ch).slice(1, -1)
  }
  return ('"' + out + '"').replace(/(?<=\\)\|/g, '\\u007C')
}

/** True when the datum cannot be shown as it is in a code span (see the table above). */
function needsJson(text: string): boolean {
  return text.length === 0 || INVISIBLE.test(text) || /^\s|\s$/u.test(text) || text.startsWith('"') || /\\\|/.test(text)
}

/** A code span holding `content` (no line breaks, no edge spaces): a fence longer than any run of backticks in it. */
function codeSpan(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : ''
  return fence + pad + content + pad + fence
}

/**
 * A datum (label, id, rule, file name) as inert Markdown: a code span of the data, or of its JSON form, cut to `max`
 * characters (code points) with `…` after the span when longer.
 *
 * @example dataSpan('@octocat') // '`@octocat`'
 * @example dataSpan('x'.repeat(100), 10) // '`xxxxxxxxx`…'
 */
export function dataSpan(text: string, max = 60): string {
  const chars = [...text]
  const cut = chars.length > max
  const kept = cut ? chars.slice(0, max - 1).join('') : text
  const body = needsJson(kept) ? jsonForm(kept) : kept
  return codeSpan(body) + (cut ? '…' : '')
}

/**
 * A token of our own prose that GitHub would turn into a mention, issue link, autolink or emoji (`@x`, `#1`,
 * `x://`, `www.`, `:name:`).
 */
const LIVE = /[@#]|:\/\/|www\.|:[\w+-]+:/i

/**
 * Prose that may embed data (a warning written by the core): JSON string literals in it are data, shown with
 * dataSpan; any other word that GitHub would make live (LIVE) is shown as a code span too; the rest is escaped
 * as Markdown text (`&`, `<`, `>` as entities; `\`, `` ` ``, `*`, `_`, `[`, `]`, `~`, `!` with a backslash) and
 * line breaks become spaces. Cost: O(length).
 *
 * @example proseText('ids "@a", "b" are missing') // 'ids `@a`, `b` are missing'
 */
export function proseText(text: string, max = 2000): string {
  const chars = [...text]
  const source = chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text
  let out = ''
  let last = 0
  for (const m of source.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) {
    out += words(source.slice(last, m.index))
    let data: string
    try {
      data = JSON.parse(m[0]) as string
    } catch {
      data = m[0]
    }
    out += dataSpan(data, 80)
    last = (m.index as number) + m[0].length
  }
  return out + words(source.slice(last))
}

function words(text: string): string {
  return text
    .split(/(\s+)/)
    .map((w) => (/^\s+$/.test(w) ? ' ' : LIVE.test(w) ? dataSpan(w, 80) : markdownText(w)))
    .join('')
}

/**
 * Text with no Markdown or HTML meaning: entities for `&`, `<`, `>`; a backslash before ASCII punctuation that
 * GFM reads as markup; invisible characters as `\uXXXX`. Only for our own words (a datum goes through dataSpan).
 *
 * @example markdownText('a*b*') // 'a\\*b\\*'
 */
export function markdownText(text: string): string {
  let out = ''
  for (const ch of text) {
    if (ch === '&') out += '&amp;'
    else if (ch === '<') out += '&lt;'
    else if (ch === '>') out += '&gt;'
    else if ('\\`*_[]~!'.includes(ch)) out += '\\' + ch
    else if (INVISIBLE.test(ch)) out += hex4(ch.codePointAt(0) as number).replace('\\', '\\\\')
    else out += ch
  }
  return out
}

/** A table cell: `|` written `\|`, which GFM reads as a pipe even inside a code span (cells are split first). */
export function cellText(text: string): string {
  return text.replace(/\|/g, '\\|')
}
