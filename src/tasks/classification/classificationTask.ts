/**
 * The classification task (docs/inputs.md, docs/tasks.md, docs/metrics.md, docs/statistics.md): labels and predictions, binary or multiclass, optional scores. Reading
 * (the baseline on a second core when large), pairing, the task and positive class, the cell table, the
 * confusion-matrix statistics and the score statistics.
 */
import { stat } from 'node:fs/promises'
import { confusionEntries, countCells, type CellTable } from '../../pair/cellTable.js'
import type { CompareOptions } from '../options.js'
import { InputError } from '../../common/errors.js'
import { DEFAULT_GATES, type GateRule } from '../../gates/rules.js'
import { metricNames, parsePerClass } from '../../metrics/names.js'
import { ascendingOrder } from '../../stats/order.js'
import { checkUniqueIds, pairByIds, pairingOf, repeatError, sameLabel, type Pairing } from '../../pair/pairByIds.js'
import { readPredictions, type ReadOptions } from '../../read/readPredictions.js'
import { keyFields } from '../../read/keys.js'
import { readInWorker } from './readerThread.js'
import { binaryScoreColumns, scoreStatistics, type RowOrder, type ScoreContext } from '../../significance/classification/scoreColumnStatistics.js'
import { resamplesFor } from '../../stats/scoreResampling.js'
import { startStatsJob } from '../../significance/classification/statsWorker.js'
import { classificationJoint } from '../../significance/classification/classificationJoint.js'
import { DEFAULT_MCNEMAR } from '../../stats/mcnemar.js'
import { confusionMatrices } from '../../significance/classification/classificationResample.js'
import { confusionStatistics, confusionStatisticsParallel, type ConfusionResults } from '../../significance/classification/classificationStatistics.js'
import { shiftedMcNemar } from '../../significance/classification/shiftedMcNemar.js'
import { classDropWarnings } from './classDropWarnings.js'
import { chooseTask } from './chooseTask.js'
import { type MetricReport, type Report } from '../../report/schema.js'
import { LabelDictionary, type PredictionFile } from '../../read/predictionFile.js'
import { classificationWarnings, disagreementOf } from './classificationWarnings.js'
import { pairRepeats, readRepeats, unclusteredWarning, valuesOnly, withRepeatCounts } from '../../pair/repeatPairing.js'
import { ClusteredCells, pairClusters } from '../../significance/clusters/clusterCells.js'
import { countsOf, type Analysis, type Prepared, type TaskModule } from '../taskModule.js'
import { anyErrors, DEFAULT_ERRORS, errorCounts, errorRule } from '../../pair/errorRule.js'
import { clusteredPowerWarnings } from '../../significance/clusters/clusterPower.js'
import { scoreConfidenceWarnings } from './scoreConfidence.js'
import { countErrorsWrong } from './classificationErrors.js'
import { keepPredictionRows } from '../keepRows.js'
import { isToolFormat, toolSameTruth, toolWarnings } from '../../read/tools/toolFormats.js'

/**
 * The most classes a comparison takes. At 100,000 the report alone holds 400,000 per-class metrics (a 140 MB
 * JSON file, about 20 s and 900 MB in all); past it a pull request's file could exhaust memory (SECURITY.md).
 */
export const MAX_CLASSES = 100_000

/** Up to this many classes the report's confusion matrices are dense K×K tables (docs/report.md); above, sparse entries. */
export const DENSE_MATRIX_CLASSES = 1000

/** Work (examples × resamples) of average precision's resampling above which a helper thread does it. */
const HELPER_WORK = 1_000_000

/** Files smaller than this are read on this thread: starting a worker costs more than it saves. */
const PARALLEL_BYTES = 4 << 20

