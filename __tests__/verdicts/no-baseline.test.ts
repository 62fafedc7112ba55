/**
 * Nothing compared is not a pass (docs/report.md, "Without a baseline"): the verdict is `no-baseline`, the title has
 * no ✅ and says what was searched and what creates a baseline, exit and step status follow `missing-baseline`, and
 * absolute rules are still evaluated. The CLI in-process; the action as the runner runs it (the bundle under
 * EVAL_GATE_ACTION_BUNDLE, default dist/index.js) against the local fake of GitHub's API.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { removeAfterTest } from '../temp.js'
import { FakeGitHub } from '../action/fake-github.js'
import { NODES, runAction } from '../action/run-action.js'
import { asReport } from '../../src/report/validate.js'
import { renderMarkdown } from '../../src/render/renderReport.js'
import type { Report } from '../../src/report/schema.js'
import { cli, compareRows, dropRows, example } from './verdictFixtures.js'

const spam = ['--candidate', example('spam', 'candidate.jsonl'), '--positive-label', 'spam', '--resamples', '500']

describe('the CLI without --baseline', () => {
  it('skip: verdict no-baseline, no ✅, exit 0', async () => {
    const dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-nb-')))
    const json = path.join(dir, 'report.json')
    const r = await cli(['compare', ...spam, '--json', json, '--output-format', 'markdown'], false)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^### ⏸️ Eval Gate: no baseline — no `--baseline` file given; 4 skipped\n\nNothing was compared: give the baseline model's predictions on the same examples with `--baseline FILE` to compare with them\.\n/)
    expect(r.stdout.split('\n#### ')[0]).not.toContain('✅')
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report
    expect(report).toMatchObject({ verdict: 'no-baseline', passed: true })
    expect(report.gates.map((g) => g.status)).toEqual(['skip', 'skip', 'skip', 'skip'])
    expect(() => asReport(report, 'report.json')).not.toThrow()
  })

  it('fail: exit 1, the title says missing-baseline: fail', async () => {
    const r = await cli(['compare', ...spam, '--missing-baseline', 'fail'], false)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^### ❌ Eval Gate: no baseline \(missing-baseline: fail\) — no `--baseline` file given; 4 failed for want of a baseline\n/)
  })

  it('absolute rules are still evaluated: passing ones are counted, a failing one fails the verdict', async () => {
    const ok = await cli(['compare', ...spam, '--gates', 'recall >= 0.5; recall no-regression'], false)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/^### ⏸️ Eval Gate: no baseline — no `--baseline` file given; 1 absolute gate passed, 1 skipped\n/)
    // Recall 150/186 = 80.6%: `recall >= 0.9` fails; the verdict is fail (exit 1), and what was searched is still said.
    const failing = await compareRows(dropRows('candidate'), null, { positiveLabel: 'spam', gates: 'recall >= 0.95; recall no-regression' })
    expect(failing).toMatchObject({ verdict: 'fail', passed: false })
    const md = renderMarkdown(failing, 'comment')
    expect(md).toMatch(/^### ❌ Eval Gate: failed — 1 of 1 gates, 1 skipped\n\n❌ `recall >= 0.95`: \*\*recall 91\.7% /)
    expect(md.split('\n#### ')[0]).toContain('Nothing was compared: give the baseline model\'s predictions')
    const r = await cli(['compare', ...spam, '--gates', 'recall >= 0.9; recall no-regression'], false)
    expect(r.code).toBe(1)
    // Only absolute rules, missing-baseline: fail: nothing was compared, so the run fails (exit 1).
    const strict = await cli(['compare', ...spam, '--gates', 'recall >= 0.5', '--missing-baseline', 'fail'], false)
    expect(strict.code).toBe(1)
  })
})

describe('the action without a baseline', () => {
  const machine = NODES[0].bin
  let github: FakeGitHub
  let dir: string
  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-nb-action-')))
    writeFileSync(path.join(dir, 'predictions.jsonl'), readFileSync(example('spam', 'candidate.jsonl')))
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 10, workflowId: 7, branch: 'main', headSha: 'aaa0000', event: 'push', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' }
    )
  })
  afterEach(async () => {
    await github.stop()
    expect(github.problems).toEqual([])
  })
  const run = (inputs: Record<string, string> = {}) => runAction(github, dir, { node: machine, inputs })
  const reportOf = (r: { outputs: Record<string, string> }) => JSON.parse(readFileSync(r.outputs.report, 'utf8')) as Report
  const ours = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))

  it('no run has the artifact (one expired): the title says what was searched; skip passes with verdict no-baseline', async () => {
    const baseline = readFileSync(example('spam', 'baseline.jsonl'))
    github.artifacts.push({ id: 101, runId: 10, name: 'predictions', expired: true, zip: zipSync({ 'predictions.jsonl': baseline }) })
    const r = await run()
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ passed: 'true', verdict: 'no-baseline', 'baseline-run-id': '' })
    const report = reportOf(r)
    expect(() => asReport(report, 'report.json')).not.toThrow()
    // The run at the base commit first, then the others newest first; why each did not qualify.
    expect(report.baseline?.searched).toEqual({
      reason: 'no-artifact',
      workflow: '.github/workflows/eval.yml',
      branch: 'main',
      artifactName: 'predictions',
      runsLookedAt: 2,
      runs: [
        { id: 11, number: expect.any(Number), commit: 'base-sha', url: `${github.url}/runs/11`, why: 'no-artifact' },
        { id: 10, number: expect.any(Number), commit: 'aaa0000', url: `${github.url}/runs/10`, why: 'expired' }
      ]
    })
    const title = '### ⏸️ Eval Gate: no baseline — none of the 2 successful push runs of workflow `.github/workflows/eval.yml` on `main` has an unexpired artifact `predictions`; the next one that uploads it creates the baseline; 4 skipped'
    for (const body of [ours()[0].body, r.summary]) {
      expect(body).toContain(title)
      expect(body).toContain('Nothing was compared. Looked at run 11 of `base-sha`: no artifact `predictions`; run 10 of `aaa0000`: its artifact has expired.')
      expect(body).toContain('The first successful push run on `main` that uploads the artifact `predictions` creates the baseline (artifacts expire')
      expect(body.split('\n#### ')[0]).not.toContain('✅')
    }
    expect(github.statuses).toEqual([expect.objectContaining({ state: 'success', description: 'no baseline: nothing compared (4 gates skipped)' })])
  }, 60_000)

  it('missing-baseline: fail fails the step and says why', async () => {
    const r = await run({ 'missing-baseline': 'fail' })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ passed: 'false', verdict: 'no-baseline' })
    expect(r.stdout).toMatch(/::error::Eval Gate: no baseline \(missing-baseline: fail\): none of the 2 successful push run\(s\) of workflow \.github\/workflows\/eval\.yml on main has an unexpired artifact "predictions"/)
    expect(reportOf(r).baseline?.searched?.runs.map((x) => x.why)).toEqual(['no-artifact', 'no-artifact'])
    expect(r.summary).toContain('### ❌ Eval Gate: no baseline (missing-baseline: fail) — none of the 2 successful push runs')
    expect(github.statuses).toEqual([expect.objectContaining({ state: 'failure', description: 'no baseline: nothing compared (missing-baseline: fail)' })])
  }, 60_000)

  it('no push run at all, and baseline: none', async () => {
    github.runs = github.runs.filter((x) => x.event !== 'push')
    const none = await run()
    expect(none.code).toBe(0)
    expect(reportOf(none).baseline?.searched).toMatchObject({ reason: 'no-runs', runsLookedAt: 0, runs: [] })
    expect(none.summary).toContain('### ⏸️ Eval Gate: no baseline — no successful push run of workflow `.github/workflows/eval.yml` on `main`; the first one that uploads `predictions` creates the baseline; 4 skipped')
    expect(none.summary).toContain('The first successful push run on `main` that uploads the artifact `predictions` creates the baseline; until then nothing is compared.')
    const off = await run({ baseline: 'none' })
    expect(off.code).toBe(0)
    expect(reportOf(off).baseline?.searched).toMatchObject({ reason: 'not-requested' })
    expect(off.summary).toContain('### ⏸️ Eval Gate: no baseline — not asked for (`baseline: none`); 4 skipped')
  }, 60_000)
})
