/**
 * A material drop the test set cannot judge is not a plain pass (docs/gates.md): a passing no-regression gate whose
 * change is worse by more than its tolerance (default 1 point, or 1% of the baseline's value) shows ⚠️ with the
 * drop and the minimum detectable effect of the test used, in the gate's row, in the title and in the JSON.
 */
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/render/renderReport.js'
import { withEvidence } from '../../src/gates/gateEvidence.js'
import { minimumDetectableEffect } from '../../src/stats/power.js'
import { mdeFromSe, testDistance } from '../../src/stats/standardized.js'
import type { GateRule } from '../../src/gates/rules.js'
import type { GateResult, MetricReport } from '../../src/report/schema.js'
import { asReport } from '../../src/report/validate.js'
import { statusDescription } from '../../src/action/github/status.js'
import { compareRows, dropRows } from './verdictFixtures.js'

const firstScreen = (md: string): string => md.slice(0, md.indexOf('\n#### '))

describe('200 examples, recall −8.3 points, Holm p = 0.125', () => {
  it('passes with ⚠️: "recall fell 8.3 pts; this test set cannot tell a drop under 12.0 pts from noise"', async () => {
    const report = await compareRows(dropRows('candidate'), dropRows('baseline'), { positiveLabel: 'spam', gates: 'recall no-regression' })
    const recall = report.metrics.recall
    // 36/36 → 33/36: Δ = −3/36 = −0.08333 (−8.3 pts).
    expect(recall.baseline).toBe(1)
    expect(recall.candidate).toBeCloseTo(33 / 36, 12)
    // Exact McNemar on the positives, b = 3, c = 0: one-sided p = (1/2)³ = 0.125; Holm over one rule leaves it.
    expect(recall.pValueWorse).toBe(0.125)
    const gate = report.gates[0]
    expect(gate).toMatchObject({ status: 'pass', pValue: 0.125 })
    // Connor (1987): MDE = (z₀.₉₅ + z₀.₈)·√(ψ/n), ψ = (b + c)/n = 3/36, n = 36:
    // (1.64485 + 0.84162)·√(3/36/36) = 2.48648 · 0.048113 = 0.11963 — "a drop under 12.0 pts".
    const mde = (1.6448536269514729 + 0.8416212335729143) * Math.sqrt(3 / 36 / 36)
    expect(mde).toBeCloseTo(0.11963, 5)
    expect(recall.mde).toBeCloseTo(mde, 10)
    expect(gate.materialDrop).toEqual({ change: recall.delta, threshold: 0.01, mde: recall.mde, mdeFrom: 'mcnemar-exact' })
    expect(report.passed).toBe(true)
    expect(report.verdict).toBe('pass')
    // The report still reads back (publish mode validates a fork's JSON).
    expect(() => asReport(JSON.parse(JSON.stringify(report)), 'r.json')).not.toThrow()

    const md = renderMarkdown(report, 'comment')
    const top = firstScreen(md)
    expect(top).toMatch(/^### ⚠️ Eval Gate: passed — 1 of 1 gates, but recall fell 8\.3 pts; this test set cannot tell a drop under 12\.0 pts from noise\n/)
    expect(top).not.toContain('✅')
    expect(top).toContain(
      '⚠️ `recall no-regression`: **recall 100.0% → 91.7% (−8.3 pts, 95% CI '
    )
    expect(top).toContain('one-sided p = 0.125 after Holm)** — not significant: 12.0 pts is the smallest drop its exact McNemar test detects with 80% power at α = 0.05')
    expect(md).toContain('| ⚠️&nbsp;pass | `recall no-regression` | −8.3 pts (100.0% → 91.7%) | p = 0.125; MDE 12.0 pts |')
    // The commit status branch protection reads says it too.
    expect(statusDescription(report)).toBe('passed: 1 gate, 1 with a drop the test set cannot judge')
  })

  it('a drop within a point is a plain pass, and the gate nearest failing is named on the z scale', async () => {
    // The same data gated on accuracy (−1.5 pts: material) and specificity (unchanged).
    const report = await compareRows(dropRows('candidate'), dropRows('baseline'), { positiveLabel: 'spam', gates: 'specificity no-regression; accuracy >= 0.9' })
    expect(report.gates.every((g) => g.materialDrop === undefined)).toBe(true)
    const top = firstScreen(renderMarkdown(report, 'comment'))
    expect(top).toMatch(/^### ✅ Eval Gate: passed — 2 of 2 gates\n/)
  })

  it('several drops: the title counts them, each gets its line', async () => {
    const report = await compareRows(dropRows('candidate'), dropRows('baseline'), { positiveLabel: 'spam', gates: 'recall no-regression; f1 no-regression; accuracy no-regression' })
    const drops = report.gates.filter((g) => g.materialDrop)
    expect(drops.map((g) => g.rule)).toEqual(['recall no-regression', 'f1 no-regression', 'accuracy no-regression'])
    // f1 is tested by randomization: its MDE comes from the standard error of the interval of the change.
    expect(drops[1].materialDrop?.mdeFrom).toBe('interval')
    const top = firstScreen(renderMarkdown(report, 'comment'))
    expect(top).toMatch(/^### ⚠️ Eval Gate: passed — 3 of 3 gates, but 3 drops this test set cannot judge\n/)
    expect(top).toContain('⚠️ `f1 no-regression`: **f1 ')
    expect(top).toMatch(/\*\* — fell [\d.]+ pts: [\d.]+ pts is about the smallest drop a test of this interval's width detects with 80% power at α = 0\.05/)
  })

  it('with repeats, the MDE is the clustered McNemar test\'s', async () => {
    // 100 ids sampled twice (k = 0, 1), ids 0–39 spam (80 positive rows). The baseline misses both rows of ids 30
    // and 31; the candidate finds those but misses the first row of ids 0–5. Recall 76/80 → 74/80 (−2.5 pts).
    const rows = (model: 'baseline' | 'candidate') =>
      Array.from({ length: 200 }, (_, r) => {
        const i = r >> 1
        const k = r & 1
        const label = i < 40 ? 'spam' : 'ham'
        const wrong = model === 'baseline' ? i === 30 || i === 31 : i < 6 && k === 0
        return { id: `q${i}`, k, label, prediction: wrong ? (label === 'spam' ? 'ham' : 'spam') : label }
      })
    const report = await compareRows(rows('candidate'), rows('baseline'), { positiveLabel: 'spam', gates: 'recall no-regression', repeatField: 'k' })
    const recall = report.metrics.recall
    expect(recall.test).toBe('mcnemar-cluster')
    expect(recall.delta).toBeCloseTo(-0.025, 12)
    // Per positive id, d_g = candidate's right answers − baseline's: −1 for ids 0–5, +2 for ids 30, 31: Σ d_g = −2,
    // Σ d_g² = 6 + 8 = 14, N = 80 rows. z = −2/√14 = −0.53: a pass. MDE = (z₀.₉₅ + z₀.₈)·√(Σ d_g²)/N
    // = 2.48648 · 3.7417 / 80 = 0.11629 (the plain McNemar's, ψ = 10/80 over 80 rows, would be 2.48648·√10/80 = 0.0983).
    expect(recall.mde).toBeCloseTo((1.6448536269514729 + 0.8416212335729143) * Math.sqrt(14) / 80, 10)
    expect(report.gates[0]).toMatchObject({ status: 'pass', materialDrop: { mdeFrom: 'mcnemar-cluster', mde: recall.mde } })
    expect(renderMarkdown(report, 'comment')).toContain('11.6 pts is the smallest drop its clustered McNemar (Durkalski 2003) test detects')
  })
})

describe('materiality', () => {
  const metric = (over: Partial<MetricReport>): MetricReport => ({
    candidate: 3.0, baseline: 3.1, delta: -0.1, ci: [-0.25, 0.05], pValue: 0.2, candidateCi: [2.9, 3.1], test: 'paired-t', direction: 'higher',
    pValueWorse: 0.1, worseBound: -0.22, ciMethod: 'bootstrap-percentile', mde: 0.19, ...over
  })
  const gate = (over: Partial<GateResult> = {}): GateResult => ({ rule: 'judge no-regression', metric: 'judge', status: 'pass', observed: -0.1, pValue: 0.1, bound: null, detail: '', ...over })
  const rule: GateRule = { text: 'judge no-regression', metric: 'judge', kind: 'no-regression' }
  const options = { alpha: 0.05, hasBaseline: true }

  it('other metrics: beyond 1% of the baseline\'s value (3.1 → 0.031)', () => {
    const [g] = withEvidence([rule], [gate()], { judge: metric({}) }, options)
    expect(g.materialDrop).toMatchObject({ change: -0.1, mde: 0.19, mdeFrom: 'paired-t' })
    expect(g.materialDrop?.threshold).toBeCloseTo(0.031, 12)
    const [small] = withEvidence([rule], [gate({ observed: -0.03 })], { judge: metric({ delta: -0.03, candidate: 3.07 }) }, options)
    expect(small.materialDrop).toBeUndefined()
  })

  it('a rule\'s tolerance, when it has one, is the threshold', () => {
    const tolerant = { ...rule, tolerance: 0.15 } as GateRule
    expect(withEvidence([tolerant], [gate()], { judge: metric({}) }, options)[0].materialDrop).toBeUndefined()
    const tight = { ...rule, tolerance: 0.05 } as GateRule
    expect(withEvidence([tight], [gate()], { judge: metric({}) }, options)[0].materialDrop?.threshold).toBe(0.05)
  })

  it('lower is better: a rise is the drop', () => {
    const m = metric({ direction: 'lower', baseline: 500, candidate: 520, delta: 20, worseBound: 35, ci: [2, 38], mde: undefined, test: 'permutation' })
    const [g] = withEvidence([{ ...rule, metric: 'latency' }], [gate({ metric: 'latency' })], { latency: m }, options)
    // SE from the one-sided bound: |20 − 35| / 1.64485 = 9.1193; MDE = 2.48648 · 9.1193 = 22.675.
    expect(g.materialDrop?.mdeFrom).toBe('interval')
    expect(g.materialDrop?.mde).toBeCloseTo(mdeFromSe(15 / 1.6448536269514729, 0.05), 10)
    expect(g.materialDrop?.mde).toBeCloseTo(22.675, 3)
  })

  it('failing, skipped and improving gates carry no drop; a failing gate is below zero on the z scale', () => {
    const [failed] = withEvidence([rule], [gate({ status: 'fail', pValue: 0.01 })], { judge: metric({}) }, options)
    expect(failed.materialDrop).toBeUndefined()
    expect(failed.distance).toBeCloseTo(testDistance(0.01, 0.05), 12)
    expect(failed.distance).toBeLessThan(0)
    const [better] = withEvidence([rule], [gate({ pValue: 0.9 })], { judge: metric({ delta: 0.1 }) }, options)
    expect(better.materialDrop).toBeUndefined()
    expect(withEvidence([rule], [gate({ status: 'skip' })], { judge: metric({}) }, options)[0]).toEqual(gate({ status: 'skip' }))
  })

  it('Connor\'s MDE as src/stats/power.ts has it', () => {
    expect(minimumDetectableEffect(3 / 36, 36, 0.05, 0.8)).toBeCloseTo(0.119630577, 8)
  })
})
