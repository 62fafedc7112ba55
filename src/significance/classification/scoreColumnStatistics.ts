/**
 * The statistics stage for score metrics (docs/metrics.md, docs/statistics.md): `roc_auc` with DeLong's paired test and interval (the
 * candidate's own on the logit scale), `log_loss` and `brier` with the paired t-test on per-example loss
 * differences (and a t interval; the candidate's log loss gets a log-scale t interval), and
 * `average_precision` with the paired bootstrap and approximate randomization (src/stats/scoreResampling.ts).
 * Values are on the paired examples only.
 */
import { direction } from '../../metrics/names.js'
import { averagePrecision, brierLosses, logLossesBinary, logLossesMulticlass, mean, rocAuc, rocAucOvrMacro } from '../../metrics/scores.js'
import { type ScoreRows } from '../../stats/scoreRows.js'
import { ascendingOrder, orderOfRows } from '../../stats/order.js'
import type { Pairing } from '../../pair/pairByIds.js'
import { delongPaired } from '../../stats/delong.js'
import { delongOvrMacro } from '../../stats/delongMulticlass.js'
import { logScaleTInterval } from '../../stats/logScaleInterval.js'
import { pairedT } from '../../stats/pairedT.js'
import { streamFor } from '../../stats/random.js'
import { apPlan, apStatistics, apValues } from '../../stats/scoreResampling.js'
import type { MetricReport, Task } from '../../report/schema.js'
import type { PredictionFile } from '../../read/predictionFile.js'

export interface ScoreContext {
  task: Task
  labels: readonly string[]
  positive: number | null
  remap: Int32Array
  candidate: PredictionFile
  baseline: PredictionFile | null
  pairing: Pairing | null
  /**
   * `later`: average_precision is left empty here (its values null), for the caller to fill with
   * {@link averagePrecisionMetric} run elsewhere (a helper thread) on {@link binaryScoreColumns}.
   */
  averagePrecision?: 'later'
  /** The binary columns when the caller has already gathered them (binaryScoreColumns of this context). */
  columns?: BinaryScoreColumns | null
  /** The files' `score` columns already sorted (while the files were read), to save sorting the paired ones. */
  orders?: { candidate?: RowOrder | null; baseline?: RowOrder | null }
}

/** Where the binary score orders of the last run came from: the files' orders (read early) or a sort here (for tests). */
export const lastScoreOrders = { candidate: 'none' as 'none' | 'file' | 'sorted', baseline: 'none' as 'none' | 'file' | 'sorted' }

/** A file's `score` column and its ascendingOrder over the file's rows. */
export interface RowOrder {
  score: Float64Array
  order: Uint32Array
}

/**
 * A binary task's paired columns: is the true label the positive class, the candidate's and baseline's scores, and
 * (when the files' orders were given and carry over, src/metrics/scores.ts orderOfRows) the ascending orders of the
 * paired scores.
 */
export interface BinaryScoreColumns {
  pos: Uint8Array
  cand: Float64Array
  base: Float64Array | null
  orderC?: Uint32Array | null
  orderB?: Uint32Array | null
}

/**
 * The paired binary columns the score metrics read, in pair order; null unless the task is binary with a positive
 * class and the candidate has a `score`. Cost O(n).
 */
export function binaryScoreColumns(ctx: ScoreContext): BinaryScoreColumns | null {
  const { candidate, baseline, pairing } = ctx
  if (ctx.task !== 'binary' || ctx.positive === null || candidate.score === null) return null
  const candRows = pairing ? pairing.cand : null
  const n = candRows ? candRows.length : candidate.n
  const pos = new Uint8Array(n)
  const positive = ctx.positive
  for (let p = 0; p < n; p++) pos[p] = ctx.remap[candidate.truth[candRows ? candRows[p] : p]] === positive ? 1 : 0
  const cand = gather(candidate.score, candRows ?? identity(n))
  const base = baseline !== null && pairing !== null && baseline.score ? gather(baseline.score, pairing.base) : null
  const orderC = pairedOrder(ctx.orders?.candidate, candidate.score, candRows ?? identity(n))
  const orderB = base && baseline && pairing ? pairedOrder(ctx.orders?.baseline, baseline.score, pairing.base) : null
  return { pos, cand, base, orderC, orderB }
}

/** The ascending order of `score` at `rows` from a file's order, when it is this column's and carries over. */
function pairedOrder(known: RowOrder | null | undefined, score: Float64Array | null, rows: Uint32Array): Uint32Array | null {
  return known && score && known.score === score ? orderOfRows(known.order, rows, score.length) : null
}

function identity(n: number): Uint32Array {
  return Uint32Array.from({ length: n }, (_, i) => i)
}

