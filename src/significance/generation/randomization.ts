/**
 * Paired approximate randomization of per-example statistics rows (Noreen 1989; sacrebleu `--paired-ar`): each
 * trial swaps the two models' rows of every example with probability 1/2 and hands the swapped corpora's column
 * sums to a visitor.
 *
 * Method: the summed-difference form. With A, B the two models' column sums and d_i = a_i − b_i, a trial that
 * swaps the set S gives A − D and B + D with D = Σ_{i∈S} d_i, so only D is computed, and only over the examples
 * whose rows differ (an example the models score alike swaps nothing). The columns of d are reduced by
 * planColumns (offset 0) and the kept ones packed into doubles as signed fields (packSigned: a subset sum of a
 * column lies within ±Σ|d_ij|, so two or three share a word exactly; 14 columns → 5 words for BLEU and chrF of
 * 10,000 examples). Then the "four Russians" table: the m differing examples are cut into blocks of
 * 8, and for each block the sums of d over all 256 subsets are tabulated (each from a smaller subset plus one
 * row); a trial takes 8 random bits for the block and adds one tabulated row. The loops run over chunks of
 * TRIALS trials, and in a chunk block by block, each block over the chunk's trials (one row of D per trial): a
 * block's table (256 · width doubles) is built once per chunk and stays in L1 while the chunk's rows of D stay in
 * L2. The random numbers are drawn in that order (any fixed order of independent bits is as good as another).
 * Cost: O(m/8 · 256 · width) for the tables; O(m/8 · width) additions and m/32 random numbers per trial, against
 * O(m/2 · width) for swapping example by example; memory R · width doubles for D.
 */
import type { Xoshiro128 } from '../../stats/random.js'
import { expandSums, planColumns, type ColumnPlan } from './columns.js'

/** One metric's rows for both models (n × k each, row-major). */
export interface PairedBlock {
  a: Float64Array
  b: Float64Array
  k: number
}

/** The differing examples' kept difference columns and what the trials need besides: plain data (for a worker). */
export interface RandomizationRows {
  /** Differing examples. */
  m: number
  /** The kept difference columns of all blocks packed into `width` words per differing example (m × width). */
  rows: Float64Array
  width: number
  /** Per word, its fields from the lowest (kept columns, numbered side by side) and 2^bits of each but the top. */
  slots: Int32Array[]
  spans: Float64Array[]
  /** Kept columns in all; block x's are offsets[x] … */
  kept: number
  offsets: number[]
  plans: ColumnPlan[]
  ks: number[]
  totalsA: Float64Array[]
  totalsB: Float64Array[]
}

/** Finds the differing examples and plans their difference columns (once per comparison). Cost: O(n·k + k²·m). */
export function prepareRandomization(n: number, blocks: readonly PairedBlock[]): RandomizationRows {
  // The examples where any column differs.
  const differs: number[] = []
  for (let i = 0; i < n; i++) {
    let same = true
    for (const { a, b, k } of blocks) {
      for (let j = 0; j < k && same; j++) if (a[i * k + j] !== b[i * k + j]) same = false
      if (!same) break
    }
    if (!same) differs.push(i)
  }
  const m = differs.length
  const diffs = blocks.map(({ a, b, k }) => {
    const d = new Float64Array(m * k)
    differs.forEach((i, t) => {
      for (let j = 0; j < k; j++) d[t * k + j] = a[i * k + j] - b[i * k + j]
    })
    return d
  })
  const totalsA = blocks.map(({ a, k }) => sumRows(a, k))
  const totalsB = blocks.map(({ b, k }) => sumRows(b, k))
  const plans: ColumnPlan[] = blocks.map((block, x) => planColumns(diffs[x], m, block.k, false, Math.floor(m / 1024)))
  // The kept difference columns of every block, numbered side by side, packed into words.
  const offsets: number[] = []
  const columns: Float64Array[] = []
  plans.forEach((p, x) => {
    offsets.push(columns.length)
    const k = blocks[x].k
    for (const j of p.kept) columns.push(Float64Array.from({ length: m }, (_, i) => diffs[x][i * k + j]))
  })
  const { words, slots, spans } = packSigned(columns)
  const rows = new Float64Array(m * words)
  slots.forEach((fields, w) => {
    let scale = 1
    fields.forEach((f, t) => {
      for (let i = 0; i < m; i++) rows[i * words + w] += columns[f][i] * scale
      if (t < spans[w].length) scale *= spans[w][t]
    })
  })
  return { m, rows, width: words, slots, spans, kept: columns.length, offsets, plans, ks: blocks.map((b) => b.k), totalsA, totalsB }
}

/**
 * Signed packing: a subset sum of column j lies within ±A_j, A_j = Σ|d_ij|, so it is held exactly by a field of
 * b_j = ⌈log₂(A_j + 1)⌉ + 1 bits read back by rounding (|D_j| < 2^(b_j − 1): x/2^b_j is within ½ of the rest
 * of the word); fields first-fit into 53-bit words, the widest first; a column too wide takes a word alone (not
 * rounded: its sums are exact as long as they are below 2⁵³, as without packing).
 */
