/**
 * Numbers as people read them (docs/report.md): a scores field of 0/1 values is a pass rate, shown in % and
 * points like accuracy; a field of whole numbers is shown without trailing zeros.
 */
import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/compare.js'
import { type CompareOptions } from '../../src/tasks/options.js'
import { formatDelta, formatInterval, formatShownDelta, formatValue, withUnits } from '../../src/report/format.js'
import { renderMarkdown } from '../../src/render/renderReport.js'
import { scoreUnits } from '../../src/tasks/scoreUnits.js'
import type { PredictionSource } from '../../src/read/predictionFile.js'

const enc = new TextEncoder()
const rows = (name: string, list: object[]): PredictionSource => ({ name, data: enc.encode(list.map((r) => JSON.stringify(r)).join('\n') + '\n') })

describe('scoreUnits', () => {
  it('0/1 or booleans: proportion; whole numbers: integer; anything else: none; error rows left out', () => {
    const file = (values: number[][], errors: number[] | null = null) => ({ n: values[0].length, values: values.map((v) => Float64Array.from(v)), errors: errors && Uint8Array.from(errors) })
    expect(scoreUnits(['passed', 'judge', 'latency'], [file([[0, 1, 1], [1, 5, 3], [12.5, 3, 4]])])).toEqual({ passed: 'proportion', judge: 'integer' })
    // Both files count: 2 in the baseline makes `passed` whole numbers only.
    expect(scoreUnits(['passed'], [file([[0, 1]]), file([[1, 2]])])).toEqual({ passed: 'integer' })
    // An error row's value (NaN, or a value it should not have had) says nothing.
    expect(scoreUnits(['passed'], [file([[0, NaN, 1]], [0, 1, 0])])).toEqual({ passed: 'proportion' })
    expect(scoreUnits(['x'], [file([[0.5, 1]])])).toBeUndefined()
  })
})

describe('formatting with units', () => {
  it('a proportion reads like accuracy; an integer metric drops trailing zeros of whole numbers only', () => {
    withUnits({ passed: 'proportion', judge: 'integer' }, () => {
      // 0.565 → 0.5475: 56.5% → 54.8%, the shown change 54.8 − 56.5 = −1.7 pts; delta −0.0175 = −1.8 pts.
      expect(formatValue('passed', 0.565)).toBe('56.5%')
      expect(formatShownDelta('passed', 0.565, 0.5475)).toBe('−1.7 pts')
      expect(formatDelta('passed', -0.0175)).toBe('−1.8 pts')
      expect(formatInterval('passed', [-0.04, 0.007])).toBe('−4.0 to +0.7 pts')
      expect(formatValue('judge', 4)).toBe('4')
      expect(formatValue('judge', 2.933)).toBe('2.933')
      expect(formatValue('judge', 3.05)).toBe('3.050')
      expect(formatDelta('judge', 1)).toBe('+1')
      expect(formatShownDelta('judge', 5, 4)).toBe('−1')
      expect(formatShownDelta('judge', 2.933, 3.055)).toBe('+0.122')
      expect(formatInterval('judge', [0.068, 0.18])).toBe('+0.068 to +0.180')
      expect(formatInterval('judge', [-1, 2])).toBe('−1 to +2')
      expect(formatInterval('judge', [-0.5, 1])).toBe('−0.500 to +1.000')
      expect(formatShownDelta('judge', 3.5, 4)).toBe('+0.500')
    })
    // Outside: as before, by name only.
    expect(formatValue('passed', 0.565)).toBe('0.565')
    expect(formatValue('judge', 4)).toBe('4.000')
  })
})

describe('a scores report', () => {
  // 4 examples: passed (booleans) 1,1,0,1 → 0,1,0,1 (75% → 50%); judge 1–5: 4,3,5,2 → 5,3,4,2 (3.5 → 3.5).
  const passedB = [true, true, false, true]
  const passedC = [false, true, false, true]
  const judgeB = [4, 3, 5, 2]
  const judgeC = [5, 3, 4, 2]
  const options: CompareOptions = {
    candidate: rows('c.jsonl', passedC.map((p, i) => ({ id: `q${i}`, passed: p, judge: judgeC[i] }))),
    baseline: rows('b.jsonl', passedB.map((p, i) => ({ id: `q${i}`, passed: p, judge: judgeB[i] }))),
    fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
    task: 'scores',
    scoreMetrics: [{ name: 'passed', direction: 'higher' }, { name: 'judge', direction: 'higher' }],
    alpha: 0.05,
    resamples: 200,
    seed: 0,
    missingBaseline: 'skip'
  }
  it('has units and shows passed in % and points, judge without trailing zeros', async () => {
    const r = await compare(options)
    expect(r.units).toEqual({ passed: 'proportion', judge: 'integer' })
    const md = renderMarkdown(r, 'comment')
    expect(md).toContain('| passed | 75.0% | 50.0% | −25.0 pts worse |')
    // judge: mean 14/4 = 3.5 on both sides (not a whole number: 3 decimals, and its change 0.000); q2 fell 5 → 4, by 1.
    expect(md).toContain('| judge | 3.500 | 3.500 | 0.000 | ')
    expect(md).toContain('| `q2` | 5 | 4 | 1 |')
    // The gate's observed change reads the same way.
    expect(md).toContain('| `passed no-regression` | −25.0 pts (75.0% → 50.0%) |')
  })
  it('with repeats, a mean of 0/1 repeats is still a proportion', async () => {
    // q0: passed 1, 0, 1 → 2/3; q1: 1, 1, 1 → 1: mean (2/3 + 1)/2 = 5/6 = 83.3%.
    const c = [1, 0, 1, 1, 1, 1].map((p, r) => ({ id: `q${Math.floor(r / 3)}`, s: r % 3, passed: p, judge: 3 }))
    const r = await compare({ ...options, candidate: rows('c.jsonl', c), baseline: null, repeatField: 's' })
    expect(r.metrics.passed.candidate).toBeCloseTo(5 / 6, 12)
    expect(r.units).toEqual({ passed: 'proportion', judge: 'integer' })
    expect(renderMarkdown(r, 'comment')).toContain('83.3%')
  })
})

describe('a report read back (publish mode)', () => {
  it('takes units of the two kinds and refuses any other', async () => {
    const { asReport } = await import('../../src/report/validate.js')
    const r = await compare({
      candidate: rows('c.jsonl', [{ id: 'a', passed: 1 }, { id: 'b', passed: 0 }]),
      baseline: null,
      fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
      task: 'scores',
      scoreMetrics: [{ name: 'passed', direction: 'higher' }],
      alpha: 0.05,
      resamples: 100,
      seed: 0,
      missingBaseline: 'skip'
    })
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>
    expect(asReport(json, 'report.json').units).toEqual({ passed: 'proportion' })
    expect(() => asReport({ ...json, units: { passed: '<b>%</b>' } }, 'report.json')).toThrow('report.json: is not an Eval Gate report: report.units["passed"] must be one of "proportion", "integer"')
  })
})
