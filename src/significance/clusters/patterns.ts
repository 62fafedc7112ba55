/**
 * Cluster patterns: the cell reduction for clustered data (docs/repeats-and-clusters.md, `--cluster-field`). A cluster is a small
 * vector of sufficient statistics (for confusion-matrix metrics: its count in each (true, baseline, candidate)
 * cell; for a mean: its sums and size). Clusters with the same vector are one weighted "super-cell", so
 *
 * - a cluster bootstrap resample (draw G clusters with replacement) is a draw from Multinomial(G, w_p / G) over
 *   the P distinct patterns, and
 * - a cluster randomization (swap the two models in a whole cluster with probability 1/2) swaps Bin(w_p, 1/2)
 *   of the w_p clusters of pattern p,
 *
 * both exact, at a cost per resample of O(P · pattern length) instead of O(rows).
 * Reference: Davison & Hinkley (1997), "Bootstrap Methods and their Application", docs/metrics.md.8 (resampling clusters).
 */

/** Distinct cluster vectors in compressed-row form, with how many clusters have each. */
export interface Patterns {
  /** Number of distinct patterns P. */
  size: number
  /** Number of clusters G (the sum of the weights). */
  clusters: number
  /** Length of a full vector (the number of dimensions). */
  dims: number
  /** Per pattern: how many clusters have it. Largest first. */
  weight: Float64Array
  /** Pattern p's non-zero entries are dim[start[p] .. start[p + 1]) with values value[…]. */
  start: Int32Array
  dim: Int32Array
  value: Float64Array
  /** Dimensions that hold a maximum (≥ 0) rather than a sum: a resample's total is the largest drawn value. */
  maxDims?: Uint8Array
}

/**
 * Patterns of count vectors: row r adds 1 to dimension `dimOf[r]` of cluster `clusterOf[r]`. Clusters are
 * numbered 0 … G − 1 (every one has at least one row). Cost: O(n + G) to group the rows by cluster (a counting
 * sort), then O(n log m) to sort each cluster's m dimensions, and one hash lookup per cluster.
 * @example countPatterns(Uint32Array.of(0, 0, 1), Int32Array.of(3, 5, 3), 2, 8).size // 2
 */
export function countPatterns(clusterOf: Uint32Array, dimOf: Int32Array, clusters: number, dims: number): Patterns {
  const n = clusterOf.length
  const start = new Int32Array(clusters + 1)
  for (let r = 0; r < n; r++) start[clusterOf[r] + 1]++
  for (let g = 0; g < clusters; g++) start[g + 1] += start[g]
  const fill = start.slice(0, clusters)
  const sorted = new Int32Array(n)
  for (let r = 0; r < n; r++) sorted[fill[clusterOf[r]]++] = dimOf[r]
  const builder = new PatternBuilder(dims)
  const ds: number[] = []
  const vs: number[] = []
  for (let g = 0; g < clusters; g++) {
    const part = sorted.subarray(start[g], start[g + 1]).sort()
    ds.length = vs.length = 0
    for (let j = 0; j < part.length; j++) {
      if (j > 0 && part[j] === part[j - 1]) vs[vs.length - 1]++
      else {
        ds.push(part[j])
        vs.push(1)
      }
    }
    builder.add(ds, vs)
  }
  return builder.finish()
}

/**
 * Patterns of dense vectors: cluster g is `vectors[g·dims … g·dims + dims)`. Cost O(G · dims).
 * @example densePatterns(Float64Array.of(1, 2, 1, 2, 0, 1), 2).weight // [2, 1]
 */
export function densePatterns(vectors: Float64Array, dims: number): Patterns {
  const clusters = vectors.length / dims
  const builder = new PatternBuilder(dims)
  const ds: number[] = []
  const vs: number[] = []
  for (let g = 0; g < clusters; g++) {
    ds.length = vs.length = 0
    for (let d = 0; d < dims; d++) {
      const x = vectors[g * dims + d]
      if (x !== 0) {
        ds.push(d)
        vs.push(x)
      }
    }
    builder.add(ds, vs)
  }
  return builder.finish()
}

