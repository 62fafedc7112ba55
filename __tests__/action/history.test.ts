/**
 * History (docs/history.md) end to end against the fake API (the machine's Node): a push run of the baseline branch
 * uploads its report, metrics only; a pull request reads the reports of the latest 20 successful push runs (3
 * expired), bounded in requests, skips a forged one with a warning, and the comment shows the sparklines and the
 * folded Mermaid charts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/schema.js'
import { asReport } from '../../src/report/validate.js'
import { FakeGitHub } from './fake-github.js'
import { root, runAction } from './run-action.js'
import { removeAfterTest } from '../temp.js'

const candidate = readFileSync(path.join(root, 'examples/spam/candidate.jsonl'))
const baseline = readFileSync(path.join(root, 'examples/spam/baseline.jsonl'))
const fixture = (): Report => JSON.parse(readFileSync(path.join(root, '__tests__/fixtures/action/report.json'), 'utf8')) as Report
const HOUR = 3_600_000

/** A push run's report as it uploads it: accuracy and recall drifting down by run. */
function pushReport(i: number): Uint8Array {
  const r = fixture()
  r.metrics.accuracy.candidate = 0.94 - i * 0.001
  r.metrics.recall.candidate = 0.93 - i * 0.002
  return zipSync({ 'report.json': Buffer.from(JSON.stringify(r)) })
}

