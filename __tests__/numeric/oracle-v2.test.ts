/**
 * The cases-v2 scores and regression cases (copied from /work/shared/oracle/cases-v2 into
 * __tests__/fixtures/oracle-v2): values from numpy / scipy 1.10 / scikit-learn 1.2 / statsmodels 0.13.
 * Tolerances as the oracle README gives them: candidate, baseline, delta, pValue and candidateCi to 1e-9;
 * `ciBootstrapApprox` (numpy paired bootstrap percentile, 20,000 resamples) within 10% of its width.
 * The files are parsed here with JSON.parse and paired by id (the baseline rows are in another order).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regressionStatistics } from '../../src/significance/numeric/regressionStatistics.js'
import { scoresStatistics } from '../../src/significance/numeric/scoresStatistics.js'
import type { MetricReport } from '../../src/report/schema.js'
import type { Direction } from '../../src/stats/direction.js'

const root = join(import.meta.dirname, '../fixtures/oracle-v2')
const cases = (prefix: string): string[] => readdirSync(root).filter((d) => d.startsWith(prefix)).sort()

type Row = Record<string, unknown>
const rows = (file: string): Row[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row)

/** Candidate rows in file order, with the baseline row of the same id. */
function paired(dir: string): { cand: Row[]; base: Row[] } {
  const cand = rows(join(root, dir, 'candidate.jsonl'))
  const byId = new Map(rows(join(root, dir, 'baseline.jsonl')).map((r) => [String(r.id), r]))
  const base = cand.map((r) => byId.get(String(r.id)) as Row)
  expect(base.every((r) => r !== undefined)).toBe(true)
  return { cand, base }
}

const num = (v: unknown): number => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as number))

interface Expected {
  candidate: number
  baseline: number
  delta: number
  pValue?: number
  candidateCi?: [number, number]
  ciBootstrapApprox?: [number, number]
  test?: string
  better?: Direction
}

function close(actual: number | null, expected: number, tol = 1e-9): void {
  expect(actual).not.toBeNull()
  expect(Math.abs((actual as number) - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)))
}

function checkExact(m: MetricReport, e: Expected): void {
  close(m.candidate, e.candidate)
  close(m.baseline, e.baseline)
  close(m.delta, e.delta)
  if (e.pValue !== undefined) close(m.pValue, e.pValue)
  if (e.candidateCi) {
    close(m.candidateCi?.[0] ?? null, e.candidateCi[0])
    close(m.candidateCi?.[1] ?? null, e.candidateCi[1])
  }
}

describe.each(cases('scores-'))('cases-v2 %s', (dir) => {
  const args = JSON.parse(readFileSync(join(root, dir, 'args.json'), 'utf8')) as string[]
  const expected = JSON.parse(readFileSync(join(root, dir, 'expected.json'), 'utf8')) as { counts: { paired: number }; metrics: Record<string, Expected>; seed: number }
  const spec = args[args.indexOf('--score-metrics') + 1].split(',')
  const names = spec.map((s) => s.split(':')[0])
  const directions = spec.map((s): Direction => (s.endsWith(':lower') ? 'lower' : 'higher'))
  const { cand, base } = paired(dir)
  const result = scoresStatistics(
    {
      names,
      directions,
      candidate: names.map((f) => Float64Array.from(cand, (r) => num(r[f]))),
      baseline: names.map((f) => Float64Array.from(base, (r) => num(r[f]))),
      ids: cand.map((r) => String(r.id))
    },
    { alpha: 0.05, resamples: 10000, seed: expected.seed }
  )

  it('pairs every example', () => {
    expect(cand.length).toBe(expected.counts.paired)
    // The only warning a small case may get: its pass rates' power (docs/statistics.md), checked in stats/power tests.
    expect(result.warnings.filter((w) => !w.startsWith('This test set is too small to see a 1-point drop in '))).toEqual([])
  })
  it.each(names)('%s: values, p-value and candidate interval to 1e-9, test and direction', (name) => {
    const m = result.metrics.get(name) as MetricReport
    const e = expected.metrics[name]
    checkExact(m, e)
    expect(m.test).toBe(e.test)
    expect(m.direction).toBe(e.better)
    expect(m.ciMethod).toBe('bootstrap-percentile')
  })
  // Integer fields (judge, passed) have deltas on a lattice of step 1/n, and a percentile near a lattice point
  // falls on either neighbour by Monte Carlo noise: scores-009 `passed` (n = 120, 3 and 2 discordant) has
  // P(Δ* ≤ −6/120) = 0.02400 exactly (the multinomial distribution of the cells, summed in scipy), so the 2.5%
  // quantile of 10,000 or 20,000 resamples is −0.05 or −0.0417 with about equal odds (sd of the empirical CDF
  // there 0.0015). Tolerance: a tenth of the width, or one lattice step for integer fields.
  it.each(names)('%s: bootstrap interval within a tenth of the width of numpy\'s', (name) => {
    const m = result.metrics.get(name) as MetricReport
    const [lo, hi] = expected.metrics[name].ciBootstrapApprox as [number, number]
    const integer = cand.every((r) => Number.isInteger(num(r[name])))
    const tol = Math.max(0.1 * (hi - lo), integer ? 1 / cand.length + 1e-12 : 0)
    expect(m.ci).not.toBeNull()
    const [a, b] = m.ci as [number, number]
    expect(Math.abs(a - lo), `${a} vs ${lo}`).toBeLessThanOrEqual(tol)
    expect(Math.abs(b - hi), `${b} vs ${hi}`).toBeLessThanOrEqual(tol)
    // The one-sided bound on the worse side lies inside the two-sided interval, on that side.
    if (m.direction === 'higher') expect(m.worseBound as number).toBeGreaterThanOrEqual(a)
    else expect(m.worseBound as number).toBeLessThanOrEqual(b)
  })
})

describe.each(cases('regression-'))('cases-v2 %s', (dir) => {
  const expected = JSON.parse(readFileSync(join(root, dir, 'expected.json'), 'utf8')) as { counts: { paired: number }; metrics: Record<string, Expected>; seed: number }
  const { cand, base } = paired(dir)
  // The label of a regression example is the same in both files (the pairing would leave out a conflict).
  expect(cand.every((r, i) => r.label === base[i].label)).toBe(true)
  const result = regressionStatistics(
    {
      y: Float64Array.from(cand, (r) => r.label as number),
      candidate: Float64Array.from(cand, (r) => r.prediction as number),
      baseline: Float64Array.from(base, (r) => r.prediction as number),
      ids: cand.map((r) => String(r.id))
    },
    { alpha: 0.05, resamples: 10000, seed: expected.seed }
  )

  it('pairs every example', () => {
    expect(cand.length).toBe(expected.counts.paired)
    expect(result.warnings).toEqual([])
  })
  it.each(['mae', 'rmse', 'r2', 'max_error'])('%s: values (and the paired t p-value) to 1e-9', (name) => {
    const m = result.metrics.get(name) as MetricReport
    checkExact(m, expected.metrics[name])
    expect(m.direction).toBe(name === 'r2' ? 'higher' : 'lower')
    expect(m.test).toBe(name === 'mae' || name === 'rmse' ? 'paired-t' : 'permutation')
    expect(m.ci).not.toBeNull()
    expect(m.candidateCi).not.toBeNull()
  })
})
