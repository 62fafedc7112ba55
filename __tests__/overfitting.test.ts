/**
 * SPEC §14 overfitting: the MOVER interval (Newcombe's hybrid score), the check through compare() for every task,
 * the gate form `METRIC train-gap <= X`, and its configuration errors.
 *
 * Fixtures (__tests__/fixtures/overfitting/): train.jsonl (300 rows, 97% right), candidate.jsonl and
 * baseline.jsonl (120 test rows, ids te0…), made by make.py (seeded: random.Random(12); run it with /usr/bin/python3 in that folder).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { gapOf, overfittingWarnings } from '../src/checks/overfitting.js'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { parseGates } from '../src/gates/rules.js'
import { moverDifference } from '../src/stats/mover.js'
import { wilson } from '../src/stats/wilson.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const fixture = (name: string) => ({ name, path: path.join(here, 'fixtures/overfitting', name) })
import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-overfitting-')))
const file = (name: string, rows: object[]): { name: string; path: string } => {
  const p = path.join(dir, name)
  writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  return { name, path: p }
}

const base: Omit<CompareOptions, 'candidate' | 'baseline'> = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 500, seed: 0, missingBaseline: 'skip' }

describe('moverDifference (MOVER; Newcombe\'s hybrid score with Wilson intervals)', () => {
  it('gives Newcombe\'s (1998) example (a), 56/70 − 48/80: 0.0524 to 0.3339, as statsmodels does', () => {
    // /usr/bin/python3 -c 'from statsmodels.stats.proportion import confint_proportions_2indep as c;
    //   print(c(56,70,48,80,method="newcomb",compare="diff",alpha=0.05))'  → (0.05243147240236498, 0.33387265403690614)
    const [lo, hi] = moverDifference(56 / 70, wilson(56, 70, 0.05) as [number, number], 48 / 80, wilson(48, 80, 0.05) as [number, number])
    expect(lo).toBeCloseTo(0.05243147240236498, 12)
    expect(hi).toBeCloseTo(0.33387265403690614, 12)
  })
  it('agrees with statsmodels at 90% and at a boundary (10/10 − 0/20)', () => {
    // c(9,10,3,10,method="newcomb",compare="diff",alpha=0.1) → (0.24211240088494457, 0.7896235073721287)
    // c(10,10,0,20,method="newcomb",compare="diff",alpha=0.05) → (0.6790860371419145, 1.0)
    const a = moverDifference(0.9, wilson(9, 10, 0.1) as [number, number], 0.3, wilson(3, 10, 0.1) as [number, number])
    expect(a[0]).toBeCloseTo(0.24211240088494457, 12)
    expect(a[1]).toBeCloseTo(0.7896235073721287, 12)
    const b = moverDifference(1, wilson(10, 10, 0.05) as [number, number], 0, wilson(0, 20, 0.05) as [number, number])
    expect(b[0]).toBeCloseTo(0.6790860371419145, 12)
    expect(b[1]).toBeCloseTo(1, 12)
  })
})

describe('gapOf: the sign of the gap', () => {
  it('is train − test when higher is better, test − train when lower is better: positive means better on train', () => {
    expect(gapOf(0.9, [0.85, 0.95], 0.8, [0.7, 0.9], 'higher').gap).toBeCloseTo(0.1, 15)
    const lower = gapOf(0.2, [0.15, 0.25], 0.5, [0.4, 0.6], 'lower')
    expect(lower.gap).toBeCloseTo(0.3, 15)
    // MOVER of test − train: 0.3 − √(0.1² + 0.05²), 0.3 + √(0.1² + 0.05²)
    expect(lower.ci?.[0]).toBeCloseTo(0.3 - Math.sqrt(0.0125), 15)
    expect(lower.ci?.[1]).toBeCloseTo(0.3 + Math.sqrt(0.0125), 15)
    expect(gapOf(null, null, 0.5, [0.4, 0.6], 'higher')).toMatchObject({ gap: null, ci: null })
  })
})

describe('the overfitting check through compare()', () => {
  it('binary: train and test values equal scikit-learn\'s, the gaps and intervals Newcombe\'s (statsmodels)', async () => {
    const report = await compare({
      ...base,
      candidate: fixture('candidate.jsonl'),
      baseline: fixture('baseline.jsonl'),
      trainPredictions: fixture('train.jsonl'),
      gates: 'accuracy train-gap <= 0.05; roc_auc >= 0.5; log_loss train-gap < 1'
    })
    const o = report.overfitting
    expect(o).toBeDefined()
    if (!o) return
    expect(o.trainRows).toBe(300)
    expect(o.testRows).toBe(120)
    expect(o.ciMethod).toBe('mover')
    // Default-gate metrics, then the gated ones, in report order.
    expect(Object.keys(o.metrics)).toEqual(['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'])
    // /usr/bin/python3: sklearn accuracy_score, precision_score, recall_score, f1_score, roc_auc_score(y, score),
    // log_loss(y, score) on each file (__tests__/fixtures/overfitting):
    //   train.jsonl     0.9733333333333334 0.9635036496350365 0.9777777777777777 0.9705882352941176 0.9786307519640853 0.3325835046395774
    //   candidate.jsonl 0.8 0.6792452830188679 0.8372093023255814 0.7499999999999999 0.7860163092721233 0.6116683951408298
    const sk = {
      accuracy: [0.9733333333333334, 0.8],
      precision: [0.9635036496350365, 0.6792452830188679],
      recall: [0.9777777777777777, 0.8372093023255814],
      f1: [0.9705882352941176, 0.7499999999999999],
      roc_auc: [0.9786307519640853, 0.7860163092721233],
      log_loss: [0.3325835046395774, 0.6116683951408298]
    }
    for (const [name, [train, test]] of Object.entries(sk)) {
      const m = o.metrics[name]
      expect(m.train, name).toBeCloseTo(train, 9)
      expect(m.test, name).toBeCloseTo(test, 9)
      expect(m.gap, name).toBeCloseTo(name === 'log_loss' ? test - train : train - test, 9)
      expect(m.test).toBe(report.metrics[name].candidate)
    }
    // confint_proportions_2indep(292,300,96,120,method="newcomb",compare="diff") → (0.10668630212734921, 0.25475970733670994)
    // recall: (132,135,36,43) → (0.0491919613846693, 0.2782818262365666); precision: (132,137,36,53) → (0.16514616420033465, 0.4199237391678617)
    const newcombe = { accuracy: [0.10668630212734921, 0.25475970733670994], recall: [0.0491919613846693, 0.2782818262365666], precision: [0.16514616420033465, 0.4199237391678617] }
    for (const [name, [lo, hi]] of Object.entries(newcombe)) {
      expect(o.metrics[name].ci?.[0], name).toBeCloseTo(lo, 12)
      expect(o.metrics[name].ci?.[1], name).toBeCloseTo(hi, 12)
    }
    // The interval of every gap holds the gap.
    for (const m of Object.values(o.metrics)) expect(m.ci && m.gap !== null && m.ci[0] <= m.gap && m.gap <= m.ci[1]).toBe(true)
    expect(report.gates.map((g) => [g.rule, g.status])).toEqual([
      ['accuracy train-gap <= 0.05', 'fail'],
      ['roc_auc >= 0.5', 'pass'],
      ['log_loss train-gap < 1', 'pass']
    ])
    expect(report.gates[0].observed).toBeCloseTo(0.9733333333333334 - 0.8, 12)
    expect(report.gates[0].detail).toBe('accuracy is 97.3% on train and 80.0% on test: a gap of +17.3 pts (95% CI +10.7 to +25.5 pts); the rule needs a gap <= 0.05')
    expect(report.passed).toBe(false)
    const warning = report.warnings.find((w) => w.startsWith('Overfitting:'))
    expect(warning).toContain('accuracy 97.3% on train, 80.0% on test (gap +17.3 pts, 95% CI +10.7 to +25.5 pts)')
  })

  it('is byte-identical for the same inputs and seed', async () => {
    const run = () =>
      compare({ ...base, candidate: fixture('candidate.jsonl'), baseline: null, trainPredictions: fixture('train.jsonl'), gates: 'f1 train-gap <= 0.5; roc_auc >= 0' })
    expect(JSON.stringify(await run())).toBe(JSON.stringify(await run()))
  })

  it('keeps the test side\'s task and positive class for the training file', async () => {
    const test = file('pos-test.jsonl', [
      { id: 1, label: 'spam', prediction: 'spam' },
      { id: 2, label: 'ham', prediction: 'spam' },
      { id: 3, label: 'spam', prediction: 'ham' },
      { id: 4, label: 'ham', prediction: 'ham' }
    ])
    const train = file('pos-train.jsonl', [
      { id: 1, label: 'spam', prediction: 'spam' },
      { id: 2, label: 'ham', prediction: 'ham' },
      { id: 3, label: 'spam', prediction: 'spam' },
      { id: 4, label: 'ham', prediction: 'spam' }
    ])
    const report = await compare({ ...base, candidate: test, baseline: null, positiveLabel: 'spam', trainPredictions: train, gates: 'precision train-gap <= 1' })
    // /usr/bin/python3 -c 'from sklearn.metrics import precision_score as p; print(p(["spam","ham","spam","ham"],
    //   ["spam","ham","spam","spam"],pos_label="spam"), p(["spam","ham","spam","ham"],["spam","spam","ham","ham"],pos_label="spam"))'
    //   → 0.6666666666666666 0.5 (train, test)
    expect(report.overfitting?.metrics.precision).toMatchObject({ train: 2 / 3, test: 0.5 })

    // A multiclass test set and a training file that holds two of its classes: the training file is measured as
    // multiclass too (macro precision), not as a binary task of its own (precision of "1").
    const multi = file('multi-test.jsonl', [
      { id: 1, label: 0, prediction: 0 },
      { id: 2, label: 1, prediction: 2 },
      { id: 3, label: 2, prediction: 2 }
    ])
    const two = file('two-train.jsonl', [0, 1, 0, 1, 1].map((label, i) => ({ id: i, label, prediction: [0, 1, 1, 1, 0][i] })))
    const m = await compare({ ...base, candidate: multi, baseline: null, trainPredictions: two, gates: 'precision train-gap <= 1' })
    // /usr/bin/python3 -c 'from sklearn.metrics import precision_score as p; T=["0","1","0","1","1"]; P=["0","1","1","1","0"];
    //   print(p(T,P,average="macro"), p(T,P,pos_label="1"))' → 0.5833333333333333 0.6666666666666666
    expect(m.task).toBe('multiclass')
    expect(m.overfitting?.metrics.precision.train).toBeCloseTo(0.5833333333333333, 12)
  })

  it('regression: lower-is-better gaps are test − train (mean_absolute_error, scikit-learn)', async () => {
    const test = file('reg-test.jsonl', [
      { id: 1, label: 1, prediction: 2 },
      { id: 2, label: 2, prediction: 2.5 },
      { id: 3, label: 3, prediction: 1 },
      { id: 4, label: 4, prediction: 4.5 },
      { id: 5, label: 5, prediction: 3 }
    ])
    const train = file('reg-train.jsonl', [
      { id: 'a', label: 1, prediction: 1.1 },
      { id: 'b', label: 2, prediction: 2 },
      { id: 'c', label: 3, prediction: 3.2 },
      { id: 'd', label: 4, prediction: 3.9 }
    ])
    const report = await compare({ ...base, task: 'regression', candidate: test, baseline: null, trainPredictions: train, gates: 'r2 train-gap <= 0.1' })
    const o = report.overfitting
    // /usr/bin/python3 -c 'from sklearn.metrics import mean_absolute_error as mae, mean_squared_error as mse, r2_score as r2;
    //   t=[1,2,3,4,5]; p=[2,2.5,1,4.5,3]; T=[1,2,3,4]; P=[1.1,2,3.2,3.9];
    //   print(mae(t,p), mse(t,p,squared=False), r2(t,p), mae(T,P), mse(T,P,squared=False), r2(T,P))'
    //   → 1.2 1.378404875209022 0.050000000000000044 0.10000000000000009 0.12247448713915901 0.988
    expect(Object.keys(o?.metrics ?? {})).toEqual(['mae', 'rmse', 'r2'])
    expect(o?.metrics.mae.train).toBeCloseTo(0.1, 12)
    expect(o?.metrics.mae.test).toBeCloseTo(1.2, 12)
    expect(o?.metrics.mae.gap).toBeCloseTo(1.1, 12)
    expect(o?.metrics.rmse.gap).toBeCloseTo(1.378404875209022 - 0.12247448713915901, 12)
    expect(o?.metrics.r2.gap).toBeCloseTo(0.988 - 0.050000000000000044, 12)
    expect(report.gates[0]).toMatchObject({ rule: 'r2 train-gap <= 0.1', status: 'fail' })
  })

  it('scores and generation: the task\'s own metrics on the training file', async () => {
    const test = file('s-test.jsonl', [
      { id: 1, passed: 1 },
      { id: 2, passed: 0 },
      { id: 3, passed: 1 },
      { id: 4, passed: 0 }
    ])
    const train = file('s-train.jsonl', [
      { id: 1, passed: 1 },
      { id: 2, passed: 1 },
      { id: 3, passed: 1 },
      { id: 4, passed: 0 }
    ])
    const scores = await compare({ ...base, task: 'scores', scoreMetrics: [{ name: 'passed', direction: 'higher' }], candidate: test, baseline: null, trainPredictions: train })
    expect(scores.overfitting?.metrics.passed).toMatchObject({ train: 0.75, test: 0.5 })
    expect(scores.overfitting?.metrics.passed.gap).toBeCloseTo(0.25, 15)
    // confint_proportions_2indep(3,4,2,4,method="newcomb",compare="diff") → (-0.3195572515133034, 0.655286660349105)
    expect(scores.overfitting?.metrics.passed.ci?.[0]).toBeCloseTo(-0.3195572515133034, 12)
    expect(scores.overfitting?.metrics.passed.ci?.[1]).toBeCloseTo(0.655286660349105, 12)

    const gTest = file('g-test.jsonl', [
      { id: 1, label: 'the cat', prediction: 'the cat' },
      { id: 2, label: 'a dog', prediction: 'the dog' }
    ])
    const gTrain = file('g-train.jsonl', [
      { id: 1, label: 'the cat', prediction: 'the cat' },
      { id: 2, label: 'a dog', prediction: 'a dog' }
    ])
    const gen = await compare({ ...base, task: 'generation', candidate: gTest, baseline: null, trainPredictions: gTrain, gates: 'exact_match train-gap <= 0.2' })
    expect(gen.overfitting?.metrics.exact_match).toMatchObject({ train: 1, test: 0.5, gap: 0.5 })
    expect(gen.gates[0].status).toBe('fail')
  })
})

describe('train-gap rules', () => {
  it('parse as their own kind, with any operator', () => {
    expect(parseGates('accuracy train-gap <= 0.05; f1 train-gap>0', { metrics: ['accuracy', 'f1'], labels: [] })).toEqual([
      { text: 'accuracy train-gap <= 0.05', metric: 'accuracy', kind: 'train-gap', op: '<=', value: 0.05 },
      { text: 'f1 train-gap>0', metric: 'f1', kind: 'train-gap', op: '>', value: 0 }
    ])
  })
  it('without --train-predictions: a configuration error quoting the rule', async () => {
    await expect(compare({ ...base, candidate: fixture('candidate.jsonl'), baseline: null, gates: 'accuracy train-gap <= 0.05' })).rejects.toThrow(
      'gate "accuracy train-gap <= 0.05": train-gap needs --train-predictions (action: train-predictions)'
    )
  })
  it('on a data check (leakage): a configuration error', async () => {
    await expect(
      compare({ ...base, candidate: fixture('candidate.jsonl'), baseline: null, train: fixture('train.jsonl'), trainPredictions: fixture('train.jsonl'), gates: 'leakage train-gap <= 0' })
    ).rejects.toThrow('gate "leakage train-gap <= 0": leakage is a data check, not a metric of the model')
  })
  it('a bad training file names itself', async () => {
    const bad = file('bad-train.jsonl', [{ id: 1, label: 1, prediction: 1 }, { id: 2, label: 0 }])
    await expect(compare({ ...base, candidate: fixture('candidate.jsonl'), baseline: null, trainPredictions: bad })).rejects.toThrow('bad-train.jsonl:2: field "prediction" is missing')
  })
})

describe('overfittingWarnings', () => {
  it('warns only when a gap is significant (interval above 0) and at least 10% of the larger value', () => {
    const report = (train: number, test: number, lo: number) => ({
      trainRows: 1,
      testRows: 1,
      ciMethod: 'mover',
      metrics: { accuracy: { train, test, gap: train - test, ci: [lo, 1] as [number, number], trainCi: null, testCi: null, direction: 'higher' as const } }
    })
    expect(overfittingWarnings(report(0.99, 0.85, 0.1), 0.05)).toHaveLength(1)
    expect(overfittingWarnings(report(0.99, 0.85, -0.01), 0.05)).toEqual([])
    expect(overfittingWarnings(report(0.9, 0.85, 0.01), 0.05)).toEqual([])
  })
})

describe('the report shape (publish mode) accepts the overfitting section and checks it', () => {
  it('a real report passes; a string where a number belongs is named', async () => {
    const { asReport } = await import('../src/report/validate.js')
    const report = await compare({ ...base, candidate: fixture('candidate.jsonl'), baseline: null, trainPredictions: fixture('train.jsonl') })
    const json = JSON.parse(JSON.stringify(report))
    expect(asReport(json, 'report.json').overfitting?.trainRows).toBe(300)
    json.overfitting.metrics.accuracy.gap = '<img src=x>'
    expect(() => asReport(json, 'report.json')).toThrow('report.json: is not an Eval Gate report: report.overfitting.metrics["accuracy"].gap must be a number')
  })
})

describe('rendering', () => {
  it('a per-class train-gap gate on a hostile label: a code span in the Overfitting table, the table keeps its 5 cells', async () => {
    const { renderMarkdown } = await import('../src/render/renderReport.js')
    const hostile = 'a|b `x` <img src=x>'
    const rows = (preds: string[]) => ['ok', hostile, 'ok', hostile].map((label, i) => ({ id: i, label, prediction: preds[i] }))
    const test = file('h-test.jsonl', rows(['ok', 'ok', 'ok', hostile]))
    const train = file('h-train.jsonl', rows(['ok', hostile, 'ok', hostile]))
    const report = await compare({ ...base, task: 'multiclass', candidate: test, baseline: null, trainPredictions: train, gates: `recall[${hostile}] train-gap <= 0.25` })
    // recall of the hostile class: train 2/2, test 1/2 → gap 0.5 > 0.25.
    expect(report.overfitting?.metrics[`recall[${hostile}]`]).toMatchObject({ train: 1, test: 0.5, gap: 0.5 })
    expect(report.gates[0].status).toBe('fail')
    const md = renderMarkdown(report, 'comment')
    const section = md.split('#### Overfitting\n\n')[1].split('\n\n')[0].split('\n')
    const row = section.find((l) => l.includes('recall['))
    expect(row).toBeDefined()
    expect(row?.split(/(?<!\\)\|/).length).toBe(7)
    // The label as a code span (two backticks: it holds one), its `|` escaped for the table: inert, and copyable.
    expect(row).toMatch(/^\| ``recall\[a\\\|b `x` <img src=x>\]`` \| 100\.0% \| 50\.0% \| \+50\.0 pts \| /)
  })
})
