/**
 * What a scores field's values are (docs/report.md), for the report's `units`: a field whose values are all 0/1
 * (or true/false) is a pass rate, its mean a proportion shown in % and points like accuracy, also when it is a
 * mean over repeats; a field of whole numbers (a 1–5 judge, a count) is shown without trailing zeros. Read on the
 * rows as written (before repeats are averaged), error rows left out. Cost O(rows · fields).
 *
 * @example scoreUnits(['passed', 'judge'], [{ n: 2, values: [Float64Array.of(0, 1), Float64Array.of(4, 5)] }]) // { passed: 'proportion', judge: 'integer' }
 */
import type { MetricUnit } from '../report/schema.js'

interface Rows {
  n: number
  values: Float64Array[]
  errors?: Uint8Array | null
}

export function scoreUnits(names: readonly string[], files: readonly (Rows | null)[]): Record<string, MetricUnit> | undefined {
  const out: Record<string, MetricUnit> = {}
  names.forEach((name, f) => {
    let zeroOne = true
    let whole = true
    let seen = 0
    for (const file of files) {
      if (!file) continue
      const values = file.values[f]
      for (let i = 0; i < file.n && (zeroOne || whole); i++) {
        if (file.errors && file.errors[i]) continue
        const v = values[i]
        seen++
        if (v !== 0 && v !== 1) zeroOne = false
        if (!Number.isInteger(v)) whole = false
      }
    }
    if (seen === 0) return
    if (zeroOne) out[name] = 'proportion'
    else if (whole) out[name] = 'integer'
  })
  return Object.keys(out).length > 0 ? out : undefined
}
