/**
 * The statistics stage for confusion-matrix metrics (docs/statistics.md): for each metric its value for both models, the
 * delta, the bootstrap interval of the delta, the p-value of the right test, and the candidate's own interval.
 *
 * - `accuracy`: exact McNemar on all examples; `recall`/`specificity` (binary) and `recall[L]`: exact McNemar on
 *   the examples of that true class (mid-p McNemar with `mcnemar: 'mid-p'`).
 * - every other metric: paired approximate randomization over the cells (src/significance/classification/classificationResample.ts).
 * - `candidateCi`: Wilson for accuracy, precision, recall, specificity (and per-class precision/recall);
 *   bootstrap percentile otherwise.
 * - `qValue` of precision[L], recall[L], f1[L]: Benjamini–Hochberg over all of them (src/significance/classification/classQValues.ts).
 */
import { classTables, discordantByClass, discordant, type CellTable } from '../../pair/cellTable.js'
import { aggregateMetrics, perClassMetrics, type NamedCmMetric } from '../../metrics/classification.js'
import { direction, parsePerClass } from '../../metrics/names.js'
import { DEFAULT_MCNEMAR, mcnemarMethod, type McNemarMethod } from '../../stats/mcnemar.js'
import { classSumsOfCells, resampleFamily, type CellFamily, type ResampleSettings } from './classificationResample.js'
import { type ResampledMetric } from '../../stats/resampledMetric.js'
import { wilson } from '../../stats/wilson.js'
import type { ClusteredCells } from '../clusters/clusterCells.js'
import { clusteredPower } from '../clusters/clusterPower.js'
import { minimumDetectableEffect, powerDiscordance } from '../../stats/power.js'
import type { MetricReport, Task } from '../../report/schema.js'
import { lastStatsSplit, startFamilies, startTableJob, type FamilySplit, type TableHelper } from './statsWorker.js'
import { classCells, resampleClassFamily } from './classFamily.js'
import { setClassQValues } from './classQValues.js'

/** Up to this many classes (K³ = 64 cells), per-class metrics are resampled on the full table. */
const SMALL_K = 4

/**
 * Work caps, so that no input file can make a run take minutes (SECURITY.md: the candidate file is the pull
 * request's own). Per-class families: classes × resamples; above the cap only the classes named in gates are
 * resampled. The full table: (non-empty cells + classes) × resamples, the cost of a resample; above the cap it
 * is resampled fewer times. Every number given is the one an uncapped run gives (each family has its own
 * random stream), except that a capped table has fewer resamples; a warning says what was capped.
 */
export const CLASS_RESAMPLE_CAP = 5_000_000
export const TABLE_RESAMPLE_CAP = 50_000_000

export interface ConfusionContext {
  task: Task
  labels: readonly string[]
  /** Report index of the positive class (binary), else null. */
  positive: number | null
  table: CellTable
  /** False: the table's baseline column is a copy of the candidate's, and only candidate statistics are made. */
  hasBaseline: boolean
  /** Report indices of the classes whose per-class metrics a gate names: always resampled. */
  gatedClasses?: ReadonlySet<number>
  /** The work caps (tests lower them); default CLASS_RESAMPLE_CAP and TABLE_RESAMPLE_CAP. */
  caps?: { classes: number; table: number }
  /** McNemar p-values: `exact` or `mid-p` (default DEFAULT_MCNEMAR). */
  mcnemar?: McNemarMethod
  /** Only these metrics are needed (a slice's headline metrics, docs/slices.md): families without any are skipped. */
  only?: ReadonlySet<string>
  /** docs/repeats-and-clusters.md: the pairs' clusters; set, every family is resampled by cluster and McNemar is the clustered one. */
  clusters?: ClusteredCells | null
}

/**
 * The McNemar restriction of a metric, as {@link confusionStatistics} tests it: `all` for accuracy, the true
 * class's index for recall, specificity (binary, two classes) and recall[L]; null for a metric tested otherwise.
 */
export function mcnemarRestriction(name: string, ctx: { task: Task; labels: readonly string[]; positive: number | null; k: number }): 'all' | number | null {
  if (name === 'accuracy') return 'all'
  if (ctx.task === 'binary' && ctx.positive !== null) {
    if (name === 'recall') return ctx.positive
    if (name === 'specificity' && ctx.k === 2) return 1 - ctx.positive
  }
  const perClass = parsePerClass(name)
  if (perClass?.metric !== 'recall') return null
  const i = ctx.labels.indexOf(perClass.label)
  return i >= 0 ? i : null
}

