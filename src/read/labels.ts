/**
 * Label text and label order (docs/inputs.md).
 *
 * Labels are compared as text: a JSON string as it is, a JSON number in its shortest form (`1`, `2.5`), a
 * boolean as `true`/`false`, a CSV cell as written. Order: ascending numeric when every label is a finite number,
 * otherwise by Unicode code point.
 */

/**
 * The text of a JSON value used as a label or id, or null when the value cannot be one (object, array, null).
 * @example labelText(1) // '1'
 * @example labelText(2.50) // '2.5'
 * @example labelText(true) // 'true'
 */
export function labelText(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      return Number.isFinite(value) ? String(value) : null
    case 'boolean':
      return value ? 'true' : 'false'
    default:
      return null
  }
}

/** True when `text` reads as a finite number (`1`, `-2.5`, `1e3`), as JSON or a CSV cell would write it. */
export function isNumericText(text: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)
}

/** Compares two strings by Unicode code point (not UTF-16 code unit, not locale). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number
    const y = b.codePointAt(i) as number
    if (x !== y) return x - y
    if (x > 0xffff) i++
  }
  return a.length - b.length
}

/**
 * Sorts labels into report order: ascending numeric when every label is a finite number (ties, e.g. `1` and
 * `1.0`, by code point), otherwise by Unicode code point. Returns a new array.
 * @example labelOrder(['10', '9', '1']) // ['1', '9', '10']
 * @example labelOrder(['spam', 'Ham', 'ham']) // ['Ham', 'ham', 'spam']
 */
export function labelOrder(labels: Iterable<string>): string[] {
  const list = [...new Set(labels)]
  if (list.length > 0 && list.every(isNumericText)) {
    return list.sort((a, b) => Number(a) - Number(b) || compareCodePoints(a, b))
  }
  return list.sort(compareCodePoints)
}
