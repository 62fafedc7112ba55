import type { Xoshiro128 } from './random.js'

/**
 * Westfall–Young step-down max-T adjustment of m one-sided tests from their joint permutation distribution
 * (Westfall & Young 1993, "Resampling-Based Multiple Testing", Algorithm 4.1 in the step-down form of docs/tasks.md.8;
 * Ge, Dudoit & Speed 2003, Test 7, Box 2).
 *
 * Each metric j has an observed statistic tⱼ and R resampled ones t*ⱼᵣ from the same swaps (larger = worse),
 * standardized so that they are comparable ({@link standardize}). With the observed statistics sorted
 * descending, t(1) ≥ … ≥ t(m), the successive maxima u*(i) = max(t*(i), …, t*(m)) run over the hypotheses not
 * yet rejected, and
 *   adjusted p(i) = max over l ≤ i of (1 + #{r : u*ᵣ(l) ≥ t(l)}) / (R + 1)
 * (the observed table as one of the R + 1 equally likely, Phipson & Smyth 2010). Family-wise error ≤ alpha under
 * the complete null, exactly for the permutation distribution, as minP's. Unlike minP it needs no p-value per
 * resample (no rank of each resample among the others, whose resolution 1/(R + 1) blurs the tail), which is why
 * Ge et al. find it more powerful for the same R when the statistics are alike in distribution; it weights the
 * metrics by their standardized scale, not by their p.
 * With `ties` ({@link tieKeys}: R + 1 seeded keys, the observed table's first) a resample counts as ≥ t only when
 * it is above t, or equal to t with a key above the observed table's: the randomized permutation test, whose size
 * is alpha exactly for a discrete statistic such as McNemar's, where counting every tie stays below alpha.
 * Cost: O(m log m + R·m).
 *
 * @example maxT([2.5, 0.1], [Float64Array.of(1, 3, -1), Float64Array.of(0.5, -2, 0)])
 * // [0.5, 0.5]: u*(1) = max(t*₁, t*₂) = (1, 3, 0), one ≥ 2.5 → (1 + 1)/4; u*(2) = t*₂, one ≥ 0.1 → 2/4
 */
export function maxT(observed: readonly number[], resampled: readonly Float64Array[], ties?: Float64Array): number[] {
  const m = observed.length
  if (m === 0) return []
  const R = resampled[0].length
  const order = observed.map((_, i) => i).sort((a, b) => observed[b] - observed[a] || a - b)
  const u = new Float64Array(R).fill(-Infinity)
  const counts = new Float64Array(m)
  // From the smallest observed statistic up, the running maximum over the hypotheses of rank i to m.
  for (let rank = m - 1; rank >= 0; rank--) {
    const j = order[rank]
    const tj = resampled[j]
    const t = observed[j]
    const tolerance = Math.max(1e-12, 1e-12 * Math.abs(t))
    const threshold = t - tolerance
    let hits = 0
    if (ties) {
      // (u, V) ≥ (t, V₀) lexicographically: above t, or tied with t and a larger key than the observed table's.
      const above = t + tolerance
      const own = ties[0]
      for (let r = 0; r < R; r++) {
        const v = tj[r]
        if (v > u[r]) u[r] = v
        const x = u[r]
        if (x > above || (x >= threshold && ties[r + 1] > own)) hits++
      }
    } else {
      for (let r = 0; r < R; r++) {
        const v = tj[r]
        if (v > u[r]) u[r] = v
        if (u[r] >= threshold) hits++
      }
    }
    counts[rank] = hits
  }
  const adjusted = new Array<number>(m)
  let running = 0
  for (let rank = 0; rank < m; rank++) {
    running = Math.max(running, (counts[rank] + 1) / (R + 1))
    adjusted[order[rank]] = Math.min(1, running)
  }
  return adjusted
}

/**
 * Centres and scales an observed statistic and its R resampled values by the mean and standard deviation of all
 * R + 1 of them (the observed included: a symmetric function of the set, so the permutation argument that makes
 * max-T exact still holds). −∞ (an undefined resample) stays −∞ and is left out of the moments; a constant
 * statistic becomes 0 everywhere. Cost: O(R).
 *
 * @example standardize(3, Float64Array.of(1, 2)) // { observed: 1, resampled: [-1, 0] } (mean 2, sd 1)
 */
export function standardize(observed: number, resampled: Float64Array): { observed: number; resampled: Float64Array } {
  let n = 0
  let mean = 0
  let m2 = 0
  const add = (x: number): void => {
    if (!Number.isFinite(x)) return
    n++
    const d = x - mean
    mean += d / n
    m2 += d * (x - mean)
  }
  add(observed)
  for (let r = 0; r < resampled.length; r++) add(resampled[r])
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0
  const scale = (x: number): number => (x === -Infinity ? -Infinity : Number.isFinite(x) && sd > 0 ? (x - mean) / sd : 0)
  const out = new Float64Array(resampled.length)
  for (let r = 0; r < resampled.length; r++) out[r] = scale(resampled[r])
  return { observed: scale(observed), resampled: out }
}

/**
 * Tie-break keys for a randomized permutation test (Hoeffding 1952; Hemerik & Goeman 2018, "Exact testing with
 * random permutations", JRSS B 80): one uniform key per table, the observed one first (index 0), then the R
 * resamples'. Ordering the tables by (statistic, key) leaves no ties, so the observed table's rank among the R + 1
 * is uniform under the null and the test's size is alpha exactly, where counting every tie against the observed
 * table (the conservative rule) makes a discrete statistic such as McNemar's reject less often than alpha.
 * Cost: O(R).
 *
 * @example tieKeys(2, streamFor(0, 'joint:max-t:ties')) // three doubles in [0, 1), the same for the same seed
 */
export function tieKeys(R: number, rng: Xoshiro128): Float64Array {
  const keys = new Float64Array(R + 1)
  for (let r = 0; r <= R; r++) keys[r] = rng.nextDouble()
  return keys
}
