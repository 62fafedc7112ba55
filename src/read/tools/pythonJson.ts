/**
 * JSON as the evaluation tools write it (docs/tools.md): Python's `json.dumps` writes `NaN`, `Infinity` and
 * `-Infinity` for the floats JSON has no literal for. They are read as numbers: `Infinity` as Infinity, `NaN` as
 * the marker {@link NAN}, which the metric readers take for a missing value. Everything else is JSON.parse's.
 *
 * Cost: JSON.parse; only when it fails and the text holds one of the three words, one more pass over the text.
 */

/** The value `NaN` reads as (JSON.parse has no NaN): a string no tool writes, with a NUL byte. */
export const NAN = '\u0000NaN'

/**
 * JSON.parse, accepting `NaN`, `Infinity` and `-Infinity` outside strings. Throws JSON.parse's SyntaxError for
 * anything else that is not JSON.
 * @example parseJson('{"mae": Infinity, "x": NaN}') // { mae: Infinity, x: '\u0000NaN' }
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error
    const fixed = replaceLiterals(text)
    if (fixed === null) throw error
    return JSON.parse(fixed)
  }
}

/** `text` with the bare words NaN / Infinity / -Infinity written as JSON (`"\u0000NaN"`, `1e999`, `-1e999`); null when there are none. */
function replaceLiterals(text: string): string | null {
  const out: string[] = []
  let from = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
      continue
    }
    if (c === 34) {
      inString = true
      continue
    }
    let word: string | null = null
    let replacement = ''
    if (c === 78 && text.startsWith('NaN', i)) {
      word = 'NaN'
      replacement = JSON.stringify(NAN)
    } else if (c === 73 && text.startsWith('Infinity', i)) {
      word = 'Infinity'
      replacement = '1e999'
    } else if (c === 45 && text.startsWith('-Infinity', i)) {
      word = '-Infinity'
      replacement = '-1e999'
    }
    if (word === null) continue
    out.push(text.slice(from, i), replacement)
    i += word.length - 1
    from = i + 1
  }
  if (out.length === 0) return null
  out.push(text.slice(from))
  return out.join('')
}
