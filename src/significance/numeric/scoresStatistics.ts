/**
 * The statistics of `--task scores` (docs/tasks.md): per-example numbers of named fields (an LLM judge's 1–5, a unit
 * test's pass/fail, latency), each a metric: the mean over the paired examples, better when higher or lower.
 *
 * Per field:
 * - `candidate`, `baseline`: means over the paired examples; `delta` = candidate − baseline.
 * - `ci`: the paired bootstrap percentile interval of delta, resampling examples: a multinomial draw over the
 *   cells of identical (baseline, candidate) pairs (src/stats/cellResample.ts; stream `bootstrap:score:NAME`);
 *   `worseBound` is the one-sided bound from the same draws.
 * - A field whose values are all 0 or 1 in both files (booleans arrive as 0/1) is a pass rate: `pValue` is the
 *   exact McNemar test (statsmodels `mcnemar(table, exact=True)`), `pValueWorse` its one-sided form, and
 *   `candidateCi` the Wilson interval (statsmodels `proportion_confint(method="wilson")`).
 * - Any other field: `pValue` is the paired t-test on the per-example differences (scipy `ttest_rel`),
 *   `pValueWorse` its one-sided form, `candidateCi` the t interval of the candidate's mean
 *   (scipy `t.interval(1 − alpha, n − 1, mean, sem)`).
 * - Without a baseline: `candidate` and `candidateCi` only, nothing is resampled.
 * Details: a pass rate's flips (baseline pass → candidate fail and back) with the first ids; another field's
 * largest per-example drops (id, baseline, candidate).
 * Cost: O(n) per field for the values and tests, O(n) expected to build the cells (O(n log n) when they are
 * many), O(cells) per resample: 4 cells for a pass rate, at most 25 for a 1–5 judge, up to n for latency (capped
 * at 2·10⁷ cell-resamples, then fewer resamples and a warning).
 *
 * @example
 * scoresStatistics({
 *   names: ['judge', 'passed'], directions: ['higher', 'higher'],
 *   candidate: [Float64Array.of(4, 5, 3), Float64Array.of(1, 1, 0)],
 *   baseline: [Float64Array.of(3, 5, 3), Float64Array.of(1, 0, 0)],
 *   ids: ['q1', 'q2', 'q3']
 * }, { alpha: 0.05, resamples: 10000, seed: 0 }).metrics.get('judge').delta // 0.3333333333333335
 */
import { resampleCells, type CellStatistic } from '../../stats/cellResample.js'
import { mcnemarDrop, mcnemarExact } from '../../stats/mcnemar.js'
import { pairedT } from '../../stats/pairedT.js'
import { minimumDetectableEffect, powerDiscordance } from '../../stats/power.js'
import { tooSmallWarning } from '../../report/powerWarning.js'
import { mdeFromSe } from '../../stats/standardized.js'
import { valueCells, type ValueCells } from '../../stats/valueCells.js'
import { wilson } from '../../stats/wilson.js'
import type { MetricReport } from '../../report/schema.js'
import type { Direction } from '../../stats/direction.js'
import { cappedWarning, checkFinite, checkLengths, emptyMetric, type FileNames, type NumericSettings } from './numericSettings.js'
import { DETAIL_LIMIT, flips, largestDrops, type Drop, type Flips, type Ids } from './exampleChanges.js'

export interface ScoresInput {
  /** Field names, each a metric (`--score-metrics`). */
  names: readonly string[]
  /** Which way each field is better. */
  directions: readonly Direction[]
  /** Per field, the candidate's value of each paired example (booleans as 0/1). */
  candidate: readonly Float64Array[]
  /** Per field, the baseline's value of the same examples in the same order; null without a baseline. */
  baseline: readonly Float64Array[] | null
  /** Ids of the paired examples, in the same order (for the details); may be null without a baseline. */
  ids: Ids | null
  /** For messages; default `candidate` and `baseline`. */
  files?: FileNames
}

/** What the report shows per example for one field. */
export type ScoreDetail =
  | { kind: 'pass-rate'; flips: Flips | null }
  | { kind: 'mean'; drops: Drop[] | null }

export interface ScoresResults {
  metrics: Map<string, MetricReport>
  details: Map<string, ScoreDetail>
  warnings: string[]
}

/**
 * True when every value is 0 or 1.
 * @example isZeroOne(Float64Array.of(0, 1, 1)) // true
 */
export function isZeroOne(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false
  return true
}

