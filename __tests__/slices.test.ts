/**
 * Slices (SPEC §13): per-slice headline metrics, their tests and q-values, the slice gate forms, and the
 * configuration errors. Every reference number comes from Debian's Python, computed by
 *
 *   /usr/bin/python3 __tests__/fixtures/slices/make.py
 *
 * (scikit-learn 1.2 metrics per slice, statsmodels 0.13 mcnemar(exact=True), scipy 1.10 ttest_rel, statsmodels
 * multipletests(p, method="fdr_bh") for the q-values), which also wrote the prediction files it read.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { parseGates, splitRules } from '../src/gates/rules.js'
import { asReport } from '../src/report/validate.js'
import { analyzeSlices, MAX_TESTED_SLICES } from '../src/slices/analyze.js'
import { sliceGroups } from '../src/slices/assign.js'
import { benjaminiHochberg } from '../src/stats/benjaminiHochberg.js'
import { type Report } from '../src/report/schema.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/slices')
const file = (name: string) => ({ name, path: path.join(dir, name) })
const expected = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'))

type Expected = { slices: Record<string, Record<string, { paired: number; metrics?: Record<string, { candidate: number; baseline: number; pValue?: number; qValue?: number }> }>> }

const base: Omit<CompareOptions, 'candidate' | 'baseline'> = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 2000, seed: 0, missingBaseline: 'skip' }
const spam = (extra: Partial<CompareOptions> = {}) =>
  compare({ ...base, candidate: file('candidate.jsonl'), baseline: file('baseline.jsonl'), positiveLabel: 'spam', sliceFields: ['region', 'source'], ...extra })

/** Every slice's size and tested flag, and every reference number of the fixture, against the report. */
function checkAgainst(report: Report, want: Expected): void {
  expect(Object.keys(report.slices ?? {})).toEqual(Object.keys(want.slices))
  for (const [field, values] of Object.entries(want.slices)) {
    const got = report.slices?.[field] ?? {}
    expect(Object.keys(got).sort()).toEqual(Object.keys(values).sort())
    for (const [value, w] of Object.entries(values)) {
      const s = got[value]
      expect(s.counts.paired, `${field}=${value}`).toBe(w.paired)
      expect(s.tested, `${field}=${value}`).toBe(w.metrics !== undefined)
      if (!w.metrics) expect(s.metrics).toEqual({})
      for (const [name, m] of Object.entries(w.metrics ?? {})) {
        const r = s.metrics[name]
        const where = `${field}=${value} ${name}`
        expect(r.candidate, where).toBeCloseTo(m.candidate, 12)
        expect(r.baseline, where).toBeCloseTo(m.baseline, 12)
        expect(r.delta, where).toBeCloseTo(m.candidate - m.baseline, 12)
        if (m.pValue !== undefined) expect(r.pValue, where).toBeCloseTo(m.pValue, 9)
        if (m.qValue !== undefined) expect(r.qValue, where).toBeCloseTo(m.qValue, 9)
        if (m.pValue !== undefined) expect(r.ci, where).not.toBeNull()
        expect(r.candidateCi, where).not.toBeNull()
      }
    }
  }
}

describe('Benjamini–Hochberg', () => {
  it('agrees with statsmodels multipletests(method="fdr_bh")', () => {
    const { p, q } = expected('expected-bh.json')
    benjaminiHochberg(p).forEach((x, i) => expect(x).toBeCloseTo(q[i], 12))
    expect(benjaminiHochberg([])).toEqual([])
  })
})