function packSigned(columns: readonly Float64Array[]): { words: number; slots: Int32Array[]; spans: Float64Array[] } {
  const bits = columns.map((col) => {
    let a = 0
    for (let i = 0; i < col.length; i++) a += Math.abs(col[i])
    return Math.ceil(Math.log2(a + 1)) + 1
  })
  const order = columns.map((_, f) => f).sort((x, y) => bits[y] - bits[x] || x - y)
  const fields: number[][] = []
  const used: number[] = []
  for (const f of order) {
    let w = bits[f] > 53 ? -1 : used.findIndex((u) => u + bits[f] <= 53)
    if (w < 0) {
      w = used.length
      used.push(bits[f] > 53 ? 53 : 0)
      fields.push([])
    }
    used[w] += bits[f]
    fields[w].push(f)
  }
  return {
    words: fields.length,
    slots: fields.map((fs) => Int32Array.from(fs)),
    spans: fields.map((fs) => Float64Array.from(fs.slice(0, -1), (f) => 2 ** bits[f]))
  }
}

/**
 * Runs R trials (on this thread, from one stream). `visit(r, swappedA, swappedB)` receives per block the column
 * sums of the two swapped corpora (arrays reused between trials).
 */
export function randomizationSums(
  n: number,
  blocks: readonly PairedBlock[],
  R: number,
  rng: Xoshiro128,
  visit: (r: number, a: readonly Float64Array[], b: readonly Float64Array[]) => void
): void {
  randomizationChunk(prepareRandomization(n, blocks), R, rng, visit)
}

/** Runs `count` trials of prepared rows from `rng`, as {@link randomizationSums}. */
export function randomizationChunk(
  prepared: RandomizationRows,
  R: number,
  rng: Xoshiro128,
  visit: (r: number, a: readonly Float64Array[], b: readonly Float64Array[]) => void
): void {
  const { m, rows, width, offsets, plans, ks, totalsA, totalsB } = prepared
  // Trial-major sums of D, filled block by block: each block's table (2ᵇ rows of `width`) stays in the cache
  // while all R trials read it.
  const bits = 8
  const subsets = 1 << bits
  const groups = Math.ceil(m / bits)
  const table = new Float64Array(subsets * width)
  const D = new Float64Array(R * width)
  // Swap masks of the blocks that hold residual rows (derived columns need those rows' swaps).
  const residualGroups: (Uint8Array | undefined)[] = new Array(groups).fill(undefined)
  for (const p of plans) for (const row of p.residualRows) residualGroups[Math.floor(row / bits)] ??= new Uint8Array(R)
  for (let start = 0; start < R; start += TRIALS) {
    const end = Math.min(R, start + TRIALS)
    for (let g = 0; g < groups; g++) {
      const first = g * bits
      fillTable(rows, width, first, Math.min(bits, m - first), table)
      addTable(rng, table, width, D, start, end, residualGroups[g])
    }
  }
  const all = new Float64Array(prepared.kept)
  const keptD = plans.map((p, x) => all.subarray(offsets[x], offsets[x] + p.kept.length))
  const { slots, spans } = prepared
  const fullD = ks.map((k) => new Float64Array(k))
  const outA = ks.map((k) => new Float64Array(k))
  const outB = ks.map((k) => new Float64Array(k))
  let trial = 0
  const swapped = (row: number): number => ((residualGroups[row >>> 3] as Uint8Array)[trial] >>> (row & 7)) & 1
  for (let r = 0; r < R; r++) {
    trial = r
    for (let w = 0; w < width; w++) {
      let x = D[r * width + w]
      const slot = slots[w]
      const span = spans[w]
      for (let f = 0; f < span.length; f++) {
        const high = Math.round(x / span[f])
        all[slot[f]] = x - high * span[f]
        x = high
      }
      all[slot[span.length]] = x
    }
    for (let x = 0; x < plans.length; x++) {
      const p = plans[x]
      expandSums(p, keptD[x], 0, swapped, fullD[x])
      const k = ks[x]
      for (let j = 0; j < k; j++) {
        outA[x][j] = totalsA[x][j] - fullD[x][j]
        outB[x][j] = totalsB[x][j] + fullD[x][j]
      }
    }
    visit(r, outA, outB)
  }
}

/** The 256 subset sums of rows first … first + size − 1 (size ≤ 8; the missing rows count as zero). */
function fillTable(rows: Float64Array, width: number, first: number, size: number, table: Float64Array): void {
  for (let mask = 1; mask < 256; mask++) {
    const low = 31 - Math.clz32(mask & -mask)
    const from = (mask & (mask - 1)) * width
    const to = mask * width
    if (low >= size) {
      for (let w = 0; w < width; w++) table[to + w] = table[from + w]
    } else {
      const o = (first + low) * width
      for (let w = 0; w < width; w++) table[to + w] = table[from + w] + rows[o + w]
    }
  }
}

/** Trials start … end − 1 of one block: 8 random bits each, the tabulated subset sum added to the trial's row of D. */
function addTable(rng: Xoshiro128, table: Float64Array, width: number, D: Float64Array, start: number, end: number, keep: Uint8Array | undefined): void {
  let word = 0
  for (let r = start; r < end; r++) {
    if (((r - start) & 3) === 0) word = rng.nextUint32()
    const mask = word & 0xff
    word >>>= 8
    if (keep !== undefined) keep[r] = mask
    const o = mask * width
    const d = r * width
    for (let w = 0; w < width; w++) D[d + w] += table[o + w]
  }
}

/** Trials per pass over the blocks: their rows of D (TRIALS · width doubles) stay in a core's L2 cache. */
const TRIALS = 2048

function sumRows(matrix: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k)
  for (let o = 0; o < matrix.length; o += k) for (let j = 0; j < k; j++) out[j] += matrix[o + j]
  return out
}