export interface ConfusionResults {
  metrics: Map<string, MetricReport>
  warnings: string[]
}

/** MetricReports of every confusion-matrix metric, aggregate and per class, in report order. */
export function confusionStatistics(ctx: ConfusionContext, settings: ResampleSettings): ConfusionResults {
  const results = confusionCore(ctx, settings, null)
  applyExactTests(ctx, results.metrics, settings.alpha)
  if (ctx.hasBaseline) setClassQValues(ctx.labels, results.metrics)
  return results
}

/**
 * {@link confusionStatistics} on two threads (docs/scale.md): the per-class families to resample are shared with a
 * helper thread started from `script` (src/significance/classification/statsWorker.ts), each class claimed by one thread with an atomic
 * compare-and-swap (this thread from the first class, the helper from the last); a family's numbers depend only
 * on its own random stream, so the report is the same byte for byte. Without many classes to resample, with
 * clusters, or when the helper fails, it is the one-thread function. `meanwhile` (the caller's other statistics)
 * runs on this thread once the helper is started, before this thread claims any family, so that the helper's
 * share grows by that much.
 */
export async function confusionStatisticsParallel(ctx: ConfusionContext, settings: ResampleSettings, script: string | URL, meanwhile: () => void = () => undefined): Promise<ConfusionResults> {
  const results = confusionCore(
    ctx,
    settings,
    (todo, blocks, labels) => startFamilies(script, { todo, blocks, labels, settings, hasBaseline: ctx.hasBaseline }),
    meanwhile,
    (tableSettings) => startTableJob(script, { cells: ctx.table, task: ctx.task, positive: ctx.positive, settings: tableSettings })
  )
  if (results.pending) {
    const { todo, split } = results.pending
    const done = await split.result()
    lastStatsSplit.families = { main: 0, helper: done.size }
    for (let j = 0; j < todo.length; j++) if (split.owner(j) === 'main') lastStatsSplit.families.main++
    for (let j = 0; j < todo.length; j++) {
      const i = todo[j]
      if (split.owner(j) === 'main') continue
      const label = ctx.labels[i]
      const { blocks } = results.pending
      const family: CellFamily = { name: `class:${label}`, cells: classCells(blocks, i), metrics: perClassMetrics(label), perClass: true }
      // A helper that failed leaves its classes to this thread: the same numbers.
      report(ctx, family, settings, done.get(i) ?? resampleClassFamily(blocks, i, label, settings, ctx.hasBaseline), results.metrics)
    }
  }
  applyExactTests(ctx, results.metrics, settings.alpha)
  if (ctx.hasBaseline) setClassQValues(ctx.labels, results.metrics)
  return { metrics: results.metrics, warnings: results.warnings }
}

/**
 * Per-class families are shared with a helper thread from this much cell work (8 cells × classes × resamples;
 * about 50 ms, the time a helper takes to start); the table's permutation test from SPLIT_WORK cells × resamples.
 */
const FAMILY_SPLIT_WORK = 2_000_000
const SPLIT_WORK = 4_000_000

type StartSplit = (todo: Int32Array, blocks: Float64Array, labels: string[]) => FamilySplit | null

