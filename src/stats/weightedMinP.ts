/**
 * Weighted Westfall–Young step-down minP adjustment (Westfall & Young 1993, "Resampling-Based Multiple Testing",
 * Algorithm 2.8, with the weighted statistic pᵢ/wᵢ of Westfall, Kropf & Finos 2004, "Weighted FWE-controlling
 * methods in high-dimensional situations", IMS Lecture Notes 47, 143–154). Hypothesis i has weight wᵢ > 0
 * (relative): its observed and resampled p-values are divided by wᵢ, so that a hypothesis of twice the weight
 * may reject at twice the p.
 *
 * With qᵢ = pᵢ/wᵢ sorted ascending, q(1) ≤ … ≤ q(m), and the successive minima u*(l) = min over the hypotheses
 * not yet rejected of p*ⱼ/wⱼ:
 *   adjusted p(l) = max over k ≤ l of (1 + #{r : u*ᵣ(k) ≤ q(k)}) / (R + 1),
 * the observed table counting as one of the R + 1 equally likely ones, so the family-wise error is at most alpha
 * under the complete null for any weights (the permutation argument does not depend on the statistic). Where no
 * resample reaches q(l), the weighted Bonferroni bound (Σ_{j∈S} wⱼ)·q(l) replaces the floor 1/(R + 1) when
 * smaller, as src/stats/westfallYoung.ts does with Holm's. Equal weights give westfallYoung() exactly.
 * Cost: O(m log m + R·m).
 *
 * @example weightedMinP([0.01, 0.02], [Float64Array.of(0.2, 0.015, 0.9), Float64Array.of(0.3, 0.03, 0.01)], [1, 3])
 * // [0.5, 0.5]: q = (0.01, 0.00667); u*(1) = min(p*₂/3, p*₁) = (0.1, 0.01, 0.00333): one ≤ 0.00667 → 2/4;
 * //   then p*₁ alone: (0.2, 0.015, 0.9), none ≤ 0.01 → Bonferroni 1·0.01 < 1/4, raised to 0.5 by the step before
 */
export function weightedMinP(observed: readonly number[], resampled: readonly Float64Array[], weights: readonly number[]): number[] {
  const m = observed.length
  if (m === 0) return []
  if (weights.length !== m) throw new Error('weightedMinP: one weight per hypothesis')
  for (const w of weights) if (!(w > 0 && Number.isFinite(w))) throw new Error('weightedMinP: weights must be positive and finite')
  const R = resampled[0].length
  const q = observed.map((p, i) => p / weights[i])
  const order = q.map((_, i) => i).sort((a, b) => q[a] - q[b] || a - b)
  const u = new Float64Array(R).fill(Infinity)
  const counts = new Float64Array(m)
  const remaining = new Float64Array(m + 1)
  // From the largest observed q down, the running minimum of p*/w over the hypotheses of rank l to m.
  for (let rank = m - 1; rank >= 0; rank--) {
    const j = order[rank]
    const pj = resampled[j]
    const wj = weights[j]
    remaining[rank] = remaining[rank + 1] + wj
    const threshold = q[j] * (1 + 1e-12)
    let hits = 0
    for (let r = 0; r < R; r++) {
      const v = pj[r] / wj
      if (v < u[r]) u[r] = v
      if (u[r] <= threshold) hits++
    }
    counts[rank] = hits
  }
  const adjusted = new Array<number>(m)
  let running = 0
  for (let rank = 0; rank < m; rank++) {
    const floor = (counts[rank] + 1) / (R + 1)
    const step = counts[rank] === 0 ? Math.min(floor, remaining[rank] * q[order[rank]]) : floor
    running = Math.max(running, step)
    adjusted[order[rank]] = Math.min(1, running)
  }
  return adjusted
}
