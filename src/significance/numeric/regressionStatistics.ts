/**
 * The statistics of `--task regression` (docs/tasks.md): `mae`, `rmse`, `r2`, `max_error` as scikit-learn 1.2
 * (src/metrics/regression.ts), lower is better except `r2`.
 *
 * - `candidate`, `baseline`, `delta`: on the paired examples.
 * - `ci`, `candidateCi`, `worseBound`: paired bootstrap percentile intervals for all four, from one multinomial
 *   draw per resample over the cells of identical (label, baseline, candidate) triples
 *   (src/stats/cellResample.ts; stream `bootstrap:regression`): every metric is a function of weighted sums of
 *   |error|, error², (y − ȳ) and (y − ȳ)², or a weighted maximum, so a resample costs O(cells).
 * - `pValue`: the paired t-test (scipy `ttest_rel`) on per-example |error| for `mae` and squared error for
 *   `rmse`; approximate randomization (swap the two predictions of an example with probability 1/2; stream
 *   `permutation:regression`) for `r2` and `max_error`, p = (hits + 1)/(R + 1). `pValueWorse` is the one-sided
 *   form of the same test.
 * - Without a baseline: the candidate's values and bootstrap `candidateCi` only.
 * Details: the examples whose absolute error grew most (id, label, both predictions).
 * Cost: O(n) for values and t-tests; O(n log n) to build the cells (continuous values: up to n cells);
 * O(cells) per resample, at most 2·10⁷ cell-resamples (then fewer resamples and a warning; below 1,000 the
 * normal approximation with the bootstrap standard error).
 *
 * @example
 * regressionStatistics({ y: Float64Array.of(3, -0.5, 2, 7), candidate: Float64Array.of(2.5, 0, 2, 8),
 *   baseline: Float64Array.of(3, 0, 2, 6), ids: ['a', 'b', 'c', 'd'] }, { alpha: 0.05, resamples: 1000, seed: 0 })
 *   .metrics.get('mae') // { candidate: 0.5, baseline: 0.375, delta: 0.125, test: 'paired-t', … }
 */
import { r2Of, REGRESSION_METRICS, regressionDirection, regressionMetrics, type RegressionMetric } from '../../metrics/regression.js'
import { resampleCells, type CellStatistic } from '../../stats/cellResample.js'
import { pairedT } from '../../stats/pairedT.js'
import { mdeFromSe } from '../../stats/standardized.js'
import { valueCells, type ValueCells } from '../../stats/valueCells.js'
import type { MetricReport } from '../../report/schema.js'
import { cappedWarning, checkFinite, checkLengths, emptyMetric, type FileNames, type NumericSettings } from './numericSettings.js'
import { DETAIL_LIMIT, largestPositive, type Ids } from './exampleChanges.js'

export interface RegressionInput {
  /** The true value of each paired example (`label`). */
  y: Float64Array
  /** The candidate's prediction of each. */
  candidate: Float64Array
  /** The baseline's prediction of each, same order; null without a baseline. */
  baseline: Float64Array | null
  /** Ids of the paired examples, same order (for the details); may be null without a baseline. */
  ids: Ids | null
  /** For messages; default `candidate` and `baseline`. */
  files?: FileNames
  /** Field names for messages; default `label` and `prediction`. */
  fields?: { label: string; prediction: string }
}

/** One example whose absolute error grew. */
export interface ErrorIncrease {
  id: string
  label: number
  baseline: number
  candidate: number
  /** |y − candidate| − |y − baseline| (> 0). */
  change: number
}

export interface RegressionResults {
  metrics: Map<string, MetricReport>
  /** Null without a baseline. */
  details: { largestErrorIncreases: ErrorIncrease[] } | null
  warnings: string[]
}

