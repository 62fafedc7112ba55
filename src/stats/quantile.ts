/**
 * Sample quantiles with linear interpolation between order statistics: Hyndman & Fan (1996) type 7, numpy's
 * default. (simple-statistics' `quantileSorted` is a different definition, so it is not used here.)
 * Cost: O(1) on sorted data; O(n log n) to sort.
 */

/**
 * The p-quantile of ascending data: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 * @example quantileSorted7([1, 2, 3, 4], 0.5) // 2.5
 * @example quantileSorted7([1, 2, 3, 4], 0.025) // 1.075
 */
export function quantileSorted7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  const h = (n - 1) * p
  const lo = Math.floor(h)
  if (lo >= n - 1) return sorted[n - 1]
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo])
}

/**
 * The two-sided (1 − alpha) percentile interval [q(α/2), q(1 − α/2)]. Sorts `values` in place.
 * @example percentileInterval(Float64Array.of(4, 1, 3, 2), 0.5) // [1.75, 3.25]
 */
export function percentileInterval(values: Float64Array, alpha: number): [number, number] {
  values.sort()
  return [quantileSorted7(values, alpha / 2), quantileSorted7(values, 1 - alpha / 2)]
}