export const classification: TaskModule = {
  async prepare(options: CompareOptions): Promise<Prepared> {
    const dictionary = new LabelDictionary()
    const readOptions = { format: options.format, fields: options.fields, dictionary, requireId: options.baseline !== null || options.repeatField !== undefined, keys: keyFields(options) }
    const [read, baseline, early] = await readBoth(options, readOptions)
    try {
      return { ...prepareRead(options, dictionary, read, baseline, early), settle: () => settleIds(early, baseline) }
    } catch (error) {
      // A repeated baseline id, left to the reader thread by pairing, is the first error, as it would be here.
      await settleIds(early, baseline)
      throw error
    }
  }
}

/** Pairing, the task and classes, and the analyses of files read (see {@link classification}). */
function prepareRead(options: CompareOptions, dictionary: LabelDictionary, read: PredictionFile, baseline: PredictionFile | null, early: ReadEarly): Prepared {
  const repeats = readRepeats(options, read, baseline)
  let byId: Pairing | null = null
  if (baseline) {
    // The same true label; for evaluation tools' files (docs/tools.md) also the same lm-eval doc_hash and target_hash.
    const label = sameLabel(read, baseline)
    const tool = isToolFormat(options.format) ? toolSameTruth(options)(read, baseline) : null
    const same = tool ? (i: number, j: number): boolean => label(i, j) && tool(i, j) : label
    byId = repeats ? pairRepeats(read, baseline, repeats, same, options.repeatField as string) : pairByIds(read, baseline, same, { checkedElsewhere: early.baselineRepeat ? baseline.ids : null })
  }
  else if (!repeats) checkUniqueIds(read)
  // docs/errors.md: error rows (pred ERROR_CODE, no dictionary code) are left out here under exclude, or given a
  // wrong prediction below once the labels are known.
  const errors = errorRule(options.errors ?? DEFAULT_ERRORS, read, baseline, byId)
  const candidate = errors.keep ? keepPredictionRows(read, errors.keep) : read
  const pairing = errors.pairing

  const used = usedCodes(dictionary.size, candidate, baseline, pairing)
  const { task, labels, positiveLabel } = classesOf(dictionary, used, options)
  const reserved = errors.mode === 'wrong' && anyErrors(errors) ? countErrorsWrong({ task, labels, positiveLabel, dictionary }, candidate, baseline) : null
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
  const names = metricNames(task, labels, hasScores)
  const positive = positiveLabel === null ? null : labels.indexOf(positiveLabel)
  const hasBaseline = baseline !== null
  // An lm-eval [gold, pred] pair metric (docs/tools.md): what was compared and left out, prompts, aggregation.
  const toolNotes = toolWarnings(options, pairing, { candidate: read, baseline }, { task, positiveLabel })

  return {
    task,
    labels,
    positiveLabel,
    counts: { ...withRepeatCounts(countsOf(read.n, baseline ? baseline.n : null, byId), repeats), ...errorCounts(errors) },
    pairing,
    hasBaseline,
    errors,
    known: { metrics: names, labels },
    defaultGates: DEFAULT_GATES,
    keys: { candidate: candidate.keys, baseline: baseline ? baseline.keys : null },
    analyzeSlice(rows, wanted, settings) {
      // The slice's pairs as a pairing of their own (without a baseline: the candidate's rows, paired with themselves).
      const sub = slicePairing(rows, pairing)
      const table = countCells(labels.length, remap, candidate, baseline ?? candidate, sub)
      const only = new Set(wanted)
      const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR
      // Repeats and clusters hold within a slice too: the slice's pairs in their clusters (those it has a part of).
      const clusters = pairClusters(options, candidate, baseline, sub, repeats)
      const clustered = clusters ? ClusteredCells.of(labels.length, labels, remap, candidate, baseline, sub, clusters) : null
      const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline, mcnemar, only, clusters: clustered }, settings)
      const scored =
        hasScores && wanted.some((name) => !confusion.metrics.has(name))
          ? scoreStatistics({ task, labels, positive, remap, candidate, baseline, pairing: sub }, settings)
          : { metrics: new Map<string, MetricReport>(), warnings: [] as string[] }
      if (clusters && scored.metrics.size > 0) {
        for (const [name, m] of scored.metrics) scored.metrics.set(name, valuesOnly(m))
        scored.warnings = [unclusteredWarning([...scored.metrics.keys()], clusters.what)]
      }
      const metrics: Record<string, MetricReport> = {}
      for (const name of wanted) {
        const m = confusion.metrics.get(name) ?? scored.metrics.get(name)
        if (m) metrics[name] = m
      }
      return {
        metrics,
        warnings: [...confusion.warnings, ...scored.warnings, ...(clustered ? clustered.warnings : [])],
        // docs/gates.md, "Tolerance": Tango's score test where the slice's McNemar is the plain one.
        ...(hasBaseline && !clustered ? { shifted: shiftedMcNemar({ task, labels, positive, table }) } : {})
      }
    },
    async analyze(rules, settings): Promise<Analysis> {
      const k = labels.length
      const table: CellTable = countCells(k, remap, candidate, baseline, pairing)
      const gatedClasses = gatedClassesOf(rules, index, table, options.minSlice)
      const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR
      const clusters = pairClusters(options, candidate, baseline, pairing, repeats)
      const clustered = clusters ? ClusteredCells.of(k, labels, remap, candidate, baseline, pairing, clusters) : null
      // The reserved error label (last) is no class of the scores: every true label is a real one.
      const scoreContext: ScoreContext = { task, labels: reserved ? labels.slice(0, -1) : labels, positive, remap, candidate, baseline, pairing, orders: early.orders }
      // docs/scale.md: average precision's resampling (a pass over every example per resample) goes to a helper
      // thread, started first, while this thread does everything else; the same numbers either way.
      const n = pairing ? pairing.n : candidate.n
      const apElsewhere = hasScores && !clusters && options.readerScript !== undefined && n * resamplesFor(settings.resamples, n) >= HELPER_WORK
      const columns = apElsewhere ? binaryScoreColumns(scoreContext) : null
      const apJob = columns && columns.base ? startStatsJob(options.readerScript, { kind: 'ap', columns, settings }) : null
      const confusionContext = { task, labels, positive, table, hasBaseline, gatedClasses, mcnemar, clusters: clustered }
      let scored = { metrics: new Map<string, MetricReport>(), warnings: [] as string[] }
      let joint: Analysis['joint'] | null = null
      let disagreement: Analysis['disagreement'] = null
      // Everything but the confusion-matrix statistics (run while a helper thread takes per-class families).
      const others = (): void => {
        if (hasScores) scored = scoreStatistics({ ...scoreContext, columns, ...(apJob ? { averagePrecision: 'later' as const } : {}) }, settings)
        if (clusters && scored.metrics.size > 0) {
          for (const [name, m] of scored.metrics) scored.metrics.set(name, valuesOnly(m))
          scored.warnings = [unclusteredWarning([...scored.metrics.keys()], clusters.what)]
        }
        if (baseline && pairing && !clustered) {
          joint = classificationJoint({ task, labels, positive, remap, table, candidate, baseline, pairing, mcnemar, resamples: settings.resamples, seed: settings.seed })
        }
        disagreement = baseline && pairing ? disagreementOf(candidate, baseline, pairing) : null
      }
      // docs/scale.md: with many classes, the per-class families are shared with a helper thread (same numbers).
      let confusion: ConfusionResults
      if (options.readerScript) confusion = await confusionStatisticsParallel(confusionContext, settings, options.readerScript, others)
      else {
        confusion = confusionStatistics(confusionContext, settings)
        others()
      }
      if (apJob) {
        // The last warning of the binary score statistics, as on one thread.
        const ap = await apJob.result()
        scored.metrics.set('average_precision', ap.metric)
        if (ap.warning) scored.warnings.push(ap.warning)
      }
      const metrics: Record<string, MetricReport> = {}
      for (const name of names) {
        const m = confusion.metrics.get(name) ?? scored.metrics.get(name)
        if (m) metrics[name] = m
      }
      return {
        metrics,
        confusionMatrix: confusionMatrixOf(table, labels, hasBaseline),
        disagreement,
        warnings: {
          // With clusters, the power of the clustered test used (docs/repeats-and-clusters.md).
          first: [
            ...toolNotes,
            ...(clustered && pairing && pairing.n > 0 ? clusteredPowerWarnings({ clustered, task, positive, settings }) : classificationWarnings({ pairing, table, task, positive, settings })),
            // Scores that are the predicted label's confidence (docs/statistics.md).
            ...scoreConfidenceWarnings(scoreContext, metrics),
            // docs/gates.md, "Per class": a class whose drop survives Benjamini–Hochberg.
            ...classDropWarnings(task, labels, metrics, settings.alpha)
          ],
          last: [
            ...confusion.warnings,
            ...sparseMatrixWarning(k),
            ...scored.warnings,
            ...(clustered ? clustered.warnings : [])
          ]
        },
        ...(joint ? { joint } : {}),
        ...(hasBaseline && !clustered ? { shifted: shiftedMcNemar({ task, labels, positive, table }) } : {})
      }
    }
  }
}