/** MetricReports of `mae`, `rmse`, `r2`, `max_error`, in that order. */
export function regressionStatistics(input: RegressionInput, settings: NumericSettings): RegressionResults {
  const { y, candidate: c, baseline: b } = input
  const n = y.length
  checkLengths(n, [c, b, input.ids], 'regressionStatistics')
  const files = input.files ?? { candidate: 'candidate', baseline: 'baseline' }
  const fields = input.fields ?? { label: 'label', prediction: 'prediction' }
  checkFinite(y, fields.label, files.candidate, input.ids)
  checkFinite(c, fields.prediction, files.candidate, input.ids)
  if (b) checkFinite(b, fields.prediction, files.baseline ?? 'baseline', input.ids)
  const metrics = new Map<string, MetricReport>()
  const warnings: string[] = []
  for (const name of REGRESSION_METRICS) metrics.set(name, emptyMetric(regressionDirection(name)))
  if (n === 0) return { metrics, details: null, warnings }

  const valuesC = regressionMetrics(y, c)
  const valuesB = b ? regressionMetrics(y, b) : null
  for (const name of REGRESSION_METRICS) {
    const m = metrics.get(name) as MetricReport
    m.candidate = finiteOrNull(valuesC[name])
    if (valuesB) {
      m.baseline = finiteOrNull(valuesB[name])
      m.delta = m.candidate !== null && m.baseline !== null ? m.candidate - m.baseline : null
    }
  }

  // Without a baseline the candidate stands in for it (delta 0): the same cells give its own intervals.
  const cells = valueCells([y, b ?? c, c])
  const directions = REGRESSION_METRICS.map(regressionDirection)
  const workCap = settings.workCap
  const res = resampleCells(cells, regressionStatistic, { name: 'regression', directions, resamples: settings.resamples, alpha: settings.alpha, seed: settings.seed, withTest: b !== null, workCap })
  if (res.resamples < settings.resamples) {
    warnings.push(cappedWarning('The regression metrics were', res.resamples, settings.resamples, cells.size, 'distinct (label, baseline, candidate) triples', res.method === 'bootstrap-normal', workCap ?? 20_000_000))
  }
  REGRESSION_METRICS.forEach((name, i) => {
    const m = metrics.get(name) as MetricReport
    const r = res.metrics[i]
    m.candidateCi = m.candidate !== null ? r.candidateCi : null
    if (!b || m.delta === null) return
    m.ci = r.ci
    m.worseBound = r.worseBound
    m.ciMethod = r.ci ? res.method : null
    if (name === 'r2' || name === 'max_error') {
      m.pValue = r.pValue
      m.pValueWorse = r.pValueWorse
      m.test = r.pValue !== null ? res.test : null
    }
  })
  if (!b) return { metrics, details: null, warnings }

  // mae and rmse: the paired t-test on per-example |error| and squared error (scipy ttest_rel).
  const dAbs = new Float64Array(n)
  const dSq = new Float64Array(n)
  const grew = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const eC = y[i] - c[i]
    const eB = y[i] - b[i]
    dAbs[i] = Math.abs(eC) - Math.abs(eB)
    dSq[i] = eC * eC - eB * eB
    grew[i] = dAbs[i]
  }
  const tests: [RegressionMetric, Float64Array][] = [
    ['mae', dAbs],
    ['rmse', dSq]
  ]
  for (const [name, d] of tests) {
    const m = metrics.get(name) as MetricReport
    const t = pairedT(d, settings.alpha)
    if (!t || m.delta === null) continue
    m.pValue = t.pValue
    m.pValueWorse = t.pGreater
    m.test = 'paired-t'
    // docs/gates.md: mae's test is on |error| itself, so its power is in mae's unit (rmse's, on squared errors, is not).
    if (name === 'mae') m.mde = mdeFromSe(t.se, settings.alpha, 0.8)
  }
  const ids = input.ids ?? Array.from({ length: n }, (_, i) => String(i + 1))
  const largestErrorIncreases = largestPositive(grew, settings.detailLimit ?? DETAIL_LIMIT).map((i) => ({
    id: String(ids[i]),
    label: y[i],
    baseline: b[i],
    candidate: c[i],
    change: grew[i]
  }))
  return { metrics, details: { largestErrorIncreases }, warnings }
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null)

/**
 * The four metrics of both models over weighted (y, baseline, candidate) cells, in REGRESSION_METRICS order.
 * Weighted: one pass of sums of |e|, e², (y − ȳ₀) and (y − ȳ₀)² (ȳ₀ the mean of all examples, so the total sum
 * of squares Σx(y − ȳ₀)² − (Σx(y − ȳ₀))²/N loses nothing to cancellation), and the maximum |e| over drawn cells;
 * a draw whose y values are all equal has a total sum of squares of exactly 0. Swapped: s of a cell's w examples
 * exchange predictions; y does not move, so the total sum of squares is the observed one, and only the cells
 * whose predictions differ change the sums.
 * @example regressionStatistic(valueCells([y, b, c])).weighted(weights, base, cand) // base = [mae, rmse, r2, max_error] of b
 */
