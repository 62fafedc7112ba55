/**
 * SPEC §12: error rows (`--errors wrong|exclude`, `counts.errors`, `error_rate`) and three-way verdicts
 * (`non-inferior` pass / fail / inconclusive, `--inconclusive`, the report's `verdict`).
 *
 * Every expected number was printed by `/usr/bin/python3 __tests__/fixtures/errors/make.py` (scikit-learn 1.2,
 * statsmodels 0.13 `mcnemar(table, exact=True)`), which also wrote the fixtures; counts are by hand from the
 * fixtures (the error ids are listed in make.py).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compare, verdictOf } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { errorRule } from '../src/pair/errorRule.js'
import { betterBound, evaluateGates, examplesToSettle } from '../src/gates/evaluate.js'
import { parseGates } from '../src/gates/rules.js'
import { readPredictions } from '../src/read/readPredictions.js'
import { ERROR_CODE } from '../src/read/rows.js'
import { renderMarkdown } from '../src/render/renderReport.js'
import { asReport } from '../src/report/validate.js'
import { errorLabel } from '../src/tasks/classification/classificationErrors.js'
import { type GateResult, type MetricReport, type Report } from '../src/report/schema.js'
import { DEFAULT_FIELDS, LabelDictionary } from '../src/read/predictionFile.js'
import { inputError } from './support.js'

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures/errors')
const fixture = (name: string) => ({ name, path: path.join(fixtures, name) })
import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-errors-')))
const temp = (name: string, content: string) => {
  const p = path.join(dir, name)
  writeFileSync(p, content)
  return { name, path: p }
}

const run = (kind: string, over: Partial<CompareOptions> = {}): Promise<Report> =>
  compare({
    candidate: fixture(`${kind}-candidate.jsonl`),
    baseline: fixture(`${kind}-baseline.jsonl`),
    fields: DEFAULT_FIELDS,
    alpha: 0.05,
    resamples: 2000,
    seed: 0,
    missingBaseline: 'skip',
    ...over
  })

describe('reading error rows', () => {
  const read = (name: string, content: string) => readPredictions(temp(name, content), { fields: DEFAULT_FIELDS, dictionary: new LabelDictionary(), requireId: true })
  it('an error field, a null or empty prediction make an error row; a missing prediction without an error stays bad input', async () => {
    const f = await read(
      'e.jsonl',
      [
        '{"id": 1, "label": "a", "prediction": "a"}',
        '{"id": 2, "label": "a", "error": "timeout"}',
        '{"id": 3, "label": "a", "prediction": null}',
        '{"id": 4, "label": "a", "prediction": ""}',
        '{"id": 5, "label": "a", "prediction": "b", "error": true}',
        '{"id": 6, "label": "a", "prediction": "b", "error": false}',
        '{"id": 7, "label": "a", "prediction": "b", "error": null}',
        '{"id": 8, "label": "a", "prediction": "b", "error": "  "}'
      ].join('\n')
    )
    expect(Array.from(f.errors as Uint8Array)).toEqual([0, 1, 1, 1, 1, 0, 0, 0])
    expect(f.pred[1]).toBe(ERROR_CODE)
    expect(await inputError(read('m.jsonl', '{"id": 1, "label": "a"}\n'))).toBe('m.jsonl:1: field "prediction" is missing')
  })
  it('CSV: an empty cell or "false" is no error, any other text is', async () => {
    const f = await read('e.csv', 'id,label,prediction,error\n1,a,a,\n2,a,,\n3,a,b,false\n4,a,b,rate limited\n')
    expect(Array.from(f.errors as Uint8Array)).toEqual([0, 1, 0, 1])
  })
  it('a file without error rows has no error column', async () => {
    expect((await read('n.jsonl', '{"id": 1, "label": "a", "prediction": "a"}\n')).errors).toBeNull()
  })
  it('an error field of a wrong type names file, line and field', async () => {
    expect(await inputError(read('t.jsonl', '{"id": 1, "label": "a", "prediction": "a"}\n{"id": 2, "label": "a", "prediction": "a", "error": 503}\n'))).toBe(
      't.jsonl:2: field "error" must be the error\'s message (a string), true/false or null, got 503'
    )
    expect(await inputError(read('o.jsonl', '{"id": 1, "label": "a", "prediction": "a", "error": {"code": 1}}\n'))).toMatch(/^o\.jsonl:1: field "error" must be .*, got an object$/)
  })
  it('an error row may lack the score that the other rows have', async () => {
    const f = await read('s.jsonl', '{"id": 1, "label": 1, "prediction": 1, "score": 0.9}\n{"id": 2, "label": 1, "error": "timeout"}\n{"id": 3, "label": 0, "prediction": 0, "score": 0.2}\n')
    expect(f.score?.length).toBe(3)
    expect(Array.from(f.errors as Uint8Array)).toEqual([0, 1, 0])
  })
})

describe('the error rule', () => {
  it('counts each side on the compared examples and drops a pair when either side errored', () => {
    const pairing = { n: 4, cand: Uint32Array.of(0, 1, 2, 3), base: Uint32Array.of(0, 1, 2, 3), candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, candidateOnlyIds: [], baselineOnlyIds: [], conflictIds: [] }
    const c = { n: 4, errors: Uint8Array.of(0, 1, 1, 0) }
    const b = { n: 4, errors: Uint8Array.of(0, 1, 0, 1) }
    const wrong = errorRule('wrong', c, b, pairing)
    expect(wrong.counts).toEqual({ candidate: 2, baseline: 2 })
    expect(wrong.pairing?.n).toBe(4)
    const exclude = errorRule('exclude', c, b, pairing)
    expect(exclude.excluded).toBe(3)
    expect(Array.from(exclude.pairing?.cand ?? [])).toEqual([0])
    expect(Array.from(errorRule('exclude', c, null, null).keep ?? [])).toEqual([0, 3])
  })
  it('the reserved label avoids a real label', () => {
    expect(errorLabel(['a', 'b'])).toBe('(error)')
    expect(errorLabel(['(error)', '(error 2)'])).toBe('(error 3)')
  })
})

describe('binary classification with error rows (9 candidate, 2 baseline, one id shared)', () => {
  it('errors: wrong counts each as the wrong label (scikit-learn with the errors flipped)', async () => {
    const r = await run('binary', { gates: 'accuracy no-regression; error_rate no-regression' })
    expect(r.counts).toMatchObject({ candidate: 40, baseline: 40, paired: 40, errors: { candidate: 9, baseline: 2 } })
    expect(r.counts.excluded).toBeUndefined()
    const want = { accuracy: [0.65, 0.85], precision: [0.4, 0.7142857142857143], recall: [0.3333333333333333, 0.8333333333333334], f1: [0.3636363636363636, 0.7692307692307692] }
    for (const [name, [c, b]] of Object.entries(want)) {
      expect(r.metrics[name].candidate).toBeCloseTo(c, 12)
      expect(r.metrics[name].baseline).toBeCloseTo(b, 12)
    }
    expect(r.metrics.accuracy.pValue).toBeCloseTo(0.057373046875, 12)
    expect(r.confusionMatrix?.candidate).toEqual([[22, 6], [8, 4]])
    expect(r.labels).toEqual(['0', '1'])
    // error_rate: 9/40 vs 2/40, 8 flips to error and 1 back: exact McNemar p = 0.0390625.
    expect(r.metrics.error_rate).toMatchObject({ candidate: 0.225, baseline: 0.05, direction: 'lower', test: 'mcnemar-exact' })
    expect(r.metrics.error_rate.delta).toBeCloseTo(0.175, 12)
    expect(r.metrics.error_rate.pValue).toBeCloseTo(0.0390625, 12)
    expect(r.gates.find((g) => g.metric === 'error_rate')?.status).toBe('fail')
    expect(r.warnings.some((w) => w.startsWith('10 compared examples have an error row (candidate 9, baseline 2), a row with an "error" field set') && w.includes('counted as wrong predictions'))).toBe(true)
  })
  it('errors: exclude drops the 10 pairs with an error on either side', async () => {
    const r = await run('binary', { errors: 'exclude' })
    expect(r.counts).toMatchObject({ paired: 40, errors: { candidate: 9, baseline: 2 }, excluded: 10 })
    const want = { accuracy: [0.8333333333333334, 0.9], precision: [0.6666666666666666, 0.75], recall: [0.5714285714285714, 0.8571428571428571], f1: [0.6153846153846153, 0.8] }
    for (const [name, [c, b]] of Object.entries(want)) {
      expect(r.metrics[name].candidate).toBeCloseTo(c, 12)
      expect(r.metrics[name].baseline).toBeCloseTo(b, 12)
    }
    const cm = r.confusionMatrix?.candidate as number[][]
    expect(cm.flat().reduce((s, x) => s + x, 0)).toBe(30)
    // error_rate is on the compared examples before exclusion: exclude does not hide it.
    expect(r.metrics.error_rate.candidate).toBe(0.225)
    expect(r.warnings.some((w) => w.includes('left out of both models (errors: exclude), so every metric is on 30 examples'))).toBe(true)
    expect(r.settings.errors).toBe('exclude')
  })
  it('without a baseline, exclude drops the candidate\'s error rows', async () => {
    const r = await run('binary', { baseline: null, errors: 'exclude' })
    expect(r.counts).toMatchObject({ candidate: 40, errors: { candidate: 9, baseline: null }, excluded: 9 })
    expect((r.confusionMatrix?.candidate as number[][]).flat().reduce((s, x) => s + x, 0)).toBe(31)
  })
  it('error_rate is reported only when an example errored, it is gated, or errors is given', async () => {
    const clean = { candidate: { name: 'c.jsonl', path: 'examples/spam/candidate.jsonl' }, baseline: { name: 'b.jsonl', path: 'examples/spam/baseline.jsonl' }, positiveLabel: 'spam' }
    const plain = await run('binary', clean)
    expect(plain.metrics.error_rate).toBeUndefined()
    expect(plain.counts.errors).toEqual({ candidate: 0, baseline: 0 })
    const gated = await run('binary', { ...clean, gates: 'error_rate <= 0.01' })
    expect(gated.metrics.error_rate).toMatchObject({ candidate: 0, baseline: 0 })
    expect(gated.gates[0].status).toBe('pass')
  })
})

describe('scores of error rows (binary)', () => {
  it('errors: wrong gives an error row the worst score: 0 on a positive example, 1 on a negative one', async () => {
    // /usr/bin/python3: y = [1,0,1,0,1,0,1,0], scores [.9,.2,0,.4,.6,1,.8,.3] (rows 3 and 6 errors) →
    // roc_auc_score 0.5625, brier_score_loss 0.3125.
    const rows = [
      '{"id": 1, "label": 1, "prediction": 1, "score": 0.9}',
      '{"id": 2, "label": 0, "prediction": 0, "score": 0.2}',
      '{"id": 3, "label": 1, "error": "timeout"}',
      '{"id": 4, "label": 0, "prediction": 0, "score": 0.4}',
      '{"id": 5, "label": 1, "prediction": 1, "score": 0.6}',
      '{"id": 6, "label": 0, "prediction": 0, "score": 0.5, "error": "refused"}',
      '{"id": 7, "label": 1, "prediction": 1, "score": 0.8}',
      '{"id": 8, "label": 0, "prediction": 0, "score": 0.3}'
    ]
    const r = await run('x', { candidate: temp('sc.jsonl', rows.join('\n') + '\n'), baseline: null, gates: 'roc_auc >= 0' })
    expect(r.metrics.roc_auc.candidate).toBeCloseTo(0.5625, 12)
    expect(r.metrics.brier.candidate).toBeCloseTo(0.3125, 12)
    expect(r.metrics.accuracy.candidate).toBeCloseTo(6 / 8, 12)
  })
})

describe('multiclass with error rows', () => {
  it('errors: wrong predicts the reserved label (error), last in label order, with a column of its own', async () => {
    const r = await run('multi')
    expect(r.task).toBe('multiclass')
    expect(r.labels).toEqual(['a', 'b', 'c', '(error)'])
    expect(r.confusionMatrix?.candidate).toEqual([[6, 2, 0, 0], [0, 8, 0, 0], [1, 0, 10, 3], [0, 0, 0, 0]])
    expect(r.metrics.accuracy.candidate).toBeCloseTo(0.8, 12)
    // scikit-learn's macro averages count every predicted label, (error) included.
    expect(r.metrics.f1_macro.candidate).toBeCloseTo(0.6305555555555555, 12)
    expect(r.metrics.recall_macro.candidate).toBeCloseTo(0.6160714285714286, 12)
    expect(r.counts.errors).toEqual({ candidate: 3, baseline: 0 })
  })
  it('scores of an error row: 0 on its true label, the rest spread evenly; the reserved label is no class of the scores', async () => {
    // /usr/bin/python3: y = [a,b,c,a,c,b], rows' scores with row 3 (an error, truth c) as [.5,.5,0]:
    // roc_auc_score(y, S, multi_class="ovr", labels=["a","b","c"]) 0.7083333333333334, log_loss(y, S) 6.4944798286474,
    // f1_score(y, [a,b,(error),c,c,a], average="macro") 0.41666666666666663.
    const rows = [
      '{"id":1,"label":"a","prediction":"a","scores":{"a":0.7,"b":0.2,"c":0.1}}',
      '{"id":2,"label":"b","prediction":"b","scores":{"a":0.1,"b":0.8,"c":0.1}}',
      '{"id":3,"label":"c","error":"timeout"}',
      '{"id":4,"label":"a","prediction":"c","scores":{"a":0.3,"b":0.2,"c":0.5}}',
      '{"id":5,"label":"c","prediction":"c","scores":{"a":0.1,"b":0.1,"c":0.8}}',
      '{"id":6,"label":"b","prediction":"a","scores":{"a":0.5,"b":0.4,"c":0.1}}'
    ]
    const r = await run('x', { candidate: temp('ms.jsonl', rows.join('\n') + '\n'), baseline: null, gates: 'accuracy >= 0' })
    expect(r.labels).toEqual(['a', 'b', 'c', '(error)'])
    expect(r.metrics.roc_auc.candidate).toBeCloseTo(0.7083333333333334, 12)
    expect(r.metrics.log_loss.candidate).toBeCloseTo(6.4944798286474, 9)
    expect(r.metrics.f1_macro.candidate).toBeCloseTo(0.41666666666666663, 12)
    expect(r.warnings).toEqual([expect.stringMatching(/^1 candidate row is an error, /)])
  })
  it('errors: exclude adds no class', async () => {
    const r = await run('multi', { errors: 'exclude' })
    expect(r.labels).toEqual(['a', 'b', 'c'])
    expect(r.counts.excluded).toBe(3)
  })
})

describe('scores, regression and generation with error rows', () => {
  const scoreMetrics = [
    { name: 'judge', direction: 'higher' as const },
    { name: 'latency_ms', direction: 'lower' as const },
    { name: 'passed', direction: 'higher' as const }
  ]
  it('scores, wrong: each field of an error row is the worst value observed (judge min 2, latency max 300, passed 0)', async () => {
    const r = await run('scores', { task: 'scores', scoreMetrics })
    expect(r.counts.errors).toEqual({ candidate: 2, baseline: 1 })
    expect(r.metrics.judge.candidate).toBeCloseTo(3.6, 12)
    expect(r.metrics.judge.baseline).toBeCloseTo(3.5, 12)
    expect(r.metrics.latency_ms.candidate).toBeCloseTo(163, 12)
    expect(r.metrics.latency_ms.baseline).toBeCloseTo(153.9, 12)
    expect(r.metrics.passed.candidate).toBeCloseTo(0.6, 12)
    expect(r.metrics.passed.baseline).toBeCloseTo(0.5, 12)
    expect(r.metrics.error_rate.pValue).toBe(1)
  })
  it('scores, exclude: 7 examples left', async () => {
    const r = await run('scores', { task: 'scores', scoreMetrics, errors: 'exclude' })
    expect(r.counts.excluded).toBe(3)
    expect(r.metrics.judge.candidate).toBeCloseTo(4, 12)
    expect(r.metrics.judge.baseline).toBeCloseTo(3.5714285714285716, 12)
  })
  it('regression, wrong: the error row\'s prediction is off by the worst absolute error observed (1.0)', async () => {
    const r = await run('regression', { task: 'regression' })
    expect(r.counts.errors).toEqual({ candidate: 1, baseline: 0 })
    expect(r.metrics.mae.candidate).toBeCloseTo(0.4600000000000001, 12)
    expect(r.metrics.rmse.candidate).toBeCloseTo(0.5477225575051661, 12)
    expect(r.metrics.r2.candidate).toBeCloseTo(0.8924731182795699, 12)
    expect(r.metrics.max_error.candidate).toBeCloseTo(1, 12)
  })
  it('regression: a missing label stays bad input on an error row', async () => {
    const c = temp('rc.jsonl', '{"id": 1, "label": 1, "prediction": 1}\n{"id": 2, "prediction": null}\n')
    expect(await inputError(run('regression', { task: 'regression', candidate: c, baseline: null }))).toBe('rc.jsonl:2: field "label" is missing')
  })
  it('generation: an error row is the empty text (exact match by hand: 1 of 3 vs 3 of 3)', async () => {
    const c = temp('gc.jsonl', '{"id": 1, "label": "Paris", "prediction": "Paris"}\n{"id": 2, "label": "Rome", "error": "timeout"}\n{"id": 3, "label": "Oslo", "prediction": null}\n')
    const b = temp('gb.jsonl', '{"id": 1, "label": "Paris", "prediction": "Paris"}\n{"id": 2, "label": "Rome", "prediction": "Rome"}\n{"id": 3, "label": "Oslo", "prediction": "Oslo"}\n')
    const r = await run('x', { task: 'generation', candidate: c, baseline: b, gates: 'exact_match >= 0' })
    expect(r.counts.errors).toEqual({ candidate: 2, baseline: 0 })
    expect(r.metrics.exact_match.candidate).toBeCloseTo(1 / 3, 12)
    expect(r.metrics.exact_match.baseline).toBe(1)
    const x = await run('x', { task: 'generation', candidate: c, baseline: b, errors: 'exclude', gates: 'exact_match >= 0' })
    expect(x.metrics.exact_match.candidate).toBe(1)
    expect(x.counts.excluded).toBe(2)
  })
})

describe('three-way verdicts (SPEC §12)', () => {
  const metric = (over: Partial<MetricReport>): MetricReport => ({
    candidate: 0.8,
    baseline: 0.804,
    delta: -0.004,
    ci: [-0.015, 0.007],
    pValue: 0.5,
    candidateCi: [0.78, 0.82],
    test: 'permutation',
    direction: 'higher',
    pValueWorse: 0.25,
    worseBound: -0.012,
    ciMethod: 'bootstrap-percentile',
    ...over
  })
  const known = { metrics: ['accuracy'], labels: [] }
  const evalOne = (rule: string, m: MetricReport, examples?: number): GateResult =>
    evaluateGates(parseGates(rule, known), { accuracy: m }, { alpha: 0.05, hasBaseline: true, missingBaseline: 'skip', examples })[0]

  it('the better-side bound mirrors the worse-side one about delta', () => {
    expect(betterBound(-0.004, -0.012)).toBeCloseTo(0.004, 15)
  })
  it('examples to settle: n·(h/|delta − edge|)², by hand', () => {
    // h = 0.008, distance to −0.01 is 0.006: 1200 · (4/3)² = 2133.3 → 2134.
    expect(examplesToSettle(1200, -0.004, -0.012, -0.01)).toBe(2134)
    // Exactly 4× the examples halves the half-width onto the margin; one more settles it.
    expect(examplesToSettle(100, 0, -0.02, -0.01)).toBe(401)
    expect(examplesToSettle(100, -0.01, -0.02, -0.01)).toBe(Infinity)
  })
  it('an inconclusive gate says in words how many paired examples would settle it', () => {
    const g = evalOne('accuracy non-inferior 0.01', metric({}), 1200)
    expect(g.status).toBe('inconclusive')
    expect(g.examplesNeeded).toBe(2134)
    expect(g.detail).toContain('about 2,200 paired examples (now 1,200) would settle it if the change stays at −0.4 pts')
    const on = evalOne('accuracy non-inferior 0.004', metric({}), 1200)
    expect(on).toMatchObject({ status: 'inconclusive', examplesNeeded: null })
    expect(on.detail).toContain('the change sits on the margin')
  })
  it('verdict: fail beats inconclusive beats pass; skips do not count', () => {
    const g = (status: GateResult['status']) => ({ status }) as GateResult
    expect(verdictOf([g('pass'), g('inconclusive'), g('fail')])).toBe('fail')
    expect(verdictOf([g('pass'), g('inconclusive'), g('skip')])).toBe('inconclusive')
    expect(verdictOf([g('pass'), g('skip')])).toBe('pass')
    expect(verdictOf([])).toBe('pass')
  })
  it('--inconclusive decides passed; the verdict stays inconclusive; the comment shows it', async () => {
    // 200 examples, accuracy 85% → 83% (10 and 6 discordant): the 95% lower bound is below −4 pts, the upper above it.
    const gates = 'accuracy non-inferior 0.04'
    const failing = await run('close', { gates })
    expect(failing.metrics.accuracy.candidate).toBeCloseTo(0.83, 12)
    expect(failing.metrics.accuracy.baseline).toBeCloseTo(0.85, 12)
    expect(failing).toMatchObject({ verdict: 'inconclusive', passed: false })
    expect(failing.gates[0].status).toBe('inconclusive')
    const passing = await run('close', { gates, inconclusive: 'pass' })
    expect(passing).toMatchObject({ verdict: 'inconclusive', passed: true })
    const md = renderMarkdown(passing, 'comment')
    expect(md).toMatch(/^### ⚠️ Eval Gate: inconclusive — 1 of 1 gates unsettled \(counted as passing: inconclusive: pass\)/)
    expect(md).toContain('⚠️&nbsp;**inconclusive**')
    expect(md).toMatch(/paired examples would show it non-inferior if the change stays/)
    expect(renderMarkdown(failing, 'comment')).toMatch(/^### ⚠️ Eval Gate: inconclusive — 1 of 1 gates unsettled \(counted as failing: inconclusive: fail\)/)
  })
  it('snapshots: the inconclusive comment (counted as failing) and a report with error rows (errors: exclude)', async () => {
    const inconclusive = await run('close', { gates: 'accuracy non-inferior 0.04; accuracy >= 0.5' })
    await expect(renderMarkdown(inconclusive, 'comment')).toMatchFileSnapshot('__snapshots__/inconclusive.md')
    const errors = await run('binary', { errors: 'exclude', gates: 'accuracy non-inferior 0.05; error_rate <= 0.1' })
    await expect(renderMarkdown(errors, 'comment')).toMatchFileSnapshot('__snapshots__/errors-exclude.md')
  })
  it('publish mode reads a report with verdict, counts.errors and examplesNeeded, and refuses a wrong type there', async () => {
    const r = await run('binary', { errors: 'exclude', gates: 'accuracy non-inferior 0.05' })
    const copy = JSON.parse(JSON.stringify(r)) as Report
    expect(asReport(copy, 'report.json').verdict).toBe('inconclusive')
    expect(copy.gates[0].examplesNeeded).toBeGreaterThan(30)
    const bad = { ...copy, counts: { ...copy.counts, errors: { candidate: '9', baseline: 2 } } }
    expect(() => asReport(bad, 'report.json')).toThrow('report.json: is not an Eval Gate report: report.counts["errors"].candidate must be a number')
    expect(() => asReport({ ...copy, verdict: 'maybe' }, 'report.json')).toThrow(/report\.verdict must be one of "pass", "fail", "inconclusive"/)
  })
})

