/**
 * The joint permutation null of a classification run (src/significance/classification/jointPermutation.ts) for the Westfall–Young
 * adjustment of its `no-regression` rules: which resampled statistic each metric gets, and which sampler.
 *
 * - accuracy, recall, specificity, recall[L]: their McNemar one-sided p (exact or mid-p, as the run reports them)
 *   at the swapped discordant counts.
 * - every other confusion-matrix metric, aggregate or per class: the permutation p of its worse-side delta.
 * - binary `log_loss`, `brier`: sign-flip permutation p of Σ (candidate loss − baseline loss); binary `roc_auc`:
 *   permutation p of ΔAUC. With any of these, the swaps are drawn per example, capped at JOINT_WORK
 *   example-resamples; below MIN_JOINT_RESAMPLES the reason is returned and the gates use Holm. The cell sampler
 *   is capped as the table's resampling is (TABLE_RESAMPLE_CAP cell-resamples, 100,000 classes in mind).
 * - `average_precision` and multiclass score metrics have no joint resampling here: the reason is returned.
 *
 * The stream is `joint:westfall-young` (seeded), its own, so the metrics' reported numbers do not change.
 */
import type { CellTable } from '../../pair/cellTable.js'
import type { JointNull } from '../../stats/jointNull.js'
import { aggregateMetrics, perClassMetrics, type NamedCmMetric } from '../../metrics/classification.js'
import { direction, parsePerClass } from '../../metrics/names.js'
import { brierLosses, logLossesBinary } from '../../metrics/scores.js'
import type { Pairing } from '../../pair/pairByIds.js'
import { mcnemarRestriction, TABLE_RESAMPLE_CAP } from './classificationStatistics.js'
import type { Task } from '../../report/schema.js'
import type { PredictionFile } from '../../read/predictionFile.js'
import { tieKeys } from '../../stats/maxT.js'
import { jointPermutation, jointResamples, MIN_JOINT_RESAMPLES, type JointData, type JointMetric } from './jointPermutation.js'
import { mcnemarMethod, type McNemarMethod } from '../../stats/mcnemar.js'
import { streamFor } from '../../stats/random.js'

export interface ClassificationJointContext {
  task: Task
  labels: readonly string[]
  positive: number | null
  remap: Int32Array
  table: CellTable
  /** The rows, for the score metrics; absent for cell counts (docs/scale.md), which have no score metrics. */
  candidate?: PredictionFile
  baseline?: PredictionFile
  pairing?: Pairing
  mcnemar: McNemarMethod
  resamples: number
  seed: number
}

