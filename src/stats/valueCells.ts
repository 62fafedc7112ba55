/**
 * The cell reduction for numbers: per-example tuples of values — (baseline, candidate) for a score field,
 * (truth, baseline, candidate) for regression — grouped into weighted cells of identical tuples.
 *
 * Every statistic the numeric tasks resample is a function of weighted sums (or a weighted maximum) over the
 * examples, so it is the same function of the cells with their counts as weights (METHODS.md, "the cell
 * reduction"). A judge's 1–5 score has at most 25 cells, a pass rate 4, so a resample costs O(cells), not O(n);
 * continuous values (latency) have up to n cells.
 *
 * Method: few distinct tuples (up to HASH_CELLS) are grouped by hashing into an open-addressing table that stays
 * in cache, then the cells sorted lexicographically. More (continuous values), or probing that degenerates (values
 * crafted to collide: the candidate file is the pull request's own), and the rows are grouped by sorting: each
 * column is replaced by its dense rank (a native sort of the column and a binary search per row), and the rows
 * are put in lexicographic order by native sorts of 64-bit keys (rank bits above the row's position: least
 * significant columns first, each pass stable through the position), then run-length counted. Either way the
 * cells come out in lexicographic order of their tuples, so the cells, and every number drawn for them, do not
 * depend on the order of the rows. Values are compared with `===` after −0 is made +0; NaN is not allowed (the
 * caller checks).
 * Cost: O(n) expected by hashing; O(n log n) by sorting, all in native sorts (about 0.3 s for 10⁶ rows of two
 * continuous columns); memory O(n) 64-bit keys.
 *
 * @example valueCells([Float64Array.of(1, 1, 2), Float64Array.of(3, 3, 3)]) // values [[1, 2], [3, 3]], weight [2, 1]
 */

/** Weighted cells of identical tuples, column-major. */
export interface ValueCells {
  /** Values per tuple (the number of columns). */
  width: number
  /** Number of cells. */
  size: number
  /** values[c][j]: column c of cell j. */
  values: Float64Array[]
  /** weight[j]: how many examples cell j stands for (a positive integer). */
  weight: Float64Array
  /** Σ weight: the number of examples. */
  total: number
}

/** Up to this many distinct tuples the rows are grouped by hashing; past it, by sorting. */
export const HASH_CELLS = 65536

const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)