describe('slices of a classification run (SPEC §13)', () => {
  it('gives each slice its values and exact McNemar p-values as scikit-learn and statsmodels; LATAM (29) is listed, not tested', async () => {
    const report = await spam()
    checkAgainst(report, expected('expected.json'))
    const us = report.slices?.region.US.metrics
    expect(us?.accuracy.test).toBe('mcnemar-exact')
    expect(us?.recall.test).toBe('mcnemar-exact')
    expect(us?.f1.test).toBe('permutation')
    expect(Object.keys(report.slices?.region ?? {})).toEqual(['APAC', 'EU', 'LATAM', 'US'])
    expect(Object.keys(us ?? {})).toEqual(['accuracy', 'precision', 'recall', 'f1'])
    expect(report.settings.slices).toEqual({ fields: ['region', 'source'], minSlice: 30, metrics: ['accuracy', 'precision', 'recall', 'f1'], disagreements: { region: 3, source: 0 } })
    expect(report.warnings).toContain('Slices of region: 1 of 4 values have fewer than 30 compared examples and are listed but not tested (--min-slice 30).')
    expect(report.warnings).toContain("Slices of region: 3 paired examples have another region in the baseline file than in the candidate file; they are counted in the candidate's slice.")
  })
  it('adjusts every tested slice p-value together (Benjamini–Hochberg over all fields and metrics)', async () => {
    const report = await spam()
    const tested = Object.values(report.slices ?? {}).flatMap((f) => Object.values(f).flatMap((s) => Object.values(s.metrics)))
    expect(tested).toHaveLength(5 * 4)
    const q = benjaminiHochberg(tested.map((m) => m.pValue as number))
    tested.forEach((m, i) => expect(m.qValue).toBe(q[i]))
    // The largest-p rule of BH: q is never below p, and the smallest p is multiplied by m = 20.
    const smallest = tested.reduce((a, b) => ((a.pValue as number) < (b.pValue as number) ? a : b))
    expect(smallest.qValue).toBeCloseTo((smallest.pValue as number) * 20, 12)
  })
  it('adds the metrics the gates name to the headline metrics, and honours --min-slice', async () => {
    const report = await spam({ gates: 'balanced_accuracy@source=web >= 0.5', minSlice: 250 })
    expect(Object.keys(report.slices?.source.web.metrics ?? {})).toEqual(['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1'])
    expect(report.slices?.source.app).toMatchObject({ tested: true, counts: { paired: 281 } })
    expect(report.slices?.region.EU).toEqual({ tested: false, counts: { paired: 237 }, metrics: {} })
  })
  it('is byte-identical for the same seed, and every slice has its own random stream', async () => {
    const a = JSON.stringify(await spam())
    expect(JSON.stringify(await spam())).toBe(a)
    const r = JSON.parse(a) as Report
    expect(r.slices?.source.app.metrics.f1.ci).not.toEqual(r.slices?.source.web.metrics.f1.ci)
  })
  it('passes the report shape check of publish mode, which refuses a malformed slice', async () => {
    const report = JSON.parse(JSON.stringify(await spam({ gates: 'f1 no-regression by region; f1@source=web >= 0.5' })))
    expect(asReport(report, 'report.json')).toBe(report)
    report.slices.region.US.metrics.f1.qValue = '0.01'
    expect(() => asReport(report, 'report.json')).toThrow('report.json: is not an Eval Gate report: report.slices["region"]["US"].metrics["f1"].qValue must be a number')
    report.slices.region.US.metrics.f1.qValue = 0.01
    report.gates[0].slice.failing = 'US'
    expect(() => asReport(report, 'report.json')).toThrow('report.gates[0].slice.failing must be an array')
  })
  it('without a baseline gives the candidate values and intervals only', async () => {
    const report = await compare({ ...base, candidate: file('candidate.jsonl'), baseline: null, positiveLabel: 'spam', sliceFields: ['region'] })
    const us = report.slices?.region.US.metrics.accuracy
    expect(us?.candidate).toBeCloseTo(expected('expected.json').slices.region.US.metrics.accuracy.candidate, 12)
    expect(us).toMatchObject({ baseline: null, delta: null, pValue: null, qValue: null })
    expect(us?.candidateCi).not.toBeNull()
  })
})

describe('slices of scores and regression runs', () => {
  it('scores: means, pass rates, paired t and McNemar p-values and q-values as scipy and statsmodels', async () => {
    const report = await compare({
      ...base,
      task: 'scores',
      scoreMetrics: [{ name: 'judge', direction: 'higher' }, { name: 'passed', direction: 'higher' }],
      candidate: file('scores-candidate.jsonl'),
      baseline: file('scores-baseline.jsonl'),
      sliceFields: ['topic']
    })
    checkAgainst(report, expected('expected-scores.json'))
    expect(report.slices?.topic.code.metrics.judge.test).toBe('paired-t')
    expect(report.slices?.topic.poetry).toEqual({ tested: false, counts: { paired: 12 }, metrics: {} })
  })
  it('regression: mae and rmse, their paired t p-values and q-values; numeric values in numeric order', async () => {
    const report = await compare({ ...base, task: 'regression', candidate: file('regression-candidate.jsonl'), baseline: file('regression-baseline.jsonl'), sliceFields: ['group'] })
    checkAgainst(report, expected('expected-regression.json'))
    expect(report.settings.slices?.metrics).toEqual(['mae', 'rmse'])
  })
  it('generation: exact match and its McNemar p-value per slice; the other headline metrics are there', async () => {
    const report = await compare({ ...base, resamples: 500, task: 'generation', candidate: file('generation-candidate.jsonl'), baseline: file('generation-baseline.jsonl'), sliceFields: ['lang'] })
    checkAgainst(report, expected('expected-generation.json'))
    expect(Object.keys(report.slices?.lang.de.metrics ?? {})).toEqual(['exact_match', 'token_f1', 'bleu', 'chrf'])
    expect(report.slices?.lang.de.metrics.exact_match.test).toBe('mcnemar-exact')
  })
})

