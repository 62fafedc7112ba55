/**
 * The shifted null of the McNemar metrics for `tolerance T` (docs/gates.md, "Tolerance"): accuracy, and recall,
 * specificity (binary) and recall[L] on the examples of one true class, are differences of paired proportions,
 * Δ = (c − b)/n (b only the baseline right, c only the candidate). No exact conditional test exists for
 * H₀: Δ ≥ −T (the discordant total is not ancillary once T ≠ 0), so the test is Tango's score test at Δ₀ = −T
 * (Tango 1998, src/stats/tango.ts), one-sided: p = Φ(Z(−T)). At T = 0 its Z is McNemar's (c − b)/√(b + c); the
 * gates keep the exact McNemar there. Cost: O(cells) once for the discordant counts, O(1) per rule.
 */
import { discordant, discordantByClass, type CellTable } from '../../pair/cellTable.js'
import type { Task } from '../../report/schema.js'
import type { ShiftedTest } from '../../stats/shiftedNull.js'
import { normalCdf } from '../../stats/normal.js'
import { tangoZ } from '../../stats/tango.js'
import { mcnemarRestriction } from './classificationStatistics.js'

/** The Tango score test of each McNemar metric of `table` (null for the other metrics: the gates fall back). */
export function shiftedMcNemar(ctx: { task: Task; labels: readonly string[]; positive: number | null; table: CellTable }): ShiftedTest {
  let byClass: ReturnType<typeof discordantByClass> | null = null
  let all: { b: number; c: number; n: number } | null = null
  return (metric, tolerance) => {
    const restriction = mcnemarRestriction(metric, { ...ctx, k: ctx.table.k })
    if (restriction === null) return null
    let d: { b: number; c: number; n: number }
    if (restriction === 'all') d = all ??= discordant(ctx.table, null)
    else {
      byClass ??= discordantByClass(ctx.table)
      d = { b: byClass.b[restriction], c: byClass.c[restriction], n: byClass.n[restriction] }
    }
    if (d.n === 0) return null
    return { pValueWorse: normalCdf(tangoZ(d.b, d.c, d.n, -tolerance)), test: 'tango-score' }
  }
}
