import { logNormalSf } from './logNormalSf.js'
import { maxT } from './maxT.js'

/**
 * Weighted Westfall–Young step-down max-T (Westfall & Young 1993, "Resampling-Based Multiple Testing",
 * Algorithm 4.1, step-down; weights as in Westfall, Kropf & Finos 2004, "Weighted FWE-controlling methods in
 * high-dimensional situations", IMS Lecture Notes 47, 143–154, who compare pᵢ/wᵢ). Hypothesis i has weight
 * wᵢ > 0 (relative) and a standardized worse-side statistic tᵢ (about N(0, 1) under the null, src/stats/maxT.ts
 * `standardize`). Each statistic, observed and resampled, is mapped to
 *   sᵢ(t) = log wᵢ − log(1 − Φ(t)),
 * the minus log of its normal-tail p divided by its weight, and the step-down max-T of src/stats/maxT.ts runs on
 * the s: the largest s among the hypotheses not yet rejected is the smallest p/w, so this is the weighted minP
 * with the normal tail in place of rank p-values (no 1/(R + 1) resolution; exact under the permutation null for
 * any weights, the argument does not depend on the statistic). With equal weights s is one increasing function of
 * t for every hypothesis, so the result is maxT()'s exactly (and maxT() is what runs). −∞ (an undefined resample)
 * stays −∞. `ties`: as maxT(). Cost: O(m log m + R·m).
 *
 * @example weightedMaxT([2.5, 2.0], [Float64Array.of(1, 3, -1), Float64Array.of(0.5, 2.2, 0)], [1, 4])
 * // [0.5, 0.5]: s = (5.08, 5.17), so hypothesis 2 (weight 4) comes first although its t is smaller;
 * //   u* = max(s*₁, s*₂) = (2.56, 6.61, 2.08), one ≥ 5.17 → 2/4; then s*₁ = (1.84, 6.61, 0.17) alone, one ≥ 5.08 → 2/4
 */
export function weightedMaxT(observed: readonly number[], resampled: readonly Float64Array[], weights: readonly number[], ties?: Float64Array): number[] {
  const m = observed.length
  if (weights.length !== m) throw new Error('weightedMaxT: one weight per hypothesis')
  for (const w of weights) if (!(w > 0 && Number.isFinite(w))) throw new Error('weightedMaxT: weights must be positive and finite')
  if (weights.every((w) => w === weights[0])) return maxT(observed, resampled, ties)
  const map = (t: number, logW: number): number => (t === -Infinity ? -Infinity : logW - logNormalSf(t))
  const logWeights = weights.map((w) => Math.log(w))
  const s = observed.map((t, i) => map(t, logWeights[i]))
  const sResampled = resampled.map((column, i) => {
    const out = new Float64Array(column.length)
    for (let r = 0; r < column.length; r++) out[r] = map(column[r], logWeights[i])
    return out
  })
  return maxT(s, sResampled, ties)
}
