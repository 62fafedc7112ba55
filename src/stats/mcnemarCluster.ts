/**
 * McNemar's test for clustered paired binary data (docs/repeats-and-clusters.md, `test: "mcnemar-cluster"`): Durkalski, Palesch,
 * Lipsitz & Rust (2003), "Analysis of clustered matched-pair data", Stat Med 22:2417–2428. With b_g (c_g) the
 * pairs of cluster g where only the candidate (only the baseline) is right, and d_g = b_g − c_g:
 *
 *   X² = (Σ_g d_g)² / Σ_g d_g²,  p = P(χ²₁ > X²)
 *
 * One-sided forms: z = Σ d_g / √(Σ d_g²), p = Φ(z) for the candidate lower, 1 − Φ(z) for it higher. With every cluster of one pair
 * X² = (b − c)² / (b + c), McNemar's χ² without continuity correction (statsmodels
 * `mcnemar(table, exact=False, correction=False)`). Only d_g is needed, so the statistic also takes a cluster's
 * difference of correct counts when its two models have the same number of rows. Cost O(G).
 *
 * @example mcnemarCluster(Float64Array.of(2, 1, -1, 0, 3)) // { statistic: 1.6667, pValue: 0.19671, pLess: 0.90165, pGreater: 0.09835 } (rounded)
 */
import { erfc, normalCdf, normalSf } from './normal.js'

export interface ClusterTest {
  statistic: number
  /** Two-sided p for no difference. */
  pValue: number
  /** One-sided p for the candidate's rate lower than the baseline's (Σ d_g < 0). */
  pLess: number
  /** One-sided p for the candidate's rate higher. */
  pGreater: number
}

export function mcnemarCluster(d: ArrayLike<number>): ClusterTest {
  let sum = 0
  let squares = 0
  for (let g = 0; g < d.length; g++) {
    sum += d[g]
    squares += d[g] * d[g]
  }
  if (squares === 0) return { statistic: 0, pValue: 1, pLess: 1, pGreater: 1 }
  const statistic = (sum * sum) / squares
  const z = sum / Math.sqrt(squares)
  return { statistic, pValue: erfc(Math.sqrt(statistic / 2)), pLess: normalCdf(z), pGreater: normalSf(z) }
}
