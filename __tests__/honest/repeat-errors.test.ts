/**
 * The error rule with repeats (docs/errors.md, docs/repeats-and-clusters.md): a row's error flag is that row's,
 * applied before an id's repeats are averaged (scores) or to the row's own pair (classification, regression,
 * generation, which pair rows by (id, repeat)). Every expected value is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/compare.js'
import { type CompareOptions } from '../../src/tasks/options.js'
import type { PredictionSource } from '../../src/read/predictionFile.js'

const enc = new TextEncoder()
const rows = (name: string, list: object[]): PredictionSource => ({ name, data: enc.encode(list.map((r) => JSON.stringify(r)).join('\n') + '\n') })
const base: Omit<CompareOptions, 'candidate' | 'baseline'> = {
  fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
  alpha: 0.05,
  resamples: 200,
  seed: 0,
  missingBaseline: 'skip',
  repeatField: 's'
}

describe('scores with --repeat-field: the error rule per row, then the mean of the repeats', () => {
  // 4 ids × 3 repeats, rows in file order 0–11 (q0 s0, q0 s1, q0 s2, q1 s0, …). Row 1 (q0) has `error` set and a
  // judge of 14; row 7 (q2) has a null judge and passed (an error row by itself). The baseline has no error.
  const judge = [10, 14, 12, 8, 10, 12, 11, null, 13, 9, 12, 15]
  const passed = [true, true, true, false, true, true, true, null, true, true, false, true]
  const candidate = judge.map((j, r) => ({ id: `q${Math.floor(r / 3)}`, s: r % 3, judge: j, passed: passed[r], ...(r === 1 ? { error: 'timeout' } : {}) }))
  const bJudge = [10, 9, 12, 6]
  const bPassed = [true, false, true, true]
  const baseline = bJudge.flatMap((j, i) => [0, 1, 2].map((s) => ({ id: `q${i}`, s, judge: j, passed: bPassed[i] })))
  const options = (errors: 'wrong' | 'exclude', withBaseline = true): CompareOptions => ({
    ...base,
    task: 'scores',
    scoreMetrics: [{ name: 'judge', direction: 'higher' }, { name: 'passed', direction: 'higher' }],
    candidate: rows('c.jsonl', candidate),
    baseline: withBaseline ? rows('b.jsonl', baseline) : null,
    errors
  })

  it('wrong: each error row takes the worst value observed on the non-error rows of both files', async () => {
    const r = await compare(options('wrong'))
    // Worst judge = min over the non-error rows of both files = min(10,12,8,10,12,11,13,9,12,15; 10,9,12,6) = 6.
    // q0 = (10 + 6 + 12)/3 = 28/3, q1 = (8 + 10 + 12)/3 = 10, q2 = (11 + 6 + 13)/3 = 10, q3 = (9 + 12 + 15)/3 = 12
    // candidate = (28/3 + 10 + 10 + 12)/4 = 31/3 = 10.333…; baseline = (10 + 9 + 12 + 6)/4 = 9.25.
    // (The old rule flagged the r-th id: q1 alone, and stopped at q2's null judge.)
    expect(r.metrics.judge.candidate).toBeCloseTo(31 / 3, 12)
    expect(r.metrics.judge.baseline).toBeCloseTo(9.25, 12)
    // Worst passed = 0. q0 = (1 + 0 + 1)/3, q1 = (0 + 1 + 1)/3, q2 = (1 + 0 + 1)/3, q3 = (1 + 0 + 1)/3: all 2/3;
    // baseline = (1 + 0 + 1 + 1)/4 = 0.75.
    expect(r.metrics.passed.candidate).toBeCloseTo(2 / 3, 12)
    expect(r.metrics.passed.baseline).toBeCloseTo(0.75, 12)
    // Two error rows (rows 1 and 7), in two ids; error_rate = mean over ids of error rows / rows = (1/3 + 0 + 1/3 + 0)/4 = 1/6.
    expect(r.counts).toMatchObject({ candidate: 12, baseline: 12, paired: 4, errors: { candidate: 2, baseline: 0 }, repeats: { candidate: 3, baseline: 3 } })
    expect(r.metrics.error_rate.candidate).toBeCloseTo(1 / 6, 12)
    expect(r.metrics.error_rate.baseline).toBe(0)
    expect(r.warnings).toContain(
      '2 compared examples have an error row (candidate 2, baseline 0), a row with an "error" field set or an empty or null prediction: counted as wrong predictions, or as the worst value of a score (errors: wrong); errors: exclude leaves them out of both models.'
    )
  })

  it('exclude: the ids with an error row (q0 and q2) leave both models', async () => {
    const r = await compare(options('exclude'))
    // Kept q1, q3: judge candidate (10 + 12)/2 = 11, baseline (9 + 6)/2 = 7.5; passed candidate (2/3 + 2/3)/2 = 2/3, baseline (0 + 1)/2 = 0.5.
    expect(r.metrics.judge.candidate).toBeCloseTo(11, 12)
    expect(r.metrics.judge.baseline).toBeCloseTo(7.5, 12)
    expect(r.metrics.passed.candidate).toBeCloseTo(2 / 3, 12)
    expect(r.metrics.passed.baseline).toBeCloseTo(0.5, 12)
    expect(r.counts).toMatchObject({ paired: 4, errors: { candidate: 2, baseline: 0 }, excluded: 2 })
  })

  it('without a baseline: the worst value is the candidate\'s own; exclude cuts the file to q1 and q3', async () => {
    const wrong = await compare(options('wrong', false))
    // Worst judge = min(10,12,8,10,12,11,13,9,12,15) = 8: q0 = (10 + 8 + 12)/3 = 10, q1 = 10, q2 = (11 + 8 + 13)/3 = 32/3, q3 = 12;
    // mean = (32 + 32/3)/4 = 32/3.
    expect(wrong.metrics.judge.candidate).toBeCloseTo(32 / 3, 12)
    expect(wrong.counts.errors).toEqual({ candidate: 2, baseline: null })
    const exclude = await compare(options('exclude', false))
    expect(exclude.metrics.judge.candidate).toBeCloseTo(11, 12)
    expect(exclude.counts).toMatchObject({ candidate: 12, errors: { candidate: 2, baseline: null }, excluded: 2 })
  })

  it('an id with two error rows counts two rows (error_rate its share of rows)', async () => {
    // Rows 0 and 1 of q0 are errors (row 0 by an error field), row 7 of q2 too: 3 error rows in 2 ids.
    const c = candidate.map((row, r) => (r === 0 ? { ...row, error: true } : row))
    const r = await compare({ ...options('wrong'), candidate: rows('c.jsonl', c) })
    // q0 = (6 + 6 + 12)/3 = 8; candidate = (8 + 10 + 10 + 12)/4 = 10; error_rate = (2/3 + 0 + 1/3 + 0)/4 = 1/4.
    expect(r.metrics.judge.candidate).toBeCloseTo(10, 12)
    expect(r.counts.errors).toEqual({ candidate: 3, baseline: 0 })
    expect(r.metrics.error_rate.candidate).toBeCloseTo(1 / 4, 12)
    expect(r.warnings.some((w) => w.startsWith('2 compared examples have an error row (candidate 3, baseline 0)'))).toBe(true)
  })
})

describe('tasks that pair rows by (id, repeat): the flag stays on its row', () => {
  // 2 ids × 2 repeats. Candidate row (a, 1) has an empty (null) prediction, row (b, 0) an error field (with a
  // prediction that would otherwise count). The baseline has no error.
  const cRows = [
    { id: 'a', s: 0 },
    { id: 'a', s: 1, error: null },
    { id: 'b', s: 0, error: 'timeout' },
    { id: 'b', s: 1 }
  ]

  it('regression: the worst observed |error| on error rows; exclude drops those two pairs', async () => {
    const label = [1, 1, 3, 3]
    const c = cRows.map((r, i) => ({ ...r, label: label[i], prediction: [2, null, 3, 5][i] }))
    const b = cRows.map((r, i) => ({ id: r.id, s: r.s, label: label[i], prediction: [1.5, 0, 4, 3][i] }))
    const options = (errors: 'wrong' | 'exclude'): CompareOptions => ({ ...base, task: 'regression', candidate: rows('c.jsonl', c), baseline: rows('b.jsonl', b), errors })
    const wrong = await compare(options('wrong'))
    // Non-error |errors|: candidate 1 (a,0), 2 (b,1); baseline 0.5, 1, 1, 0 → worst 2. Candidate |e| = 1, 2, 2, 2:
    // mae = 7/4; baseline mae = (0.5 + 1 + 1 + 0)/4 = 0.625; max_error candidate 2.
    expect(wrong.metrics.mae.candidate).toBeCloseTo(1.75, 12)
    expect(wrong.metrics.mae.baseline).toBeCloseTo(0.625, 12)
    expect(wrong.metrics.max_error.candidate).toBeCloseTo(2, 12)
    expect(wrong.counts).toMatchObject({ paired: 4, errors: { candidate: 2, baseline: 0 } })
    const exclude = await compare(options('exclude'))
    // Kept (a,0) and (b,1): candidate mae (1 + 2)/2 = 1.5, baseline (0.5 + 0)/2 = 0.25.
    expect(exclude.metrics.mae.candidate).toBeCloseTo(1.5, 12)
    expect(exclude.metrics.mae.baseline).toBeCloseTo(0.25, 12)
    expect(exclude.counts).toMatchObject({ errors: { candidate: 2, baseline: 0 }, excluded: 2 })
  })

  it('generation: an error row is the empty text; exclude drops those two pairs', async () => {
    const ref = ['the cat', 'the cat', 'a dog', 'a dog']
    const c = cRows.map((r, i) => ({ ...r, label: ref[i], prediction: ['the cat', '', 'a dog', 'dog'][i] }))
    const b = cRows.map((r, i) => ({ id: r.id, s: r.s, label: ref[i], prediction: ['the cat', 'cat', 'a dog', 'a dog'][i] }))
    const options = (errors: 'wrong' | 'exclude'): CompareOptions => ({ ...base, task: 'generation', candidate: rows('c.jsonl', c), baseline: rows('b.jsonl', b), errors })
    const wrong = await compare(options('wrong'))
    // exact_match candidate: (a,0) 1, (a,1) 0, (b,0) 0 (an error, though its text matches), (b,1) 0 → 1/4; baseline 1, 0, 1, 1 → 3/4.
    expect(wrong.metrics.exact_match.candidate).toBeCloseTo(0.25, 12)
    expect(wrong.metrics.exact_match.baseline).toBeCloseTo(0.75, 12)
    expect(wrong.counts).toMatchObject({ paired: 4, errors: { candidate: 2, baseline: 0 } })
    const exclude = await compare(options('exclude'))
    // Kept (a,0), (b,1): candidate (1 + 0)/2 = 0.5, baseline (1 + 1)/2 = 1.
    expect(exclude.metrics.exact_match.candidate).toBeCloseTo(0.5, 12)
    expect(exclude.metrics.exact_match.baseline).toBeCloseTo(1, 12)
    expect(exclude.counts).toMatchObject({ errors: { candidate: 2, baseline: 0 }, excluded: 2 })
  })

  it('classification: an error row is a wrong prediction; exclude drops those two pairs', async () => {
    const label = [1, 1, 0, 0]
    const c = cRows.map((r, i) => ({ ...r, label: label[i], prediction: [1, null, 0, 1][i] }))
    const b = cRows.map((r, i) => ({ id: r.id, s: r.s, label: label[i], prediction: [1, 0, 0, 0][i] }))
    const options = (errors: 'wrong' | 'exclude'): CompareOptions => ({ ...base, gates: 'accuracy no-regression', candidate: rows('c.jsonl', c), baseline: rows('b.jsonl', b), errors })
    const wrong = await compare(options('wrong'))
    // Candidate right on (a,0) only ((b,0) is an error though its prediction 0 is the label): 1/4; baseline 1, 0, 1, 1 → 3/4.
    expect(wrong.metrics.accuracy.candidate).toBeCloseTo(0.25, 12)
    expect(wrong.metrics.accuracy.baseline).toBeCloseTo(0.75, 12)
    expect(wrong.counts).toMatchObject({ paired: 4, errors: { candidate: 2, baseline: 0 }, repeats: { candidate: 2, baseline: 2 } })
    const exclude = await compare(options('exclude'))
    // Kept (a,0), (b,1): candidate (1 + 0)/2 = 0.5, baseline (1 + 1)/2 = 1.
    expect(exclude.metrics.accuracy.candidate).toBeCloseTo(0.5, 12)
    expect(exclude.metrics.accuracy.baseline).toBeCloseTo(1, 12)
    expect(exclude.counts).toMatchObject({ errors: { candidate: 2, baseline: 0 }, excluded: 2 })
  })
})