/** MetricReports of every score field, in the order of `names`, with per-example details. */
export function scoresStatistics(input: ScoresInput, settings: NumericSettings): ScoresResults {
  const { names, directions, candidate, baseline } = input
  const files = input.files ?? { candidate: 'candidate', baseline: 'baseline' }
  if (directions.length !== names.length || candidate.length !== names.length || (baseline && baseline.length !== names.length)) {
    throw new Error('scoresStatistics: names, directions and value arrays differ in number')
  }
  const metrics = new Map<string, MetricReport>()
  const details = new Map<string, ScoreDetail>()
  const warnings: string[] = []
  const limit = settings.detailLimit ?? DETAIL_LIMIT
  names.forEach((name, f) => {
    const c = candidate[f]
    const b = baseline ? baseline[f] : null
    const n = c.length
    checkLengths(n, [b, input.ids], 'scoresStatistics')
    checkFinite(c, name, files.candidate, input.ids)
    if (b) checkFinite(b, name, files.baseline ?? 'baseline', input.ids)
    const direction = directions[f]
    const passRate = isZeroOne(c) && (b === null || isZeroOne(b))
    const m = emptyMetric(direction)
    metrics.set(name, m)
    if (n === 0) {
      details.set(name, passRate ? { kind: 'pass-rate', flips: null } : { kind: 'mean', drops: null })
      return
    }
    const passes = passRate ? sum(c) : 0
    m.candidate = passRate ? passes / n : sum(c) / n
    m.candidateCi = passRate ? wilson(passes, n, settings.alpha) : (pairedT(c, settings.alpha)?.ci ?? null)
    if (!b) {
      details.set(name, passRate ? { kind: 'pass-rate', flips: null } : { kind: 'mean', drops: null })
      return
    }
    m.baseline = sum(b) / n
    m.delta = m.candidate - m.baseline
    const ids = input.ids ?? Array.from({ length: n }, (_, i) => String(i + 1))

    const cells = valueCells([b, c])
    const workCap = settings.workCap
    const res = resampleCells(cells, meanStatistic, { name: `score:${name}`, directions: [direction], resamples: settings.resamples, alpha: settings.alpha, seed: settings.seed, withTest: false, workCap })
    const r = res.metrics[0]
    m.ci = r.ci
    m.worseBound = r.worseBound
    m.ciMethod = r.ci ? res.method : null
    if (res.resamples < settings.resamples) {
      warnings.push(cappedWarning(name, res.resamples, settings.resamples, cells.size, 'distinct (baseline, candidate) pairs', res.method === 'bootstrap-normal', workCap ?? 20_000_000))
    }

    if (passRate) {
      const { onlyBaseline, onlyCandidate } = discordant(cells)
      m.pValue = mcnemarExact(onlyBaseline, onlyCandidate)
      m.pValueWorse = direction === 'higher' ? mcnemarDrop(onlyBaseline, onlyCandidate) : mcnemarDrop(onlyCandidate, onlyBaseline)
      m.test = 'mcnemar-exact'
      // docs/gates.md: Connor's (1987) minimum detectable effect of this McNemar test.
      m.mde = minimumDetectableEffect(powerDiscordance(onlyBaseline + onlyCandidate, n), n, settings.alpha, 0.8)
      // docs/statistics.md: a pass rate this test set cannot see drop by a point, said as for accuracy.
      const small = tooSmallWarning(name, n, onlyBaseline + onlyCandidate, m.mde, settings.alpha)
      if (small) warnings.push(small)
      details.set(name, { kind: 'pass-rate', flips: flips(b, c, direction, ids, limit) })
    } else {
      const d = new Float64Array(n)
      for (let i = 0; i < n; i++) d[i] = c[i] - b[i]
      const t = pairedT(d, settings.alpha)
      if (t) {
        m.pValue = t.pValue
        m.pValueWorse = direction === 'higher' ? t.pLess : t.pGreater
        m.test = 'paired-t'
        m.mde = mdeFromSe(t.se, settings.alpha, 0.8)
      }
      details.set(name, { kind: 'mean', drops: largestDrops(b, c, direction, ids, limit) })
    }
  })
  return { metrics, details, warnings }
}

/** Σ values, in order. */
function sum(values: Float64Array): number {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i]
  return s
}

/** Examples where only the baseline has a 1, and only the candidate, from the cells of (baseline, candidate). */
function discordant(cells: ValueCells): { onlyBaseline: number; onlyCandidate: number } {
  let onlyBaseline = 0
  let onlyCandidate = 0
  const [b, c] = cells.values
  for (let j = 0; j < cells.size; j++) {
    if (b[j] === 1 && c[j] === 0) onlyBaseline += cells.weight[j]
    else if (b[j] === 0 && c[j] === 1) onlyCandidate += cells.weight[j]
  }
  return { onlyBaseline, onlyCandidate }
}

/**
 * The mean of each model over weighted (baseline, candidate) cells: Σ x·v / Σ x. Also the swapped form
 * (s of the x examples of a cell exchange their values), for the randomization test.
 * @example meanStatistic(valueCells([Float64Array.of(1, 2), Float64Array.of(3, 3)])) // weighted → base [1.5], cand [3]
 */
export function meanStatistic(cells: ValueCells): CellStatistic {
  const [b, c] = cells.values
  const { weight } = cells
  const m = cells.size
  const swappable: number[] = []
  for (let j = 0; j < m; j++) if (b[j] !== c[j]) swappable.push(j)
  return {
    count: 1,
    swappable: Int32Array.from(swappable),
    weighted(x, base, cand) {
      let total = 0
      let sB = 0
      let sC = 0
      for (let j = 0; j < m; j++) {
        const w = x[j]
        if (w === 0) continue
        total += w
        sB += w * b[j]
        sC += w * c[j]
      }
      base[0] = sB / total
      cand[0] = sC / total
    },
    swapped(s, base, cand) {
      let total = 0
      let sB = 0
      let sC = 0
      for (let j = 0; j < m; j++) {
        const w = weight[j]
        const k = s[j]
        total += w
        sB += (w - k) * b[j] + k * c[j]
        sC += (w - k) * c[j] + k * b[j]
      }
      base[0] = sB / total
      cand[0] = sC / total
    }
  }
}