function confusionCore(
  ctx: ConfusionContext,
  settings: ResampleSettings,
  startSplit: StartSplit | null,
  meanwhile: () => void = () => undefined,
  startTable: ((settings: ResampleSettings) => TableHelper | null) | null = null
): ConfusionResults & { pending?: { todo: Int32Array; blocks: Float64Array; split: FamilySplit } } {
  const { k } = ctx.table
  const R = settings.resamples
  const warnings: string[] = []
  const needed = (m: NamedCmMetric): boolean => !ctx.only || ctx.only.has(m.name)
  const aggregate = aggregateMetrics(ctx.task, k, ctx.positive).filter(needed)
  const out = new Map<string, MetricReport>()
  const caps = ctx.caps ?? { classes: CLASS_RESAMPLE_CAP, table: TABLE_RESAMPLE_CAP }
  const perResample = ctx.table.size + k
  const tableR = perResample * R > caps.table ? Math.min(R, Math.max(100, Math.floor(caps.table / perResample))) : R
  if (tableR < R) {
    warnings.push(
      `The metrics over all classes were resampled ${tableR.toLocaleString('en-US')} times, not ${R.toLocaleString('en-US')}: ` +
        `the table of (true label, baseline, candidate) has ${ctx.table.size.toLocaleString('en-US')} distinct cells over ` +
        `${k.toLocaleString('en-US')} classes, and each resample costs one pass over them.`
    )
  }
  // With few classes the whole table is as small as a class's collapsed one: resample the per-class metrics
  // with the aggregate ones. With many, each class gets its own 8-cell table.
  if (k <= SMALL_K) {
    meanwhile()
    const metrics = [...aggregate, ...ctx.labels.flatMap((label, i) => perClassMetrics(label, i))].filter(needed)
    report(ctx, { name: 'table', cells: ctx.table, metrics }, { ...settings, resamples: tableR }, true, out)
  } else {
    const blocks = classTables(ctx.table)
    const tableSettings = { ...settings, resamples: tableR }
    // A large table's permutation test (its own stream) on a helper thread while this thread draws its bootstrap,
    // whose chunks (each its own stream) the helper then shares.
    const tableHelper = startTable && !ctx.clusters && !ctx.only && ctx.hasBaseline && ctx.table.size * tableR >= SPLIT_WORK ? startTable(tableSettings) : null
    const everyClass = k * R <= caps.classes
    const gated = ctx.gatedClasses ?? new Set<number>()
    const resampled = (i: number): boolean => everyClass || gated.has(i)
    const wanted = (label: string): boolean => !ctx.only || perClassMetrics(label).some(needed)
    // The classes to resample, shared with a helper thread (started before the table is resampled, so that it
    // loads meanwhile) when there is enough work.
    let pending: { todo: Int32Array; blocks: Float64Array; split: FamilySplit } | undefined
    if (startSplit && !ctx.clusters) {
      const todo = Int32Array.from(ctx.labels.flatMap((label, i) => (resampled(i) && wanted(label) ? [i] : [])))
      const split = todo.length > 1 && 8 * todo.length * R >= FAMILY_SPLIT_WORK ? startSplit(todo, blocks, Array.from(todo, (i) => ctx.labels[i])) : null
      if (split) pending = { todo, blocks, split }
    }
    meanwhile()
    report(ctx, { name: 'table', cells: ctx.table, metrics: aggregate, chunked: true }, tableSettings, true, out, tableHelper ?? undefined)
    const position = new Map<number, number>()
    if (pending) pending.todo.forEach((i, j) => position.set(i, j))
    ctx.labels.forEach((label, i) => {
      if (!wanted(label)) return
      const j = position.get(i)
      // A class the helper has claimed is reported when its results come (confusionStatisticsParallel).
      if (pending && j !== undefined && !pending.split.claim(j)) return
      report(ctx, { name: `class:${label}`, cells: classCells(blocks, i), metrics: perClassMetrics(label), perClass: true }, settings, resampled(i), out)
    })
    if (!everyClass) {
      warnings.push(
        `Per-class metrics of ${k.toLocaleString('en-US')} classes with ${R.toLocaleString('en-US')} resamples each would take too long: ` +
          `their bootstrap intervals and permutation p-values are left out${gated.size > 0 ? ' except for the classes named in gates' : ''} ` +
          `(values, Wilson intervals and the McNemar test of recall[L] are given). With resamples at most ` +
          `${Math.max(1, Math.floor(caps.classes / k)).toLocaleString('en-US')} every class gets them.`
      )
    }
    if (pending) return { metrics: out, warnings, pending }
  }
  return { metrics: out, warnings }
}

