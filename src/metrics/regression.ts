/**
 * Regression metrics of docs/tasks.md, as scikit-learn 1.2 defines them (`sklearn.metrics`), over per-example arrays
 * or over weighted cells (a weight is how many examples a value stands for; the sums are the same):
 * - `mae` = Σ w·|y − ŷ| / Σ w (`mean_absolute_error`);
 * - `rmse` = √(Σ w·(y − ŷ)² / Σ w) (`mean_squared_error(squared=False)`);
 * - `r2` = 1 − Σ w·(y − ŷ)² / Σ w·(y − ȳ)² (`r2_score`, force_finite: a constant y gives 1 when every prediction
 *   is exact, else 0 — a y whose values are all equal counts as constant even where the rounding of ȳ would leave
 *   a total sum of squares of 1e-32; fewer than two examples give NaN, as scikit-learn's warning and nan);
 * - `max_error` = max |y − ŷ| over examples of positive weight (`max_error`).
 * Lower is better except for `r2`.
 * Cost: two passes, O(n) (ȳ first, then the total sum of squares about it: no cancellation).
 *
 * @example regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]).r2 // 0.9486081370449679 (scikit-learn's r2_score example)
 */
import type { Direction } from '../stats/direction.js'

export const REGRESSION_METRICS = ['mae', 'rmse', 'r2', 'max_error'] as const
export type RegressionMetric = (typeof REGRESSION_METRICS)[number]

/** `r2` is better when higher, the errors when lower. */
export function regressionDirection(name: RegressionMetric): Direction {
  return name === 'r2' ? 'higher' : 'lower'
}

export interface RegressionValues {
  mae: number
  rmse: number
  r2: number
  max_error: number
}

/**
 * The four metrics of predictions `p` against truths `y`, optionally weighted (null: every weight 1).
 * NaN for all four without examples.
 * @example regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]).mae // 0.5
 * @example regressionMetrics([3, 2, 7, 1], [4, 2, 7, 1]).max_error // 1
 */
export function regressionMetrics(y: ArrayLike<number>, p: ArrayLike<number>, weight: ArrayLike<number> | null = null): RegressionValues {
  const n = y.length
  let total = 0
  let sumAbs = 0
  let sumSq = 0
  let sumY = 0
  let max = -Infinity
  let first = NaN
  let constant = true
  for (let i = 0; i < n; i++) {
    const w = weight === null ? 1 : weight[i]
    if (w === 0) continue
    if (total === 0) first = y[i]
    else if (y[i] !== first) constant = false
    const e = y[i] - p[i]
    const a = Math.abs(e)
    total += w
    sumAbs += w * a
    sumSq += w * e * e
    sumY += w * y[i]
    if (a > max) max = a
  }
  if (total === 0) return { mae: NaN, rmse: NaN, r2: NaN, max_error: NaN }
  const mean = sumY / total
  let ssTot = 0
  for (let i = 0; i < n && !constant; i++) {
    const w = weight === null ? 1 : weight[i]
    const d = y[i] - mean
    ssTot += w * d * d
  }
  return { mae: sumAbs / total, rmse: Math.sqrt(sumSq / total), r2: r2Of(sumSq, ssTot, total), max_error: max }
}

/**
 * R² from the residual and total sums of squares of `total` examples, with scikit-learn's force_finite rules.
 * @example r2Of(0, 0, 5) // 1
 * @example r2Of(2, 0, 5) // 0
 */
export function r2Of(ssRes: number, ssTot: number, total: number): number {
  if (total < 2) return NaN
  if (ssTot === 0) return ssRes === 0 ? 1 : 0
  return 1 - ssRes / ssTot
}