/** A JointNull over the run's metrics; each call resamples the metrics it is asked for. */
export function classificationJoint(ctx: ClassificationJointContext): JointNull {
  return (names) => {
    const k = ctx.table.k
    const aggregate = new Map(aggregateMetrics(ctx.task, k, ctx.positive).map((m) => [m.name, m]))
    const drop = mcnemarMethod(ctx.mcnemar).drop
    const rows: Rows | null = ctx.candidate && ctx.baseline && ctx.pairing ? { candidate: ctx.candidate, baseline: ctx.baseline, pairing: ctx.pairing } : null
    const binaryScores = rows !== null && ctx.task === 'binary' && ctx.positive !== null && rows.candidate.score !== null && rows.baseline.score !== null
    /** The rows: only reached for score metrics, which only rows have (binaryScores). */
    const on = (): Rows => rows as Rows
    const metrics: JointMetric[] = []
    let needsScores = false
    let positive: Uint8Array | null = null
    const positives = (): Uint8Array => {
      if (!positive) {
        const { pairing, candidate } = on()
        const { cand } = pairing
        positive = new Uint8Array(pairing.n)
        for (let p = 0; p < pairing.n; p++) positive[p] = ctx.remap[candidate.truth[cand[p]]] === ctx.positive ? 1 : 0
      }
      return positive
    }
    const scoresOf = (file: PredictionFile, rows: Uint32Array): Float64Array => {
      const out = new Float64Array(rows.length)
      const score = file.score as Float64Array
      for (let p = 0; p < rows.length; p++) out[p] = score[rows[p]]
      return out
    }
    let cand: Float64Array | null = null
    let base: Float64Array | null = null
    const scores = (): [Float64Array, Float64Array] => {
      cand ??= scoresOf(on().candidate, on().pairing.cand)
      base ??= scoresOf(on().baseline, on().pairing.base)
      return [base, cand]
    }
    for (const name of names) {
      const restriction = mcnemarRestriction(name, { task: ctx.task, labels: ctx.labels, positive: ctx.positive, k })
      if (restriction !== null) {
        metrics.push({ kind: 'mcnemar', name, cls: restriction === 'all' ? null : restriction, drop })
        continue
      }
      const cm = aggregate.get(name) ?? perClassMetric(name, ctx.labels)
      if (cm) {
        metrics.push({ kind: 'confusion', name, metric: cm, lowerBetter: direction(name) === 'lower' })
        continue
      }
      if (binaryScores && (name === 'log_loss' || name === 'brier')) {
        const [b, c] = scores()
        const loss = name === 'log_loss' ? logLossesBinary : brierLosses
        const lc = loss(positives(), c)
        const lb = loss(positives(), b)
        const d = new Float64Array(lc.length)
        for (let i = 0; i < d.length; i++) d[i] = lc[i] - lb[i]
        metrics.push({ kind: 'loss', name, d })
        needsScores = true
        continue
      }
      if (binaryScores && name === 'roc_auc') {
        metrics.push({ kind: 'auc', name })
        needsScores = true
        continue
      }
      return `${name} has no joint permutation resampling`
    }
    const data: JointData = { cells: ctx.table }
    let R = ctx.resamples
    // The cell sampler costs (cells + K per metric) per resample: capped as the table's own resampling is.
    const perResample = ctx.table.size + k * metrics.length
    if (perResample * R > TABLE_RESAMPLE_CAP) {
      R = Math.floor(TABLE_RESAMPLE_CAP / perResample)
      if (R < Math.min(MIN_JOINT_RESAMPLES, ctx.resamples)) {
        return `${ctx.table.size.toLocaleString('en-US')} distinct cells over ${k.toLocaleString('en-US')} classes would allow only ${R.toLocaleString('en-US')} joint resamples`
      }
    }
    if (needsScores) {
      const n = on().pairing.n
      R = Math.min(R, jointResamples(ctx.resamples, n))
      if (R < Math.min(MIN_JOINT_RESAMPLES, ctx.resamples)) {
        return `${n.toLocaleString('en-US')} examples with score metrics would allow only ${R.toLocaleString('en-US')} joint resamples`
      }
      data.examples = examplesOf(ctx.remap, on())
      if (metrics.some((m) => m.kind === 'auc')) {
        const [b, c] = scores()
        data.auc = { positive: positives(), baseline: b, candidate: c }
      }
    }
    const joint = jointPermutation(data, metrics, R, streamFor(ctx.seed, 'joint:westfall-young'))
    return { ...joint, ties: tieKeys(R, streamFor(ctx.seed, 'joint:max-t:ties')) }
  }
}

function perClassMetric(name: string, labels: readonly string[]): NamedCmMetric | null {
  const parsed = parsePerClass(name)
  if (!parsed || parsed.metric === 'support') return null
  const i = labels.indexOf(parsed.label)
  if (i < 0) return null
  return perClassMetrics(parsed.label, i).find((m) => m.name === name) ?? null
}

/** Per paired example: true label, baseline and candidate prediction (report indices). */
function examplesOf(remap: Int32Array, rows: Rows): NonNullable<JointData['examples']> {
  const { n, cand, base } = rows.pairing
  const t = new Int32Array(n)
  const b = new Int32Array(n)
  const c = new Int32Array(n)
  for (let p = 0; p < n; p++) {
    t[p] = remap[rows.candidate.truth[cand[p]]]
    b[p] = remap[rows.baseline.pred[base[p]]]
    c[p] = remap[rows.candidate.pred[cand[p]]]
  }
  return { t, b, c }
}

interface Rows {
  candidate: PredictionFile
  baseline: PredictionFile
  pairing: Pairing
}