/** Values of a family's metrics for both models, and (when `resample`) their intervals and p-values, into `out`. */
function report(
  ctx: ConfusionContext,
  family: CellFamily,
  settings: ResampleSettings,
  resample: boolean | Map<string, ResampledMetric>,
  out: Map<string, MetricReport>,
  helper?: TableHelper
): void {
  const values = familyValues(family)
  const clusters = ctx.clusters ?? null
  const resampled: Map<string, ResampledMetric> =
    resample instanceof Map
      ? resample
      : !resample
        ? new Map()
        : clusters
      ? clusters.resample(family, direction, settings, ctx.hasBaseline)
      : resampleFamily(family, direction, settings, ctx.hasBaseline, helper?.permutation, helper ? () => helper.bootstrap(family) : undefined)
  for (const m of family.metrics) {
    const v = values.get(m.name) as { candidate: number; baseline: number }
    const r = resampled.get(m.name)
    const isSupport = m.name.startsWith('support[')
    const candidate = finiteOrNull(v.candidate)
    const baseline = ctx.hasBaseline ? finiteOrNull(v.baseline) : null
    out.set(m.name, {
      candidate,
      baseline,
      delta: candidate !== null && baseline !== null ? candidate - baseline : null,
      ci: ctx.hasBaseline && !isSupport ? (r?.ci ?? null) : null,
      pValue: ctx.hasBaseline && !isSupport ? (r?.pValue ?? null) : null,
      candidateCi: isSupport ? null : (r?.candidateCi ?? null),
      test: ctx.hasBaseline && !isSupport && r?.pValue != null ? (clusters ? clusters.permutationTest : 'permutation') : null,
      direction: direction(m.name),
      pValueWorse: ctx.hasBaseline && !isSupport ? (r?.pValueWorse ?? null) : null,
      worseBound: ctx.hasBaseline && !isSupport ? (r?.worseBound ?? null) : null,
      ciMethod: ctx.hasBaseline && !isSupport && r?.ci ? (clusters ? clusters.ciMethod : 'bootstrap-percentile') : null
    })
  }
}

function familyValues(family: CellFamily): Map<string, { candidate: number; baseline: number }> {
  const sb = classSumsOfCells(family.cells, 'baseline')
  const sc = classSumsOfCells(family.cells, 'candidate')
  return new Map(family.metrics.map((m: NamedCmMetric) => [m.name, { candidate: m.fn(sc), baseline: m.fn(sb) }]))
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null)

/** McNemar p-values and Wilson intervals where docs/statistics.md asks for them. Cost O(cells + K). */
function applyExactTests(ctx: ConfusionContext, out: Map<string, MetricReport>, alpha: number): void {
  const { table, labels } = ctx
  const method = mcnemarMethod(ctx.mcnemar ?? DEFAULT_MCNEMAR)
  const clusters = ctx.clusters ?? null
  const mcnemar = (name: string, d: { b: number; c: number; n: number; bothRight: number }, restriction: 'all' | number): void => {
    const m = out.get(name)
    if (!m) return
    if (clusters) {
      // Clustered: the bootstrap interval of the candidate's value stays; the test is the clustered McNemar.
      if (!ctx.hasBaseline) return
      const test = clusters.mcnemar(restriction)
      m.pValue = test.pValue
      m.pValueWorse = test.pLess
      m.test = clusters.test
      // docs/gates.md: the clustered test's own power (its design effect), not the plain McNemar's.
      const power = clusteredPower(clusters, restriction, alpha, 0.8)
      if (power) m.mde = power.mde
      return
    }
    m.candidateCi = wilson(d.bothRight + d.c, d.n, alpha)
    if (!ctx.hasBaseline) return
    m.pValue = method.twoSided(d.b, d.c)
    m.pValueWorse = method.drop(d.b, d.c)
    m.test = method.test
    // docs/gates.md: Connor's (1987) minimum detectable effect of this McNemar test, 80% power at one-sided alpha.
    if (d.n > 0) m.mde = minimumDetectableEffect(powerDiscordance(d.b + d.c, d.n), d.n, alpha, 0.8)
  }
  const wilsonOf = (name: string, successes: number, trials: number): void => {
    const m = out.get(name)
    if (m && !clusters) m.candidateCi = wilson(successes, trials, alpha)
  }
  const s = classSumsOfCells(table, 'candidate')
  const byClass = discordantByClass(table)
  const ofClass = (i: number) => ({ b: byClass.b[i], c: byClass.c[i], n: byClass.n[i], bothRight: byClass.bothRight[i] })
  mcnemar('accuracy', discordant(table, null), 'all')
  labels.forEach((label, i) => {
    mcnemar(`recall[${label}]`, ofClass(i), i)
    wilsonOf(`precision[${label}]`, s.tp[i], s.predicted[i])
  })
  if (ctx.task === 'binary' && ctx.positive !== null) {
    const pos = ctx.positive
    mcnemar('recall', ofClass(pos), pos)
    wilsonOf('precision', s.tp[pos], s.predicted[pos])
    if (table.k === 2) mcnemar('specificity', ofClass(1 - pos), 1 - pos)
  }
}
