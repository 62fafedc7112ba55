/**
 * The cell table of a comparison: how many paired examples fall in each (true label, baseline prediction,
 * candidate prediction) cell. Every confusion-matrix metric of both models, their difference and every resample
 * of them are functions of these K³ counts alone (METHODS.md, "the cell reduction").
 */
import type { Pairing } from './pair.js'
import type { PredictionFile } from './types.js'

export interface CellTable {
  k: number
  /** Index (t·k + b)·k + c, label indices in report order. */
  counts: Float64Array
}

/** Index of a cell. */
export const cellIndex = (k: number, t: number, b: number, c: number): number => (t * k + b) * k + c

/**
 * Counts the paired examples per cell. `remap[code]` is the report index of a dictionary code.
 * Without a baseline, pass `baseline = null`: the baseline prediction is taken to be the candidate's, so the
 * table still gives the candidate's matrix and its bootstrap. Cost: one pass over the pairs.
 */
export function countCells(
  k: number,
  remap: Int32Array,
  candidate: PredictionFile,
  baseline: PredictionFile | null,
  pairing: Pairing | null
): CellTable {
  const counts = new Float64Array(k * k * k)
  const { truth, pred } = candidate
  if (baseline === null || pairing === null) {
    for (let i = 0; i < candidate.n; i++) {
      const c = remap[pred[i]]
      counts[(remap[truth[i]] * k + c) * k + c]++
    }
    return { k, counts }
  }
  const bPred = baseline.pred
  const { cand, base } = pairing
  for (let p = 0; p < pairing.n; p++) {
    const i = cand[p]
    counts[(remap[truth[i]] * k + remap[bPred[base[p]]]) * k + remap[pred[i]]]++
  }
  return { k, counts }
}

/**
 * The 2×2×2 table of class `label` against the rest (index 1 = is the class), for per-class metrics.
 * Cost O(K³).
 */
export function collapseCells(table: CellTable, label: number): Float64Array {
  const { k, counts } = table
  const out = new Float64Array(8)
  for (let t = 0; t < k; t++) {
    const t2 = t === label ? 1 : 0
    for (let b = 0; b < k; b++) {
      const b2 = b === label ? 1 : 0
      for (let c = 0; c < k; c++) {
        const x = counts[(t * k + b) * k + c]
        if (x !== 0) out[(t2 * 2 + b2) * 2 + (c === label ? 1 : 0)] += x
      }
    }
  }
  return out
}

/**
 * The McNemar counts of the examples whose true label is in `truths` (all when null):
 * b = baseline right and candidate wrong, c = baseline wrong and candidate right, n = how many examples.
 */
export function discordant(table: CellTable, truths: readonly number[] | null): { b: number; c: number; n: number; bothRight: number } {
  const { k, counts } = table
  let b = 0
  let c = 0
  let n = 0
  let bothRight = 0
  const list = truths ?? Array.from({ length: k }, (_, i) => i)
  for (const t of list) {
    for (let pb = 0; pb < k; pb++) {
      for (let pc = 0; pc < k; pc++) {
        const x = counts[(t * k + pb) * k + pc]
        n += x
        if (pb === t && pc !== t) b += x
        else if (pb !== t && pc === t) c += x
        else if (pb === t && pc === t) bothRight += x
      }
    }
  }
  return { b, c, n, bothRight }
}