/** A pairing of the pairs at `rows` only (of candidate rows `rows`, paired with themselves, without a pairing). */
function slicePairing(rows: Uint32Array, pairing: Pairing | null): Pairing {
  if (!pairing) return pairingOf(rows, rows)
  const at = (index: Uint32Array): Uint32Array => Uint32Array.from(rows, (p) => index[p])
  return pairingOf(at(pairing.cand), at(pairing.base))
}

/**
 * Report indices of the classes whose per-class metrics a rule names (always resampled); with a `by class` rule on
 * precision or f1 (docs/gates.md), every class with at least `minSupport` (default 30) true examples in `table`,
 * at most (paired examples)/minSupport of them. (recall[L]'s McNemar needs no resampling.)
 */
export function gatedClassesOf(rules: readonly GateRule[], index: ReadonlyMap<string, number>, table?: CellTable, minSupport = 30): Set<number> {
  const gated = new Set<number>()
  if (table && rules.some((r) => r.byClass && r.metric !== 'recall')) {
    const support = new Float64Array(table.k)
    for (let j = 0; j < table.size; j++) support[table.t[j]] += table.count[j]
    support.forEach((s, i) => {
      if (s >= minSupport) gated.add(i)
    })
  }
  for (const rule of rules) {
    const perClass = parsePerClass(rule.metric)
    const i = perClass ? index.get(perClass.label) : undefined
    if (i !== undefined) gated.add(i)
  }
  return gated
}

