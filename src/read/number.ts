/**
 * Numbers written as text (CSV/TSV score cells): decimal notation only.
 *
 * Accepted: an optional sign, ASCII digits with an optional decimal point (`0.5`, `.5`, `5.`, `+1`, `007`), an
 * optional exponent (`1e-05`, `2.5E3`), with spaces or tabs around it. This is the JSON number grammar widened
 * by the forms Python's `float()` and spreadsheets write (a leading `+`, `.5`, `5.`, leading zeros), the same
 * forms `isNumericText` (src/read/labels.ts) calls numeric labels. Each is a plain decimal with one meaning.
 * Refused (NaN): what JavaScript's `Number()` also takes but a prediction file never means as a score: hex
 * `0x1`, binary `0b0`, octal `0o7`, `1_000`, `Infinity`, `NaN`, the empty cell, non-ASCII digits or spaces.
 * A decimal out of range (`1e400`) parses to ±Infinity, which the caller's range check refuses.
 */

const DECIMAL = /^[ \t]*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[ \t]*$/

/**
 * The value of a decimal number written as text, or NaN when `text` is not one. One regular-expression test and
 * one `Number()` conversion: O(length).
 * @example parseDecimal('0.25') // 0.25
 * @example parseDecimal(' 1e-3 ') // 0.001
 * @example parseDecimal('0x1') // NaN
 * @example parseDecimal('1e400') // Infinity
 */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : NaN
}
