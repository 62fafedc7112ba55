/**
 * The cell table of a comparison: how many paired examples fall in each (true label, baseline prediction,
 * candidate prediction) cell. Every confusion-matrix metric of both models, their difference and every resample
 * of them are functions of these counts alone (docs/statistics.md, "the cell reduction").
 *
 * The table is sparse: only the non-empty cells are kept (at most one per example, so at most n), in the order
 * of the dense index (t·K + b)·K + c, i.e. by t, then b, then c. Nothing here costs O(K²) or O(K³), so a test set
 * with 100,000 distinct labels is as cheap as its number of rows (SECURITY.md, "Input files").
 */
import type { Pairing } from './pairByIds.js'
import type { PredictionFile } from '../read/predictionFile.js'

export interface CellTable {
  /** Number of classes; label indices are in report order, 0 ≤ index < k. */
  k: number
  /** Number of non-empty cells. */
  size: number
  /** Sum of the counts: the number of examples. */
  total: number
  /** Per non-empty cell, in (t, b, c) order: true label, baseline prediction, candidate prediction, count > 0. */
  t: Int32Array
  b: Int32Array
  c: Int32Array
  count: Float64Array
}

/** Below this many dense cells (K³), counting goes through a dense array (one pass, no sort). */
const DENSE_CELLS = 1 << 18

/**
 * Counts the paired examples per cell. `remap[code]` is the report index of a dictionary code.
 * Without a baseline, pass `baseline = null`: the baseline prediction is taken to be the candidate's, so the
 * table still gives the candidate's matrix and its bootstrap.
 * Cost: one pass over the pairs (into a dense table when K³ ≤ 2¹⁸), else that pass and {@link cellsFromTriples}.
 */
export function countCells(
  k: number,
  remap: Int32Array,
  candidate: PredictionFile,
  baseline: PredictionFile | null,
  pairing: Pairing | null
): CellTable {
  const { truth, pred } = candidate
  const paired = baseline !== null && pairing !== null
  const n = paired ? pairing.n : candidate.n
  if (k * k * k <= DENSE_CELLS) {
    // Few classes (a binary task: 8 cells): count straight into the dense table, no per-example arrays.
    const counts = new Float64Array(k * k * k)
    if (!paired) {
      for (let i = 0; i < n; i++) {
        const c = remap[pred[i]]
        counts[(remap[truth[i]] * k + c) * k + c]++
      }
    } else {
      const bPred = baseline.pred
      const { cand, base } = pairing
      for (let p = 0; p < n; p++) {
        const i = cand[p]
        counts[(remap[truth[i]] * k + remap[bPred[base[p]]]) * k + remap[pred[i]]]++
      }
    }
    return fromDense(k, counts)
  }
  const t = new Int32Array(n)
  const b = new Int32Array(n)
  const c = new Int32Array(n)
  if (!paired) {
    for (let i = 0; i < n; i++) {
      t[i] = remap[truth[i]]
      b[i] = c[i] = remap[pred[i]]
    }
  } else {
    const bPred = baseline.pred
    const { cand, base } = pairing
    for (let p = 0; p < n; p++) {
      const i = cand[p]
      t[p] = remap[truth[i]]
      b[p] = remap[bPred[base[p]]]
      c[p] = remap[pred[i]]
    }
  }
  return cellsFromTriples(k, t, b, c)
}

/**
 * The sparse cell table of n examples given as three parallel arrays of label indices (each in [0, k)).
 *
 * Method: when K³ is small (≤ 2¹⁸), a dense count and a scan; otherwise an LSD radix sort of the example
 * indices by c, then b, then t (three stable counting sorts), after which equal triples are adjacent and are
 * merged. Never forms the dense index (t·K + b)·K + c, which passes 2⁵³ for K > 208,000.
 * Cost: O(n + K) time and memory (dense case O(n + K³) with K³ ≤ 2¹⁸).
 *
 * @example cellsFromTriples(2, [1, 0, 1], [1, 0, 0], [1, 0, 1]) // t [0, 1, 1], b [0, 0, 1], c [0, 1, 1], count [1, 1, 1]
 */