/** The warning that the confusion matrices of `k` classes are given sparse (none up to DENSE_MATRIX_CLASSES). */
export function sparseMatrixWarning(k: number): string[] {
  if (k <= DENSE_MATRIX_CLASSES) return []
  const K = k.toLocaleString('en-US')
  return [
    `The confusion matrices of ${K} classes are given as their non-zero entries ` +
      `(\`confusionMatrix.entries\`: [true index, predicted index, count]), not as ${K}×${K} tables ` +
      `(dense up to ${DENSE_MATRIX_CLASSES.toLocaleString('en-US')} classes).`
  ]
}

/**
 * The task, the report's labels and the positive class (src/tasks/classification/chooseTask.ts chooseTask) from the labels that occur in
 * the compared examples (`used`: a flag per dictionary code), `--task` binary or multiclass forcing the task.
 */
export function classesOf(dictionary: LabelDictionary, used: Uint8Array, options: Pick<CompareOptions, 'task' | 'positiveLabel'>): ReturnType<typeof chooseTask> {
  const forced = options.task === 'binary' || options.task === 'multiclass' ? options.task : undefined
  return chooseTask(
    dictionary.names,
    dictionary.names.filter((_, code) => used[code]),
    options.positiveLabel,
    forced
  )
}

/**
 * What was learnt of the files while they were read (docs/scale.md): the `score` columns' ascending orders, for the score
 * statistics, and the reader thread's search for a repeat among the baseline's text ids, which pairing leaves to
 * it (src/pair/pairByIds.ts `checkedElsewhere`) and {@link settleIds} reports.
 */
