/** SPEC §5: the four rule forms, Holm over no-regression rules, non-inferiority, missing baselines, bad rules. */
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../src/common/errors.js'
import { evaluateGates } from '../src/gates/evaluate.js'
import { DEFAULT_GATES, parseGates, splitRules } from '../src/gates/rules.js'
import { metricNames } from '../src/metrics/names.js'
import { holm } from '../src/stats/holm.js'
import { parseCli } from '../src/cli/args.js'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { type MetricReport, type Report } from '../src/report/schema.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

const labels = ['ham', 'spam', 'a;b #1']
const known = { metrics: metricNames('binary', labels, true), labels }

const metric = (over: Partial<MetricReport>): MetricReport => ({
  candidate: 0.8,
  baseline: 0.8,
  delta: 0,
  ci: [-0.02, 0.02],
  pValue: 1,
  candidateCi: [0.75, 0.85],
  test: 'permutation',
  direction: 'higher',
  pValueWorse: 0.5,
  worseBound: -0.015,
  ciMethod: 'bootstrap-percentile',
  ...over
})

const withBaseline: { alpha: number; hasBaseline: boolean; missingBaseline: 'skip' | 'fail' } = { alpha: 0.05, hasBaseline: true, missingBaseline: 'skip' }

describe('holm', () => {
  it('matches METHODS.md: [.01, .04, .03, .005] → [.03, .06, .06, .02]', () => {
    const adjusted = holm([0.01, 0.04, 0.03, 0.005])
    ;[0.03, 0.06, 0.06, 0.02].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 15))
  })
  it('follows the step-down definition on unsorted input and caps at 1', () => {
    // By hand from Holm (1979): sorted 0.01·4 = 0.04, 0.03·3 = 0.09, 0.2·2 = 0.4, 0.6·1 = 0.6, already monotone.
    const adjusted = holm([0.2, 0.01, 0.6, 0.03])
    ;[0.4, 0.04, 0.6, 0.09].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 15))
    expect(holm([0.6, 0.7])).toEqual([1, 1])
    expect(holm([])).toEqual([])
  })
})

describe('parsing rules', () => {
  it('splits on newlines and ";", drops comments, but not inside brackets', () => {
    expect(splitRules('recall no-regression; f1 >= 0.8 # the floor\n\n# only a comment\naccuracy delta > -0.01;')).toEqual(['recall no-regression', 'f1 >= 0.8', 'accuracy delta > -0.01'])
    expect(splitRules('recall[a;b #1] >= 0.5; f1 no-regression')).toEqual(['recall[a;b #1] >= 0.5', 'f1 no-regression'])
  })
  it('reads the four forms with every operator', () => {
    expect(parseGates('f1 >= 0.8; f1 > 0.8; f1<=0.8; f1 < 0.8', known).map((r) => [r.kind, r.op, r.value])).toEqual([
      ['threshold', '>=', 0.8],
      ['threshold', '>', 0.8],
      ['threshold', '<=', 0.8],
      ['threshold', '<', 0.8]
    ])
    expect(parseGates('accuracy delta >= -0.01', known)[0]).toMatchObject({ kind: 'delta', op: '>=', value: -0.01, metric: 'accuracy' })
    expect(parseGates('recall no-regression', known)[0]).toMatchObject({ kind: 'no-regression', metric: 'recall' })
    expect(parseGates('log_loss non-inferior 0.02', known)[0]).toMatchObject({ kind: 'non-inferior', margin: 0.02 })
    expect(parseGates('recall[a;b #1] >= 0.5', known)[0]).toMatchObject({ metric: 'recall[a;b #1]', kind: 'threshold' })
  })
  it('has the default rules of SPEC §5', () => {
    expect(parseGates(DEFAULT_GATES, known).map((r) => r.text)).toEqual(['accuracy no-regression', 'precision no-regression', 'recall no-regression', 'f1 no-regression'])
  })
  const refuse = (rule: string, message: RegExp) => {
    expect(() => parseGates(rule, known)).toThrow(ConfigError)
    expect(() => parseGates(rule, known)).toThrow(message)
  }
  it('refuses malformed rules, quoting them', () => {
    refuse('recall', /^gate "recall": has a metric but no condition/)
    refuse('recall >= high', /^gate "recall >= high": the threshold "high" is not a number/)
    refuse('recall no-regresion', /^gate "recall no-regresion": cannot read "no-regresion"/)
    refuse('recall non-inferior', /^gate "recall non-inferior": non-inferior needs a margin/)
    refuse('recall non-inferior -0.1', /the margin must not be negative/)
    refuse('>= 0.8', /^gate ">= 0.8": does not start with a metric name/)
  })
  it('refuses unknown metrics and classes, and score metrics without scores', () => {
    refuse('recal >= 0.8', /^gate "recal >= 0.8": unknown metric "recal"/)
    refuse('recall[eggs] >= 0.8', /^gate "recall\[eggs\] >= 0.8": unknown class "eggs"; the classes are "ham", "spam", "a;b #1"/)
    expect(() => parseGates('roc_auc no-regression', { metrics: metricNames('binary', labels, false), labels })).toThrow(/roc_auc needs scores/)
    expect(() => parseGates('specificity >= 0.5', { metrics: metricNames('multiclass', labels, false), labels })).toThrow(/unknown metric "specificity"/)
  })
})

