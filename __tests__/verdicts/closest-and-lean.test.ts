/**
 * The line under a passing title names the gate closest to failing on one standardized scale (docs/gates.md: standard
 * errors, z(1 − α) − z(1 − p) for tests, (bound − margin)/SE for bounds, (value − threshold)/SE for thresholds);
 * an inconclusive non-inferior gate says which way it leans and how many paired examples would settle it.
 */
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/render/renderReport.js'
import { plainText } from '../../src/render/plainText.js'
import { seFromBound, seFromInterval, testDistance, upperZ } from '../../src/stats/standardized.js'
import { examplesToSettle } from '../../src/gates/evaluate.js'
import { cli, example } from './verdictFixtures.js'
import { compare } from '../../src/compare/compare.js'
import { DEFAULT_FIELDS } from '../../src/read/predictionFile.js'

const Z95 = 1.6448536269514729

describe('the z scale', () => {
  it('tests, bounds and intervals', () => {
    expect(upperZ(0.05)).toBeCloseTo(Z95, 12)
    // p = 0.125: z(0.875) = 1.15035; 1.64485 − 1.15035 = 0.49450 standard errors from failing.
    expect(testDistance(0.125, 0.05)).toBeCloseTo(0.4945, 4)
    expect(testDistance(0.05, 0.05)).toBeCloseTo(0, 12)
    // p = 1 is held at 1 − 10⁻¹²: a finite distance (JSON has no Infinity).
    expect(Number.isFinite(testDistance(1, 0.05))).toBe(true)
    expect(seFromBound(-0.0175, -0.0375, 0.05)).toBeCloseTo(0.02 / Z95, 12)
    expect(seFromInterval([0.84, 0.94], 0.05)).toBeCloseTo(0.1 / (2 * 1.959963984540054), 12)
  })
})

describe('closest to failing', () => {
  it('examples/judge: the pass rate\'s bound −3.7 pts against its margin of 5 pts is named, not judge at p = 1.00', async () => {
    // docs/tasks.md: --task scores --score-metrics judge,passed,latency_ms:lower.
    const args = [
      'compare', '--task', 'scores', '--score-metrics', 'judge,passed,latency_ms:lower',
      '--candidate', example('judge', 'candidate.jsonl'), '--baseline', example('judge', 'baseline.jsonl'),
      '--gates', 'passed non-inferior 0.05; judge no-regression', '--resamples', '10000', '--output-format', 'markdown'
    ]
    const r = await cli(args, false)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^### ✅ Eval Gate: passed — 2 of 2 gates\n\nClosest to failing: `passed non-inferior 0.05`: \*\*passed 56\.5% → 54\.8% \(−1\.7 pts, 95% CI −4\.0 to \+0\.5 pts, one-sided 95% bound −3\.7 pts\)\*\* — 1\.0 standard error from failing\n/)
    expect(r.stdout).not.toMatch(/Closest to failing: `judge no-regression`/)
  })

  it('the distances in the JSON, by hand', async () => {
    const report = await compare({
      candidate: { name: 'candidate.jsonl', path: example('judge', 'candidate.jsonl') },
      baseline: { name: 'baseline.jsonl', path: example('judge', 'baseline.jsonl') },
      fields: DEFAULT_FIELDS,
      task: 'scores',
      scoreMetrics: [{ name: 'judge', direction: 'higher' }, { name: 'passed', direction: 'higher' }, { name: 'latency_ms', direction: 'lower' }],
      gates: 'passed non-inferior 0.05; judge no-regression; latency_ms <= 600',
      alpha: 0.05,
      resamples: 10000,
      seed: 0,
      missingBaseline: 'skip'
    })
    const [passed, judge, latency] = report.gates
    // passed: 226/400 → 219/400, Δ = −0.0175; bound −0.0375: SE = 0.0200/1.64485 = 0.012159; (−0.0375 + 0.05)/0.012159 = 1.028.
    expect(passed.observed).toBeCloseTo(-0.0175, 12)
    expect(passed.bound).toBeCloseTo(-0.0375, 12)
    expect(passed.distance).toBeCloseTo((-0.0375 + 0.05) / (0.02 / Z95), 6)
    expect(passed.distance).toBeCloseTo(1.028, 3)
    // judge rose: one-sided p ≈ 1 − 10⁻⁵, z(1 − p) ≈ −4.26: about 5.9 standard errors from failing.
    expect(judge.distance).toBeGreaterThan(5)
    // latency 564.759 against 600, SE from the candidate's t interval: (600 − 564.759)/SE, many standard errors.
    const m = report.metrics.latency_ms
    expect(latency.distance).toBeCloseTo((600 - (m.candidate as number)) / (seFromInterval(m.candidateCi, 0.05) as number), 10)
    expect(latency.distance).toBeGreaterThan(passed.distance as number)
  })
})

