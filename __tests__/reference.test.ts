/**
 * A pinned reference (docs/reference.md) in the core: the `vs reference` grammar, the drift it exists for (ten 0.3-point
 * steps that each pass against their own base, 3 points against the reference), `Report.reference`, the
 * comment's "since" lines, and the one-line errors (no reference for a `vs reference` rule, no ids in common).
 * The command line's `--reference` through the bundle (`node dist/cli.js`, or EVAL_GATE_CLI_BUNDLE).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseCli } from '../src/cli/args.js'
import { ConfigError } from '../src/common/errors.js'
import { compareWithReference } from '../src/compare/compareWithReference.js'
import { parseGates } from '../src/gates/rules.js'
import { renderMarkdown } from '../src/render/renderReport.js'
import { asReport } from '../src/report/validate.js'
import type { CompareOptions } from '../src/tasks/options.js'
import { driftVersions } from './reference-drift.js'
import { inputError } from './support.js'
import { removeAfterAll } from './temp.js'

const root = path.resolve(import.meta.dirname, '..')
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-reference-')))

/** Version 0 … 10 of __tests__/reference-drift.ts, as files. */
function versions(): string[] {
  return driftVersions().map((text, step) => {
    const file = path.join(dir, `v${step}.jsonl`)
    writeFileSync(file, text)
    return file
  })
}
const files = versions()

const options = (candidate: string, baseline: string | null, gates: string): CompareOptions => ({
  candidate: { name: candidate, path: candidate },
  baseline: baseline === null ? null : { name: baseline, path: baseline },
  fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
  positiveLabel: 'spam',
  gates,
  alpha: 0.05,
  resamples: 200,
  seed: 0,
  missingBaseline: 'skip'
})
const reference = { source: { name: files[0], path: files[0] }, label: 'release:v1.0.0' }

describe('the grammar', () => {
  const known = { metrics: ['accuracy', 'recall', 'f1'], labels: ['ham', 'spam'] }
  it('every comparative rule takes vs reference', () => {
    const rules = parseGates('recall no-regression vs reference; accuracy delta >= -0.01 vs reference; f1 non-inferior 0.02 vs  reference; recall no-regression', known)
    expect(rules.map((r) => [r.text, r.kind, r.vs])).toEqual([
      ['recall no-regression vs reference', 'no-regression', 'reference'],
      ['accuracy delta >= -0.01 vs reference', 'delta', 'reference'],
      ['f1 non-inferior 0.02 vs  reference', 'non-inferior', 'reference'],
      ['recall no-regression', 'no-regression', undefined]
    ])
    expect(rules[1]).toMatchObject({ op: '>=', value: -0.01 })
  })

  it('an absolute rule or a slice rule does not, and says why', () => {
    expect(() => parseGates('recall >= 0.9 vs reference', known)).toThrow(/"vs reference" goes with the rules that compare \(delta, no-regression, non-inferior\), not with an absolute threshold/)
    expect(() => parseGates('recall@lang=de no-regression vs reference', { ...known, slices: { fields: ['lang'], values: { lang: ['de'] } } } as never)).toThrow(
      /"vs reference" compares the whole test set, not a slice/
    )
  })
})