describe('evaluating rules', () => {
  const evalOne = (rule: string, m: MetricReport, options = withBaseline) => evaluateGates(parseGates(rule, known), { f1: m, recall: m, log_loss: m, accuracy: m }, options)[0]

  it('threshold: the candidate value against X', () => {
    expect(evalOne('f1 >= 0.8', metric({ candidate: 0.8 })).status).toBe('pass')
    expect(evalOne('f1 > 0.8', metric({ candidate: 0.8 })).status).toBe('fail')
    expect(evalOne('f1 <= 0.8', metric({ candidate: 0.81 })).status).toBe('fail')
    expect(evalOne('f1 < 0.9', metric({ candidate: 0.81 }))).toMatchObject({ status: 'pass', observed: 0.81, detail: 'f1 is 81.0%, meeting < 0.9' })
  })
  it('delta: candidate − baseline against X', () => {
    expect(evalOne('f1 delta >= -0.01', metric({ delta: -0.005 })).status).toBe('pass')
    expect(evalOne('f1 delta >= -0.01', metric({ delta: -0.02, baseline: 0.82 }))).toMatchObject({ status: 'fail', observed: -0.02 })
  })
  it('no-regression fails only for a significant change in the worse direction', () => {
    expect(evalOne('recall no-regression', metric({ delta: -0.05, pValueWorse: 0.01 })).status).toBe('fail')
    expect(evalOne('recall no-regression', metric({ delta: -0.05, pValueWorse: 0.2 })).status).toBe('pass')
    // A significant improvement is not a regression.
    expect(evalOne('recall no-regression', metric({ delta: 0.05, pValueWorse: 0.001 })).status).toBe('pass')
    // Lower is better for log loss: a rise is the worse direction.
    expect(evalOne('log_loss no-regression', metric({ direction: 'lower', delta: 0.05, pValueWorse: 0.01 })).status).toBe('fail')
  })
  it('no-regression p-values are Holm-adjusted over all no-regression rules of the run', () => {
    const metrics = {
      accuracy: metric({ delta: -0.01, pValueWorse: 0.01 }),
      f1: metric({ delta: -0.01, pValueWorse: 0.04 }),
      recall: metric({ delta: -0.01, pValueWorse: 0.03 }),
      precision: metric({ delta: -0.01, pValueWorse: 0.005 })
    }
    const results = evaluateGates(parseGates('accuracy no-regression; f1 no-regression; recall no-regression; precision no-regression; f1 >= 0.5', known), metrics, withBaseline)
    expect(results.map((r) => r.pValue)).toEqual([0.03, 0.06, 0.06, 0.02, null].map((p) => (p === null ? null : expect.closeTo(p, 15))))
    expect(results.map((r) => r.status)).toEqual(['fail', 'pass', 'pass', 'fail', 'pass'])
    expect(results[0].detail).toMatch(/^accuracy fell slightly, 80\.0% → 80\.0% \(95% CI −2\.0 to \+2\.0 pts\), one-sided p = 0\.030 after Holm: significant regression$/)
  })
  it('non-inferior: the worse-side bound within the margin, on both sides of it (three-way, SPEC §12)', () => {
    expect(evalOne('f1 non-inferior 0.02', metric({ delta: -0.01, worseBound: -0.019 }))).toMatchObject({ status: 'pass', bound: -0.019 })
    // Worse-side bound beyond the margin, better-side bound (2·delta − bound = 0.001) within it: inconclusive.
    expect(evalOne('f1 non-inferior 0.02', metric({ delta: -0.01, worseBound: -0.021 })).status).toBe('inconclusive')
    // Better-side bound −0.04 beyond −0.02: shown inferior.
    expect(evalOne('f1 non-inferior 0.02', metric({ delta: -0.05, worseBound: -0.06 })).status).toBe('fail')
    expect(evalOne('log_loss non-inferior 0.02', metric({ direction: 'lower', delta: 0.01, worseBound: 0.019 })).status).toBe('pass')
    expect(evalOne('log_loss non-inferior 0.02', metric({ direction: 'lower', delta: 0.01, worseBound: 0.021 })).status).toBe('inconclusive')
    expect(evalOne('log_loss non-inferior 0.02', metric({ direction: 'lower', delta: 0.05, worseBound: 0.06 })).status).toBe('fail')
  })
  it('without a baseline, baseline rules skip or fail as missing-baseline says; thresholds still apply', () => {
    const alone = metric({ baseline: null, delta: null, pValueWorse: null, worseBound: null })
    const skip = { alpha: 0.05, hasBaseline: false, missingBaseline: 'skip' as const }
    const fail = { ...skip, missingBaseline: 'fail' as const }
    for (const rule of ['f1 no-regression', 'f1 delta > 0', 'f1 non-inferior 0.01']) {
      expect(evalOne(rule, alone, skip).status).toBe('skip')
      expect(evalOne(rule, alone, fail).status).toBe('fail')
    }
    expect(evalOne('f1 >= 0.5', alone, fail).status).toBe('pass')
  })
  it('a metric undefined on the data fails its rule with a plain reason', () => {
    expect(evalOne('f1 >= 0.5', metric({ candidate: null }))).toMatchObject({ status: 'fail', detail: 'f1 is undefined on this data, so the rule cannot pass' })
  })
})