/**
 * The cells of docs/gates.md at 200 examples (accuracy 92.0% → 91.0%): `accuracy non-inferior 0.02` is inconclusive,
 * its estimate (−1 pt) within the margin (−2 pts); `non-inferior 0.005` is inconclusive with the estimate beyond it.
 */
const CELLS = ['label,baseline,candidate,count', '1,1,1,54', '1,1,0,3', '1,0,1,2', '1,0,0,6', '0,0,0,124', '0,0,1,3', '0,1,0,2', '0,1,1,6'].join('\n') + '\n'

describe('an inconclusive gate says which way it leans', () => {
  it('within the margin and beyond it, with the examples that would settle each', async () => {
    const report = await compare({
      candidate: { name: 'cells.csv', data: new TextEncoder().encode(CELLS) },
      baseline: null,
      format: 'cells',
      fields: DEFAULT_FIELDS,
      gates: 'accuracy non-inferior 0.02; accuracy non-inferior 0.005',
      alpha: 0.05,
      resamples: 2000,
      seed: 0,
      missingBaseline: 'skip'
    })
    const [within, beyond] = report.gates
    const m = report.metrics.accuracy
    expect(m.delta).toBeCloseTo(-0.01, 12)
    expect(within).toMatchObject({ status: 'inconclusive', leaning: 'within' })
    expect(beyond).toMatchObject({ status: 'inconclusive', leaning: 'beyond' })
    // examplesToSettle (src/gates/evaluate.ts): n′ = ⌈n·(h/d)²⌉, h = |Δ − bound|, d = |Δ − margin|. With the bound at
    // −3.5 pts (docs/gates.md's table): h = 0.025; margin −0.02: d = 0.01, n′ = 200·6.25 = 1,250 (+1, exact) = 1,251;
    // margin −0.005: d = 0.005, n′ = 200·25 = 5,000 (+1) = 5,001 in exact arithmetic; in floating point the ratio
    // 0.025/0.005 lands a hair under 5 (the bound is a sum of cell fractions), so ⌈n·(h/d)²⌉ gives 5,000 or 5,001.
    const bound = m.worseBound as number
    expect(within.examplesNeeded).toBe(examplesToSettle(200, m.delta as number, bound, -0.02))
    expect(beyond.examplesNeeded).toBe(examplesToSettle(200, m.delta as number, bound, -0.005))
    if (Math.abs(bound + 0.035) < 1e-12) {
      expect(within.examplesNeeded).toBeGreaterThanOrEqual(1250)
      expect(within.examplesNeeded).toBeLessThanOrEqual(1251)
      expect(beyond.examplesNeeded).toBeGreaterThanOrEqual(5000)
      expect(beyond.examplesNeeded).toBeLessThanOrEqual(5001)
    }
    const md = renderMarkdown(report, 'comment')
    const about = (n: number) => `about ${(Math.ceil(n / 10 ** (Math.floor(Math.log10(n)) - 1)) * 10 ** (Math.floor(Math.log10(n)) - 1)).toLocaleString('en-US')} paired examples`
    expect(md).toContain(`— the estimate is already within the margin: ${about(within.examplesNeeded as number)} would show it non-inferior if the change stays as it is`)
    expect(md).toContain(`— the estimate is already beyond the margin: ${about(beyond.examplesNeeded as number)} would show it inferior if the change stays as it is`)
    expect(md).toMatch(/\| `accuracy non-inferior 0\.02` \| −1\.0 pts \(92\.0% → 91\.0%\) \| bound −[\d.]+ pts; estimate within the margin \(≈[\d,]+ examples to settle\) \|/)
    expect(md).toMatch(/\| `accuracy non-inferior 0\.005` \| .* \| bound −[\d.]+ pts; estimate beyond the margin \(≈[\d,]+ examples to settle\) \|/)
    expect(plainText(md)).toContain('estimate beyond the margin')
  })
})