export function regressionStatistic(cells: ValueCells): CellStatistic {
  const [y, b, c] = cells.values
  const { weight } = cells
  const m = cells.size
  const aeB = new Float64Array(m)
  const aeC = new Float64Array(m)
  const seB = new Float64Array(m)
  const seC = new Float64Array(m)
  const dy = new Float64Array(m)
  const dy2 = new Float64Array(m)
  let total = 0
  let sumY = 0
  for (let j = 0; j < m; j++) {
    total += weight[j]
    sumY += weight[j] * y[j]
  }
  const mean0 = sumY / total
  const swappable: number[] = []
  // Sums over the cells a swap cannot change (equal predictions), and the full-sample total sum of squares.
  let fixedAbs = 0
  let fixedSq = 0
  let fixedMax = -Infinity
  let ssTot0 = 0
  let constant = true
  for (let j = 0; j < m; j++) {
    const eB = y[j] - b[j]
    const eC = y[j] - c[j]
    aeB[j] = Math.abs(eB)
    aeC[j] = Math.abs(eC)
    seB[j] = eB * eB
    seC[j] = eC * eC
    dy[j] = y[j] - mean0
    dy2[j] = dy[j] * dy[j]
    ssTot0 += weight[j] * dy2[j]
    if (y[j] !== y[0]) constant = false
    if (b[j] !== c[j]) swappable.push(j)
    else {
      fixedAbs += weight[j] * aeB[j]
      fixedSq += weight[j] * seB[j]
      if (aeB[j] > fixedMax) fixedMax = aeB[j]
    }
  }
  if (constant) ssTot0 = 0
  const moving = Int32Array.from(swappable)
  return {
    count: 4,
    swappable: moving,
    weighted(x, base, cand) {
      let n = 0
      let absB = 0
      let absC = 0
      let sqB = 0
      let sqC = 0
      let maxB = -Infinity
      let maxC = -Infinity
      let sDy = 0
      let sDy2 = 0
      let first = NaN
      let same = true
      for (let j = 0; j < m; j++) {
        const w = x[j]
        if (w === 0) continue
        if (n === 0) first = y[j]
        else if (y[j] !== first) same = false
        n += w
        absB += w * aeB[j]
        absC += w * aeC[j]
        sqB += w * seB[j]
        sqC += w * seC[j]
        if (aeB[j] > maxB) maxB = aeB[j]
        if (aeC[j] > maxC) maxC = aeC[j]
        sDy += w * dy[j]
        sDy2 += w * dy2[j]
      }
      const ssTot = same ? 0 : Math.max(0, sDy2 - (sDy * sDy) / n)
      fill(base, absB / n, sqB / n, r2Of(sqB, ssTot, n), maxB)
      fill(cand, absC / n, sqC / n, r2Of(sqC, ssTot, n), maxC)
    },
    swapped(s, base, cand) {
      let absB = fixedAbs
      let absC = fixedAbs
      let sqB = fixedSq
      let sqC = fixedSq
      let maxB = fixedMax
      let maxC = fixedMax
      for (let q = 0; q < moving.length; q++) {
        const j = moving[q]
        const k = s[j]
        const keep = weight[j] - k
        absB += keep * aeB[j] + k * aeC[j]
        absC += keep * aeC[j] + k * aeB[j]
        sqB += keep * seB[j] + k * seC[j]
        sqC += keep * seC[j] + k * seB[j]
        if (keep > 0) {
          if (aeB[j] > maxB) maxB = aeB[j]
          if (aeC[j] > maxC) maxC = aeC[j]
        }
        if (k > 0) {
          if (aeC[j] > maxB) maxB = aeC[j]
          if (aeB[j] > maxC) maxC = aeB[j]
        }
      }
      fill(base, absB / total, sqB / total, r2Of(sqB, ssTot0, total), maxB)
      fill(cand, absC / total, sqC / total, r2Of(sqC, ssTot0, total), maxC)
    }
  }
}

/** [mae, rmse, r2, max_error] from the mean absolute error, the mean squared error, R² and the maximum. */
function fill(out: Float64Array, mae: number, mse: number, r2: number, max: number): void {
  out[0] = mae
  out[1] = Math.sqrt(mse)
  out[2] = r2
  out[3] = max
}
