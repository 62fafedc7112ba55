/**
 * The statistics stage for confusion-matrix metrics (SPEC §4): for each metric its value for both models, the
 * delta, the bootstrap interval of the delta, the p-value of the right test, and the candidate's own interval.
 *
 * - `accuracy`: exact McNemar on all examples; `recall`/`specificity` (binary) and `recall[L]`: exact McNemar on
 *   the examples of that true class.
 * - every other metric: paired approximate randomization over the cells (src/stats/resample.ts).
 * - `candidateCi`: Wilson for accuracy, precision, recall, specificity (and per-class precision/recall);
 *   bootstrap percentile otherwise.
 */
import { collapseCells, discordant, type CellTable } from './cells.js'
import { aggregateMetrics, perClassMetrics, type NamedCmMetric } from './metrics/classification.js'
import { classSums } from './metrics/confusion.js'
import { direction } from './metrics/names.js'
import { mcnemarDrop, mcnemarExact } from './stats/mcnemar.js'
import { confusionMatrices, resampleFamily, type CellFamily, type ResampleSettings } from './stats/resample.js'
import { wilson } from './stats/wilson.js'
import type { MetricReport, Task } from './types.js'

/** Up to this many classes (K³ = 64 cells), per-class metrics are resampled on the full table. */
const SMALL_K = 4

export interface ConfusionContext {
  task: Task
  labels: readonly string[]
  /** Report index of the positive class (binary), else null. */
  positive: number | null
  table: CellTable
  /** False: the table's baseline column is a copy of the candidate's, and only candidate statistics are made. */
  hasBaseline: boolean
}

/** MetricReports of every confusion-matrix metric, aggregate and per class, in report order. */
export function confusionStatistics(ctx: ConfusionContext, settings: ResampleSettings): Map<string, MetricReport> {
  const { k } = ctx.table
  const aggregate = aggregateMetrics(ctx.task, k, ctx.positive)
  // With few classes the whole table is as small as a class's collapsed one: resample the per-class metrics
  // with the aggregate ones. With many, each class gets its own 8-cell table.
  const families: CellFamily[] =
    k <= SMALL_K
      ? [{ name: 'table', k, counts: ctx.table.counts, metrics: [...aggregate, ...ctx.labels.flatMap((label, i) => perClassMetrics(label, i))] }]
      : [
          { name: 'table', k, counts: ctx.table.counts, metrics: aggregate },
          ...ctx.labels.map((label, i) => ({ name: `class:${label}`, k: 2, counts: collapseCells(ctx.table, i), metrics: perClassMetrics(label) }))
        ]
  const out = new Map<string, MetricReport>()
  for (const family of families) {
    const values = familyValues(family)
    const resampled = resampleFamily(family, direction, settings, ctx.hasBaseline)
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
        test: ctx.hasBaseline && !isSupport && r?.pValue != null ? 'permutation' : null,
        direction: direction(m.name),
        pValueWorse: ctx.hasBaseline && !isSupport ? (r?.pValueWorse ?? null) : null,
        worseBound: ctx.hasBaseline && !isSupport ? (r?.worseBound ?? null) : null,
        ciMethod: ctx.hasBaseline && !isSupport && r?.ci ? 'bootstrap-percentile' : null
      })
    }
  }
  applyExactTests(ctx, out, settings.alpha)
  return out
}

function familyValues(family: CellFamily): Map<string, { candidate: number; baseline: number }> {
  const { baseline, candidate } = confusionMatrices(family.counts, family.k)
  const sb = classSums(baseline, family.k)
  const sc = classSums(candidate, family.k)
  return new Map(family.metrics.map((m: NamedCmMetric) => [m.name, { candidate: m.fn(candidate, sc), baseline: m.fn(baseline, sb) }]))
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null)

/** McNemar p-values and Wilson intervals where SPEC §4 asks for them. */
function applyExactTests(ctx: ConfusionContext, out: Map<string, MetricReport>, alpha: number): void {
  const { table, labels } = ctx
  const mcnemar = (name: string, truths: number[] | null): void => {
    const m = out.get(name)
    if (!m) return
    const d = discordant(table, truths)
    m.candidateCi = wilson(d.bothRight + d.c, d.n, alpha)
    if (!ctx.hasBaseline) return
    m.pValue = mcnemarExact(d.b, d.c)
    m.pValueWorse = mcnemarDrop(d.b, d.c)
    m.test = 'mcnemar-exact'
  }
  const wilsonOf = (name: string, successes: number, trials: number): void => {
    const m = out.get(name)
    if (m) m.candidateCi = wilson(successes, trials, alpha)
  }
  const { candidate } = confusionMatrices(table.counts, table.k)
  const s = classSums(candidate, table.k)
  mcnemar('accuracy', null)
  labels.forEach((label, i) => {
    mcnemar(`recall[${label}]`, [i])
    wilsonOf(`precision[${label}]`, s.tp[i], s.predicted[i])
  })
  if (ctx.task === 'binary' && ctx.positive !== null) {
    const pos = ctx.positive
    mcnemar('recall', [pos])
    wilsonOf('precision', s.tp[pos], s.predicted[pos])
    if (table.k === 2) mcnemar('specificity', [1 - pos])
  }
}