describe('slice gates', () => {
  it('judges a rule on one slice, with the slice named in the detail', async () => {
    const report = await spam({ gates: 'f1@region=US >= 0.8; f1@region=EU >= 0.8; accuracy@region=LATAM no-regression' })
    expect(report.gates.map((g) => g.status)).toEqual(['fail', 'pass', 'skip'])
    expect(report.gates[0]).toMatchObject({ metric: 'f1', observed: report.slices?.region.US.metrics.f1.candidate, slice: { field: 'region', value: 'US' } })
    expect(report.gates[0].detail).toBe('on region=US: f1 is 66.7%, short of >= 0.8')
    expect(report.gates[2].detail).toBe('on region=LATAM: the slice has 29 compared examples, fewer than --min-slice 30: not tested')
  })
  it('"no-regression by F" fails naming the slices that regressed, Holm-adjusted with the run\'s other no-regression rules', async () => {
    const report = await spam({ gates: 'accuracy no-regression by region; recall no-regression by source; accuracy no-regression' })
    const [byRegion, bySource, overall] = report.gates
    expect(byRegion.status).toBe('fail')
    expect(byRegion.slice).toEqual({ field: 'region', failing: ['US'] })
    expect(byRegion.detail).toMatch(/^significant regression on 1 of 3 tested slices of region after Holm: region=US \(accuracy fell 15\.4 pts, 84\.1% → 68\.7%, one-sided p = 0\.000\d\)$/)
    expect(bySource).toMatchObject({ status: 'pass', slice: { field: 'source', failing: [] } })
    expect(bySource.detail).toMatch(/^2 of 2 slices of source tested, none a significant regression after Holm; smallest one-sided p = [\d.]+ on source=(app|web)$/)
    // One Holm family of 3 + 2 + 1 = 6 hypotheses: the US accuracy one-sided p (statsmodels: two-sided
    // 1.5455941078329168e-4, halved since the discordant counts are lopsided) times 6.
    const usWorse = report.slices?.region.US.metrics.accuracy.pValueWorse as number
    expect(byRegion.pValue).toBeCloseTo(Math.min(1, usWorse * 6), 15)
    expect(usWorse).toBeCloseTo(1.5455941078329168e-4 / 2, 12)
    expect(overall.adjustment).toBe('Holm')
  })
  it('uses Holm, and says why, when Westfall–Young is asked for with slice rules', async () => {
    const report = await spam({ gates: 'accuracy no-regression by region; f1 no-regression', multiplicity: 'westfall-young' })
    expect(report.gates[1].adjustment).toBe('Holm')
    expect(report.gates[1].detail).toContain('after Holm (not Westfall–Young: slice rules have no joint resampling)')
  })
  it('refuses an unknown slice field or value, quoting the rule', async () => {
    await expect(spam({ gates: 'f1@country=US >= 0.8' })).rejects.toThrow('gate "f1@country=US >= 0.8": "country" is not a slice field of this run; the slice fields are "region", "source"')
    await expect(spam({ gates: 'f1@region=Mars >= 0.8' })).rejects.toThrow('gate "f1@region=Mars >= 0.8": no compared example has region = "Mars"; its values are "APAC", "EU", "LATAM", "US"')
    await expect(spam({ gates: 'f1 no-regression by country' })).rejects.toThrow('gate "f1 no-regression by country": "country" is not a slice field of this run')
    await expect(spam({ train: file('candidate.jsonl'), gates: 'leakage@region=US <= 0' })).rejects.toThrow('gate "leakage@region=US <= 0": leakage is not computed per slice; slice rules take the task\'s metrics')
    await expect(spam({ sliceFields: [], gates: 'f1@region=US >= 0.8' })).rejects.toThrow('"region" is not a slice field of this run; name slice fields with --slice-field (action: slice-fields)')
  })
  it('parses quoted names: spaces, ";" and "#" inside quotes, JSON escapes', () => {
    expect(splitRules('recall@region="EU; West #1" no-regression; f1 >= 0.5 # done')).toEqual(['recall@region="EU; West #1" no-regression', 'f1 >= 0.5'])
    const known = { metrics: ['recall', 'f1'], labels: [], slices: new Map([['data set', ['a "b"', 'EU West']], ['region', ['EU West']]]) }
    const rules = parseGates('recall@"data set"="a \\"b\\"" >= 0.5; f1@region="EU West" non-inferior 0.01; f1 no-regression by "data set"', known)
    expect(rules).toEqual([
      { text: 'recall@"data set"="a \\"b\\"" >= 0.5', metric: 'recall', kind: 'threshold', op: '>=', value: 0.5, slice: { field: 'data set', value: 'a "b"' } },
      { text: 'f1@region="EU West" non-inferior 0.01', metric: 'f1', kind: 'non-inferior', margin: 0.01, slice: { field: 'region', value: 'EU West' } },
      { text: 'f1 no-regression by "data set"', metric: 'f1', kind: 'no-regression', by: 'data set' }
    ])
    expect(() => parseGates('f1@region=EU West >= 0.5', known)).toThrow('gate "f1@region=EU West >= 0.5": cannot read "West >= 0.5"')
    expect(() => parseGates('f1@region >= 0.5', known)).toThrow(/a slice is written METRIC@FIELD=VALUE/)
    expect(() => parseGates('f1@region="EU West no-regression', known)).toThrow(/has an unterminated quoted name/)
    expect(() => parseGates('f1@region="EU West" no-regression by region', known)).toThrow(/not both/)
    expect(() => parseGates('f1 no-regression by', known)).toThrow(/needs one slice field/)
  })
})

