/**
 * DeLong's placement values of one class column without sorting the whole column: for a positive i,
 * V10ᵢ = (#negatives below sᵢ + ½·#negatives tied with sᵢ) / N, and for a negative j,
 * V01ⱼ = 1 − (#positives below sⱼ + ½·#positives tied with sⱼ) / P — the midrank form of src/stats/delong.ts
 * (z − x there is exactly #negatives below + ½·#negatives tied: integers and halves, no rounding), so the
 * values are the same doubles.
 *
 * Method: only the smaller side (positives or negatives, m examples) is sorted (native Float64Array sort) and
 * reduced to its distinct values with their counts; every example of the larger side finds its place among
 * them by binary search, which gives its own placement and, counted per place, the larger side's counts below
 * and tied for every distinct value of the smaller side. With K classes the positives of a class are about n/K,
 * so the search is in a small array that stays in cache.
 * Cost: O(m log m + n log m) time, O(n) memory; against O(n) radix passes over the whole column with scattered
 * reads (src/metrics/scores.ts `ascendingOrder`), several times faster at n = 10⁶, K = 20.
 * Scores must not be NaN (the readers reject them).
 *
 * @example
 * const out = new Float64Array(4)
 * placementsBySearch(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8), 2, 2, out)
 * // out = [1, 0.5, 0.5, 1]: V01 of the negatives (0.1 is below both positives, 0.4 above one), V10 of the positives
 */
export function placementsBySearch(positive: Uint8Array, score: Float64Array, nPos: number, nNeg: number, out: Float64Array): void {
  const n = positive.length
  // The smaller side's flag (1: positives), its sorted distinct values and how many of it are below / tied.
  const small = nPos <= nNeg ? 1 : 0
  const m = small === 1 ? nPos : nNeg
  const sorted = new Float64Array(m)
  for (let e = 0, i = 0; e < n; e++) if (positive[e] === small) sorted[i++] = score[e]
  sorted.sort()
  const distinct = new Float64Array(m)
  const smallBelow = new Float64Array(m + 1)
  const smallTied = new Float64Array(m)
  let d = 0
  for (let i = 0; i < m; ) {
    const v = sorted[i]
    let j = i + 1
    // -0 and 0 are one value (===), as in the sorted scan of src/stats/delong.ts.
    while (j < m && sorted[j] === v) j++
    distinct[d] = v
    smallBelow[d] = i
    smallTied[d] = j - i
    d++
    i = j
  }
  // Per distinct value t of the smaller side: examples of the larger side strictly between distinct[t − 1] and
  // distinct[t] (index t; index d: above all), and tied with distinct[t].
  const largeBetween = new Float64Array(d + 1)
  const largeTied = new Float64Array(d)
  const place = new Int32Array(m)
  const nSmall = m
  const find = searcher(distinct, d)
  for (let e = 0, s = 0; e < n; e++) {
    const v = score[e]
    const lo = find(v)
    if (positive[e] === small) {
      place[s++] = lo
      continue
    }
    const tied = lo < d && distinct[lo] === v
    const counted = tied ? smallBelow[lo] + smallTied[lo] / 2 : lo < d ? smallBelow[lo] : nSmall
    if (tied) largeTied[lo]++
    else largeBetween[lo]++
    // This example is on the larger side: its count is against the smaller side.
    out[e] = small === 1 ? 1 - counted / nPos : counted / nNeg
  }
  // Larger-side examples below each distinct value: a running sum of the between and tied counts.
  const largeBelow = new Float64Array(d)
  let below = 0
  for (let t = 0; t < d; t++) {
    below += largeBetween[t]
    largeBelow[t] = below
    below += largeTied[t]
  }
  for (let e = 0, s = 0; e < n; e++) {
    if (positive[e] !== small) continue
    const t = place[s++]
    const counted = largeBelow[t] + largeTied[t] / 2
    out[e] = small === 1 ? counted / nNeg : 1 - counted / nPos
  }
}

/**
 * The first index of `distinct[0 … d)` (ascending, distinct) whose value is ≥ v, by a bucket table over the
 * values' range: bucket(v) = ⌊(v − min)·B / (max − min)⌋ is monotone in v, so the answer lies between the
 * first distinct value of v's bucket and the first of the next one; that range is scanned (a binary search
 * when it is long, as when the values crowd into a few buckets). B = 2d buckets.
 * Cost: O(d) to build; O(1) per search for values spread over their range, O(log d) at worst.
 * @example searcher(Float64Array.of(0.1, 0.5, 0.9), 3)(0.5) // 1
 */
export function searcher(distinct: Float64Array, d: number): (v: number) => number {
  if (d === 0) return () => 0
  const min = distinct[0]
  const max = distinct[d - 1]
  const B = 2 * d
  const range = max - min
  // A range that overflows (±1e308) gives scale 0: one bucket, the binary search.
  const scale = range > 0 && Number.isFinite(range) ? B / range : 0
  const start = new Int32Array(B + 1)
  let b = 0
  for (let t = 0; t < d; t++) {
    const bt = Math.min(B - 1, Math.floor((distinct[t] - min) * scale))
    while (b <= bt) start[b++] = t
  }
  while (b <= B) start[b++] = d
  return (v: number): number => {
    if (v <= min) return 0
    if (v > max) return d
    const bv = Math.min(B - 1, Math.floor((v - min) * scale))
    let lo = start[bv]
    let hi = start[bv + 1]
    if (hi - lo > 8) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (distinct[mid] < v) lo = mid + 1
        else hi = mid
      }
      return lo
    }
    while (lo < hi && distinct[lo] < v) lo++
    return lo
  }
}