/**
 * The patterns restricted to the dimensions `keep` accepts, regrouped (clusters equal on those dimensions are one
 * pattern), and the totals of the other dimensions over all clusters. For randomization: the cells where both
 * models predict the same never move under a swap, so only the rest tells clusters apart. Cost O(Σ lengths).
 * @example restrictPatterns(p, (d) => d !== 0) // patterns without dimension 0, and Σ w·v₀ in `fixed[0]`
 */
export function restrictPatterns(p: Patterns, keep: (d: number) => boolean): { patterns: Patterns; fixed: Float64Array } {
  const fixed = new Float64Array(p.dims)
  const builder = new PatternBuilder(p.dims)
  const ds: number[] = []
  const vs: number[] = []
  for (let q = 0; q < p.size; q++) {
    ds.length = vs.length = 0
    for (let j = p.start[q]; j < p.start[q + 1]; j++) {
      if (keep(p.dim[j])) {
        ds.push(p.dim[j])
        vs.push(p.value[j])
      } else fixed[p.dim[j]] += p.weight[q] * p.value[j]
    }
    builder.add(ds, vs, p.weight[q])
  }
  const patterns = builder.finish()
  return { patterns: p.maxDims ? { ...patterns, maxDims: p.maxDims } : patterns, fixed }
}

class PatternBuilder {
  private readonly index = new Map<string, number>()
  private readonly weights: number[] = []
  private readonly entries: { dims: number[]; values: number[] }[] = []
  constructor(private readonly dims: number) {}

  add(ds: readonly number[], vs: readonly number[], weight = 1): void {
    let key = ''
    for (let j = 0; j < ds.length; j++) key += `${ds[j]}:${vs[j]},`
    const p = this.index.get(key)
    if (p !== undefined) {
      this.weights[p] += weight
      return
    }
    this.index.set(key, this.weights.length)
    this.weights.push(weight)
    this.entries.push({ dims: ds.slice(), values: vs.slice() })
  }

  finish(): Patterns {
    // Largest first (ties in first-seen order), the order the conditional binomial method wants.
    const order = this.weights.map((_, p) => p).sort((a, b) => this.weights[b] - this.weights[a] || a - b)
    const size = order.length
    const start = new Int32Array(size + 1)
    order.forEach((p, i) => (start[i + 1] = start[i] + this.entries[p].dims.length))
    const dim = new Int32Array(start[size])
    const value = new Float64Array(start[size])
    order.forEach((p, i) => {
      dim.set(this.entries[p].dims, start[i])
      value.set(this.entries[p].values, start[i])
    })
    const weight = Float64Array.from(order, (p) => this.weights[p])
    let clusters = 0
    for (const w of weight) clusters += w
    return { size, clusters, dims: this.dims, weight, start, dim, value }
  }
}

/**
 * Totals of a resample: Σ_p count[p] · pattern_p, plus Σ_p swapped[p] · swap(pattern_p) when `swapped` is given
 * (then count[p] is the number of unswapped clusters). `swap[d]` is the dimension d moves to when the two
 * models are exchanged. Cost O(Σ pattern lengths).
 */
export function patternTotals(p: Patterns, count: ArrayLike<number>, out: Float64Array, swapped?: ArrayLike<number>, swap?: Int32Array): void {
  out.fill(0)
  const max = p.maxDims
  for (let q = 0; q < p.size; q++) {
    const x = count[q]
    const s = swapped ? swapped[q] : 0
    if (x === 0 && s === 0) continue
    for (let j = p.start[q]; j < p.start[q + 1]; j++) {
      const v = p.value[j]
      const d = p.dim[j]
      if (max && max[d]) {
        // A maximum (≥ 0) over the drawn clusters, not a sum.
        if (x !== 0 && v > out[d]) out[d] = v
        const e = s !== 0 ? (swap as Int32Array)[d] : -1
        if (e >= 0 && v > out[e]) out[e] = v
        continue
      }
      if (x !== 0) out[d] += x * v
      if (s !== 0) out[(swap as Int32Array)[d]] += s * v
    }
  }
}
