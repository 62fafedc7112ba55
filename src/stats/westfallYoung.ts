/**
 * Westfall–Young step-down minP adjustment of m one-sided p-values from their joint permutation distribution
 * (Westfall & Young 1993, "Resampling-Based Multiple Testing", Algorithm 2.8; Ge, Dudoit & Speed 2003, docs/statistics.md).
 *
 * Each of R resamples (the same random swaps of the two models for every metric) gives every metric a p-value
 * p*ⱼ computed the same way as the observed pⱼ. With the observed p sorted ascending, p(1) ≤ … ≤ p(m), the
 * successive minima q*(i) = min(p*(i), …, p*(m)) are taken over the hypotheses not yet rejected, and
 *   adjusted p(i) = max over l ≤ i of (1 + #{r : q*(l) ≤ p(l)}) / (R + 1),
 * the observed table counting as one of the R + 1 equally likely ones (Phipson & Smyth 2010), so that no
 * adjusted p is 0 and the family-wise error is at most alpha under the complete null (exactly, for the
 * permutation distribution). Where no resample reaches p(i), Holm's (m − i + 1)·p(i) replaces the floor
 * 1/(R + 1) when smaller (see below). Unlike Holm it uses how the metrics move together: for m copies of one metric the
 * adjustment is none, for m independent ones it is Šidák's. It never exceeds the single-step minP value.
 * Cost: O(m log m + R·m).
 *
 * @example westfallYoung([0.01, 0.5], [Float64Array.of(0.2, 0.005, 0.9), Float64Array.of(0.3, 0.6, 0.01)])
 * // [0.5, 0.5]: one resample of three has min(p*) ≤ 0.01 → (1 + 1)/4; then (1 + 1)/4 for the second
 */
export function westfallYoung(observed: readonly number[], resampled: readonly Float64Array[]): number[] {
  const m = observed.length
  if (m === 0) return []
  const R = resampled[0].length
  const order = observed.map((_, i) => i).sort((a, b) => observed[a] - observed[b] || a - b)
  const q = new Float64Array(R).fill(Infinity)
  const counts = new Float64Array(m)
  // Walk from the largest observed p down, keeping the running minimum of the resampled p over the hypotheses
  // from rank i to m.
  for (let rank = m - 1; rank >= 0; rank--) {
    const j = order[rank]
    const pj = resampled[j]
    const threshold = observed[j] * (1 + 1e-12)
    let hits = 0
    for (let r = 0; r < R; r++) {
      const v = pj[r]
      if (v < q[r]) q[r] = v
      if (q[r] <= threshold) hits++
    }
    counts[rank] = hits
  }
  const adjusted = new Array<number>(m)
  let running = 0
  for (let rank = 0; rank < m; rank++) {
    // No resample reached p(rank): the Monte Carlo value is its floor 1/(R + 1); Holm's (m − rank)·p, when
    // smaller, is a bound on the exact value (each p* is a valid p under the permutation distribution, so
    // P*(min p* ≤ p) ≤ (m − rank)·p). It changes no decision at any alpha ≥ 1/(R + 1), and below that it only
    // rejects what Holm rejects; it keeps a McNemar p of 2e-7 from being shown as 1/(R + 1).
    const floor = (counts[rank] + 1) / (R + 1)
    const step = counts[rank] === 0 ? Math.min(floor, (m - rank) * observed[order[rank]]) : floor
    running = Math.max(running, step)
    adjusted[order[rank]] = Math.min(1, running)
  }
  return adjusted
}

/**
 * Permutation p-values of an observed statistic and of each resampled one, among all R + 1 values (the observed
 * included): p(x) = #{values ≥ x − γ} / (R + 1), γ = max(1e-14, 1e-14·|x|) so that ties in floating point count
 * as ties. Larger statistic = more extreme. For the observed value this is (1 + #{r : T*ᵣ ≥ T}) / (R + 1), the
 * usual one-sided permutation p. Cost: O(R log R).
 *
 * @example rankPValues(2, Float64Array.of(1, 3, 2)) // { observed: 0.75, resampled: [1, 0.25, 0.75] }
 */
export function rankPValues(observed: number, resampled: Float64Array): { observed: number; resampled: Float64Array } {
  const R = resampled.length
  const all = new Float64Array(R + 1)
  all.set(resampled)
  all[R] = observed
  all.sort()
  const atLeast = (x: number): number => {
    const limit = x - Math.max(1e-14, 1e-14 * Math.abs(x))
    // First index with all[i] ≥ limit.
    let lo = 0
    let hi = R + 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (all[mid] < limit) lo = mid + 1
      else hi = mid
    }
    return R + 1 - lo
  }
  const out = new Float64Array(R)
  for (let r = 0; r < R; r++) out[r] = atLeast(resampled[r]) / (R + 1)
  return { observed: atLeast(observed) / (R + 1), resampled: out }
}
