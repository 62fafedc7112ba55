/**
 * The API of the numeric tasks (scoresStatistics, regressionStatistics) against scipy 1.10, scikit-learn 1.2 and
 * statsmodels 0.13 (Debian bookworm's python3-scipy, python3-sklearn, python3-statsmodels; commands quoted), and
 * their behaviour: without a baseline, direction lower, details, bad values, determinism, stream independence,
 * the work cap.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/common/errors.js'
import { regressionMetrics } from '../../src/metrics/regression.js'
import { largestPositive } from '../../src/significance/numeric/exampleChanges.js'
import { regressionStatistics } from '../../src/significance/numeric/regressionStatistics.js'
import { scoresStatistics, type ScoresInput } from '../../src/significance/numeric/scoresStatistics.js'
import type { MetricReport } from '../../src/report/schema.js'

const settings = { alpha: 0.05, resamples: 2000, seed: 0 }
const f = (...v: number[]) => Float64Array.from(v)
const close = (a: number | null | undefined, e: number, tol = 1e-12) => expect(Math.abs((a as number) - e), `${a} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)))

describe('scores: a mean field', () => {
  // python3 -c "from scipy import stats; import numpy as np; c=[4,5,3,2,5]; b=[3,5,4,1,2];
  //   print(stats.ttest_rel(c,b).pvalue, stats.ttest_rel(c,b,alternative='less').pvalue,
  //   stats.ttest_rel(c,b,alternative='greater').pvalue, stats.t.interval(0.95, 4, loc=np.mean(c), scale=stats.sem(c)))"
  // 0.29425636802442634 0.8528718159877868 0.14712818401221317 (2.1810682152912935, 5.418931784708706)
  const input = (direction: 'higher' | 'lower'): ScoresInput => ({
    names: ['judge'],
    directions: [direction],
    candidate: [f(4, 5, 3, 2, 5)],
    baseline: [f(3, 5, 4, 1, 2)],
    ids: ['a', 'b', 'c', 'd', 'e']
  })
  it('higher is better: paired t, t interval of the candidate, bootstrap ci', () => {
    const r = scoresStatistics(input('higher'), settings)
    const m = r.metrics.get('judge') as MetricReport
    close(m.candidate, 3.8)
    close(m.baseline, 3)
    close(m.delta, 0.8)
    close(m.pValue, 0.29425636802442634, 1e-9)
    close(m.pValueWorse, 0.8528718159877868, 1e-9)
    close(m.candidateCi?.[0], 2.1810682152912935, 1e-9)
    close(m.candidateCi?.[1], 5.418931784708706, 1e-9)
    expect(m.test).toBe('paired-t')
    expect(m.ciMethod).toBe('bootstrap-percentile')
    // Every resample's delta is a multiple of 1/5 between the smallest and largest per-example change (−1, 3).
    const [lo, hi] = m.ci as [number, number]
    expect(lo).toBeGreaterThanOrEqual(-1)
    expect(hi).toBeLessThanOrEqual(3)
    expect(lo).toBeLessThan(0.8)
    expect(hi).toBeGreaterThan(0.8)
    expect(m.worseBound as number).toBeGreaterThanOrEqual(lo)
    expect(r.details.get('judge')).toEqual({
      kind: 'mean',
      drops: [{ id: 'c', baseline: 4, candidate: 3, change: 1 }]
    })
  })
  it('lower is better: the one-sided p and the worse bound turn to the other side; drops are rises', () => {
    const r = scoresStatistics(input('lower'), settings)
    const m = r.metrics.get('judge') as MetricReport
    close(m.pValue, 0.29425636802442634, 1e-9)
    close(m.pValueWorse, 0.14712818401221317, 1e-9)
    expect(m.direction).toBe('lower')
    expect(m.worseBound as number).toBeLessThanOrEqual((m.ci as [number, number])[1])
    expect(m.worseBound as number).toBeGreaterThan(0.8)
    const d = r.details.get('judge')
    expect(d?.kind === 'mean' && d.drops?.map((x) => x.id)).toEqual(['e', 'a', 'd'])
  })
})

describe('scores: a pass rate', () => {
  // Table [[both pass 2, only baseline 5], [only candidate 1, neither 2]]:
  // python3 -c "from statsmodels.stats.contingency_tables import mcnemar; print(mcnemar([[2,5],[1,2]], exact=True).pvalue)" → 0.21875
  // python3 -c "from scipy.stats import binomtest; print(binomtest(1, 6, 0.5, alternative='less').pvalue, binomtest(5, 6, 0.5, alternative='less').pvalue)" → 0.109375 0.984375
  // python3 -c "from statsmodels.stats.proportion import proportion_confint; print(proportion_confint(3, 10, 0.05, 'wilson'))" → (0.10779126740630104, 0.6032218525388546)
  const b = f(1, 1, 1, 1, 1, 1, 1, 0, 0, 0)
  const c = f(1, 1, 0, 0, 0, 0, 0, 1, 0, 0)
  const ids = ['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']
  it('exact McNemar, Wilson interval, flips with ids', () => {
    const r = scoresStatistics({ names: ['passed'], directions: ['higher'], candidate: [c], baseline: [b], ids }, { ...settings, detailLimit: 3 })
    const m = r.metrics.get('passed') as MetricReport
    close(m.candidate, 0.3)
    close(m.baseline, 0.7)
    expect(m.pValue).toBe(0.21875)
    expect(m.pValueWorse).toBe(0.109375)
    close(m.candidateCi?.[0], 0.10779126740630104, 1e-9)
    close(m.candidateCi?.[1], 0.6032218525388546, 1e-9)
    expect(m.test).toBe('mcnemar-exact')
    expect(r.details.get('passed')).toEqual({ kind: 'pass-rate', flips: { worse: 5, better: 1, firstWorse: ['q2', 'q3', 'q4'], firstBetter: ['q7'] } })
  })
  it('lower is better (a failure flag): the other one-sided p, flips the other way', () => {
    const r = scoresStatistics({ names: ['failed'], directions: ['lower'], candidate: [c], baseline: [b], ids }, settings)
    const m = r.metrics.get('failed') as MetricReport
    expect(m.pValue).toBe(0.21875)
    expect(m.pValueWorse).toBe(0.984375)
    const d = r.details.get('failed')
    expect(d?.kind === 'pass-rate' && [d.flips?.worse, d.flips?.better]).toEqual([1, 5])
  })
  it('is a pass rate only when both files hold 0/1: a 0.5 in the baseline makes it a mean (paired t)', () => {
    const b2 = b.slice()
    b2[9] = 0.5
    const r = scoresStatistics({ names: ['passed'], directions: ['higher'], candidate: [c], baseline: [b2], ids }, settings)
    expect(r.metrics.get('passed')?.test).toBe('paired-t')
    expect(r.details.get('passed')?.kind).toBe('mean')
  })
})

describe('scores: without a baseline', () => {
  it('gives the candidate and its interval only, resampling nothing', () => {
    const r = scoresStatistics({ names: ['judge', 'passed'], directions: ['higher', 'higher'], candidate: [f(4, 5, 3, 2, 5), f(1, 0, 0, 1, 0, 0, 0, 0, 1, 0)], baseline: null, ids: null }, settings)
    const judge = r.metrics.get('judge') as MetricReport
    close(judge.candidate, 3.8)
    close(judge.candidateCi?.[0], 2.1810682152912935, 1e-9)
    expect([judge.baseline, judge.delta, judge.ci, judge.pValue, judge.pValueWorse, judge.worseBound, judge.test, judge.ciMethod]).toEqual([null, null, null, null, null, null, null, null])
    const passed = r.metrics.get('passed') as MetricReport
    close(passed.candidateCi?.[0], 0.10779126740630104, 1e-9)
    expect(r.details.get('passed')).toEqual({ kind: 'pass-rate', flips: null })
    expect(r.warnings).toEqual([])
  })
})

describe('scores: bad values, determinism, streams', () => {
  it('a non-finite value names the file, the field and the example', () => {
    const run = () => scoresStatistics({ names: ['judge'], directions: ['higher'], candidate: [f(1, NaN)], baseline: [f(1, 2)], ids: ['a', 'b\n::error::x'], files: { candidate: 'cand.jsonl', baseline: 'base.jsonl' } }, settings)
    expect(run).toThrow(InputError)
    expect(run).toThrow('cand.jsonl: field "judge" is not a finite number (example id "b\\n::error::x"): NaN')
  })
  const n = 400
  const judgeB = Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 5))
  const judgeC = Float64Array.from({ length: n }, (_, i) => 1 + ((i * 11 + 3) % 5))
  const lat = Float64Array.from({ length: n }, (_, i) => 100 + ((i * 37) % 101) / 10)
  const latC = Float64Array.from(lat, (v, i) => v + ((i * 13) % 7) - 3)
  const ids = Array.from({ length: n }, (_, i) => `q${i}`)
  const judgeOnly = scoresStatistics({ names: ['judge'], directions: ['higher'], candidate: [judgeC], baseline: [judgeB], ids }, settings)
  it('the same inputs give the same numbers; another seed other ones', () => {
    const again = scoresStatistics({ names: ['judge'], directions: ['higher'], candidate: [judgeC], baseline: [judgeB], ids }, settings)
    expect(again.metrics).toEqual(judgeOnly.metrics)
    const other = scoresStatistics({ names: ['judge'], directions: ['higher'], candidate: [judgeC], baseline: [judgeB], ids }, { ...settings, seed: 1 })
    expect(other.metrics.get('judge')?.ci).not.toEqual(judgeOnly.metrics.get('judge')?.ci)
  })
  it('adding a field changes no number of another (one stream per field)', () => {
    const both = scoresStatistics({ names: ['latency', 'judge'], directions: ['lower', 'higher'], candidate: [latC, judgeC], baseline: [lat, judgeB], ids }, settings)
    expect(both.metrics.get('judge')).toEqual(judgeOnly.metrics.get('judge'))
  })
  it('the order of the examples changes no number (cells are sorted)', () => {
    const rev = <T>(a: ArrayLike<T>): T[] => Array.from(a).reverse()
    const reversed = scoresStatistics({ names: ['judge'], directions: ['higher'], candidate: [Float64Array.from(rev(judgeC))], baseline: [Float64Array.from(rev(judgeB))], ids: rev(ids) }, settings)
    const a = reversed.metrics.get('judge') as MetricReport
    const b = judgeOnly.metrics.get('judge') as MetricReport
    expect(a.ci).toEqual(b.ci)
    expect(a.worseBound).toBe(b.worseBound)
    expect(a.pValue as number).toBeCloseTo(b.pValue as number, 12)
  })
  it('a capped field says so in a warning and uses the normal interval', () => {
    const r = scoresStatistics({ names: ['latency'], directions: ['lower'], candidate: [latC], baseline: [lat], ids }, { ...settings, workCap: 100_000 })
    const m = r.metrics.get('latency') as MetricReport
    expect(m.ciMethod).toBe('bootstrap-normal')
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toMatch(/^latency resampled \d+ times, not 2,000: its \d+ distinct \(baseline, candidate\) pairs .* normal approximation/)
    expect(m.test).toBe('paired-t')
  })
})

describe('regression metrics (scikit-learn 1.2)', () => {
  // python3 -c "from sklearn.metrics import *; y=[3,-0.5,2,7]; p=[2.5,0.0,2,8];
  //   print(r2_score(y,p), mean_absolute_error(y,p), mean_squared_error(y,p,squared=False), max_error(y,p))"
  // 0.9486081370449679 0.5 0.6123724356957945 1.0
  it('the documentation example', () => {
    const m = regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8])
    close(m.r2, 0.9486081370449679, 1e-15)
    expect(m.mae).toBe(0.5)
    close(m.rmse, 0.6123724356957945, 1e-15)
    expect(m.max_error).toBe(1)
  })
  // python3 -c "from sklearn.metrics import r2_score; print(r2_score([1,1,1],[1,1,1]), r2_score([1,1,1],[1,2,1]), r2_score([1],[2]))" → 1.0 0.0 nan
  it('r2 edge cases: constant truth, one example', () => {
    expect(regressionMetrics([1, 1, 1], [1, 1, 1]).r2).toBe(1)
    expect(regressionMetrics([1, 1, 1], [1, 2, 1]).r2).toBe(0)
    expect(regressionMetrics([0.1, 0.1, 0.1], [0.1, 0.2, 0.1]).r2).toBe(0)
    expect(regressionMetrics([1], [2]).r2).toBeNaN()
    const r = regressionStatistics({ y: f(1), candidate: f(2), baseline: f(3), ids: ['a'] }, settings)
    expect(r.metrics.get('r2')?.candidate).toBeNull()
    expect(r.metrics.get('mae')?.delta).toBe(-1)
  })
  it('weights are repeats', () => {
    const w = regressionMetrics([1, 2, 4], [1.5, 2, 3], [2, 0, 3])
    const rep = regressionMetrics([1, 1, 4, 4, 4], [1.5, 1.5, 3, 3, 3])
    expect(w).toEqual(rep)
  })
})

describe('regression statistics against numpy/scikit-learn resampling (cases-v2)', () => {
  // /tmp/F/regref.py (python3 with numpy 1.24, scikit-learn 1.2.1, scipy 1.10.1): per-example paired bootstrap
  // percentile of [mae, rmse, r2, max_error] (20,000 resamples, numpy default_rng(0)), the candidate's own, the
  // per-example approximate randomization (20,000 swaps, p = (hits + 1)/(R + 1), the same γ), and
  // scipy ttest_rel(|e_c|, |e_b|, alternative="greater") and the same on squared errors.
  const refs = {
    'regression-001': {
      ci: [[-0.17264262500000052, 0.9140418749999998], [-0.2325055381954582, 1.0873076306158438], [-0.053041679084088064, 0.011497829816363644], [-4.273000000000003, 4.448999999999998]],
      candidateCi: [[3.5149946249999995, 4.350779125000001], [4.440330860333511, 5.376698416786415], [0.8385984038640689, 0.9052880055073496], [11.227000000000004, 15.067999999999998]],
      pAR: [0.18674066296685166, 0.20698965051747412, 0.20698965051747412, 1.0],
      pARWorse: [0.09714514274286286, 0.10819459027048647, 0.10819459027048647, 0.7527623618819059],
      tGreaterMae: 0.0934550597282959,
      tGreaterRmse: 0.10256015894895007
    },
    'regression-007': {
      ci: [[-0.2417100333333331, 0.17760640000000064], [-0.23933432081806222, 0.2502365265258052], [-0.011692832993314233, 0.011070061251048197], [-4.181999999999995, 1.644000000000002]],
      candidateCi: [[3.857364883333333, 4.16677375], [4.8482642991574885, 5.2022913424368], [0.8706834205201058, 0.8946820481722773], [14.123000000000005, 16.603]],
      pAR: [0.7875606219689015, 0.9342032898355083, 0.9342032898355083, 0.5051747412629368],
      pARWorse: [0.6050197490125494, 0.4687765611719414, 0.4687765611719414, 0.8766561671916404],
      tGreaterMae: 0.6066189795601473,
      tGreaterRmse: 0.46632677471799355
    }
  }
  const names = ['mae', 'rmse', 'r2', 'max_error']
  it.each(Object.entries(refs))('%s', (dir, ref) => {
    const root = join(import.meta.dirname, '../fixtures/oracle-v2', dir)
    const rows = (file: string) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: number; label: number; prediction: number })
    const cand = rows('candidate.jsonl')
    const byId = new Map(rows('baseline.jsonl').map((r) => [r.id, r]))
    const R = 10000
    const r = regressionStatistics(
      { y: Float64Array.from(cand, (x) => x.label), candidate: Float64Array.from(cand, (x) => x.prediction), baseline: Float64Array.from(cand, (x) => byId.get(x.id)?.prediction as number), ids: cand.map((x) => x.id) },
      { alpha: 0.05, resamples: R, seed: 0 }
    )
    names.forEach((name, i) => {
      const m = r.metrics.get(name) as MetricReport
      const [lo, hi] = ref.ci[i]
      const [clo, chi] = ref.candidateCi[i]
      // Bootstrap intervals: within a tenth of the width of numpy's.
      expect(Math.abs((m.ci as number[])[0] - lo), `${name} ci`).toBeLessThanOrEqual(0.1 * (hi - lo))
      expect(Math.abs((m.ci as number[])[1] - hi), `${name} ci`).toBeLessThanOrEqual(0.1 * (hi - lo))
      expect(Math.abs((m.candidateCi as number[])[0] - clo), `${name} candidateCi`).toBeLessThanOrEqual(0.1 * (chi - clo))
      expect(Math.abs((m.candidateCi as number[])[1] - chi), `${name} candidateCi`).toBeLessThanOrEqual(0.1 * (chi - clo))
    })
    // r2 and max_error: randomization p-values within 4 Monte Carlo sd of the per-example ones (R = 10,000 and 20,000).
    for (const [name, i] of [['r2', 2], ['max_error', 3]] as const) {
      const m = r.metrics.get(name) as MetricReport
      expect(m.test).toBe('permutation')
      for (const [got, want] of [[m.pValue, ref.pAR[i]], [m.pValueWorse, ref.pARWorse[i]]] as [number, number][]) {
        const sd = Math.sqrt(want * (1 - want) * (1 / R + 1 / 20000))
        expect(Math.abs(got - want), `${name}: ${got} vs ${want}`).toBeLessThanOrEqual(4 * sd + 2 / R)
      }
    }
    close(r.metrics.get('mae')?.pValueWorse, ref.tGreaterMae, 1e-9)
    close(r.metrics.get('rmse')?.pValueWorse, ref.tGreaterRmse, 1e-9)
    // Details: the largest growths of |error|, worst first.
    const inc = r.details?.largestErrorIncreases ?? []
    expect(inc).toHaveLength(10)
    for (let k = 1; k < inc.length; k++) expect(inc[k - 1].change).toBeGreaterThanOrEqual(inc[k].change)
    const top = cand.find((x) => String(x.id) === inc[0].id) as { label: number; prediction: number }
    expect(inc[0].change).toBe(Math.abs(top.label - top.prediction) - Math.abs(top.label - inc[0].baseline))
  })
  it('without a baseline: values and bootstrap candidateCi only', () => {
    const y = Float64Array.from({ length: 300 }, (_, i) => i / 3)
    const p = Float64Array.from(y, (v, i) => v + ((i * 17) % 11) - 5)
    const r = regressionStatistics({ y, candidate: p, baseline: null, ids: null }, settings)
    expect(r.details).toBeNull()
    for (const name of names) {
      const m = r.metrics.get(name) as MetricReport
      expect(m.candidate).not.toBeNull()
      expect(m.candidateCi).not.toBeNull()
      const [lo, hi] = m.candidateCi as [number, number]
      expect(lo).toBeLessThanOrEqual(m.candidate as number)
      expect(hi).toBeGreaterThanOrEqual(name === 'max_error' ? lo : (m.candidate as number))
      expect([m.baseline, m.delta, m.ci, m.pValue, m.test]).toEqual([null, null, null, null, null])
    }
  })
})

describe('largestPositive', () => {
  it('keeps the largest positive values, ties by position', () => {
    expect(largestPositive(f(0.5, -1, 2, 0.5, 0, 2), 3)).toEqual([2, 5, 0])
    expect(largestPositive(f(-1, 0), 3)).toEqual([])
    expect(largestPositive(f(1, 2, 3), 0)).toEqual([])
  })
})
