/**
 * What the tasks other than classification share: reading both files into a task's row builder, pairing them by
 * id with the task's truth test, and gathering a column in pair order.
 */
import type { CompareOptions } from './options.js'
import { DEFAULT_ERRORS, errorCounts, errorRule, type ErrorOutcome, type ErrorRows } from '../pair/errorRule.js'
import { checkUniqueIds, pairByIds, pairingOf, type IdRows, type Pairing, type SameTruth } from '../pair/pairByIds.js'
import { readRows, textCells } from '../read/readPredictions.js'
import type { RowSink } from '../read/sink.js'
import type { GateRule } from '../gates/rules.js'
import type { KeyColumn } from '../read/keys.js'
import type { TaskName } from '../report/schema.js'
import type { PredictionSource } from '../read/predictionFile.js'
import { countsOf, type Analysis, type Prepared, type Settings } from './taskModule.js'

/**
 * Reads the candidate and (when given) the baseline, each into a fresh sink; then pairs them and applies the error
 * rule (docs/errors.md): `pairing` is that of the compared examples (error pairs dropped under `exclude`; without a
 * baseline the candidate is cut by `keep` instead), `errors` the rule's outcome.
 */
export async function readAndPair<F extends IdRows & ErrorRows>(
  options: CompareOptions,
  sink: (source: PredictionSource, text: boolean, requireId: boolean) => RowSink & { finish(): F },
  sameTruth: (candidate: F, baseline: F) => SameTruth,
  keep: (file: F, rows: Uint32Array) => F,
  /** Applied to each file after reading, before pairing (docs/repeats-and-clusters.md repeats: one row per id). */
  collapse: (file: F) => F = (file) => file
): Promise<{ candidate: F; baseline: F | null; pairing: Pairing | null; errors: ErrorOutcome; candidateRows: number }> {
  const read = await readAndPairRows(options, sink, sameTruth, collapse)
  const errors = errorRule(options.errors ?? DEFAULT_ERRORS, read.candidate, read.baseline, read.pairing)
  const candidate = errors.keep ? keep(read.candidate, errors.keep) : read.candidate
  return { candidate, baseline: read.baseline, pairing: errors.pairing, errors, candidateRows: read.candidate.n }
}

async function readAndPairRows<F extends IdRows>(
  options: CompareOptions,
  sink: (source: PredictionSource, text: boolean, requireId: boolean) => RowSink & { finish(): F },
  sameTruth: (candidate: F, baseline: F) => SameTruth,
  /** Applied to each file after reading, before pairing (docs/repeats-and-clusters.md repeats: one row per id). */
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

/** The compared examples as row indices into each file: `cand[p]`, `base[p]` (null without a baseline). */
export interface ExampleRows {
  cand: ArrayLike<number>
  base: ArrayLike<number> | null
}

/**
 * The Prepared of a task without classes (scores, regression, generation): no labels or positive class, counts
 * from the two files and the pairing, and the task's metric names, default gates and analysis. `run` analyses
 * the examples at `rows`: every compared example (`analyze`), or a slice's (`analyzeSlice`, docs/slices.md).
 */
export function unlabelled(
  task: TaskName,
  read: { candidate: IdRows & { keys?: KeyColumn[] }; baseline: (IdRows & { keys?: KeyColumn[] }) | null; pairing: Pairing | null; errors: ErrorOutcome; candidateRows: number },
  metrics: readonly string[],
  defaultGates: string,
  run: (rows: ExampleRows, rules: readonly GateRule[], settings: Settings) => Analysis
): Prepared {
  const { pairing } = read
  const all: ExampleRows = { cand: rowsOf(pairing, read.candidate.n, 'cand'), base: pairing ? pairing.base : null }
  return {
    keys: { candidate: read.candidate.keys, baseline: read.baseline ? read.baseline.keys : null },
    analyze: (rules, settings) => run(all, rules, settings),
    analyzeSlice(rows, _metrics, settings) {
      const sub: ExampleRows = { cand: gatherIndex(all.cand, rows), base: all.base ? gatherIndex(all.base, rows) : null }
      const { metrics, warnings } = run(sub, [], settings)
      return { metrics, warnings: warnings.last }
    },
    task,
    labels: [],
    positiveLabel: null,
    counts: { ...countsOf(read.candidateRows, read.baseline ? read.baseline.n : null, read.errors.original), ...errorCounts(read.errors) },
    pairing: read.pairing,
    errors: read.errors,
    hasBaseline: read.baseline !== null,
    known: { metrics, labels: [] },
    defaultGates
  }
}

/**
 * The pairs a task's `run` is given, as a Pairing for what needs one (clusters, docs/repeats-and-clusters.md): the run's own pairing
 * when `rows` are all compared examples; for a slice's rows (docs/slices.md) a pairing of just those (without a
 * baseline, each candidate row paired with itself).
 */
export function pairsAt(pairing: Pairing | null, n: number, rows: ExampleRows): Pairing | null {
  if (rows.cand.length === (pairing ? pairing.n : n)) return pairing
  const cand = Uint32Array.from(rows.cand)
  return pairingOf(cand, rows.base ? Uint32Array.from(rows.base) : cand)
}

/** `index` at `rows`, as row indices. */
function gatherIndex(index: ArrayLike<number>, rows: Uint32Array): Uint32Array {
  const out = new Uint32Array(rows.length)
  for (let p = 0; p < rows.length; p++) out[p] = index[rows[p]]
  return out
}
