/**
 * McNemar's exact test for paired proportions (McNemar 1947; exact form: the discordant pairs are
 * Bin(b + c, 1/2) under "no difference").
 *
 * b = examples only the baseline gets right, c = only the candidate. With X ~ Bin(b + c, 1/2):
 * - two-sided, as statsmodels `mcnemar(table, exact=True)`: p = min(1, 2·P(X ≤ min(b, c))); b = c = 0 gives 1.
 * - one-sided for a drop (candidate worse): p = P(X ≤ c), as scipy `binomtest(c, b + c, 0.5, alternative="less")`.
 * - mid-p (Fagerland, Lydersen & Laake 2013): 2·P(X ≤ min(b, c)) − P(X = min(b, c)); one-sided P(X < c) + ½P(X = c).
 * Cost: O(min(b, c)) terms. Up to b + c = 1000 the terms C(m, i)/2^m are summed upward from 2^−m (exact for small
 * counts); above, downward from the largest, which Loader's saddle-point form gives to ~1e-15 (no underflow).
 *
 * @example mcnemarExact(1, 7) // 0.0703125
 */
import { binomialPmf } from './gamma.js'
import { erfc } from './normal.js'

/** P(X ≤ k) for X ~ Bin(m, 1/2). */
export function binomialHalfCdf(k: number, m: number): number {
  if (k < 0) return 0
  if (k >= m) return 1
  if (2 * k + 1 > m) return 1 - binomialHalfCdf(m - k - 1, m)
  if (m <= 1000) {
    let t = 2 ** -m
    let sum = t
    for (let i = 0; i < k; i++) {
      t = (t * (m - i)) / (i + 1)
      sum += t
    }
    return Math.min(1, sum)
  }
  // Terms t_i = C(m, i)/2^m decrease as i falls below m/2: start at t_k, recur t_{i−1} = t_i·i/(m − i + 1).
  let t = binomialPmf(k, m, 0.5)
  let sum = t
  for (let i = k; i > 0 && t > 1e-18 * sum; i--) {
    t *= i / (m - i + 1)
    sum += t
  }
  return Math.min(1, sum)
}

/** P(X = k) for X ~ Bin(m, 1/2). */
export function binomialHalfPmf(k: number, m: number): number {
  if (k < 0 || k > m) return 0
  return binomialPmf(k, m, 0.5)
}

/**
 * Exact two-sided McNemar p-value.
 * @example mcnemarExact(12, 25) // 0.04703102743951604
 */
export function mcnemarExact(b: number, c: number): number {
  if (b + c === 0) return 1
  return Math.min(1, 2 * binomialHalfCdf(Math.min(b, c), b + c))
}

/**
 * One-sided exact p-value for "the candidate is worse": P(X ≤ c), X ~ Bin(b + c, 1/2).
 * @example mcnemarDrop(7, 1) // 0.03515625
 */
export function mcnemarDrop(b: number, c: number): number {
  if (b + c === 0) return 1
  return binomialHalfCdf(c, b + c)
}

/**
 * Mid-p McNemar, two-sided (Fagerland, Lydersen & Laake 2013, BMC Med Res Methodol 13:91, eq. 4):
 * 2·P(X ≤ k) − P(X = k) with k = min(b, c), capped at 1 (b = c gives 1, as the exact test does). The exact
 * test's p less half the probability of the observed table, on each side; in their study it never exceeded the
 * nominal level. Cost: that of {@link mcnemarExact}.
 * @example mcnemarMidP(1, 7) // 0.0390625 (their worked example: AHR before and after transplantation, n = 21)
 */
export function mcnemarMidP(b: number, c: number): number {
  if (b + c === 0) return 1
  const k = Math.min(b, c)
  const m = b + c
  if (2 * k >= m) return 1
  return Math.min(1, 2 * binomialHalfCdf(k, m) - binomialHalfPmf(k, m))
}

/**
 * One-sided mid-p for "the candidate is worse": P(X < c) + ½·P(X = c), X ~ Bin(b + c, 1/2) (Lancaster 1961;
 * the one-sided form of Fagerland et al. 2013); b = c = 0 gives 1.
 * @example mcnemarDropMidP(7, 1) // 0.01953125 (= 1/256 + 8/512)
 */
export function mcnemarDropMidP(b: number, c: number): number {
  if (b + c === 0) return 1
  return binomialHalfCdf(c, b + c) - 0.5 * binomialHalfPmf(c, b + c)
}

/** Which McNemar p-values a run uses: `exact` (docs/statistics.md) or `mid-p`. */
export type McNemarMethod = 'exact' | 'mid-p'

/** The default (README, "Statistics": chosen from the calibration numbers of `npm run calibrate`). */
export const DEFAULT_MCNEMAR: McNemarMethod = 'exact'

/** The two-sided and one-sided (drop) p-value functions and the `test` name of a method. */
export function mcnemarMethod(method: McNemarMethod): { twoSided: (b: number, c: number) => number; drop: (b: number, c: number) => number; test: string } {
  return method === 'mid-p'
    ? { twoSided: mcnemarMidP, drop: mcnemarDropMidP, test: 'mcnemar-mid-p' }
    : { twoSided: mcnemarExact, drop: mcnemarDrop, test: 'mcnemar-exact' }
}

/**
 * McNemar's χ² test: X² = (|b − c| − k)²/(b + c), k = 1 with Edwards' continuity correction, 0 without;
 * p = P(χ²₁ > X²) = erfc(√(X²/2)). b = c = 0 gives X² = 0 and p = 1 (statsmodels' corrected version returns
 * p = 0 there, which is wrong). Cost: O(1).
 * @example mcnemarChiSquare(1, 7, true) // { statistic: 3.125, pValue: 0.07709987174354202 }
 */
export function mcnemarChiSquare(b: number, c: number, correction: boolean): { statistic: number; pValue: number } {
  if (b + c === 0) return { statistic: 0, pValue: 1 }
  const d = Math.max(0, Math.abs(b - c) - (correction ? 1 : 0))
  const statistic = (d * d) / (b + c)
  return { statistic, pValue: erfc(Math.sqrt(statistic / 2)) }
}