export function cellsFromTriples(k: number, t: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>): CellTable {
  const n = t.length
  if (k * k * k <= DENSE_CELLS) {
    const counts = new Float64Array(k * k * k)
    for (let i = 0; i < n; i++) counts[(t[i] * k + b[i]) * k + c[i]]++
    return fromDense(k, counts)
  }
  let order = new Int32Array(n)
  let next = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  const bucket = new Int32Array(k + 1)
  for (const key of [c, b, t]) {
    bucket.fill(0)
    for (let i = 0; i < n; i++) bucket[key[i] + 1]++
    for (let v = 0; v < k; v++) bucket[v + 1] += bucket[v]
    for (let i = 0; i < n; i++) {
      const row = order[i]
      next[bucket[key[row]]++] = row
    }
    ;[order, next] = [next, order]
  }
  let size = 0
  for (let i = 0; i < n; i++) {
    const r = order[i]
    const q = i > 0 ? order[i - 1] : -1
    if (q < 0 || t[r] !== t[q] || b[r] !== b[q] || c[r] !== c[q]) size++
  }
  const out = empty(k, size)
  let j = -1
  for (let i = 0; i < n; i++) {
    const r = order[i]
    const q = i > 0 ? order[i - 1] : -1
    if (q < 0 || t[r] !== t[q] || b[r] !== b[q] || c[r] !== c[q]) {
      j++
      out.t[j] = t[r]
      out.b[j] = b[r]
      out.c[j] = c[r]
    }
    out.count[j]++
  }
  out.total = n
  return out
}

/**
 * The sparse table of a dense count array indexed (t·k + b)·k + c (zero cells dropped; counts must be ≥ 0).
 * Cost O(k³).
 * @example fromDense(2, [3, 0, 0, 0, 0, 0, 0, 2]).size // 2
 */
export function fromDense(k: number, counts: ArrayLike<number>): CellTable {
  let size = 0
  for (let j = 0; j < counts.length; j++) if (counts[j] !== 0) size++
  const out = empty(k, size)
  let i = 0
  for (let j = 0; j < counts.length; j++) {
    const x = counts[j]
    if (x === 0) continue
    out.t[i] = (j / (k * k)) | 0
    out.b[i] = ((j / k) | 0) % k
    out.c[i] = j % k
    out.count[i++] = x
    out.total += x
  }
  return out
}

function empty(k: number, size: number): CellTable {
  return { k, size, total: 0, t: new Int32Array(size), b: new Int32Array(size), c: new Int32Array(size), count: new Float64Array(size) }
}

/**
 * Every class's 2×2×2 table of "is the class" (index 1) against the rest (index 0), as k blocks of 8 counts,
 * block L at [8L, 8L + 8), index (t₂·2 + b₂)·2 + c₂ within it.
 *
 * Method: a cell (t, b, c) lies in the off-(0,0,0) part of the tables of the (at most three) distinct classes
 * among t, b, c, and in cell (0,0,0) of every other class, which is then n minus the rest of the block.
 * Cost: O(cells + K), against O(K³) per class for collapsing the dense table.
 *
 * @example classTables(fromDense(2, [3, 0, 0, 0, 0, 0, 0, 2])).slice(8, 16) // class 1: [3, 0, 0, 0, 0, 0, 0, 2]
 */
export function classTables(table: CellTable): Float64Array {
  const { k, size, t, b, c, count } = table
  const out = new Float64Array(k * 8)
  for (let j = 0; j < size; j++) {
    const tt = t[j]
    const bb = b[j]
    const cc = c[j]
    const x = count[j]
    out[tt * 8 + 4 + (bb === tt ? 2 : 0) + (cc === tt ? 1 : 0)] += x
    if (bb !== tt) out[bb * 8 + 2 + (cc === bb ? 1 : 0)] += x
    if (cc !== tt && cc !== bb) out[cc * 8 + 1] += x
  }
  for (let l = 0; l < k; l++) {
    let rest = 0
    for (let i = 1; i < 8; i++) rest += out[l * 8 + i]
    out[l * 8] = table.total - rest
  }
  return out
}