describe('gate details', () => {
  it('give the change as the rounded values beside it show it (issue 9: 86.4% → 93.8% is 7.4 pts, not 7.3)', () => {
    const rules = parseGates('precision delta >= 0', known)
    const metrics = { precision: metric({ baseline: 0.86413, candidate: 0.93762, delta: 0.93762 - 0.86413 }) }
    const [result] = evaluateGates(rules, metrics, withBaseline)
    expect(result.detail).toMatch(/^precision rose 7\.4 pts, 86\.4% → 93\.8%/)
  })
})

describe('direction', () => {
  it('comes from the metric, not its name: a scores field better when lower regresses when it rises', () => {
    // latency_ms:lower rose by 60 ms with one-sided p 1e-6: a significant regression (SPEC §5, §10).
    const rules = parseGates('latency_ms no-regression; latency_ms non-inferior 10', { metrics: ['latency_ms'], labels: [] })
    const latency = metric({ baseline: 500, candidate: 560, delta: 60, direction: 'lower', pValueWorse: 1e-6, worseBound: 55, ci: [55, 65] })
    const [noRegression, nonInferior] = evaluateGates(rules, { latency_ms: latency }, withBaseline)
    expect(noRegression.status).toBe('fail')
    expect(nonInferior.status).toBe('fail')
  })
})