describe('drift: ten 0.3-point steps against their own base, 3 points against the reference', () => {
  const gates = 'accuracy no-regression; accuracy no-regression vs reference; accuracy delta >= -0.02 vs reference'

  it('each step passes against its base; against the reference the drift fails at the end', async () => {
    const steps = []
    for (let step = 1; step <= 10; step++) {
      const r = await compareWithReference(options(files[step], files[step - 1], gates), reference)
      steps.push(r)
      const [own, vsNoRegression, vsDelta] = r.gates
      expect(own).toMatchObject({ rule: 'accuracy no-regression', status: 'pass' })
      expect(own.observed).toBeCloseTo(-0.003, 10)
      expect(vsNoRegression.vs).toBe('reference')
      expect(vsDelta.observed).toBeCloseTo(-0.003 * step, 10)
      expect(r.reference?.metrics.accuracy.delta).toBeCloseTo(-0.003 * step, 10)
    }
    const statuses = steps.map((r) => r.gates.map((g) => g.status).join(' '))
    expect(statuses[0]).toBe('pass pass pass')
    expect(statuses[9]).toBe('pass fail fail')
    // The delta rule fails once the drift passes 2 points (step 7: −2.1 points).
    expect(steps.map((r) => r.gates[2].status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'fail', 'fail', 'fail', 'fail'])
    const last = steps[9]
    expect(last).toMatchObject({ passed: false, verdict: 'fail', reference: { source: 'release:v1.0.0', paired: 2000 } })
    expect(last.reference?.metrics.accuracy).toMatchObject({ baseline: 0.9, candidate: 0.87 })
    expect(asReport(JSON.parse(JSON.stringify(last)), 'report.json').reference?.paired).toBe(2000)

    const comment = renderMarkdown(last, 'comment')
    expect(comment).toMatch(/^### ❌ Eval Gate: failed — 2 of 3 gates/m)
    expect(comment).toMatch(/❌ `accuracy no-regression vs reference`: \*\*accuracy vs the reference 90\.0% → 87\.0% \(−3\.0 pts, 95% CI −[\d.]+ to −[\d.]+ pts, one-sided p [<=] [\d.]+ after Holm\)\*\*/)
    expect(comment).toMatch(/^- since `v1\.0\.0`: accuracy 90\.0% → 87\.0% \(−3\.0 pts, 95% CI −[\d.]+ to −[\d.]+ pts\)$/m)
    expect(comment).toContain('The reference `release:v1.0.0`: 2,000 examples paired with it')
    expect(comment).toContain('Holm-adjusted over the 1 no-regression rule against the baseline, and separately the 1 against the reference;')
    // The gates table shows the reference's numbers on the vs reference rows, the baseline's on the other.
    expect(comment).toMatch(/\| `accuracy no-regression vs reference` \| −3\.0 pts \(90\.0% → 87\.0%\) \|/)
    expect(comment).toMatch(/\| `accuracy no-regression` \| −0\.3 pts \(87\.3% → 87\.0%\) \|/)
  })

  it('without vs reference rules the reference is reported, the gates and the verdict are the baseline\'s', async () => {
    const r = await compareWithReference(options(files[10], files[9], 'accuracy no-regression'), reference)
    expect(r).toMatchObject({ passed: true, verdict: 'pass', gates: [{ rule: 'accuracy no-regression', status: 'pass' }] })
    expect(r.reference?.metrics.accuracy.delta).toBeCloseTo(-0.03, 10)
    expect(renderMarkdown(r, 'comment')).toMatch(/^- since `v1\.0\.0`: accuracy 90\.0% → 87\.0%/m)
  })
})

describe('one-line errors', () => {
  it('a vs reference rule without a reference', async () => {
    const run = compareWithReference(options(files[1], files[0], 'accuracy no-regression vs reference'), null)
    await expect(run).rejects.toThrow(ConfigError)
    await expect(run).rejects.toThrow(/^gate "accuracy no-regression vs reference": "vs reference" needs a reference \(the input "reference", or --reference FILE on the command line\)$/)
  })

  it('a reference whose ids do not overlap the candidate\'s', async () => {
    const other = path.join(dir, 'other-ids.jsonl')
    writeFileSync(other, Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `x${i}`, label: 'spam', prediction: 'spam' })).join('\n') + '\n')
    const message = await inputError(compareWithReference(options(files[1], files[0], 'accuracy no-regression vs reference'), { source: { name: other, path: other }, label: other }))
    expect(message).toBe(
      `${other}: no example is in both the reference (50 examples) and the candidate (2,000 examples) with the same id and true label: nothing can be compared. The reference must be predictions on the same test set, with the same ids`
    )
    expect(message).not.toContain('\n')
  })
})

describe('the command line', () => {
  const cli = process.env.EVAL_GATE_CLI_BUNDLE ?? path.join(root, 'dist/cli.js')
  it('parses --reference FILE', () => {
    const request = parseCli(['compare', '--candidate', 'a.jsonl', '--baseline', 'b.jsonl', '--reference', 'v1.jsonl'])
    expect(request).toMatchObject({ kind: 'compare', reference: 'v1.jsonl' })
    expect(() => parseCli(['compare', '--candidate', 'a.jsonl', '--reference', ' '])).toThrow('--reference must not be empty')
  })

  it('compare --reference: the drift gate fails, exit 1, the JSON report has reference', async () => {
    const json = path.join(dir, 'cli-report.json')
    const args = ['compare', '--candidate', files[10], '--baseline', files[9], '--reference', files[0], '--positive-label', 'spam', '--resamples', '200', '--gates', 'accuracy no-regression; accuracy delta >= -0.02 vs reference', '--json', json]
    const result = await promisify(execFile)(process.execPath, [cli, ...args]).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout })
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/❌ `accuracy delta >= -0\.02 vs reference`/)
    expect(result.stdout).toContain('since `v0.jsonl`: accuracy 90.0% → 87.0%')
    expect(result.stdout).not.toContain(dir)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.reference).toMatchObject({ source: files[0], paired: 2000, metrics: { accuracy: { baseline: 0.9, candidate: 0.87 } } })
    expect(report.gates.map((g: { rule: string; vs?: string }) => [g.rule, g.vs])).toEqual([['accuracy no-regression', undefined], ['accuracy delta >= -0.02 vs reference', 'reference']])
  }, 60_000)
})
