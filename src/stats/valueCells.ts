/**
 * The cell reduction for numbers: per-example tuples of values — (baseline, candidate) for a score field,
 * (truth, baseline, candidate) for regression — grouped into weighted cells of identical tuples.
 *
 * Every statistic the numeric tasks resample is a function of weighted sums (or a weighted maximum) over the
 * examples, so it is the same function of the cells with their counts as weights (docs/statistics.md, "the cell
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
 * Cost: O(n) expected by hashing; O(n · columns) by the radix sort, whatever the values; memory O(n).
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

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1
const HI = LITTLE_ENDIAN ? 1 : 0
const LO = 1 - HI

/**
 * The two 32-bit words of a column's doubles mapped so that unsigned integer order is numeric order (sign bit
 * flipped for positives, every bit for negatives; −0 made +0 first).
 */
function orderableWords(column: Float64Array): { hi: Uint32Array; lo: Uint32Array } {
  const n = column.length
  const hi = new Uint32Array(n)
  const lo = new Uint32Array(n)
  const f = new Float64Array(1)
  const w = new Uint32Array(f.buffer)
  for (let i = 0; i < n; i++) {
    f[0] = column[i] + 0
    const h = w[HI]
    const negative = h >>> 31 === 1
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0
    lo[i] = negative ? ~w[LO] >>> 0 : w[LO]
  }
  return { hi, lo }
}

const DIGIT_BITS = 11
const BUCKETS = 1 << DIGIT_BITS

/**
 * The permutation that puts tuples in lexicographic order, ties by position (stable).
 * Method: LSD radix sort (Knuth, TAOCP vol. 3, 5.2.5) of each double's 64 orderable bits, in 11-bit digits,
 * least significant digit of the last column first; a digit that is the same for every value is skipped. Each
 * 32-bit word is gathered once into the current order, then its three digit passes move (word, position) pairs
 * together, reading in sequence.
 * Cost: O(n · columns) — at most 6 passes per column, fewer when values share their high bits; about 0.1 s for
 * 10⁶ rows of two continuous columns.
 * @example lexicographicOrder([Float64Array.of(2, 1, 2), Float64Array.of(1, 5, 0)], 3) // [1, 2, 0]
 */
export function lexicographicOrder(columns: readonly Float64Array[], n: number): Int32Array {
  let order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  if (n < 2) return order
  let spare = new Int32Array(n)
  let keys = new Uint32Array(n)
  let spareKeys = new Uint32Array(n)
  const count = new Uint32Array(BUCKETS)
  for (let c = columns.length - 1; c >= 0; c--) {
    const { hi, lo } = orderableWords(columns[c])
    for (const word of [lo, hi]) {
      for (let k = 0; k < n; k++) keys[k] = word[order[k]]
      for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
        count.fill(0)
        for (let k = 0; k < n; k++) count[(keys[k] >>> shift) & (BUCKETS - 1)]++
        if (count[(keys[0] >>> shift) & (BUCKETS - 1)] === n) continue
        for (let d = 0, at = 0; d < BUCKETS; d++) {
          const x = count[d]
          count[d] = at
          at += x
        }
        for (let k = 0; k < n; k++) {
          const key = keys[k]
          const to = count[(key >>> shift) & (BUCKETS - 1)]++
          spareKeys[to] = key
          spare[to] = order[k]
        }
        ;[keys, spareKeys] = [spareKeys, keys]
        ;[order, spare] = [spare, order]
      }
    }
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
 * (src/stats/multinomial.ts), so that a resample stops early. Cost O(m), a radix sort.
 * @example largestFirst(valueCells([Float64Array.of(0, 1, 1)])).weight // Float64Array [2, 1]
 */
export function largestFirst(cells: ValueCells): ValueCells {
  const negated = new Float64Array(cells.size)
  for (let j = 0; j < cells.size; j++) negated[j] = -cells.weight[j]
  return permuteCells(cells, lexicographicOrder([negated], cells.size))
}
