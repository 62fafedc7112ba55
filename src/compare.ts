/**
 * The core, end to end: parse → pair → metrics → statistics → gates. Pure: no `@actions/*` import; the CLI
 * and the action are thin shells around `compare()`.
 */
import { confusionEntries, countCells, type CellTable } from './cells.js'
import { ConfigError, InputError } from './errors.js'
import { DEFAULT_GATES, evaluateGates, parseGates } from './gates.js'
import { metricNames, parsePerClass } from './metrics/names.js'
import { checkUniqueIds, pairByIds, type Pairing } from './pair.js'
import { stat } from 'node:fs/promises'
import { readPredictions, type ReadOptions } from './read/index.js'
import { readInWorker } from './read/parallel.js'
import { scoreStatistics } from './scoreStatistics.js'
import { confusionMatrices } from './stats/resample.js'
import { confusionStatistics } from './statistics.js'
import { chooseTask } from './task.js'
import { LabelDictionary, type FieldNames, type Format, type MetricReport, type PredictionFile, type PredictionSource, type Report, type Task } from './types.js'
import { VERSION } from './version.js'
import { disagreementOf, warningsFor } from './warnings.js'

/** Everything a comparison needs besides the files (CLI options / action inputs, already validated). */
export interface CompareOptions {
  candidate: PredictionSource
  /** null: no baseline (statistics fields are null; baseline-only gates follow missingBaseline). */
  baseline: PredictionSource | null
  format?: Format
  fields: FieldNames
  positiveLabel?: string
  task?: Task
  /** Gate rules text (SPEC §5); undefined: the default rules. */
  gates?: string
  alpha: number
  resamples: number
  seed: number
  missingBaseline: 'skip' | 'fail'
  /**
   * A script that answers `serveReadRequest()` (the CLI bundle): with it, a large baseline file is read on a
   * second core while this thread reads the candidate. Without it, the files are read one after the other.
   */
  readerScript?: string | URL
}

/**
 * The most classes a comparison takes. At 100,000 the report alone holds 400,000 per-class metrics (a 140 MB
 * JSON file, about 20 s and 900 MB in all); past it a pull request's file could exhaust memory (SECURITY.md).
 */
export const MAX_CLASSES = 100_000

/** Files smaller than this are read on this thread: starting a worker costs more than it saves. */
const PARALLEL_BYTES = 4 << 20

/** Reads both files, pairs them, computes metrics and statistics, evaluates the gates. Throws InputError / ConfigError. */
export async function compare(options: CompareOptions): Promise<Report> {
  checkSettings(options)
  const dictionary = new LabelDictionary()
  const readOptions = { format: options.format, fields: options.fields, dictionary, requireId: options.baseline !== null }
  const [candidate, baseline] = await readBoth(options, readOptions)

  let pairing: Pairing | null = null
  if (baseline) pairing = pairByIds(candidate, baseline)
  else checkUniqueIds(candidate)

  const used = usedCodes(dictionary.size, candidate, baseline, pairing)
  const choice = chooseTask(
    dictionary.names,
    dictionary.names.filter((_, code) => used[code]),
    options.positiveLabel,
    options.task
  )
  const { task, labels, positiveLabel } = choice
  if (labels.length > MAX_CLASSES) {
    throw new InputError(
      options.candidate.name,
      null,
      options.fields.label,
      `has ${labels.length.toLocaleString('en-US')} distinct values in the compared examples (true labels and predictions, both files); ` +
        `at most ${MAX_CLASSES.toLocaleString('en-US')} classes are supported`
    )
  }
  const index = new Map(labels.map((label, i) => [label, i]))
  const remap = Int32Array.from(dictionary.names, (name) => index.get(name) ?? -1)
  const hasScores = candidate.score !== null || candidate.scores !== null
  const rules = parseGates(options.gates ?? DEFAULT_GATES, { metrics: metricNames(task, labels, hasScores), labels })

  const k = labels.length
  const table: CellTable = countCells(k, remap, candidate, baseline, pairing)
  const positive = positiveLabel === null ? null : labels.indexOf(positiveLabel)
  const settings = { alpha: options.alpha, resamples: options.resamples, seed: options.seed }
  const gatedClasses = new Set<number>()
  for (const rule of rules) {
    const perClass = parsePerClass(rule.metric)
    const i = perClass ? index.get(perClass.label) : undefined
    if (i !== undefined) gatedClasses.add(i)
  }
  const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline: baseline !== null, gatedClasses }, settings)
  const scored = hasScores
    ? scoreStatistics({ task, labels, positive, remap, candidate, baseline, pairing }, settings)
    : { metrics: new Map<string, MetricReport>(), warnings: [] as string[] }

  const metrics: Record<string, MetricReport> = {}
  for (const name of metricNames(task, labels, hasScores)) {
    const m = confusion.metrics.get(name) ?? scored.metrics.get(name)
    if (m) metrics[name] = m
  }
  const gates = evaluateGates(rules, metrics, {
    alpha: options.alpha,
    hasBaseline: baseline !== null,
    missingBaseline: options.missingBaseline
  })
  const matrix = confusionMatrixOf(table, labels, baseline !== null)
  return {
    schemaVersion: 1,
    passed: gates.every((g) => g.status !== 'fail'),
    task,
    labels,
    positiveLabel,
    counts: {
      candidate: candidate.n,
      baseline: baseline ? baseline.n : null,
      paired: pairing ? pairing.n : null,
      candidateOnly: pairing ? pairing.candidateOnly : null,
      baselineOnly: pairing ? pairing.baselineOnly : null,
      labelConflicts: pairing ? pairing.labelConflicts : null
    },
    metrics,
    confusionMatrix: matrix,
    gates,
    warnings: [
      ...warningsFor({ pairing, table, task, positive, labels, metrics, gates, settings, candidate, baseline }),
      ...confusion.warnings,
      ...(k > DENSE_MATRIX_CLASSES
        ? [
            `The confusion matrices of ${k.toLocaleString('en-US')} classes are given as their non-zero entries ` +
              `(\`confusionMatrix.entries\`: [true index, predicted index, count]), not as ${k.toLocaleString('en-US')}×${k.toLocaleString('en-US')} tables ` +
              `(dense up to ${DENSE_MATRIX_CLASSES.toLocaleString('en-US')} classes).`
          ]
        : []),
      ...scored.warnings
    ],
    disagreement: baseline && pairing ? disagreementOf(candidate, baseline, pairing) : null,
    settings: {
      alpha: options.alpha,
      resamples: options.resamples,
      seed: options.seed,
      version: VERSION,
      candidate: options.candidate.name,
      baseline: options.baseline ? options.baseline.name : null
    }
  }
}