describe('history', () => {
  let github: FakeGitHub
  let dir: string
  const sha = (i: number) => (i.toString(16) + 'c0ffee'.repeat(7)).slice(0, 40)

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-history-')))
    writeFileSync(path.join(dir, 'predictions.jsonl'), candidate)
    github.runs.push({ id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' })
    // 20 successful push runs on main (201 oldest … 220 newest, at the base commit), a failed one, another branch's.
    for (let i = 1; i <= 20; i++) {
      const id = 200 + i
      github.runs.push({ id, workflowId: 7, branch: 'main', headSha: i === 20 ? 'base-sha' : sha(i), event: 'push', conclusion: 'success', createdAt: new Date(Date.now() - (21 - i) * HOUR).toISOString() })
      github.artifacts.push({ id: 3000 + i, runId: id, name: 'eval-gate-report', expired: [5, 10, 15].includes(i), zip: pushReport(i) })
    }
    github.runs.push({ id: 221, workflowId: 7, branch: 'main', headSha: 'bad', event: 'push', conclusion: 'failure' })
    github.runs.push({ id: 199, workflowId: 7, branch: 'other', headSha: 'other', event: 'push', conclusion: 'success' })
    github.artifacts.push({ id: 4000, runId: 220, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': baseline }) })
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
  })

  const report = (r: { outputs: Record<string, string> }) => JSON.parse(readFileSync(r.outputs.report, 'utf8')) as Report
  const comment = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))[0].body

  it('a pull request: 20 runs, 3 expired → 17 entries oldest first, 37 API requests for them, sparklines and charts in the comment', async () => {
    const r = await runAction(github, dir, { inputs: { gates: 'accuracy no-regression; recall >= 0.5' } })
    expect(r.code, r.stdout).toBe(0)
    const history = report(r).history ?? []
    expect(history.map((h) => h.runId)).toEqual([201, 202, 203, 204, 206, 207, 208, 209, 211, 212, 213, 214, 216, 217, 218, 219, 220])
    expect(history[0]).toMatchObject({ runId: 201, sha: sha(1), createdAt: github.runs[1].createdAt })
    expect(history[0].metrics.accuracy).toBeCloseTo(0.939, 9)
    expect(history[0].metrics.recall).toBeCloseTo(0.928, 9)
    expect(history[16].sha).toBe('base-sha')
    expect(report(r).historySkipped).toEqual({ expired: 3, missing: 0, invalid: 0 })
    // Requests: the runs are listed once (by the baseline lookup); per run one listing of its report artifact, and one
    // download per unexpired report (the zip itself comes from the signed location, /blobs/ here).
    const requests = github.requests
    expect(requests.filter((q) => q.includes('/actions/workflows/7/runs'))).toHaveLength(1)
    const listings = requests.filter((q) => /\/actions\/runs\/\d+\/artifacts\?name=eval-gate-report/.test(q))
    const downloads = requests.filter((q) => /\/actions\/artifacts\/30\d\d\/zip$/.test(q))
    expect(listings).toHaveLength(20)
    expect(downloads).toHaveLength(17)
    expect(requests.filter((q) => /^GET \/blobs\/30\d\d$/.test(q))).toHaveLength(17)
    expect(r.stdout).toContain('History: 17 of 20 run(s) read (3 expired, 0 without a report, 0 refused); 37 API requests')
    const body = comment()
    expect(body).toMatch(/^- accuracy `[▁-█]{18}` 93\.9% … 92\.0%, this pull request 92\.3%$/m)
    expect(body).toMatch(/^- recall `█[▁-█]{16}▁` 92\.8% … 89\.0%, this pull request 80\.6%$/m)
    expect(body).toContain('Runs skipped: 3 expired.')
    expect(body).toMatch(/<details><summary>Trend of the gated metrics over the last 17 runs<\/summary>\n\n```mermaid\nxychart-beta\n {2}title "accuracy \(%\)"/)
    expect(body).toMatch(/title "recall \(%\)"/)
  })

  it('a forged report is skipped with a warning, a run without one is counted; history: 5 reads 5 runs; history: 0 none', async () => {
    const forged = fixture() as unknown as { metrics: { accuracy: { candidate: unknown } } }
    forged.metrics.accuracy.candidate = '<img src=x>'
    github.artifacts.find((a) => a.id === 3019)!.zip = zipSync({ 'report.json': Buffer.from(JSON.stringify(forged)) })
    github.artifacts = github.artifacts.filter((a) => a.id !== 3018)
    const five = await runAction(github, dir, { inputs: { gates: 'accuracy no-regression', history: '5' } })
    expect(five.code).toBe(0)
    expect(report(five).history?.map((h) => h.runId)).toEqual([216, 217, 220])
    expect(report(five).historySkipped).toEqual({ expired: 0, missing: 1, invalid: 1 })
    expect(five.stdout).toMatch(/::warning::History: the report of run 219 is skipped: artifact "eval-gate-report" of run 219: report\.json: is not an Eval Gate report: report\.metrics\["accuracy"\]\.candidate must be a number/)
    github.requests = []
    const off = await runAction(github, dir, { inputs: { gates: 'accuracy no-regression', history: '0' } })
    expect(report(off).history).toBeUndefined()
    expect(github.requests.filter((q) => q.includes('eval-gate-report'))).toEqual([])
  })

  it('stops after the newest 3 runs when none uploaded a report (the workflow does not upload it)', async () => {
    github.artifacts = github.artifacts.filter((a) => a.name !== 'eval-gate-report')
    const r = await runAction(github, dir, { inputs: { gates: 'accuracy no-regression' } })
    expect(r.code).toBe(0)
    // The first batch of requests runs 4 at a time: 4 listings, then no more.
    expect(github.requests.filter((q) => q.includes('artifacts?name=eval-gate-report'))).toHaveLength(4)
    expect(report(r).history).toEqual([])
    expect(r.stdout).toContain('History: the newest 3 push runs uploaded no artifact "eval-gate-report"')
    expect(comment()).not.toContain('Trend on the base branch')
  })

  it('a push run of main uploads its report, metrics only, which the next pull request reads back', async () => {
    github.runBackendIds['run-backend-500'] = 230
    github.runs.push({ id: 230, workflowId: 7, branch: 'main', headSha: 'new-main', event: 'push', conclusion: 'success', createdAt: new Date().toISOString() })
    const push = await runAction(github, dir, { event: 'push', inputs: { gates: 'accuracy no-regression' }, env: { GITHUB_REF_NAME: 'main' } })
    expect(push.code, push.stdout).toBe(0)
    expect(push.stdout).toContain('History: the report (metrics only) is uploaded as the artifact "eval-gate-report"')
    expect(github.uploads.map((u) => [u.name, u.finalized])).toEqual([['eval-gate-report', true]])
    const files = unzipSync(new Uint8Array(github.uploads[0].zip as Buffer))
    expect(Object.keys(files)).toEqual(['report.json'])
    const uploaded = asReport(JSON.parse(Buffer.from(files['report.json']).toString('utf8')), 'report.json')
    expect(uploaded.metrics.accuracy.candidate).toBeCloseTo(0.9233, 4)
    // Nothing about single examples: no ids of flips, no confusion matrix, no warnings (they name ids).
    expect(uploaded).toMatchObject({ disagreement: null, confusionMatrix: null, warnings: [] })
    expect(JSON.stringify(uploaded)).not.toMatch(/"(examples|firstRegressions|firstImprovements|slices|leakage)"/)

    const pr = await runAction(github, dir, { inputs: { gates: 'accuracy no-regression' } })
    expect(report(pr).history?.at(-1)).toMatchObject({ runId: 230, sha: 'new-main', metrics: { accuracy: uploaded.metrics.accuracy.candidate } })
  })

  it('a push to another branch uploads nothing', async () => {
    const push = await runAction(github, dir, { event: 'push', inputs: { gates: 'accuracy no-regression' }, env: { GITHUB_REF_NAME: 'release' } })
    expect(push.code).toBe(0)
    expect(github.uploads).toEqual([])
    expect(push.stdout).toContain('History: this push is to release, not the baseline branch main')
  })
})
