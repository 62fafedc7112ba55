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

/**
 * Type-7 quantiles (as quantileSorted7 of the sorted values) at each probability, by selection instead of a
 * full sort: the order statistics ⌊h⌋ and ⌊h⌋ + 1 (h = (n − 1)·p) are found by Hoare's quickselect, each
 * search confined to the part right of the previous one. Reorders `values`; no NaN allowed.
 * Cost: O(n) expected per probability, against O(n log n) for the sort.
 * @example quantiles(Float64Array.of(4, 1, 3, 2), [0.25, 0.75]) // [1.75, 3.25]
 */
export function quantiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length
  const ranks = new Set<number>()
  for (const p of ps) {
    const lo = Math.floor((n - 1) * p)
    if (lo >= n - 1) ranks.add(n - 1)
    else ranks.add(lo).add(lo + 1)
  }
  const at = new Map<number, number>()
  let from = 0
  for (const rank of [...ranks].sort((a, b) => a - b)) {
    select(values, from, n - 1, rank)
    at.set(rank, values[rank])
    from = rank + 1
  }
  return ps.map((p) => {
    const h = (n - 1) * p
    const lo = Math.floor(h)
    if (lo >= n - 1) return at.get(n - 1) as number
    const x = at.get(lo) as number
    return x + (h - lo) * ((at.get(lo + 1) as number) - x)
  })
}

/** Puts the order statistic `rank` of values[left..right] at `rank`, smaller ones left of it, larger right (Hoare). */
function select(a: Float64Array, left: number, right: number, rank: number): void {
  while (right > left) {
    const pivot = a[(left + right) >>> 1]
    let i = left
    let j = right
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        const x = a[i]
        a[i] = a[j]
        a[j] = x
        i++
        j--
      }
    }
    if (rank <= j) right = j
    else if (rank >= i) left = i
    else return
  }
}
