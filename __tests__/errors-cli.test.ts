/**
 * SPEC §12 through the command line (`node dist/cli.js compare …`, or EVAL_GATE_CLI_BUNDLE): exit status 0 / 1
 * with `--inconclusive pass|fail`, `--errors wrong|exclude` and `counts.errors` in the JSON report, bad input.
 * Numbers: `/usr/bin/python3 __tests__/fixtures/errors/make.py` (scikit-learn 1.2, statsmodels 0.13); counts by hand.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = process.env.EVAL_GATE_CLI_BUNDLE ?? path.join(root, 'dist/cli.js')
const fixture = (name: string) => path.join(root, '__tests__/fixtures/errors', name)
import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-errors-cli-')))

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const pair = (kind: string) => ['compare', '--candidate', fixture(`${kind}-candidate.jsonl`), '--baseline', fixture(`${kind}-baseline.jsonl`), '--resamples', '2000']
const json = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'))

describe('eval-gate compare: inconclusive gates', () => {
  // 200 examples, accuracy 85% → 83%: the one-sided 95% bounds straddle the margin of −4 pts.
  const gates = ['--gates', 'accuracy non-inferior 0.04']
  it('exits 1 by default (--inconclusive fail), 0 with --inconclusive pass; the verdict is inconclusive both times', () => {
    const failing = run(...pair('close'), ...gates, '--json', path.join(dir, 'fail.json'))
    expect(failing.code).toBe(1)
    expect(failing.stdout).toMatch(/^### ⚠️ Eval Gate: inconclusive — 1 of 1 gates unsettled \(counted as failing: inconclusive: fail\)/)
    expect(json('fail.json')).toMatchObject({ passed: false, verdict: 'inconclusive', gates: [{ status: 'inconclusive' }] })
    const passing = run(...pair('close'), ...gates, '--inconclusive', 'pass', '--json', path.join(dir, 'pass.json'))
    expect(passing.code).toBe(0)
    expect(json('pass.json')).toMatchObject({ passed: true, verdict: 'inconclusive', settings: { inconclusive: 'pass' } })
    expect(passing.stderr).toBe('')
  })
  it('a gate that fails still fails with --inconclusive pass', () => {
    const r = run(...pair('close'), '--gates', 'accuracy non-inferior 0.04; accuracy >= 0.9', '--inconclusive', 'pass', '--json', path.join(dir, 'both.json'))
    expect(r.code).toBe(1)
    expect(json('both.json')).toMatchObject({ passed: false, verdict: 'fail' })
  })
  it('refuses a bad --inconclusive value (exit 2)', () => {
    const r = run(...pair('close'), '--inconclusive', 'maybe')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--inconclusive must be one of fail, pass/)
  })
})

describe('eval-gate compare: error rows', () => {
  it('--errors wrong (the default): counts.errors, error_rate gated (exact McNemar p = 0.0390625)', () => {
    const r = run(...pair('binary'), '--gates', 'accuracy >= 0; error_rate no-regression', '--json', path.join(dir, 'wrong.json'))
    expect(r.code).toBe(1)
    const report = json('wrong.json')
    expect(report.counts).toEqual({ candidate: 40, baseline: 40, paired: 40, candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, errors: { candidate: 9, baseline: 2 } })
    expect(report.metrics.accuracy.candidate).toBeCloseTo(0.65, 12)
    expect(report.metrics.error_rate.pValue).toBeCloseTo(0.0390625, 12)
    expect(report.verdict).toBe('fail')
    expect(r.stdout).toContain('error_rate')
  })
  it('--errors exclude: 10 pairs left out, accuracy on the other 30', () => {
    const r = run(...pair('binary'), '--errors', 'exclude', '--gates', 'accuracy >= 0', '--json', path.join(dir, 'exclude.json'))
    expect(r.code).toBe(0)
    const report = json('exclude.json')
    expect(report.counts).toMatchObject({ paired: 40, errors: { candidate: 9, baseline: 2 }, excluded: 10 })
    expect(report.metrics.accuracy.candidate).toBeCloseTo(0.8333333333333334, 12)
    expect(report.metrics.accuracy.baseline).toBeCloseTo(0.9, 12)
    expect(report.verdict).toBe('pass')
  })
  it('an error field of a wrong type is bad input naming file, line and field (exit 2)', () => {
    const bad = path.join(dir, 'bad.jsonl')
    writeFileSync(bad, '{"id": 1, "label": 1, "prediction": 1}\n{"id": 2, "label": 0, "prediction": 0, "error": [1]}\n')
    const r = run('compare', '--candidate', bad)
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(`eval-gate: ${bad}:2: field "error" must be the error's message (a string), true/false or null, got an array`)
  })
  it('a baseline large enough to be read on the second core keeps its error rows (120 of 120,000, by construction)', () => {
    const rows = (errors: boolean) =>
      Array.from({ length: 120_000 }, (_, i) => (errors && i % 1000 === 999 ? `{"id":${i},"label":${i % 2},"error":"timeout","pad":"........"}` : `{"id":${i},"label":${i % 2},"prediction":${i % 2},"pad":"........"}`)).join('\n') + '\n'
    const c = path.join(dir, 'big-candidate.jsonl')
    const b = path.join(dir, 'big-baseline.jsonl')
    writeFileSync(c, rows(false))
    writeFileSync(b, rows(true))
    expect(readFileSync(b).length).toBeGreaterThan(4 << 20)
    const r = run('compare', '--candidate', c, '--baseline', b, '--resamples', '200', '--gates', 'accuracy >= 0', '--json', path.join(dir, 'big.json'))
    expect(r.code).toBe(0)
    const report = json('big.json')
    expect(report.counts.errors).toEqual({ candidate: 0, baseline: 120 })
    expect(report.metrics.accuracy.baseline).toBeCloseTo(119_880 / 120_000, 12)
    expect(report.labels).toEqual(['0', '1'])
  })
})