interface ReadEarly {
  orders: { candidate: RowOrder | null; baseline: RowOrder | null }
  /** The reader thread's search of the baseline's ids (src/tasks/classification/readerThread.ts `repeat`). */
  baselineRepeat: Promise<[number, number] | null | undefined> | null
}

const NOTHING_EARLY: ReadEarly = { orders: { candidate: null, baseline: null }, baselineRepeat: null }

/**
 * Reads both files: the baseline in a worker thread when it is a large file on disk and a reader script is given.
 * The worker also sorts the baseline's scores, and this thread, usually done with the candidate first (the worker
 * starts later and hands its columns over), sorts the candidate's while it waits. Once it has answered, the worker
 * looks for a repeated baseline id while this thread pairs and computes.
 */
async function readBoth(options: CompareOptions, readOptions: ReadOptions): Promise<[PredictionFile, PredictionFile | null, ReadEarly]> {
  const base = options.baseline
  if (!base) return [await readPredictions(options.candidate, readOptions), null, NOTHING_EARLY]
  // An evaluation tool's file is already read (src/read/tools/toolFormats.ts resolveTools): no worker.
  if (options.readerScript && base.path && !base.data && !isToolFormat(options.format) && (await sizeOf(base.path)) >= PARALLEL_BYTES) {
    const pending = readInWorker(options.readerScript, base, { ...readOptions, sortScore: true, checkIds: true })
    // Keep a rejection of the worker from going unhandled while the candidate is read.
    pending.catch(() => undefined)
    const candidate = await readPredictions(options.candidate, readOptions)
    const candidateOrder = candidate.score ? { score: candidate.score, order: ascendingOrder(candidate.score) } : null
    const { file, scoreOrder, repeat } = await pending
    const baselineOrder = file.score && scoreOrder ? { score: file.score, order: scoreOrder } : null
    return [candidate, file, { orders: { candidate: candidateOrder, baseline: baselineOrder }, baselineRepeat: repeat }]
  }
  const candidate = await readPredictions(options.candidate, readOptions)
  return [candidate, await readPredictions(base, readOptions), NOTHING_EARLY]
}

/**
 * Throws the error pairing would have thrown for a repeated baseline id that it left to the reader thread (its
 * answer, or this thread's own search when the thread ended without one); nothing when there is none.
 */
async function settleIds(early: ReadEarly, baseline: PredictionFile | null): Promise<void> {
  if (!early.baselineRepeat || !baseline) return
  const repeat = await early.baselineRepeat
  if (repeat === undefined) checkUniqueIds(baseline)
  else if (repeat) throw repeatError(baseline, repeat)
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch {
    return 0
  }
}

/**
 * Which dictionary codes occur in the compared examples (all candidate rows without a baseline). An error row's
 * ERROR_CODE lies past the array: typed arrays ignore the write, so it marks nothing.
 */
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

/**
 * The report's `confusionMatrix`: dense rows up to {@link DENSE_MATRIX_CLASSES} classes (a million numbers per
 * model); above, `candidate` and `baseline` are null and `entries` lists the non-zero cells of each matrix as
 * [true index, predicted index, count] (indices into `labels`). Cost O(cells + K²) dense, O(cells·log) sparse.
 */
export function confusionMatrixOf(table: CellTable, labels: string[], hasBaseline: boolean): NonNullable<Report['confusionMatrix']> {
  const { k } = table
  if (k > DENSE_MATRIX_CLASSES) {
    const entries = confusionEntries(table)
    return { labels, candidate: null, baseline: null, entries: { candidate: entries.candidate, baseline: hasBaseline ? entries.baseline : null } }
  }
  const { baseline, candidate } = confusionMatrices(table)
  const rows = (cm: Float64Array): number[][] => Array.from({ length: k }, (_, t) => Array.from(cm.subarray(t * k, t * k + k)))
  return { labels, candidate: rows(candidate), baseline: hasBaseline ? rows(baseline) : null }
}
