/**
 * Suites and matrix legs through the action (docs/suites.md), end to end: the bundle (dist/index.js, or
 * EVAL_GATE_ACTION_BUNDLE) against the local fake of GitHub's REST API and results service (../action/fake-github.ts).
 * - several suites in `predictions`: one comment, one status, each suite matched to its file in the baseline artifact;
 * - a matrix: three legs (mode leg) upload their reports, a combine job posts one comment and one status; a leg
 *   that did not report is missing and fails the verdict; a forged report is refused with a warning.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../action/fake-github.js'
import { root, runAction, type Event } from '../action/run-action.js'
import { asSuitesReport } from '../../src/report/validate.js'
import { removeAfterTest } from '../temp.js'

const example = (name: string, model: string) => readFileSync(path.join(root, 'examples', name, `${model}.jsonl`))
const head = (bytes: Buffer, n: number) => Buffer.from(bytes.toString('utf8').split('\n').slice(0, n).join('\n') + '\n')
const files = {
  spam: { candidate: example('spam', 'candidate'), baseline: example('spam', 'baseline') },
  intents: { candidate: example('multilingual', 'candidate'), baseline: example('multilingual', 'baseline') },
  short: { candidate: head(example('spam', 'candidate'), 300), baseline: head(example('spam', 'baseline'), 300) }
}

describe('suites and matrix legs through the action', () => {
  let github: FakeGitHub
  let dir: string

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-suites-action-')))
    mkdirSync(path.join(dir, 'eval'))
    mkdirSync(path.join(dir, 'base'))
    for (const [name, f] of Object.entries(files)) {
      writeFileSync(path.join(dir, 'eval', `${name}.jsonl`), f.candidate)
      writeFileSync(path.join(dir, 'base', `${name}.jsonl`), f.baseline)
    }
    writeFileSync(path.join(dir, 'eval', 'fresh.jsonl'), head(files.spam.candidate, 120))
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' }
    )
    // The base branch's run uploaded `eval/*.jsonl` (upload-artifact drops the folder they share) — no fresh.jsonl.
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'spam.jsonl': files.spam.baseline, 'intents.jsonl': files.intents.baseline, 'short.jsonl': files.short.baseline }) })
    github.runBackendIds['run-backend-500'] = 500
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
  })

  const run = (inputs: Record<string, string>, event: Event = 'pull_request') => runAction(github, dir, { inputs, event })
  const ours = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))
  const report = (r: { outputs: Record<string, string> }) => asSuitesReport(JSON.parse(readFileSync(r.outputs.report, 'utf8')), r.outputs.report)

  it('three suites (and a new one) in predictions: one comment, one status, each suite compared with its file of the artifact', async () => {
    const r = await run({ predictions: 'spam: eval/spam.jsonl\nintents: eval/intents.jsonl\neval/short.jsonl\neval/fresh.jsonl', gates: 'f1 no-regression\nspam: recall no-regression' })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ passed: 'false', verdict: 'fail', 'baseline-run-id': '11' })
    const j = report(r)
    expect(Object.keys(j.suites)).toEqual(['spam', 'intents', 'short', 'fresh'])
    expect(j.newSuites).toEqual(['fresh'])
    expect(j.suites.spam.settings.baseline).toBe('artifact "predictions" of run 11: spam.jsonl')
    expect(j.suites.intents.counts.paired).toBe(3000)
    expect(j.suites.short.counts.paired).toBe(300)
    for (const s of Object.values(j.suites)) expect(s.baseline).toMatchObject({ source: 'artifact', runId: 11, commit: 'base-sha' })
    expect(j.warnings).toContain('Suite "fresh" has no baseline counterpart (the baseline artifact has no file "fresh.jsonl"): compared alone and reported as new.')
    expect(r.stdout).toMatch(/::warning::Suite "fresh" has no baseline counterpart/)

    expect(ours()).toHaveLength(1)
    const body = ours()[0].body
    expect(body).toMatch(/^<!-- eval-gate:default -->\n### ❌ Eval Gate: failed — 1 of 4 suites failed\n\n\| suite \| verdict \| decisive line \|/)
    for (const name of ['spam', 'intents', 'short', 'fresh']) expect(body).toContain(`<details><summary><b>${name}</b>`)
    expect(body).toMatch(/^\| `spam` \| ❌ failed \| ❌ `recall no-regression`: recall 92\.5% → 80\.6%/m)
    expect(body).toMatch(/^\| `fresh` \| 🆕 new · ⏸️ no baseline \|/m)
    expect(r.summary).toContain('| suite | verdict | decisive line |')
    expect(github.statuses).toEqual([
      { sha: 'head-sha', state: 'failure', context: 'eval-gate', description: 'failed: spam: recall no-regression', targetUrl: r.outputs['comment-url'] }
    ])
    expect(github.uploads).toEqual([])
  })

  it('a glob names the suites by their file stems; a rerun edits the one comment', async () => {
    const first = await run({ predictions: 'eval/s*.jsonl', gates: 'precision no-regression' })
    expect(Object.keys(report(first).suites)).toEqual(['short', 'spam'])
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({ passed: 'true', verdict: 'pass' })
    const again = await run({ predictions: 'eval/*.jsonl', gates: 'precision no-regression' })
    expect(Object.keys(report(again).suites)).toEqual(['fresh', 'intents', 'short', 'spam'])
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toMatch(/✅ Eval Gate: passed — 3 of 3 suites compared \(1 new, not compared\)/)
    expect(github.statuses.map((s) => [s.context, s.state])).toEqual([['eval-gate', 'success'], ['eval-gate', 'success']])
  })

  it('bad suite names and unknown suites name the input', async () => {
    const spaced = await run({ predictions: 'my spam: eval/spam.jsonl\nintents: eval/intents.jsonl' })
    expect(spaced.code).toBe(1)
    expect(spaced.stdout).toMatch(/::error::input "predictions": the suite name "my spam" is not a plain name/)
    const twice = await run({ predictions: 'eval/spam.jsonl\nspam: eval/short.jsonl' })
    expect(twice.stdout).toMatch(/::error::input "predictions": two suites are named "spam"/)
    const none = await run({ predictions: 'eval/*.csv' })
    expect(none.stdout).toMatch(/::error::input "predictions": "eval\/\*\.csv" matches no file/)
    const gate = await run({ predictions: 'eval/s*.jsonl', gates: 'intents: f1 no-regression' })
    expect(gate.stdout).toMatch(/::error::input "gates": the rule "intents: f1 no-regression" names the suite "intents", which is not one of "short", "spam"/)
    expect(ours()).toHaveLength(0)
  })

  it('one plain path is one comparison, as before', async () => {
    const r = await run({ predictions: 'eval/spam.jsonl' })
    const j = JSON.parse(readFileSync(r.outputs.report, 'utf8')) as { suites?: unknown; counts: { paired: number } }
    expect(j.suites).toBeUndefined()
    expect(j.counts.paired).toBe(600)
    expect(ours()[0].body).toMatch(/^<!-- eval-gate:default -->\n### ❌ Eval Gate: failed — 1 of 4 gates/)
  })

  it('a fork: the report of suites goes through publish mode (its shape checked) to one comment and one status', async () => {
    github.readOnly = true
    const gate = await run({ predictions: 'eval/spam.jsonl\neval/short.jsonl' }, 'fork_pull_request')
    expect(gate.stdout).toContain('Report uploaded as the artifact "eval-gate-report" for mode publish')
    github.readOnly = false
    github.runs.push({ id: 900, workflowId: 8, branch: 'main', headSha: 'main-sha', event: 'workflow_run', conclusion: 'success' })
    github.pulls.push({ number: 42, headSha: 'head-sha', headOwner: 'forker', headBranch: 'feature', state: 'open' })
    const publish = await run({ mode: 'publish', predictions: '' }, 'workflow_run')
    expect(publish.code).toBe(0)
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toMatch(/### ❌ Eval Gate: failed — 2 of 2 suites failed\n\n\| suite \| verdict \| decisive line \|/)
    expect(github.statuses).toEqual([expect.objectContaining({ context: 'eval-gate', state: 'failure', description: expect.stringMatching(/^failed: spam: recall no-regression/) })])
    expect(publish.outputs).toMatchObject({ passed: 'false', verdict: 'fail', 'baseline-run-id': '11' })
  })

  describe('a matrix: legs (mode leg) and one combine job', () => {
    /** One leg of the matrix, as `comment-key: ${{ matrix.suite }}` gives it. */
    const leg = (name: keyof typeof files, inputs: Record<string, string> = {}) =>
      run({ mode: 'leg', 'comment-key': name, predictions: `eval/${name}.jsonl`, baseline: `base/${name}.jsonl`, ...inputs })
    const combine = (inputs: Record<string, string> = {}) => run({ mode: 'combine', predictions: '', ...inputs })

    it('three legs upload their reports without commenting; combine posts one comment and one status for all', async () => {
      const results = [await leg('spam'), await leg('intents'), await leg('short')]
      expect(results.map((r) => r.code)).toEqual([1, 0, 1])
      expect(ours()).toEqual([])
      expect(github.statuses).toEqual([])
      expect(github.uploads.map((u) => [u.name, u.finalized])).toEqual([
        ['eval-gate-report-spam', true],
        ['eval-gate-report-intents', true],
        ['eval-gate-report-short', true]
      ])
      expect(results[0].stdout).toContain('Report uploaded as the artifact "eval-gate-report-spam" for the combine job (mode: combine)')

      const r = await combine({ legs: 'spam, intents, short' })
      expect(r.code).toBe(1)
      expect(r.outputs).toMatchObject({ passed: 'false', verdict: 'fail' })
      const j = report(r)
      expect(j.settings.mode).toBe('combine')
      expect(Object.keys(j.suites)).toEqual(['spam', 'intents', 'short'])
      expect(j.missing).toEqual([])
      expect(ours()).toHaveLength(1)
      const body = ours()[0].body
      expect(body).toMatch(/^<!-- eval-gate:default -->\n### ❌ Eval Gate: failed — 2 of 3 legs failed\n\n\| leg \| verdict \| decisive line \|/)
      expect(body).toMatch(/^\| `intents` \| ✅ passed \|/m)
      expect(body).toContain('Each leg adjusted its own no-regression rules')
      expect(github.statuses).toEqual([
        { sha: 'head-sha', state: 'failure', context: 'eval-gate', description: expect.stringMatching(/^failed: spam: recall no-regression; short: /), targetUrl: r.outputs['comment-url'] }
      ])
      // Combine read the run's artifact listing and the three reports, nothing of the legs' predictions.
      expect(github.requests.filter((q) => q.startsWith('GET /repos/o/r/actions/runs/500/artifacts'))).toHaveLength(1)
    })

    it('a leg that did not report is missing and fails the verdict; a forged report is refused and missing too', async () => {
      await leg('intents')
      await leg('short', { gates: 'precision no-regression' })
      github.artifacts.push({ id: 990, runId: 500, name: 'eval-gate-report-forged', expired: false, zip: zipSync({ 'report.json': Buffer.from(JSON.stringify({ schemaVersion: 1, passed: 'yes' })) }) })
      const r = await combine({ legs: 'spam\nintents\nshort' })
      expect(r.code).toBe(1)
      const j = report(r)
      expect(Object.keys(j.suites)).toEqual(['intents', 'short'])
      expect(j.missing).toEqual(['spam', 'forged'])
      expect(j).toMatchObject({ passed: false, verdict: 'fail' })
      expect(r.stdout).toMatch(/::warning::Leg "spam" did not report: run 500 has no artifact "eval-gate-report-spam"/)
      expect(r.stdout).toMatch(/::warning::Leg "forged": its report was refused: artifact "eval-gate-report-forged" of run 500: report\.json: is not an Eval Gate report: report\.passed must be true or false/)
      const body = ours()[0].body
      expect(body).toMatch(/### ❌ Eval Gate: failed — 2 of 4 legs missing/)
      expect(body).toMatch(/^\| `spam` \| ❌ missing \| no report/m)
      expect(body).toMatch(/^\| `forged` \| ❌ missing \| no report/m)
      expect(github.statuses).toEqual([expect.objectContaining({ context: 'eval-gate', state: 'failure', description: 'failed: spam missing; forged missing' })])
      expect(r.stdout).toMatch(/::error::Eval Gate failed: spam: missing \(no report\); forged: missing \(no report\)/)
    })

    it('every leg passing passes; without legs or any leg report combine says what to do', async () => {
      await leg('intents')
      await leg('short', { gates: 'precision no-regression' })
      const r = await combine()
      expect(r.code).toBe(0)
      expect(report(r)).toMatchObject({ passed: true, verdict: 'pass', missing: [] })
      expect(github.statuses.map((s) => s.state)).toEqual(['success'])
      github.artifacts = []
      const empty = await combine()
      expect(empty.code).toBe(1)
      expect(empty.stdout).toMatch(/::error::input "mode" is "combine", but run 500 has no artifact "eval-gate-report-…": run each leg with mode "leg"/)
    })
  })
})
