/**
 * The paired t-test on per-example differences d (Student 1908; scipy `ttest_rel`): t = d̄ / (s_d / √n),
 * df = n − 1, s_d the sample standard deviation (n − 1 in the denominator; simple-statistics' tTest uses the
 * population one and gives 4.4721 for [1, 2, 3, 4] where scipy gives 3.8730). Also the (1 − alpha) t interval of
 * the mean. Mean and variance by two passes (stable). Cost: O(n).
 *
 * @example pairedT(Float64Array.of(1, 2, 3, 4), 0.05).t // 3.872983346207417
 */
import { studentTCdf, studentTQuantile, studentTSf } from './studentt.js'

export interface PairedTResult {
  n: number
  mean: number
  /** Standard error of the mean. */
  se: number
  t: number
  df: number
  /** Two-sided p for mean = 0. */
  pValue: number
  /** One-sided p for mean > 0. */
  pGreater: number
  /** One-sided p for mean < 0. */
  pLess: number
  /** (1 − alpha) two-sided interval of the mean. */
  ci: [number, number]
  /** One-sided (1 − alpha) lower and upper bounds of the mean. */
  lower: number
  upper: number
}

/**
 * @returns null when n < 2. When every difference is equal (sd = 0), p is 1 for a zero mean and 0 otherwise,
 * and the interval is the mean itself.
 */
export function pairedT(d: ArrayLike<number>, alpha: number): PairedTResult | null {
  const n = d.length
  if (n < 2) return null
  let sum = 0
  for (let i = 0; i < n; i++) sum += d[i]
  const mean = sum / n
  let ss = 0
  let drift = 0
  for (let i = 0; i < n; i++) {
    const e = d[i] - mean
    ss += e * e
    drift += e
  }
  const variance = (ss - (drift * drift) / n) / (n - 1)
  const se = Math.sqrt(Math.max(0, variance) / n)
  const df = n - 1
  return tResult(n, mean, se, df, alpha)
}

/**
 * The t test's result for a mean with its standard error and degrees of freedom (shared by the plain and the
 * cluster paired t): two-sided p, both one-sided p, the two-sided interval and both one-sided bounds. A zero
 * standard error gives p 0 or 1 and a point interval. Cost O(1) plus the t quantiles.
 * @example tResult(10, 0.5, 0.2, 9, 0.05).t // 2.5
 */
export function tResult(n: number, mean: number, se: number, df: number, alpha: number): PairedTResult {
  if (se === 0 || se < 1e-15 * Math.abs(mean)) {
    const p = mean === 0 ? 1 : 0
    return { n, mean, se: 0, t: mean === 0 ? 0 : Math.sign(mean) * Infinity, df, pValue: p, pGreater: mean > 0 ? 0 : 1, pLess: mean < 0 ? 0 : 1, ci: [mean, mean], lower: mean, upper: mean }
  }
  const t = mean / se
  const q2 = studentTQuantile(1 - alpha / 2, df)
  const q1 = studentTQuantile(1 - alpha, df)
  return {
    n,
    mean,
    se,
    t,
    df,
    pValue: Math.min(1, 2 * studentTSf(Math.abs(t), df)),
    pGreater: studentTSf(t, df),
    pLess: studentTCdf(t, df),
    ci: [mean - q2 * se, mean + q2 * se],
    lower: mean - q1 * se,
    upper: mean + q1 * se
  }
}
