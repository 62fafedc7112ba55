/**
 * Weighted Holm step-down adjustment (Holm 1979, "A simple sequentially rejective multiple test procedure",
 * Scand. J. Statist. 6, 65–70, the weighted form of its section 3): hypothesis i has weight wᵢ > 0 (relative)
 * and gets the share wᵢ/Σw of alpha. Sort by pᵢ/wᵢ ascending; at step l, with S the hypotheses not yet
 * rejected, reject when p(l)/w(l) ≤ alpha/Σ_{j∈S} wⱼ. As adjusted p-values:
 *   adjusted p(l) = max over k ≤ l of min(1, (Σ_{j∈S(k)} wⱼ) · p(k)/w(k)).
 * Equal weights give Holm's (m − l + 1)·p(l) exactly (src/stats/holm.ts). Controls the family-wise error rate
 * for any dependence (a weighted Bonferroni at every step, closed testing). Cost: O(m log m).
 *
 * @example weightedHolm([0.01, 0.04, 0.03, 0.005], [4, 1, 1, 1]) // [0.0175, 0.06, 0.06, 0.0175]
 * // p/w = (0.0025, 0.04, 0.03, 0.005): 7·0.0025, 3·0.005, 2·0.03, 1·0.04, made monotone
 */
export function weightedHolm(pValues: readonly number[], weights: readonly number[]): number[] {
  const m = pValues.length
  if (weights.length !== m) throw new Error('weightedHolm: one weight per p-value')
  for (const w of weights) if (!(w > 0 && Number.isFinite(w))) throw new Error('weightedHolm: weights must be positive and finite')
  const q = pValues.map((p, i) => p / weights[i])
  const order = q.map((_, i) => i).sort((a, b) => q[a] - q[b] || a - b)
  // Σ w over the hypotheses of rank l to m, from the last rank up (summed so, it has no cancellation).
  const remaining = new Float64Array(m + 1)
  for (let rank = m - 1; rank >= 0; rank--) remaining[rank] = remaining[rank + 1] + weights[order[rank]]
  const adjusted = new Array<number>(m)
  let running = 0
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, remaining[rank] * q[index]))
    adjusted[index] = running
  })
  return adjusted
}