export interface ScoreResults {
  metrics: Map<string, MetricReport>
  warnings: string[]
}

const empty = (name: string): MetricReport => ({
  candidate: null,
  baseline: null,
  delta: null,
  ci: null,
  pValue: null,
  candidateCi: null,
  test: null,
  direction: direction(name),
  pValueWorse: null,
  worseBound: null,
  ciMethod: null
})

/** Fills the statistics fields of a metric from its test. */
function setTest(m: MetricReport, test: string, s: { ci: [number, number]; pValue: number; pValueWorse: number; worseBound: number }, ciMethod = test): void {
  Object.assign(m, { ci: s.ci, pValue: s.pValue, pValueWorse: s.pValueWorse, worseBound: s.worseBound, test, ciMethod })
}

const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null)

export function scoreStatistics(ctx: ScoreContext, settings: { alpha: number; resamples: number; seed: number }): ScoreResults {
  const { candidate, baseline, pairing } = ctx
  const warnings: string[] = []
  const candRows = pairing ? pairing.cand : Uint32Array.from({ length: candidate.n }, (_, i) => i)
  const baseRows = pairing ? pairing.base : null
  const n = candRows.length
  const truth = new Uint32Array(n)
  for (let p = 0; p < n; p++) truth[p] = ctx.remap[candidate.truth[candRows[p]]]
  const compareBaseline = baseline !== null && baseRows !== null
  const baselineHasScores = compareBaseline && (baseline.score !== null || baseline.scores !== null)
  if (compareBaseline && !baselineHasScores) warnings.push(`The baseline file has no scores: score metrics are shown for the candidate only.`)
  const out = new Map<string, MetricReport>()
  const { alpha } = settings

  const lossMetric = (name: string, cand: Float64Array, base: Float64Array | null): void => {
    const m = empty(name)
    m.candidate = finite(mean(cand))
    // Log loss is a mean of right-skewed losses: its interval is made on the log scale.
    if (name === 'log_loss') {
      m.candidateCi = logScaleTInterval(cand, alpha)
      if (m.candidateCi) m.candidateCiMethod = 'log-t'
    } else m.candidateCi = pairedT(cand, alpha)?.ci ?? null
    if (base) {
      m.baseline = finite(mean(base))
      const d = new Float64Array(n)
      for (let i = 0; i < n; i++) d[i] = cand[i] - base[i]
      m.delta = m.candidate !== null && m.baseline !== null ? m.candidate - m.baseline : null
      const t = pairedT(d, alpha)
      if (t) setTest(m, 'paired-t', { ci: t.ci, pValue: t.pValue, pValueWorse: t.pGreater, worseBound: t.upper })
    }
    out.set(name, m)
  }

  if (ctx.task === 'binary' && ctx.positive !== null) {
    if (candidate.score === null) {
      warnings.push('The candidate file has multiclass scores in a binary task: score metrics are left out (give "score", the probability of the positive class).')
      return { metrics: out, warnings }
    }
    const { pos, cand, base, orderC: knownC, orderB: knownB } = ctx.columns ?? (binaryScoreColumns(ctx) as BinaryScoreColumns)
    const orderC = knownC ?? ascendingOrder(cand)
    const orderB = base ? (knownB ?? ascendingOrder(base)) : orderC
    lastScoreOrders.candidate = knownC ? 'file' : 'sorted'
    lastScoreOrders.baseline = base ? (knownB ? 'file' : 'sorted') : 'none'
    const auc = empty('roc_auc')
    const delong = delongPaired(pos, base ?? cand, cand, alpha, orderB, orderC)
    // DeLong's placements give the AUCs themselves (the Mann–Whitney statistic); no second pass.
    auc.candidate = delong ? delong.aucB : rocAuc(pos, cand, orderC)
    if (delong) {
      auc.candidateCi = delong.ciB
      auc.candidateCiMethod = 'delong-logit'
    }
    if (base) {
      auc.baseline = delong ? delong.aucA : null
      if (auc.candidate !== null && auc.baseline !== null && delong) {
        auc.delta = auc.candidate - auc.baseline
        setTest(auc, 'delong', { ci: delong.ci, pValue: delong.pValue, pValueWorse: delong.pLess, worseBound: delong.lower })
      }
    }
    out.set('roc_auc', auc)

    if (ctx.averagePrecision === 'later') out.set('average_precision', empty('average_precision'))
    else {
      const ap = averagePrecisionMetric(pos, base, cand, settings, orderB, orderC)
      out.set('average_precision', ap.metric)
      if (ap.warning) warnings.push(ap.warning)
    }

    lossMetric('log_loss', logLossesBinary(pos, cand), base ? logLossesBinary(pos, base) : null)
    lossMetric('brier', brierLosses(pos, cand), base ? brierLosses(pos, base) : null)
    return { metrics: out, warnings }
  }

  // Multiclass: scores are objects label → probability.
  const k = ctx.labels.length
  const probs = (file: PredictionFile, rows: Uint32Array): ScoreRows | null => {
    if (!file.scores) return null
    const { labels, values } = file.scores
    const width = labels.length
    // A Map, not indexOf per label: O(K), not O(K²), for a file with 100,000 labels in its scores.
    const position = new Map<string, number>()
    labels.forEach((l, i) => position.has(l) || position.set(l, i))
    const column = ctx.labels.map((l) => position.get(l) ?? -1)
    const missing = ctx.labels.filter((_, i) => column[i] < 0)
    if (missing.length > 0) {
      warnings.push(`${file.name}: the scores have no probability for ${missing.map((l) => JSON.stringify(l)).join(', ')}: roc_auc and log_loss are left out.`)
      return null
    }
    // Read in place (no copy of rows × classes doubles): the pairs' rows, the report's label order.
    return { values, width, column: Int32Array.from(column), rows }
  }
  const cand = probs(candidate, candRows)
  if (!cand) return { metrics: out, warnings }
  const base = compareBaseline ? probs(baseline, baseRows) : null
  const auc = empty('roc_auc')
  // One-vs-rest macro AUC with DeLong's paired test over the K correlated class AUCs (src/stats/delongMulticlass.ts).
  const delong = delongOvrMacro(truth, base ?? cand, cand, k, alpha)
  auc.candidate = delong ? delong.aucB : rocAucOvrMacro(truth, cand, k)
  if (delong) {
    auc.candidateCi = delong.ciB
    auc.candidateCiMethod = 'delong-logit'
  }
  if (base) {
    auc.baseline = delong ? delong.aucA : null
    if (auc.candidate !== null && auc.baseline !== null && delong) {
      auc.delta = auc.candidate - auc.baseline
      setTest(auc, 'delong', { ci: delong.ci, pValue: delong.pValue, pValueWorse: delong.pLess, worseBound: delong.lower })
    }
  }
  out.set('roc_auc', auc)
  lossMetric('log_loss', logLossesMulticlass(truth, cand, k), base ? logLossesMulticlass(truth, base, k) : null)
  return { metrics: out, warnings }
}

