/**
 * `tolerance T` on a no-regression rule (docs/gates.md, "Tolerance"): the rule fails only when the drop is
 * significant and larger than T, i.e. on the one-sided test of the shifted null H₀: delta ≥ −T (higher is better;
 * delta ≤ T when lower is better). T = 0 is the rule's own test, unchanged. Which test a shifted null gets:
 *
 * | the metric's test | shifted test | `test` |
 * | --- | --- | --- |
 * | McNemar, where the task has the discordant counts (classification, cells) | Tango's score test at Δ₀ = −T (src/stats/tango.ts; at T = 0 it is McNemar's z) | `tango-score` |
 * | paired t | the paired t of d̄ against ∓T (exact): se from the t interval, or from the t statistic behind the p | `paired-t-shifted` |
 * | DeLong | the DeLong z of ΔAUC against −T (exact, as the unshifted test) | `delong-shifted` |
 * | anything else (resampled tests, clustered tests) | the normal form of the one-sided bound: se = \|Δ − worseBound\|/z₁₋α, p = 1 − Φ((w − T)/se) | `bound-normal` |
 *
 * w is the change in the worse direction (−Δ when higher is better). The last form rejects at level alpha exactly
 * when the better-side bound (docs/gates.md, "Verdicts") is beyond −T, so `no-regression tolerance T` and the
 * "shown inferior" outcome of `non-inferior T` agree at alpha; below alpha (after Holm) it extends the bound with
 * normal tails.
 *
 * The p used is max(shifted p, the metric's own one-sided p): a drop beyond −T is a drop beyond 0, so requiring
 * both keeps the test's level (a level-alpha test of the shifted null made more conservative) and means that a
 * tolerance never fails a change that the plain rule passes — which a score test alone could, near T = 0, where
 * Tango's asymptotic Z is less conservative than the exact McNemar. Cost: O(1) per rule (Tango: O(1); the t
 * quantile: a few Newton steps).
 */
import { normalQuantile, normalSf } from '../stats/normal.js'
import { studentTQuantile, studentTSf } from '../stats/studentt.js'
import type { ShiftedP, ShiftedTest } from '../stats/shiftedNull.js'
import type { MetricReport } from '../report/schema.js'

export interface ShiftContext {
  alpha: number
  /** The examples the metric was computed on (a slice's own), for the t test's degrees of freedom; null unknown. */
  examples: number | null
  /** The task's own shifted test, where it has one (src/stats/shiftedNull.ts). */
  exact?: ShiftedTest | null
}

/**
 * The one-sided p of "worse than the tolerance" for a metric (table above); null when the metric has no test.
 * @example shiftedPValue('f1', { ...m, delta: -0.02, worseBound: -0.0365, test: 'permutation' }, 0.005, { alpha: 0.05, examples: 2000 })
 * // { pValueWorse: 0.0674…, test: 'bound-normal' }: se = 0.0165/1.645 = 0.01003, z = (0.02 − 0.005)/0.01003 = 1.495
 */
export function shiftedPValue(name: string, m: MetricReport, tolerance: number, ctx: ShiftContext): ShiftedP | null {
  if (m.pValueWorse === null || m.delta === null) return null
  if (tolerance === 0) return { pValueWorse: m.pValueWorse, test: m.test ?? 'unknown' }
  const shifted = shiftedTest(name, m, tolerance, ctx)
  return shifted && { pValueWorse: Math.max(shifted.pValueWorse, m.pValueWorse), test: shifted.test }
}

/** The shifted test alone (the table above), before the max with the metric's own p. */
function shiftedTest(name: string, m: MetricReport, tolerance: number, ctx: ShiftContext): ShiftedP | null {
  if (m.delta === null) return null
  const own = ctx.exact ? ctx.exact(name, tolerance) : null
  if (own) return own
  const w = m.direction === 'higher' ? -m.delta : m.delta
  const { alpha } = ctx
  if (m.test === 'delong' && m.ci) {
    const se = (m.ci[1] - m.ci[0]) / (2 * normalQuantile(1 - alpha / 2))
    if (se > 0) return { pValueWorse: normalSf((w - tolerance) / se), test: 'delong-shifted' }
  }
  if (m.test === 'paired-t' && ctx.examples !== null && ctx.examples >= 2) {
    const df = ctx.examples - 1
    const se = pairedTStandardError(m, w, df, alpha)
    if (se !== null) return { pValueWorse: studentTSf((w - tolerance) / se, df), test: 'paired-t-shifted' }
  }
  if (m.worseBound === null) return null
  const h = Math.abs(m.delta - m.worseBound)
  if (h === 0) return { pValueWorse: w > tolerance ? 0 : 1, test: 'bound-normal' }
  const se = h / normalQuantile(1 - alpha)
  return { pValueWorse: normalSf((w - tolerance) / se), test: 'bound-normal' }
}

/**
 * The standard error behind a paired t result: from its t interval (ciMethod `paired-t`: half-width
 * t₁₋α/₂·se), else from the one-sided p and the change (t = w/se, p = P(T > t)); null when neither gives it.
 */
function pairedTStandardError(m: MetricReport, w: number, df: number, alpha: number): number | null {
  if (m.ciMethod === 'paired-t' && m.ci) {
    const se = (m.ci[1] - m.ci[0]) / (2 * studentTQuantile(1 - alpha / 2, df))
    if (se > 0) return se
  }
  const p = m.pValueWorse as number
  if (w === 0 || !(p > 1e-300 && p < 1 - 1e-12)) return null
  const t = studentTQuantile(1 - p, df)
  if (t === 0 || Math.sign(t) !== Math.sign(w)) return null
  return w / t
}