/**
 * The 2×2×2 table of class `label` against the rest (index 1 = is the class), for per-class metrics.
 * Cost O(cells); {@link classTables} gives every class at once.
 */
export function collapseCells(table: CellTable, label: number): Float64Array {
  const out = new Float64Array(8)
  const { size, t, b, c, count } = table
  for (let j = 0; j < size; j++) out[((t[j] === label ? 1 : 0) * 2 + (b[j] === label ? 1 : 0)) * 2 + (c[j] === label ? 1 : 0)] += count[j]
  return out
}

/** McNemar counts: b = baseline right and candidate wrong, c = baseline wrong and candidate right, n examples. */
export interface Discordant {
  b: number
  c: number
  n: number
  bothRight: number
}

/**
 * The McNemar counts of the examples whose true label is in `truths` (all when null).
 * Cost O(cells + K) ({@link discordantByClass} gives every class at once).
 */
export function discordant(table: CellTable, truths: readonly number[] | null): Discordant {
  const { size, t, b: pb, c: pc, count } = table
  let inSet: Uint8Array | null = null
  if (truths !== null) {
    inSet = new Uint8Array(table.k)
    for (const x of truths) inSet[x] = 1
  }
  let b = 0
  let c = 0
  let n = 0
  let bothRight = 0
  for (let j = 0; j < size; j++) {
    const tt = t[j]
    if (inSet !== null && inSet[tt] === 0) continue
    const x = count[j]
    n += x
    const baseRight = pb[j] === tt
    const candRight = pc[j] === tt
    if (baseRight && !candRight) b += x
    else if (!baseRight && candRight) c += x
    else if (baseRight && candRight) bothRight += x
  }
  return { b, c, n, bothRight }
}

/**
 * {@link discordant} of each true class alone, for every class in one pass. Cost O(cells + K).
 * @example discordantByClass(fromDense(2, [3, 0, 0, 0, 0, 0, 0, 2])).bothRight // [3, 2]
 */
export function discordantByClass(table: CellTable): { b: Float64Array; c: Float64Array; n: Float64Array; bothRight: Float64Array } {
  const { k, size, t, b: pb, c: pc, count } = table
  const out = { b: new Float64Array(k), c: new Float64Array(k), n: new Float64Array(k), bothRight: new Float64Array(k) }
  for (let j = 0; j < size; j++) {
    const tt = t[j]
    const x = count[j]
    out.n[tt] += x
    const baseRight = pb[j] === tt
    const candRight = pc[j] === tt
    if (baseRight && !candRight) out.b[tt] += x
    else if (!baseRight && candRight) out.c[tt] += x
    else if (baseRight && candRight) out.bothRight[tt] += x
  }
  return out
}

/**
 * The non-zero entries of the baseline and candidate confusion matrices, each as [true, predicted, count]
 * sorted by (true, predicted). Cost O(cells·log(cells)).
 */
export function confusionEntries(table: CellTable): { baseline: [number, number, number][]; candidate: [number, number, number][] } {
  const of = (pred: Int32Array): [number, number, number][] => {
    const map = new Map<number, Map<number, number>>()
    for (let j = 0; j < table.size; j++) {
      let row = map.get(table.t[j])
      if (!row) map.set(table.t[j], (row = new Map()))
      row.set(pred[j], (row.get(pred[j]) ?? 0) + table.count[j])
    }
    const out: [number, number, number][] = []
    for (const [t, row] of [...map].sort((x, y) => x[0] - y[0])) {
      for (const [p, x] of [...row].sort((u, v) => u[0] - v[0])) out.push([t, p, x])
    }
    return out
  }
  return { baseline: of(table.b), candidate: of(table.c) }
}