/** Reads both files: the baseline in a worker thread when it is a large file on disk and a reader script is given. */
async function readBoth(options: CompareOptions, readOptions: ReadOptions): Promise<[PredictionFile, PredictionFile | null]> {
  const base = options.baseline
  if (!base) return [await readPredictions(options.candidate, readOptions), null]
  if (options.readerScript && base.path && !base.data && (await sizeOf(base.path)) >= PARALLEL_BYTES) {
    const pending = readInWorker(options.readerScript, base, readOptions)
    // Keep a rejection of the worker from going unhandled while the candidate is read.
    pending.catch(() => undefined)
    const candidate = await readPredictions(options.candidate, readOptions)
    return [candidate, await pending]
  }
  const candidate = await readPredictions(options.candidate, readOptions)
  return [candidate, await readPredictions(base, readOptions)]
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch {
    return 0
  }
}

/** Alpha, resamples and seed, checked before any file is read. */
function checkSettings(options: CompareOptions): void {
  if (!(options.alpha > 0 && options.alpha < 1)) throw new ConfigError(`alpha must be a number between 0 and 1 (exclusive), got ${options.alpha}`)
  if (!Number.isInteger(options.resamples) || options.resamples < 1 || options.resamples > 1_000_000) {
    throw new ConfigError(`resamples must be a whole number from 1 to 1000000, got ${options.resamples}`)
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw new ConfigError(`seed must be a whole number ≥ 0, got ${options.seed}`)
}

/** Which dictionary codes occur in the compared examples (all candidate rows without a baseline). */
function usedCodes(size: number, candidate: PredictionFile, baseline: PredictionFile | null, pairing: Pairing | null): Uint8Array {
  const used = new Uint8Array(size)
  if (!baseline || !pairing) {
    for (let i = 0; i < candidate.n; i++) used[candidate.truth[i]] = used[candidate.pred[i]] = 1
    return used
  }
  for (let p = 0; p < pairing.n; p++) {
    const i = pairing.cand[p]
    used[candidate.truth[i]] = used[candidate.pred[i]] = used[baseline.pred[pairing.base[p]]] = 1
  }
  return used
}

/** Up to this many classes the report's confusion matrices are dense K×K tables (SPEC §7); above, sparse entries. */
export const DENSE_MATRIX_CLASSES = 1000

/**
 * The report's `confusionMatrix`: dense rows up to {@link DENSE_MATRIX_CLASSES} classes (a million numbers per
 * model); above, `candidate` and `baseline` are null and `entries` lists the non-zero cells of each matrix as
 * [true index, predicted index, count] (indices into `labels`). Cost O(cells + K²) dense, O(cells·log) sparse.
 */
function confusionMatrixOf(table: CellTable, labels: string[], hasBaseline: boolean): Report['confusionMatrix'] {
  const { k } = table
  if (k > DENSE_MATRIX_CLASSES) {
    const entries = confusionEntries(table)
    return { labels, candidate: null, baseline: null, entries: { candidate: entries.candidate, baseline: hasBaseline ? entries.baseline : null } }
  }
  const { baseline, candidate } = confusionMatrices(table)
  const rows = (cm: Float64Array): number[][] => Array.from({ length: k }, (_, t) => Array.from(cm.subarray(t * k, t * k + k)))
  return { labels, candidate: rows(candidate), baseline: hasBaseline ? rows(baseline) : null }
}
