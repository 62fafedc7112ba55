/**
 * Python's whitespace, as `str.split()`, `str.strip()` and `str.rstrip()` with no argument use it (the characters
 * for which `str.isspace()` is true). sacrebleu and the SQuAD script split and strip text this way, so every
 * metric of issue 10 that splits text must too. It is not JavaScript's `\s`: Python adds the separators
 * U+001C–U+001F and NEL (U+0085) and leaves out the BOM (U+FEFF).
 * Cost: O(length) each (a scan or one regular-expression pass; no backtracking on long runs of spaces).
 */

/** The 29 code points of Python 3's `str.isspace()` (the same in every Unicode version since 6.3). */
const SPACE_CLASS = '\\t-\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const RUNS = new RegExp(`[${SPACE_CLASS}]+`, 'g')

/** True for a UTF-16 unit that Python counts as whitespace (all 29 are in the BMP). */
export function isPySpace(code: number): boolean {
  if (code <= 0x20) return (code >= 0x09 && code <= 0x0d) || code >= 0x1c
  if (code < 0x85) return false
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
}

/**
 * Python's `text.split()`: the words between runs of whitespace, none empty.
 * @example pySplit('  a\u0085b\ufeff c ') // ['a', 'b\ufeff', 'c']
 */
export function pySplit(text: string): string[] {
  const words = text.split(RUNS)
  let from = 0
  let to = words.length
  if (to > 0 && words[0] === '') from = 1
  if (to > from && words[to - 1] === '') to--
  return from === 0 && to === words.length ? words : words.slice(from, to)
}

/**
 * Python's `' '.join(text.split())`: whitespace runs become one space, none at either end.
 * @example pyCollapse(' a \t b\n') // 'a b'
 */
export function pyCollapse(text: string): string {
  return pyStrip(text).replace(RUNS, ' ')
}

/**
 * Python's `text.rstrip()`.
 * @example pyRstrip('a \u0085') // 'a'
 */
export function pyRstrip(text: string): string {
  let end = text.length
  while (end > 0 && isPySpace(text.charCodeAt(end - 1))) end--
  return end === text.length ? text : text.slice(0, end)
}

/**
 * Python's `text.strip()`.
 * @example pyStrip('\u001f a \n') // 'a'
 */
export function pyStrip(text: string): string {
  let start = 0
  while (start < text.length && isPySpace(text.charCodeAt(start))) start++
  const rest = start === 0 ? text : text.slice(start)
  return pyRstrip(rest)
}

/**
 * Python's `''.join(text.split())`: the text with all its whitespace removed.
 * @example pyRemoveSpace('a b\tc') // 'abc'
 */
export function pyRemoveSpace(text: string): string {
  return text.replace(RUNS, '')
}