describe('multiplicity and McNemar options, end to end (issue 11)', () => {
  // The README demo: recall 172/186 → 150/186, 22 discordant positives all lost, exact McNemar p = 2^−22.
  const spam = async (over: Partial<CompareOptions>) =>
    compare({
      candidate: { name: 'candidate.jsonl', path: 'examples/spam/candidate.jsonl' },
      baseline: { name: 'baseline.jsonl', path: 'examples/spam/baseline.jsonl' },
      fields: DEFAULT_FIELDS,
      positiveLabel: 'spam',
      alpha: 0.05,
      resamples: 2000,
      seed: 0,
      missingBaseline: 'skip',
      ...over
    })
  it('the CLI flags reach compare(); a bad value names the option', () => {
    const cmd = parseCli(['compare', '--candidate', 'c.jsonl', '--multiplicity', 'holm', '--mcnemar', 'mid-p'])
    expect(cmd.kind === 'compare' && [cmd.options.multiplicity, cmd.options.mcnemar]).toEqual(['holm', 'mid-p'])
    const plain = parseCli(['compare', '--candidate', 'c.jsonl'])
    expect(plain.kind === 'compare' && 'multiplicity' in plain.options).toBe(false)
    expect(() => parseCli(['compare', '--candidate', 'c.jsonl', '--multiplicity', 'bonferroni'])).toThrow(/--multiplicity must be one of holm, westfall-young, max-t, got "bonferroni"/)
    expect(() => parseCli(['compare', '--candidate', 'c.jsonl', '--mcnemar', 'chi2'])).toThrow(/--mcnemar must be one of exact, mid-p/)
  })
  it('Westfall–Young never adjusts more than Holm (the default) on the demo, and says which it used', async () => {
    const wy = await spam({ multiplicity: 'westfall-young' })
    const h = await spam({})
    expect(wy.gates.map((g) => g.adjustment)).toEqual(['Westfall–Young', 'Westfall–Young', 'Westfall–Young', 'Westfall–Young'])
    expect(h.gates.map((g) => g.adjustment)).toEqual(['Holm', 'Holm', 'Holm', 'Holm'])
    // Recall: 0 of 22 discordant; no resample reaches 2^−22, so Holm's 4·2^−22 (the exact McNemar p, METHODS.md).
    const recall = (r: Report) => r.gates.find((g) => g.metric === 'recall')?.pValue
    expect(recall(h)).toBeCloseTo(4 * 2 ** -22, 15)
    expect(recall(wy)).toBeCloseTo(4 * 2 ** -22, 15)
    // Accuracy's Holm p is 0.522 (the snapshot before issue 11); Westfall–Young uses the metrics' correlation.
    for (const metric of ['accuracy', 'precision', 'f1']) {
      const p = (r: Report) => r.gates.find((g) => g.metric === metric)?.pValue as number
      expect(p(wy), metric).toBeLessThanOrEqual(p(h) + 2 * Math.sqrt((p(h) * (1 - p(h))) / 2000))
    }
    expect(wy.passed).toBe(false)
  })
  it('mid-p McNemar: the tests are named mcnemar-mid-p, and the recall p is the exact one less half the point mass', async () => {
    const r = await spam({ mcnemar: 'mid-p', multiplicity: 'holm' })
    expect(r.metrics.accuracy.test).toBe('mcnemar-mid-p')
    expect(r.metrics.recall.test).toBe('mcnemar-mid-p')
    // b = 22, c = 0: one-sided mid-p = P(X < 0) + P(X = 0)/2 = 2^−23.
    expect(r.metrics.recall.pValueWorse).toBeCloseTo(2 ** -23, 18)
  })
  it('max-T adjusts the same under exact and mid-p McNemar: its statistic is (b − c)/√(b + c), not the p (issue 11, power2)', async () => {
    const gates = 'accuracy no-regression; recall no-regression; precision no-regression; f1 no-regression'
    const exact = await spam({ gates, multiplicity: 'max-t', mcnemar: 'exact' })
    const midp = await spam({ gates, multiplicity: 'max-t', mcnemar: 'mid-p' })
    // The marginal p-values differ (recall: 2^−22 exact, 2^−23 mid-p) ...
    expect(exact.metrics.recall.pValueWorse).toBeCloseTo(2 ** -22, 18)
    expect(midp.metrics.recall.pValueWorse).toBeCloseTo(2 ** -23, 18)
    // ... the max-T adjusted ones do not: same swaps (seed 0), same standardized statistics.
    expect(midp.gates.map((g) => g.adjustment)).toEqual(['Westfall–Young max-T', 'Westfall–Young max-T', 'Westfall–Young max-T', 'Westfall–Young max-T'])
    expect(midp.gates.map((g) => [g.pValue, g.status])).toEqual(exact.gates.map((g) => [g.pValue, g.status]))
    // Recall's z = −22/√22 is beyond every swap's maximum: the smallest max-T p, 1/(R + 1).
    expect(exact.gates.find((g) => g.metric === 'recall')?.pValue).toBe(1 / 2001)
  })
})
