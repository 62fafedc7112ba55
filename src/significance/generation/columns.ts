/**
 * Fewer columns to sum per resample. The statistics rows of BLEU and chrF repeat themselves: BLEU's unigram total
 * is the hypothesis length; its n-gram totals are the length − (n − 1) for every hypothesis of at least n words;
 * chrF's counts of order n are those of order 1 minus n − 1 for every text of at least n characters; with one
 * reference both models share the reference columns. Summing such a column again is wasted work.
 *
 * Method: a column j is *derived* from an earlier kept column i when col_j = col_i + c on all but a few rows
 * (at most n/64 by default; c read on the row where col_i is largest, a "long" example); the rows where it differs keep
 * their residual col_j − col_i − c. A weighted sum of column j is then
 *   Σ w·col_j = Σ w·col_i + c·Σ w + Σ_residual-rows w·residual,
 * exact in integers. A column that is 0 everywhere is derived from nothing. Everything else is kept and summed.
 * Cost: O(k²·n) once to find the plan (k ≤ 56 here: a few milliseconds for 10,000 rows), O(residuals) per use.
 *
 * @example
 * // rows [5, 4], [3, 2], [1, 0]: column 1 = column 0 − 1 everywhere
 * planColumns(Float64Array.of(5, 4, 3, 2, 1, 0), 3, 2, true).kept // Int32Array [0]
 */

export interface DerivedColumn {
  column: number
  /** Index into `kept` of the base column, −1 for none (the column is c plus its residuals). */
  base: number
  offset: number
  /** Rows where the column differs from base + offset, ascending, and by how much. */
  rows: Int32Array
  residuals: Float64Array
}

export interface ColumnPlan {
  /** Original columns summed directly, in order. */
  kept: Int32Array
  derived: DerivedColumn[]
  /** Distinct rows that hold a residual of any derived column, ascending. */
  residualRows: Int32Array
}

/**
 * @param matrix n × k row-major
 * @param allowOffset false when the sum of weights is not known to the reader of the plan (then c must be 0)
 * @param maxMisses the most residual rows a derived column may have (each costs a look-up per resample)
 */
export function planColumns(matrix: Float64Array, n: number, k: number, allowOffset: boolean, maxMisses = Math.floor(n / 64)): ColumnPlan {
  const column = (j: number): Float64Array => {
    const out = new Float64Array(n)
    for (let r = 0; r < n; r++) out[r] = matrix[r * k + j]
    return out
  }
  const limit = maxMisses
  const kept: number[] = []
  const keptData: Float64Array[] = []
  const derived: DerivedColumn[] = []
  for (let j = 0; j < k; j++) {
    const col = column(j)
    let best: { base: number; offset: number; misses: number } | null = null
    // Constant (zero unless offsets are allowed) columns first.
    // A constant is only taken when it misses at most `limit` < n/2 rows, that is when it is the majority value,
    // which the majority vote finds without counting every value.
    const c0 = !allowOffset ? 0 : 2 * limit < n ? majority(col) : mode(col)
    const missesConst = countMisses(col, null, c0, limit)
    if (missesConst <= limit) best = { base: -1, offset: c0, misses: missesConst }
    for (let b = 0; b < kept.length && (best === null || best.misses > 0); b++) {
      const base = keptData[b]
      let top = 0
      for (let r = 1; r < n; r++) if (base[r] > base[top]) top = r
      const c = n === 0 ? 0 : col[top] - base[top]
      if (!allowOffset && c !== 0) continue
      const misses = countMisses(col, base, c, best === null ? limit : best.misses - 1)
      if (misses <= limit && (best === null || misses < best.misses)) best = { base: b, offset: c, misses }
    }
    if (best === null) {
      kept.push(j)
      keptData.push(col)
      continue
    }
    const base = best.base >= 0 ? keptData[best.base] : null
    const rows: number[] = []
    const residuals: number[] = []
    for (let r = 0; r < n; r++) {
      const e = col[r] - (base === null ? 0 : base[r]) - best.offset
      if (e !== 0) {
        rows.push(r)
        residuals.push(e)
      }
    }
    derived.push({ column: j, base: best.base, offset: best.offset, rows: Int32Array.from(rows), residuals: Float64Array.from(residuals) })
  }
  const all = new Set<number>()
  for (const d of derived) for (const r of d.rows) all.add(r)
  return { kept: Int32Array.from(kept), derived, residualRows: Int32Array.from([...all].sort((a, b) => a - b)) }
}

/** Rows where col ≠ base + c, counting stops past `stop`. */
function countMisses(col: Float64Array, base: Float64Array | null, c: number, stop: number): number {
  let misses = 0
  for (let r = 0; r < col.length; r++) {
    if (col[r] !== (base === null ? 0 : base[r]) + c && ++misses > stop) return misses
  }
  return misses
}

/**
 * The value that fills more than half of the column, if one does (Boyer & Moore's majority vote, O(n), no
 * allocation); otherwise some value of the column; 0 for no values.
 */
function majority(col: Float64Array): number {
  let candidate = 0
  let count = 0
  for (let r = 0; r < col.length; r++) {
    if (count === 0) {
      candidate = col[r]
      count = 1
    } else if (col[r] === candidate) count++
    else count--
  }
  return candidate
}

/** The most frequent value (the smallest on a tie); 0 for no values. */
function mode(col: Float64Array): number {
  const counts = new Map<number, number>()
  let best = 0
  let bestCount = 0
  for (const x of col) {
    const c = (counts.get(x) ?? 0) + 1
    counts.set(x, c)
    if (c > bestCount || (c === bestCount && x < best)) {
      best = x
      bestCount = c
    }
  }
  return best
}

/**
 * The full column sums from the kept sums: `out[column] = keptSums[base] + offset·totalWeight + Σ weight·residual`.
 * `weightOf(row)` is the weight of a residual row in this resample.
 */
export function expandSums(
  plan: ColumnPlan,
  keptSums: ArrayLike<number>,
  totalWeight: number,
  weightOf: (row: number) => number,
  out: Float64Array
): void {
  const { kept, derived } = plan
  for (let i = 0; i < kept.length; i++) out[kept[i]] = keptSums[i]
  for (const d of derived) {
    let s = (d.base >= 0 ? keptSums[d.base] : 0) + d.offset * totalWeight
    const { rows, residuals } = d
    for (let t = 0; t < rows.length; t++) {
      const w = weightOf(rows[t])
      if (w !== 0) s += w * residuals[t]
    }
    out[d.column] = s
  }
}