describe('the cap on tested slices', () => {
  it(`tests the ${MAX_TESTED_SLICES} largest slices of a run, lists the rest untested, and says so`, () => {
    const groups = Array.from({ length: MAX_TESTED_SLICES + 5 }, (_, i) => {
      const rows = new Uint32Array(i === 3 ? 29 : 30 + (i % 7))
      return { value: `v${i}`, rows, size: rows.length }
    })
    const seen: number[] = []
    const analysis = analyzeSlices([{ field: 'f', groups, disagreements: 0 }], {
      analyzeSlice: (rows) => {
        seen.push(rows.length)
        return { metrics: {}, warnings: rows.length === 36 ? ['capped'] : [] }
      }
    }, ['accuracy'], 30, { alpha: 0.05, resamples: 10, seed: 0 })
    expect(seen).toHaveLength(MAX_TESTED_SLICES)
    // 204 slices have ≥ 30 examples; the 4 left out have 30 (i % 7 = 0) and come last in slice order: v182 … v203.
    const untested = Object.entries(analysis.report.f).filter(([, s]) => !s.tested).map(([v]) => v)
    expect(untested).toEqual(['v3', 'v182', 'v189', 'v196', 'v203'])
    expect(analysis.warnings[0]).toBe('Slices of f: 1 of 205 values have fewer than 30 compared examples and are listed but not tested (--min-slice 30).')
    expect(analysis.warnings[1]).toBe('204 slices have at least 30 compared examples; the 200 largest are tested (at most 200 per run), the others listed untested.')
    expect(analysis.warnings.slice(2)).toEqual(['Slice f=v6: capped', 'Slice f=v13: capped', 'Slice f=v20: capped', 'Slice f=v27: capped', 'Slice f=v34: capped', '… and 24 more warnings about single slices.'])
  })
})

describe('slice groups', () => {
  it('takes the candidate row\'s value, counts disagreeing pairs, orders values as labels', () => {
    const pairing = { n: 3, cand: Uint32Array.of(0, 1, 2), base: Uint32Array.of(2, 1, 0), candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, candidateOnlyIds: [], baselineOnlyIds: [], conflictIds: [] }
    const keys = {
      candidate: [{ field: 'n', values: ['10', '9'], codes: Uint32Array.of(0, 1, 0) }],
      baseline: [{ field: 'n', values: ['9', '10'], codes: Uint32Array.of(1, 0, 0) }]
    }
    const [g] = sliceGroups(['n'], keys, pairing, 3)
    expect(g.groups.map((x) => [x.value, Array.from(x.rows)])).toEqual([['9', [1]], ['10', [0, 2]]])
    // Pair 0: candidate row 0 says 10, baseline row 2 says 9: disagree. Pair 1: 9 and 9; pair 2: 10 and 10 (baseline row 0, code 1).
    expect(g.disagreements).toBe(1)
    expect(g.groups.map((x) => x.size)).toEqual([1, 2])
  })

  it('weighted rows (a cells file\'s counts, no pairing): a slice\'s size is the sum of its rows\' weights', () => {
    const keys = { candidate: [{ field: 'region', values: ['US', 'EU'], codes: Uint32Array.of(0, 1, 0, 1) }], baseline: null, weights: Float64Array.of(5, 1e9, 2, 3) }
    // candidateRows (the examples, 1e9 + 10) is not the number of rows: the weights say how many rows there are.
    const [g] = sliceGroups(['region'], keys, null, 1e9 + 10)
    expect(g.groups.map((x) => [x.value, Array.from(x.rows), x.size])).toEqual([['EU', [1, 3], 1e9 + 3], ['US', [0, 2], 7]])
  })
})