/** A 32-bit hash of row i's tuple (murmur3-style mixing of the two halves of each double). */
function hashRow(columns: readonly Float64Array[], i: number): number {
  let h = 0x2545f491
  for (let c = 0; c < columns.length; c++) {
    f64[0] = columns[c][i] + 0
    h = Math.imul(h ^ u32[0], 0xcc9e2d51)
    h = (h << 15) | (h >>> 17)
    h = Math.imul(h ^ u32[1], 0x1b873593)
    h = (h << 13) | (h >>> 19)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * Groups the rows of `columns` (equal lengths, no NaN) into cells, in lexicographic order of their tuples.
 * @example valueCells([Float64Array.of(0, 1, 0, 0)]).weight // Float64Array [3, 1]
 */
export function valueCells(columns: readonly Float64Array[], hashCells = HASH_CELLS): ValueCells {
  const width = columns.length
  if (width === 0) throw new Error('valueCells: no columns')
  const n = columns[0].length
  for (const col of columns) if (col.length !== n) throw new Error('valueCells: columns of different lengths')
  const hashed = groupByHash(columns, n, hashCells)
  return hashed ? permuteCells(hashed, lexicographicOrder(hashed.values, hashed.size)) : groupBySort(columns, n)
}

/**
 * Hash grouping, cells in first-seen order; null when there are more than `maxCells` cells or probing went
 * beyond a linear budget. The table has 2·maxCells slots (load at most 1/2), so it never grows.
 */
function groupByHash(columns: readonly Float64Array[], n: number, maxCells: number): ValueCells | null {
  const width = columns.length
  const limit = Math.min(maxCells, n)
  const keys = columns.map(() => new Float64Array(limit))
  const weight = new Float64Array(limit)
  const hashes = new Uint32Array(limit)
  let bits = 4
  while (1 << bits < 2 * limit) bits++
  const slots = new Int32Array(1 << bits).fill(-1)
  const mask = slots.length - 1
  let size = 0
  let probes = 0
  const budget = 8 * n + 4096
  for (let i = 0; i < n; i++) {
    const h = hashRow(columns, i)
    let s = h & mask
    let j = slots[s]
    while (j >= 0 && !(hashes[j] === h && sameRow(columns, i, keys, j))) {
      s = (s + 1) & mask
      j = slots[s]
      if (++probes > budget) return null
    }
    if (j >= 0) {
      weight[j]++
      continue
    }
    if (size === limit) return null
    slots[s] = size
    hashes[size] = h
    for (let c = 0; c < width; c++) keys[c][size] = columns[c][i] + 0
    weight[size] = 1
    size++
  }
  return { width, size, values: keys.map((k) => k.slice(0, size)), weight: weight.slice(0, size), total: n }
}

function sameRow(columns: readonly Float64Array[], i: number, keys: Float64Array[], j: number): boolean {
  for (let c = 0; c < columns.length; c++) if (columns[c][i] !== keys[c][j]) return false
  return true
}

/** Grouping by sorting the rows into lexicographic order, then counting runs of equal tuples. */
function groupBySort(columns: readonly Float64Array[], n: number): ValueCells {
  const width = columns.length
  const order = lexicographicOrder(columns, n)
  const keys = columns.map(() => new Float64Array(n))
  const weight = new Float64Array(n)
  let size = 0
  for (let r = 0; r < n; r++) {
    const i = order[r]
    if (size > 0 && sameRow(columns, i, keys, size - 1)) {
      weight[size - 1]++
      continue
    }
    for (let c = 0; c < width; c++) keys[c][size] = columns[c][i] + 0
    weight[size] = 1
    size++
  }
  return { width, size, values: keys.map((k) => k.slice(0, size)), weight: weight.slice(0, size), total: n }
}

/**
 * Dense ranks of a column: 0 for its smallest value, equal values equal ranks (−0 = +0).
 * Cost O(n log n): a native sort of a copy, then a binary search per value.
 * @example denseRanks(Float64Array.of(2.5, -1, 2.5)) // { ranks: [1, 0, 1], distinct: 2 }
 */
export function denseRanks(column: Float64Array): { ranks: Uint32Array; distinct: number } {
  const n = column.length
  const sorted = column.slice().sort()
  let u = 0
  for (let i = 0; i < n; i++) if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i] + 0
  const ranks = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    // Branch-free lower bound: the comparisons are unpredictable, a conditional move is not.
    const v = column[i]
    let base = 0
    let len = u
    while (len > 1) {
      const half = len >>> 1
      base = sorted[base + half] <= v ? base + half : base
      len -= half
    }
    ranks[i] = base
  }
  return { ranks, distinct: u }
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1

/**
 * The permutation that puts tuples in lexicographic order (ties by position: stable).
 * Method: LSD over groups of columns. Each pass packs the dense ranks of some columns (mixed radix, at most
 * 52 bits) above the tuple's current position into a 64-bit key and sorts the keys natively; the position makes
 * every pass stable, so after the pass over the first columns the order is lexicographic.
 * Cost: O(n log n) per pass (one pass for up to about three columns of few distinct values, one per column when
 * every value is distinct). Needs n < 2³².
 * @example lexicographicOrder([Float64Array.of(2, 1, 2), Float64Array.of(1, 5, 0)], 3) // [1, 2, 0]
 */
export function lexicographicOrder(columns: readonly Float64Array[], n: number): Int32Array {
  let order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  if (n < 2) return order
  const ranked = columns.map(denseRanks)
  let indexBits = 1
  while (2 ** indexBits < n) indexBits++
  const pow = 2 ** indexBits
  const room = Math.min(52, 64 - indexBits)
  const keys = new BigUint64Array(n)
  const words = new Uint32Array(keys.buffer)
  const [LO, HI] = LITTLE_ENDIAN ? [0, 1] : [1, 0]
  const shift = 2 ** (32 - indexBits)
  let last = columns.length - 1
  while (last >= 0) {
    // Columns first..last share one pass while their ranks fit in `room` bits.
    let first = last
    let radix = ranked[last].distinct
    while (first > 0 && Math.log2(radix * ranked[first - 1].distinct) <= room) radix *= ranked[--first].distinct
    for (let k = 0; k < n; k++) {
      const i = order[k]
      let composite = 0
      for (let c = first; c <= last; c++) composite = composite * ranked[c].distinct + ranked[c].ranks[i]
      words[2 * k + LO] = (composite % shift) * pow + k
      words[2 * k + HI] = Math.floor(composite / shift)
    }
    keys.sort()
    const next = new Int32Array(n)
    for (let k = 0; k < n; k++) next[k] = order[words[2 * k + LO] % pow]
    order = next
    last = first - 1
  }
  return order
}

/**
 * The cells in the order given (cell `order[k]` becomes cell k).
 * @example permuteCells(cells, Int32Array.of(1, 0)) // the two cells swapped
 */
export function permuteCells(cells: ValueCells, order: Int32Array): ValueCells {
  const gather = (col: Float64Array): Float64Array => {
    const out = new Float64Array(order.length)
    for (let k = 0; k < order.length; k++) out[k] = col[order[k]]
    return out
  }
  return { width: cells.width, size: order.length, values: cells.values.map(gather), weight: gather(cells.weight), total: cells.total }
}

/**
 * The cells largest weight first, ties in their present order: the order the conditional binomial method wants
 * (src/stats/multinomial.ts), so that a resample stops early. Cost O(m log m), a native sort.
 * @example largestFirst(valueCells([Float64Array.of(0, 1, 1)])).weight // Float64Array [2, 1]
 */
export function largestFirst(cells: ValueCells): ValueCells {
  const negated = new Float64Array(cells.size)
  for (let j = 0; j < cells.size; j++) negated[j] = -cells.weight[j]
  return permuteCells(cells, lexicographicOrder([negated], cells.size))
}
