/**
 * What the tasks other than classification share: reading both files into a task's row builder, pairing them by
 * id with the task's truth test, and gathering a column in pair order.
 */
import type { CompareOptions } from '../compare.js'
import { checkUniqueIds, pairByIds, type IdRows, type Pairing, type SameTruth } from '../pair.js'
import { readRows, textCells } from '../read/index.js'
import type { RowSink } from '../read/sink.js'
import type { PredictionSource, TaskName } from '../types.js'
import { countsOf, type Prepared } from './task.js'

/** Reads the candidate and (when given) the baseline, each into a fresh sink; then pairs them. */
export async function readAndPair<F extends IdRows>(
  options: CompareOptions,
  sink: (source: PredictionSource, text: boolean, requireId: boolean) => RowSink & { finish(): F },
  sameTruth: (candidate: F, baseline: F) => SameTruth,
  /** Applied to each file after reading, before pairing (SPEC §12 repeats: one row per id). */
  collapse: (file: F) => F = (file) => file
): Promise<{ candidate: F; baseline: F | null; pairing: Pairing | null }> {
  const requireId = options.baseline !== null || options.repeatField !== undefined
  const read = async (source: PredictionSource): Promise<F> => {
    const rows = sink(source, textCells(source.name, options.format), requireId)
    await readRows(source, rows, { format: options.format })
    return collapse(rows.finish())
  }
  const candidate = await read(options.candidate)
  const baseline = options.baseline ? await read(options.baseline) : null
  if (!baseline) {
    checkUniqueIds(candidate)
    return { candidate, baseline, pairing: null }
  }
  return { candidate, baseline, pairing: pairByIds(candidate, baseline, sameTruth(candidate, baseline)) }
}

/** Row indices of the compared examples: the pairs' candidate (or baseline) rows, or every candidate row. */
export function rowsOf(pairing: Pairing | null, n: number, side: 'cand' | 'base' = 'cand'): ArrayLike<number> {
  if (pairing) return pairing[side]
  return Uint32Array.from({ length: n }, (_, i) => i)
}

/** `values` at `rows`. */
export function gather(values: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length)
  for (let p = 0; p < rows.length; p++) out[p] = values[rows[p]]
  return out
}

/** The ids at `rows` as text (1-based row numbers when the file has no ids). */
export function idsAt(ids: string[] | Float64Array | null, rows: ArrayLike<number>): string[] {
  return Array.from({ length: rows.length }, (_, p) => (ids ? String(ids[rows[p]]) : String(rows[p] + 1)))
}

/** Default rules for a task's metrics: `NAME no-regression` for each. */
export const noRegressionOn = (names: readonly string[]): string => names.map((n) => `${n} no-regression`).join('; ')

/**
 * The Prepared of a task without classes (scores, regression, generation): no labels or positive class, counts
 * from the two files and the pairing, and the task's metric names, default gates and analysis.
 */
export function unlabelled(
  task: TaskName,
  read: { candidate: IdRows; baseline: IdRows | null; pairing: Pairing | null },
  metrics: readonly string[],
  defaultGates: string,
  analyze: Prepared['analyze']
): Prepared {
  return {
    task,
    labels: [],
    positiveLabel: null,
    counts: countsOf(read.candidate.n, read.baseline ? read.baseline.n : null, read.pairing),
    pairing: read.pairing,
    hasBaseline: read.baseline !== null,
    known: { metrics, labels: [] },
    defaultGates,
    analyze
  }
}
