/**
 * McNemar's exact test for paired proportions (McNemar 1947; exact form: the discordant pairs are
 * Bin(b + c, 1/2) under "no difference").
 *
 * b = examples only the baseline gets right, c = only the candidate. With X ~ Bin(b + c, 1/2):
 * - two-sided, as statsmodels `mcnemar(table, exact=True)`: p = min(1, 2·P(X ≤ min(b, c))); b = c = 0 gives 1.
 * - one-sided for a drop (candidate worse): p = P(X ≤ c), as scipy `binomtest(c, b + c, 0.5, alternative="less")`.
 * - mid-p (Fagerland, Lydersen & Laake 2013): the two-sided p − P(X = min(b, c)).
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
 * Mid-p McNemar: the exact two-sided p − P(X = min(b, c)).
 * @example mcnemarMidP(1, 7) // 0.0390625
 */
export function mcnemarMidP(b: number, c: number): number {
  if (b + c === 0) return 1
  return mcnemarExact(b, c) - binomialHalfPmf(Math.min(b, c), b + c)
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
