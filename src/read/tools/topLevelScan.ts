/**
 * A byte scanner for the top level of one JSON object (an lm-evaluation-harness samples line, an Every Eval Ever
 * instance line): it finds each top-level key and the bytes of its value, so that a reader parses only the values
 * it uses and skips the rest (long few-shot prompts in `arguments`, `resps`, `doc`) without decoding them
 * (docs/tools.md, "Speed"). A skipped value is checked for structure only: its strings end, its brackets balance.
 *
 * Strings are skipped with Buffer#indexOf for the closing quote (memchr speed), then a look back over the
 * backslashes before it. `NaN`, `Infinity` and `-Infinity` are accepted as values (Python's json writes them).
 *
 * Cost: one pass over the object's structure; string bodies at indexOf speed.
 */
import type { Buffer } from 'node:buffer'

/** Where a value lies: b[start, end). */
export interface Span {
  start: number
  end: number
}

/** The index after the JSON value starting at or after `i` (whitespace skipped), or −1 when it is not one. */
export function skipValue(b: Buffer, i: number, end: number): number {
  i = ws(b, i, end)
  if (i >= end) return -1
  const c = b[i]
  if (c === 34) return skipString(b, i, end)
  if (c === 123 || c === 91) return skipNested(b, i, end)
  return skipScalar(b, i, end)
}

/** After the string whose opening quote is at `i`, or −1 when it does not end before `end`. */
export function skipString(b: Buffer, i: number, end: number): number {
  let j = i + 1
  for (;;) {
    const q = b.indexOf(34, j)
    if (q === -1 || q >= end) return -1
    // The quote ends the string unless an odd number of backslashes comes right before it.
    let k = q - 1
    while (k > i && b[k] === 92) k--
    if ((q - 1 - k) % 2 === 0) return q + 1
    j = q + 1
  }
}

/** After the object or array starting at `i` (brackets balanced, strings skipped), or −1. */
function skipNested(b: Buffer, i: number, end: number): number {
  let depth = 0
  for (let j = i; j < end; j++) {
    const c = b[j]
    if (c === 34) {
      const next = skipString(b, j, end)
      if (next < 0) return -1
      j = next - 1
    } else if (c === 123 || c === 91) depth++
    else if (c === 125 || c === 93) {
      depth--
      if (depth === 0) return j + 1
      if (depth < 0) return -1
    }
  }
  return -1
}

/** After a number, `true`, `false`, `null`, `NaN`, `Infinity` or `-Infinity` starting at `i`, or −1. */
function skipScalar(b: Buffer, i: number, end: number): number {
  let j = i
  while (j < end) {
    const c = b[j]
    // A scalar ends at whitespace, a comma or a closing bracket.
    if (c === 44 || c === 125 || c === 93 || c === 32 || c === 9 || c === 10 || c === 13) break
    j++
  }
  return j > i ? j : -1
}

/**
 * Calls `field(keyStart, keyEnd, valueStart, valueEnd)` for each top-level key of the object starting at or after
 * `i` (key bytes without quotes, escapes as written), and returns the index after the object, or −1 when the bytes
 * are not one object (then the caller decides, usually with JSON.parse for its message).
 */
export function scanObject(b: Buffer, i: number, end: number, field: (ks: number, ke: number, vs: number, ve: number) => void): number {
  i = ws(b, i, end)
  if (b[i] !== 123) return -1
  i = ws(b, i + 1, end)
  if (b[i] === 125) return i + 1
  for (;;) {
    if (i >= end || b[i] !== 34) return -1
    const keyEnd = skipString(b, i, end)
    if (keyEnd < 0) return -1
    let j = ws(b, keyEnd, end)
    if (b[j] !== 58) return -1
    j = ws(b, j + 1, end)
    const valueEnd = skipValue(b, j, end)
    if (valueEnd < 0) return -1
    field(i + 1, keyEnd - 1, j, valueEnd)
    i = ws(b, valueEnd, end)
    if (b[i] === 44) {
      i = ws(b, i + 1, end)
      continue
    }
    if (b[i] === 125) return i + 1
    return -1
  }
}

/** The index of the first byte at or after `i` that is not JSON whitespace. */
export function ws(b: Buffer, i: number, end: number): number {
  while (i < end) {
    const c = b[i]
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return i
    i++
  }
  return i
}

/** True when b[start, end) holds exactly the ASCII text `text`. */
export function bytesAre(b: Buffer, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false
  for (let q = 0; q < text.length; q++) if (b[start + q] !== text.charCodeAt(q)) return false
  return true
}
