/**
 * Two models that agree on every example (docs/statistics.md, power): no discordant pair is not evidence that
 * there is none, so the minimum detectable effect of the exact McNemar test is taken at the rule of three's rate
 * 3/n (Hanley & Lippman-Hand 1983), not at 0, and a small test set says so.
 *
 * By hand: MDE = (z(0.95) + z(0.80))·√(ψ/n) with z(0.95) = 1.6448536, z(0.80) = 0.8416212 (scipy.stats.norm.ppf),
 * sum 2.4864748.
 * - n = 20, ψ = 3/20 = 0.15: 2.4864748·√0.0075 = 0.215335 → "21.5 points".
 * - n = 600, ψ = 3/600 = 0.005: 2.4864748·√(0.005/600) = 0.0071778 → under a point: no warning.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { minimumDetectableEffect, powerDiscordance } from '../../src/stats/power.js'
import { compareFiles, repoRoot } from '../tools/support.js'
import { removeAfterAll } from '../temp.js'

const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-no-disagreement-')))

describe('powerDiscordance', () => {
  it('is the observed rate, or 3/n when no pair is discordant', () => {
    expect(powerDiscordance(6, 200)).toBe(0.03)
    expect(powerDiscordance(0, 20)).toBe(0.15)
    expect(powerDiscordance(0, 2)).toBe(1)
    expect(powerDiscordance(0, 0)).toBe(0)
    expect(minimumDetectableEffect(powerDiscordance(0, 20), 20, 0.05, 0.8)).toBeCloseTo(0.215335, 6)
    expect(minimumDetectableEffect(powerDiscordance(0, 600), 600, 0.05, 0.8)).toBeCloseTo(0.0071778, 7)
  })
})

describe('two models that agree on every example', () => {
  const same = (n: number, field: 'prediction' | 'passed'): string => {
    const file = path.join(dir, `${field}-${n}.jsonl`)
    const rows = Array.from({ length: n }, (_, i) =>
      JSON.stringify(field === 'passed' ? { id: `q${i}`, passed: i % 3 !== 0 } : { id: `q${i}`, label: i % 2 ? 'spam' : 'ham', prediction: i % 5 ? (i % 2 ? 'spam' : 'ham') : 'spam' })
    )
    writeFileSync(file, rows.join('\n') + '\n')
    return file
  }

  it('a classification of 20: the accuracy warning at the rule of three, and the MDE in the report', async () => {
    const file = same(20, 'prediction')
    const report = await compareFiles(file, file, { positiveLabel: 'spam' })
    expect(report.verdict).toBe('pass')
    expect(report.metrics.accuracy.mde).toBeCloseTo(0.215335, 6)
    expect(report.warnings).toContain(
      'This test set is too small to see a 1-point drop in accuracy: with 20 examples and the models agreeing on every one (which does not rule out disagreeing on up to 15.0% of such examples, by the rule of three), the smallest drop it can detect with 80% power at α = 0.05 is 21.5 points.'
    )
  })

  it('a pass rate of 20 (scores task): the same warning; 600 examples: none', async () => {
    const file = same(20, 'passed')
    const report = await compareFiles(file, file, { task: 'scores', scoreMetrics: [{ name: 'passed', direction: 'higher' }] })
    expect(report.metrics.passed.mde).toBeCloseTo(0.215335, 6)
    expect(report.warnings.filter((w) => w.startsWith('This test set is too small'))).toEqual([
      'This test set is too small to see a 1-point drop in passed: with 20 examples and the models agreeing on every one (which does not rule out disagreeing on up to 15.0% of such examples, by the rule of three), the smallest drop it can detect with 80% power at α = 0.05 is 21.5 points.'
    ])
    const big = same(600, 'passed')
    const large = await compareFiles(big, big, { task: 'scores', scoreMetrics: [{ name: 'passed', direction: 'higher' }] })
    expect(large.metrics.passed.mde).toBeCloseTo(0.0071778, 7)
    expect(large.warnings.filter((w) => w.startsWith('This test set is too small'))).toEqual([])
  })

  it('the spam example against itself (600 examples): no warning, the MDE under a point', async () => {
    const file = path.join(repoRoot, 'examples/spam/baseline.jsonl')
    const report = await compareFiles(file, file, { positiveLabel: 'spam' })
    expect(report.metrics.accuracy.mde).toBeCloseTo(0.0071778, 7)
    expect(report.warnings.filter((w) => w.includes('too small to see a 1-point drop in accuracy'))).toEqual([])
  })
})