/**
 * `average_precision` of the paired binary examples: both models' values, and with a baseline the paired bootstrap
 * and randomization of src/stats/scoreResampling.ts (streams `bootstrap:average_precision` and
 * `permutation:average_precision`), and the warning when it was resampled fewer times. The ascending score orders
 * are computed when not given. Cost: O(n log n) for the orders, then O(n) per resample. It needs only its
 * arguments, so a helper thread can run it (src/significance/classification/statsWorker.ts) while this thread does the rest.
 */
export function averagePrecisionMetric(
  pos: Uint8Array,
  base: Float64Array | null,
  cand: Float64Array,
  settings: { alpha: number; resamples: number; seed: number },
  orderB: Uint32Array | null = null,
  orderC: Uint32Array | null = null
): { metric: MetricReport; warning: string | null } {
  const n = pos.length
  const { alpha } = settings
  const oC = orderC ?? ascendingOrder(cand)
  const oB = base ? (orderB ?? ascendingOrder(base)) : oC
  let warning: string | null = null
  const ap = empty('average_precision')
  if (!base) ap.candidate = averagePrecision(pos, cand, oC)
  else {
    // Both values from the resampling's plan (the same doubles as averagePrecision; the examples gathered once).
    const plan = apPlan(pos, base, cand, oB, oC)
    ;[ap.baseline, ap.candidate] = apValues(plan)
    if (ap.candidate !== null && ap.baseline !== null) {
      ap.delta = ap.candidate - ap.baseline
      const s = apStatistics(pos, base, cand, oB, oC, ap.delta, settings.resamples, alpha, streamFor(settings.seed, 'bootstrap:average_precision'), streamFor(settings.seed, 'permutation:average_precision'), plan)
      if (s) {
        setTest(ap, s.test, s, s.method)
        ap.candidateCi = s.candidateCi
        if (s.resamples < settings.resamples) {
          warning = (
            `average_precision was resampled ${s.resamples.toLocaleString('en-US')} times, not ${settings.resamples.toLocaleString('en-US')}: each resample is a pass over all ` +
              `${n.toLocaleString('en-US')} examples. ${s.method === 'bootstrap-normal' ? 'Its interval and p-value use the normal approximation with the bootstrap standard error.' : ''}`.trim()
          )
        }
      }
    }
  }
  return { metric: ap, warning }
}

function gather(values: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length)
  for (let p = 0; p < rows.length; p++) out[p] = values[rows[p]]
  return out
}
