/**
 * The action end to end (see run-action.ts), on the machine's Node and on Node 24, against a local fake of
 * GitHub's REST API whose responses are checked against GitHub's OpenAPI description, and of the results service
 * that @actions/artifact uploads to.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { actionDefaults } from './action-yml.js'
import { FakeGitHub } from './fake-github.js'
import { NODE24, NODES, root, runAction, TOKEN, type Event } from './run-action.js'

const candidate = readFileSync(path.join(root, 'examples/spam/candidate.jsonl'))
const baseline = readFileSync(path.join(root, 'examples/spam/baseline.jsonl'))

it('Node 24 is really Node 24', () => {
  expect(execFileSync(NODE24, ['--version']).toString()).toMatch(/^v24\./)
})

it('the e2e tests take the defaults from action.yml as parsed', () => {
  expect(actionDefaults()).toMatchObject({ baseline: 'artifact', 'artifact-name': 'predictions', alpha: '0.05', resamples: '10000', 'missing-baseline': 'skip', comment: 'true', 'fail-on-gate': 'true', mode: 'gate' })
})

import { removeAfterTest } from '../temp.js'
describe.each(NODES)('the action on $name', ({ bin }) => {
  let github: FakeGitHub
  let dir: string

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-action-')))
    writeFileSync(path.join(dir, 'predictions.jsonl'), candidate)
    // The current run (workflow 7) and earlier successful push runs on main: 11 at the PR's base commit.
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 10, workflowId: 7, branch: 'main', headSha: 'aaa', event: 'push', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' },
      { id: 12, workflowId: 7, branch: 'main', headSha: 'ccc', event: 'push', conclusion: 'failure' }
    )
    github.artifacts.push(
      { id: 101, runId: 10, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': baseline }) },
      { id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': baseline }) }
    )
    github.runBackendIds['run-backend-500'] = 500
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
  })

  const run = (options: { inputs?: Record<string, string>; event?: Event; payload?: Record<string, unknown>; env?: Record<string, string> } = {}) =>
    runAction(github, dir, { node: bin, ...options })
  const ours = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))
  const report = (r: { outputs: Record<string, string> }) => JSON.parse(readFileSync(r.outputs.report, 'utf8'))
  /** Lines of the log that the runner would read as a workflow command. */
  const commands = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'))

  it('first run: takes the base commit\'s artifact, comments, sets the status, writes the summary, fails on the recall regression', async () => {
    const r = await run()
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('baseline: artifact "predictions" of run 11: predictions.jsonl — run 11 built the pull request\'s base commit base-sh')
    expect(r.stdout).toMatch(/::error::Eval Gate failed: recall no-regression/)
    expect(r.outputs).toMatchObject({ passed: 'false', verdict: 'fail', 'baseline-run-id': '11', 'comment-url': expect.stringContaining('#issuecomment-') })
    expect(report(r)).toMatchObject({
      schemaVersion: 1,
      passed: false,
      baseline: { source: 'artifact', runId: 11, commit: 'base-sha', baseCommit: 'base-sha', headCommit: 'head-sha', relation: 'same', behindBy: 0 }
    })
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toMatch(/^<!-- eval-gate:default -->\n/)
    expect(ours()[0].body).toContain('Eval Gate')
    expect(r.summary).toContain('Eval Gate')
    expect(github.statuses).toEqual([
      { sha: 'head-sha', state: 'failure', context: 'eval-gate', description: expect.stringContaining('failed: recall no-regression'), targetUrl: r.outputs['comment-url'] }
    ])
    // The token is only ever named to the runner to be masked (::add-mask::), which the runner does not print.
    expect(r.stdout.split('\n').filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`])
    expect([...github.authorization]).toEqual([`token ${TOKEN}`])
  })

  it('a rerun edits the same comment: never a second copy, even past the first page of comments', async () => {
    for (let i = 0; i < 130; i++) github.comments.push({ id: i + 1, issue: 42, body: `someone else's comment ${i}` })
    await run()
    const first = ours()[0]
    await run({ inputs: { gates: 'precision no-regression' } })
    expect(ours()).toHaveLength(1)
    expect(ours()[0].id).toBe(first.id)
    expect(ours()[0].body).toMatch(/passed/i)
    expect(github.requests.filter((q) => q.startsWith('PATCH'))).toHaveLength(1)
    expect(github.statuses.map((s) => s.state)).toEqual(['failure', 'success'])
  })

  it('never edits a person\'s comment that holds the marker: it writes its own, and edits only that', async () => {
    github.comments.push({ id: 1, issue: 42, body: '<!-- eval-gate:default -->\nI pasted an old report here', author: { login: 'alice', type: 'User' } })
    await run()
    await run()
    expect(ours()).toHaveLength(2)
    expect(ours()[0]).toMatchObject({ id: 1, body: '<!-- eval-gate:default -->\nI pasted an old report here' })
    expect(ours()[1].author).toEqual({ login: 'github-actions[bot]', type: 'Bot' })
    expect(github.requests.filter((q) => q.startsWith('PATCH'))).toEqual([`PATCH /repos/o/r/issues/comments/${ours()[1].id}`])
  })

  it('with a personal access token, edits that person\'s own marked comment', async () => {
    github.tokenUser = github.writer = { login: 'alice', type: 'User' }
    await run()
    await run()
    expect(ours()).toHaveLength(1)
    expect(ours()[0].author).toEqual({ login: 'alice', type: 'User' })
    expect(github.requests.filter((q) => q.startsWith('PATCH'))).toHaveLength(1)
  })

  it('passes with passed=true when the gates pass', async () => {
    const r = await run({ inputs: { gates: 'precision no-regression\naccuracy >= 0.9' } })
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ passed: 'true', verdict: 'pass' })
  })

  it('does not fail the step with fail-on-gate: false', async () => {
    const r = await run({ inputs: { 'fail-on-gate': 'false' } })
    expect(r.code).toBe(0)
    expect(r.outputs.passed).toBe('false')
  })

  it('gives a second comment-key its own comment and status', async () => {
    await run()
    await run({ inputs: { 'comment-key': 'recall-gate', gates: 'recall >= 0.5' } })
    expect(ours().map((c) => c.body.split('\n')[0])).toEqual(['<!-- eval-gate:default -->', '<!-- eval-gate:recall-gate -->'])
    expect(github.statuses.map((s) => s.context)).toEqual(['eval-gate', 'eval-gate/recall-gate'])
  })

  it('runs without a token when nothing uses the API, and names the input when something does', async () => {
    writeFileSync(path.join(dir, 'baseline.jsonl'), baseline)
    const local = await run({ inputs: { 'github-token': '', baseline: path.join(dir, 'baseline.jsonl'), comment: 'false', gates: 'precision no-regression' } })
    expect(local.code).toBe(0)
    expect(local.outputs.passed).toBe('true')
    expect(github.requests).toEqual([])
    const none = await run({ inputs: { 'github-token': '', baseline: 'none', comment: 'false' } })
    expect(none.code).toBe(0)
    const artifact = await run({ inputs: { 'github-token': '' } })
    expect(artifact.code).toBe(1)
    expect(commands(artifact.stdout).filter((line) => line.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::input "github-token" is empty, but finding the baseline artifact \(baseline: artifact\) uses GitHub's REST API/)
    ])
    const comment = await run({ inputs: { 'github-token': '', baseline: 'none' } })
    expect(comment.stdout).toMatch(/::error::input "github-token" is empty, but commenting on the pull request \(comment: true\) uses GitHub's REST API/)
    expect(comment.stdout).not.toContain('internal error')
  })

  it('when retries on a 502 are exhausted: one line naming the request and the status', async () => {
    github.faults.listRuns = [502, 502, 502, 502]
    const r = await run()
    expect(r.code).toBe(1)
    expect(github.requests.filter((q) => q.includes('/workflows/7/runs')).length).toBe(4)
    const errors = commands(r.stdout).filter((line) => line.startsWith('::error::'))
    expect(errors).toEqual([expect.stringMatching(/^::error::GitHub's API failed: GET \/repos\/o\/r\/actions\/workflows\/7\/runs\?\S+ answered HTTP 502 .* after 3 retries/)])
    expect(r.stdout).not.toMatch(/internal error|\n\s+at /)
  })

  it('when the API cannot be reached at all: one line naming the request, after the retries', async () => {
    const r = await run({ env: { GITHUB_API_URL: 'http://127.0.0.1:9' } })
    expect(r.code).toBe(1)
    const errors = commands(r.stdout).filter((line) => line.startsWith('::error::'))
    expect(errors).toEqual([expect.stringMatching(/^::error::GitHub's API could not be reached: GET \/repos\/o\/r\/actions\/runs\/500 failed \(.+\) after 3 retries/)])
    expect(r.stdout).not.toMatch(/internal error|\n\s+at /)
  })

  it('retries a 502 and goes on', async () => {
    github.faults.listRuns = [502]
    github.faults.createComment = [502]
    const r = await run()
    expect(r.outputs['baseline-run-id']).toBe('11')
    expect(github.requests.filter((q) => q.includes('/workflows/7/runs')).length).toBe(2)
    expect(ours()).toHaveLength(1)
  })

  it('without a baseline: skip passes, fail fails', async () => {
    github.artifacts = []
    const skip = await run()
    expect(skip.code).toBe(0)
    expect(skip.stdout).toMatch(/::warning::No baseline: no successful push run of workflow 7 on main has an unexpired artifact "predictions"/)
    expect(skip.outputs['baseline-run-id']).toBe('')
    expect(report(skip).baseline).toMatchObject({ source: 'none', runId: null })
    const fail = await run({ inputs: { 'missing-baseline': 'fail' } })
    expect(fail.code).toBe(1)
    expect(fail.outputs.passed).toBe('false')
  })

  it('an expired artifact at base.sha falls back to the next run, as does a 410 on download; the report says how far behind it is', async () => {
    github.artifacts[1].expired = true
    github.comparisons['aaa...base-sha'] = { status: 'ahead', aheadBy: 3, behindBy: 0 }
    const r = await run()
    expect(r.outputs['baseline-run-id']).toBe('10')
    expect(r.stdout).toContain('run 11 (at the base commit): no unexpired artifact "predictions"')
    expect(report(r).baseline).toMatchObject({ runId: 10, commit: 'aaa', baseCommit: 'base-sha', relation: 'behind', behindBy: 3, runUrl: `${github.url}/runs/10` })
    expect(r.stdout).toMatch(/::warning::The baseline comes from run (#\d+|10), built from commit aaa, 3 commits behind the base commit base-sh/)
    expect(report(r).warnings[0]).toMatch(/3 commits behind/)
    github.artifacts[1].expired = false
    github.artifacts[1].gone = true
    const gone = await run()
    expect(gone.outputs['baseline-run-id']).toBe('10')
    expect(gone.stdout).toContain('run 11: artifact "predictions" has expired (410)')
  })

  it('reads a zip made by @actions/artifact\'s own zip code: a nested path, found by the predictions path as written', async () => {
    mkdirSync(path.join(dir, 'eval'))
    writeFileSync(path.join(dir, 'eval/predictions.jsonl'), candidate)
    writeFileSync(path.join(dir, 'eval/notes.txt'), 'another file in the artifact')
    github.artifacts[1].zip = await uploadArtifactZip(dir, ['eval/predictions.jsonl', 'eval/notes.txt'], { 'eval/predictions.jsonl': baseline })
    const r = await run({ inputs: { predictions: 'eval/predictions.jsonl' } })
    expect(r.outputs['baseline-run-id']).toBe('11')
    expect(r.stdout).toContain('baseline: artifact "predictions" of run 11: eval/predictions.jsonl')
    expect(report(r).counts.paired).toBe(600)
  })

  it('refuses a zip bomb and a zip with ../ entries cleanly', async () => {
    github.artifacts[1].zip = zipSync({ 'predictions.jsonl': new Uint8Array(64 << 20) }, { level: 9 })
    // 64 MiB of zeros packs to about 64 KiB; the cap is lowered to 16 MiB for the test (default 512 MiB).
    const bomb = await run({ env: { EVAL_GATE_MAX_UNPACKED_BYTES: String(16 << 20) } })
    expect(bomb.code).toBe(1)
    expect(bomb.stdout).toMatch(/::error::artifact "predictions" of run 11: .*16,777,216.*zip bomb/)
    github.artifacts[1].zip = zipSync({ '../evil.jsonl': baseline, 'predictions.jsonl': baseline })
    const traversal = await run()
    expect(traversal.code).toBe(1)
    expect(traversal.stdout).toMatch(/::error::artifact "predictions" of run 11: .*"\.\.\/evil\.jsonl"/)
  }, 60_000)

  it('an entry name holding a newline and a workflow command stays on one log line', async () => {
    github.artifacts[1].zip = zipSync({ 'p\n::warning title=x::injected.jsonl': baseline })
    const r = await run()
    expect(commands(r.stdout).filter((line) => line.includes('injected'))).toEqual([])
    expect(r.stdout).toContain('injected.jsonl')
  })

  it('on push events: no comment, the summary only', async () => {
    const r = await run({ inputs: { gates: 'precision no-regression' }, event: 'push' })
    expect(r.code).toBe(0)
    expect(ours()).toHaveLength(0)
    expect(r.summary).toContain('Eval Gate')
    expect(r.stdout).toContain('No pull request in this push event')
  })

  it('a missing predictions file fails naming it; a bad input value names the input', async () => {
    const r = await run({ inputs: { predictions: path.join(dir, 'nope.jsonl') } })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`::error::${path.join(dir, 'nope.jsonl')}: file not found`)
    expect(r.stdout).not.toMatch(/\n\s+at /)
    const alpha = await run({ inputs: { alpha: 'often' } })
    expect(alpha.stdout).toContain('::error::input "alpha" must be a number between 0 and 1, got "often"')
    const slices = await run({ inputs: { 'slice-fields': 'language,' } })
    expect(slices.stdout).toContain('::error::input "slice-fields" must be a comma-separated list of field names, got "language,"')
  })

  describe('tasks beyond classification (SPEC §10, §11): one run each, baseline from the artifact', () => {
    const taskRun = async (example: string, inputs: Record<string, string>) => {
      const ex = (side: string) => readFileSync(path.join(root, 'examples', example, `${side}.jsonl`))
      writeFileSync(path.join(dir, 'predictions.jsonl'), ex('candidate'))
      github.artifacts[1].zip = zipSync({ 'predictions.jsonl': ex('baseline') })
      return run({ inputs: { 'positive-label': '', ...inputs } })
    }

    it('scores: the LLM-judge eval fails on latency, comments with the per-example section', async () => {
      const r = await taskRun('judge', { task: 'scores', 'score-metrics': 'judge,passed,latency_ms:lower' })
      expect(r.code).toBe(1)
      expect(r.stdout).toMatch(/::error::Eval Gate failed: latency_ms no-regression/)
      expect(report(r)).toMatchObject({ task: 'scores', counts: { paired: 400 }, confusionMatrix: null, metrics: { judge: { test: 'paired-t' }, passed: { test: 'mcnemar-exact' } } })
      expect(ours()[0].body).toContain('examples flipped to worse')
    })

    it('regression: the house prices pass their default gates', async () => {
      const r = await taskRun('house-prices', { task: 'regression' })
      expect(r.code).toBe(0)
      expect(report(r)).toMatchObject({ task: 'regression', gates: [{ rule: 'mae no-regression', status: 'pass' }, { rule: 'rmse no-regression', status: 'pass' }] })
      expect(ours()[0].body).toContain('| rmse |')
    })

    it('generation: the translation eval with BLEU and chrF gates', async () => {
      const r = await taskRun('translation', { task: 'generation', gates: 'bleu no-regression; chrf >= 80' })
      expect(r.code).toBe(0)
      expect(report(r)).toMatchObject({ task: 'generation', counts: { paired: 300 }, metrics: { bleu: { test: 'permutation' }, exact_match: { test: 'mcnemar-exact' } } })
      expect(ours()[0].body).toContain('| bleu | 69.815 | 80.250 |')
    })
  })

  it('a leaking test set: the leakage check through the action fails the gate leakage <= 0 and warns at the top', async () => {
    // Training rows: two of the candidate's ids, and one of its subjects written differently.
    const rows = candidate.toString().trim().split('\n').map((l) => JSON.parse(l) as { id: string; subject: string })
    const train = [{ id: rows[0].id, subject: 'x' }, { id: rows[1].id, subject: 'y' }, { id: 'train-1', subject: `  ${rows[2].subject.toUpperCase()}  ` }, { id: 'train-2', subject: 'never seen' }]
    writeFileSync(path.join(dir, 'train.jsonl'), train.map((r) => JSON.stringify(r)).join('\n') + '\n')
    const r = await run({ inputs: { train: path.join(dir, 'train.jsonl'), 'text-field': 'subject', gates: 'leakage <= 0; precision no-regression' } })
    expect(r.code).toBe(1)
    const leakage = report(r).leakage
    expect(leakage.byId).toBe(2)
    expect(leakage.examples).toBeGreaterThanOrEqual(3)
    expect(r.stdout).toMatch(/::error::Eval Gate failed: leakage <= 0/)
    expect(ours()[0].body.split('#### Gates')[0]).toContain('Leakage:')
  })

  describe('pull requests from forks', () => {
    it('gate on a read-only token uploads the report; publish posts the comment and the status; a rerun edits', async () => {
      github.readOnly = true
      const gate = await run({ event: 'fork_pull_request' })
      expect(gate.code).toBe(1)
      expect(gate.stdout).toMatch(/::warning::Could not comment on pull request #42 \(no write access/)
      expect(gate.stdout).toContain('Report uploaded as the artifact "eval-gate-report"')
      expect(github.uploads.map((u) => [u.name, u.finalized])).toEqual([['eval-gate-report', true]])
      expect(ours()).toHaveLength(0)
      expect(github.statuses).toEqual([])
      expect(gate.summary).toContain('Eval Gate')

      github.readOnly = false
      github.pulls.push({ number: 42, headSha: 'head-sha', headOwner: 'forker', headBranch: 'feature', state: 'open' })
      github.runs.push({ id: 900, workflowId: 8, branch: 'main', headSha: 'main-sha', event: 'workflow_run', conclusion: 'success' })
      const before = github.requests.length
      const publish = await run({ event: 'workflow_run', inputs: { mode: 'publish', predictions: '' } })
      expect(publish.code).toBe(0)
      expect(ours()).toHaveLength(1)
      expect(ours()[0]).toMatchObject({ issue: 42, author: { login: 'github-actions[bot]', type: 'Bot' } })
      expect(github.statuses).toEqual([
        { sha: 'head-sha', state: 'failure', context: 'eval-gate', description: expect.stringContaining('recall no-regression'), targetUrl: publish.outputs['comment-url'] }
      ])
      expect(publish.outputs).toMatchObject({ passed: 'false', verdict: 'fail', 'baseline-run-id': '11' })
      expect(publish.summary).toContain('Eval Gate')
      // Publish read nothing of the fork's run but its report artifact.
      expect(github.requests.slice(before).filter((q) => q.includes('/actions/') || q.includes('/blobs/'))).toEqual([
        'GET /repos/o/r/actions/runs/500/artifacts?name=eval-gate-report&per_page=100',
        expect.stringMatching(/^GET \/repos\/o\/r\/actions\/artifacts\/\d+\/zip$/),
        expect.stringMatching(/^GET \/blobs\/\d+$/)
      ])

      const again = await run({ event: 'workflow_run', inputs: { mode: 'publish', predictions: '' } })
      expect(again.code).toBe(0)
      expect(ours()).toHaveLength(1)
      expect(github.statuses).toHaveLength(2)
    })

    it('publish trusts nothing in the artifact: the pull request is found by head commit, a forged report is refused', async () => {
      const good = JSON.parse(readFileSync(path.join(root, '__tests__/fixtures/action/report.json'), 'utf8'))
      const artifact = (report: unknown, pr: unknown) => ({
        id: 700,
        runId: 500,
        name: 'eval-gate-report',
        expired: false,
        zip: zipSync({ 'report.json': Buffer.from(JSON.stringify(report)), 'pull-request.json': Buffer.from(JSON.stringify(pr)), 'comment.md': Buffer.from('@everyone <img src=x>') })
      })
      github.pulls.push(
        { number: 7, headSha: 'someone-elses', headOwner: 'o', headBranch: 'other', state: 'open' },
        { number: 42, headSha: 'head-sha', headOwner: 'forker', headBranch: 'feature', state: 'open' }
      )
      github.artifacts.push(artifact(good, { number: 7, headSha: 'someone-elses', key: 'default' }))
      const r = await run({ event: 'workflow_run', inputs: { mode: 'publish', predictions: '' } })
      expect(r.code).toBe(0)
      expect(ours().map((c) => c.issue)).toEqual([42])
      expect(ours()[0].body).not.toContain('<img src=x>')
      expect(github.statuses.map((s) => s.sha)).toEqual(['head-sha'])

      github.artifacts = [artifact({ ...good, counts: { ...good.counts, paired: '<img src=x onerror=alert(1)>' } }, { number: 42 })]
      const forged = await run({ event: 'workflow_run', inputs: { mode: 'publish', predictions: '' } })
      expect(forged.code).toBe(1)
      expect(commands(forged.stdout)).toContainEqual(expect.stringMatching(/^::error::artifact "eval-gate-report" of run 500: report\.json: is not an Eval Gate report: report\.counts\["paired"\] must be a number/))
      expect(github.statuses).toHaveLength(1)
    })

    it('publish outside workflow_run says so; a push run has nothing to publish', async () => {
      const wrong = await run({ inputs: { mode: 'publish', predictions: '' } })
      expect(wrong.code).toBe(1)
      expect(wrong.stdout).toContain('::error::input "mode" is "publish", which runs in a workflow triggered by workflow_run')
      const push = await run({
        event: 'workflow_run',
        payload: { workflow_run: { id: 10, event: 'push', head_sha: 'aaa', head_branch: 'main', head_repository: { full_name: 'o/r' }, pull_requests: [] } },
        inputs: { mode: 'publish', predictions: '' }
      })
      expect(push.code).toBe(0)
      expect(push.stdout).toContain('nothing to publish')
    })
  })
})

/** A zip as actions/upload-artifact v4 makes it: @actions/artifact's own zip code (archiver, data descriptors). */
async function uploadArtifactZip(rootDir: string, files: string[], replace: Record<string, Buffer>): Promise<Uint8Array> {
  const zipModule = path.join(root, 'node_modules/@actions/artifact/lib/internal/upload/zip.js')
  const specModule = path.join(root, 'node_modules/@actions/artifact/lib/internal/upload/upload-zip-specification.js')
  const { createZipUploadStream } = (await import(zipModule)) as { createZipUploadStream: (spec: unknown[], level?: number) => Promise<AsyncIterable<Buffer>> }
  const { getUploadZipSpecification } = (await import(specModule)) as { getUploadZipSpecification: (files: string[], root: string) => unknown[] }
  // The baseline's own content goes into the zip under the same names.
  const staging = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-zip-')))
  for (const file of files) {
    mkdirSync(path.dirname(path.join(staging, file)), { recursive: true })
    writeFileSync(path.join(staging, file), replace[file] ?? readFileSync(path.join(rootDir, file)))
  }
  const stream = await createZipUploadStream(getUploadZipSpecification(files.map((f) => path.join(staging, f)), staging))
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return new Uint8Array(Buffer.concat(chunks))
}

describe('data checks through the action (SPEC §14): a leaking test set, an overfit model', () => {
  let github: FakeGitHub
  let dir: string
  const rows = candidate.toString().trim().split('\n').map((l) => JSON.parse(l) as { id: string; subject: string; label: string; prediction: string; score: number })

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-action-checks-')))
    writeFileSync(path.join(dir, 'predictions.jsonl'), candidate)
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' }
    )
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': baseline }) })
    github.runBackendIds['run-backend-500'] = 500
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
  })

  // The action's own runtime (action.yml: node24); the machine's Node runs the same bundle in the block above.
  const run = (inputs: Record<string, string>) => runAction(github, dir, { node: NODE24, inputs })
  const comment = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))
  const reportOf = (r: { outputs: Record<string, string> }) => JSON.parse(readFileSync(r.outputs.report, 'utf8'))
  const jsonl = (name: string, list: object[]) => {
    writeFileSync(path.join(dir, name), list.map((r) => JSON.stringify(r)).join('\n') + '\n')
    return path.join(dir, name)
  }

  it('a leaking test set: leakage <= 0 fails, the comment leads with it and names the leaked ids', async () => {
    // Two of the test set's subjects sit in the training file under other ids, one cased and spaced differently.
    const train = jsonl('train.jsonl', [
      { id: 'train-0', subject: rows[0].subject },
      { id: 'train-1', subject: `  ${rows[4].subject.toUpperCase()}\t` },
      { id: 'train-2', subject: 'a subject the test set never uses' }
    ])
    const r = await run({ train, 'text-field': 'subject', gates: 'leakage <= 0; accuracy no-regression' })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ passed: 'false', verdict: 'fail' })
    const report = reportOf(r)
    // /usr/bin/python3: n = lambda s: re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s).casefold()).strip();
    // the candidate rows whose n(subject) is one of the two → 70, first ids msg-0001 msg-0005 msg-0006 msg-0010 …
    expect(report.leakage).toMatchObject({ trainRows: 3, byId: 0, byText: 70, examples: 70 })
    expect(report.leakage.firstIds.slice(0, 4)).toEqual(['msg-0001', 'msg-0005', 'msg-0006', 'msg-0010'])
    expect(report.gates.map((g: { rule: string; status: string }) => [g.rule, g.status])).toEqual([
      ['leakage <= 0', 'fail'],
      ['accuracy no-regression', 'pass']
    ])
    expect(r.stdout).toMatch(/::error::Eval Gate failed: leakage <= 0/)
    const top = comment()[0].body.split('#### Gates')[0]
    expect(top).toContain('❌ `leakage <= 0`: **leakage 70**')
    expect(top).toContain('> ⚠️ Leakage: 70 of 600 test examples also occur in the training file (0 by id, 70 by `subject` text; ids `msg-0001`, `msg-0005`')
    expect(r.summary).toContain('Leakage: 70 of 600')
  })

  it('an overfit model: train-gap fails, the comment gives train, test, gap and its interval', async () => {
    // The candidate's predictions on its own training set: every one right (an overfit model's usual picture).
    const trainPredictions = jsonl(
      'train-predictions.jsonl',
      rows.map((r, i) => ({ id: `train-${i}`, label: r.label, prediction: r.label, score: r.label === 'spam' ? 0.97 : 0.03 }))
    )
    const r = await run({ 'train-predictions': trainPredictions, gates: 'accuracy train-gap <= 0.02; recall train-gap <= 0.5' })
    expect(r.code).toBe(1)
    const report = reportOf(r)
    const o = report.overfitting
    expect(o).toMatchObject({ trainRows: 600, testRows: 600, ciMethod: 'mover' })
    expect(Object.keys(o.metrics)).toEqual(['accuracy', 'precision', 'recall', 'f1'])
    // Test values are the candidate's own: /usr/bin/python3, sklearn accuracy_score and recall_score(pos_label="spam")
    // on examples/spam/candidate.jsonl → 0.9233333333333333 (554/600) and 0.8064516129032258 (150/186).
    expect(o.metrics.accuracy).toMatchObject({ train: 1, test: report.metrics.accuracy.candidate })
    expect(o.metrics.accuracy.test).toBeCloseTo(0.9233333333333333, 12)
    expect(o.metrics.recall.test).toBeCloseTo(150 / 186, 12)
    expect(o.metrics.recall.gap).toBeCloseTo(1 - 150 / 186, 12)
    expect(report.gates.map((g: { rule: string; status: string }) => [g.rule, g.status])).toEqual([
      ['accuracy train-gap <= 0.02', 'fail'],
      ['recall train-gap <= 0.5', 'pass']
    ])
    expect(r.stdout).toMatch(/::error::Eval Gate failed: accuracy train-gap <= 0\.02/)
    const body = comment()[0].body
    expect(body.split('#### Gates')[0]).toMatch(/❌ `accuracy train-gap <= 0\.02`: \*\*accuracy 100\.0% on train, 92\.3% on test \(gap \+7\.7 pts, 95% CI \+/)
    expect(body).toContain('#### Overfitting')
    expect(body).toContain('| recall | 100.0% | 80.6% | +19.4 pts |')
    expect(body).toContain('Overfitting: the candidate does much better on its training set than on the test set')
  })
})

/**
 * SPEC §12 through the action: the output `verdict` (pass | fail | inconclusive), the step's status per input
 * `inconclusive`, and an `errors` run. Fixtures and numbers: __tests__/fixtures/errors/make.py (statsmodels 0.13
 * for McNemar, scikit-learn 1.2); error counts by hand (ids listed in make.py).
 */
describe.each(NODES)('errors and inconclusive results through the action on $name', ({ bin }) => {
  let github: FakeGitHub
  let dir: string
  const fixture = (name: string) => path.join(root, '__tests__/fixtures/errors', name)

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-action-errors-')))
  })
  afterEach(async () => {
    await github.stop()
    expect(github.problems).toEqual([])
  })

  /** A local run (baseline a file, no comment, no token): nothing reaches the API. */
  const local = (kind: string, inputs: Record<string, string>) => {
    writeFileSync(path.join(dir, 'predictions.jsonl'), readFileSync(fixture(`${kind}-candidate.jsonl`)))
    return runAction(github, dir, {
      node: bin,
      inputs: { 'github-token': '', baseline: fixture(`${kind}-baseline.jsonl`), comment: 'false', 'positive-label': '1', ...inputs }
    })
  }
  const report = (r: { outputs: Record<string, string> }) => JSON.parse(readFileSync(r.outputs.report, 'utf8'))

  it('an inconclusive non-inferiority gate: verdict=inconclusive; the step fails by default and passes with inconclusive: pass', async () => {
    const failing = await local('close', { gates: 'accuracy non-inferior 0.04' })
    expect(failing.code).toBe(1)
    expect(failing.outputs).toMatchObject({ passed: 'false', verdict: 'inconclusive' })
    expect(failing.stdout).toMatch(/::error::Eval Gate inconclusive \(inconclusive: fail\): accuracy non-inferior 0\.04 \(/)
    expect(failing.summary).toContain('Eval Gate: inconclusive')
    const passing = await local('close', { gates: 'accuracy non-inferior 0.04', inconclusive: 'pass' })
    expect(passing.code).toBe(0)
    expect(passing.outputs).toMatchObject({ passed: 'true', verdict: 'inconclusive' })
    expect(report(passing)).toMatchObject({ verdict: 'inconclusive', passed: true })
    expect(github.requests).toEqual([])
  })

  it('the commit status of an inconclusive verdict says inconclusive, failure or success per input inconclusive', async () => {
    github.runs.push({ id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' })
    const failing = await local('close', { gates: 'accuracy non-inferior 0.04', 'github-token': TOKEN })
    expect(failing.code).toBe(1)
    expect(github.statuses).toEqual([{ sha: 'head-sha', state: 'failure', context: 'eval-gate', description: 'inconclusive: accuracy non-inferior 0.04', targetUrl: null }])
    const passing = await local('close', { gates: 'accuracy non-inferior 0.04', 'github-token': TOKEN, inconclusive: 'pass' })
    expect(passing.code).toBe(0)
    expect(github.statuses.at(-1)).toMatchObject({ state: 'success', description: 'inconclusive (counted as passing): accuracy non-inferior 0.04' })
  })

  it('errors: exclude: counts.errors per side, 10 pairs left out, a warning; error_rate no-regression fails (one-sided p = 10/512)', async () => {
    const r = await local('binary', { errors: 'exclude', gates: 'accuracy >= 0; error_rate no-regression' })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ passed: 'false', verdict: 'fail' })
    const rep = report(r)
    expect(rep.counts).toMatchObject({ paired: 40, errors: { candidate: 9, baseline: 2 }, excluded: 10 })
    expect(rep.metrics.accuracy.candidate).toBeCloseTo(0.8333333333333334, 12)
    expect(rep.metrics.error_rate.pValue).toBeCloseTo(0.0390625, 12)
    expect(rep.gates[1]).toMatchObject({ status: 'fail', pValue: 0.01953125 })
    expect(r.stdout).toMatch(/::warning::10 compared examples have an error row \(candidate 9, baseline 2/)
    expect(r.stdout).toMatch(/::error::Eval Gate failed: error_rate no-regression/)
  })
})

describe.each(NODES)('slices through the action on $name (SPEC §13)', ({ bin }) => {
  let github: FakeGitHub
  let dir: string
  const multilingual = (side: string) => readFileSync(path.join(root, 'examples/multilingual', `${side}.jsonl`))

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-slices-')))
    writeFileSync(path.join(dir, 'predictions.jsonl'), multilingual('candidate'))
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' }
    )
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': multilingual('baseline') }) })
    github.runBackendIds['run-backend-500'] = 500
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
  })

  const run = (options: { inputs?: Record<string, string>; event?: Event } = {}) =>
    runAction(github, dir, { node: bin, ...options, inputs: { 'positive-label': '', resamples: '2000', ...options.inputs } })
  const ours = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))

  it('slice-fields: language — the comment shows German among the slices that got worse; a by-language gate fails on it', async () => {
    const r = await run({ inputs: { 'slice-fields': 'language' } })
    expect(r.code).toBe(0)
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'))
    expect(report.settings.slices).toMatchObject({ fields: ['language'], minSlice: 30 })
    expect(Object.keys(report.slices.language).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'ko'])
    expect(report.slices.language.de).toMatchObject({ counts: { paired: 500 }, tested: true })
    const body = ours()[0].body
    expect(body).toContain('#### Slices that got worse')
    expect(body).toMatch(/\| `language=de` \| accuracy \(also [a-z1, ]+\) \| 500 \| 81\.6% → 74\.8% \| −6\.8 pts \|/)
    expect(body).toContain('Not tested (fewer than 30 paired examples): `language=ko` (20).')
    expect(r.summary).toContain('#### Slices that got worse')

    const gated = await run({ inputs: { 'slice-fields': 'language', 'min-slice': '25', gates: 'accuracy no-regression by language; accuracy no-regression' } })
    expect(gated.code).toBe(1)
    expect(gated.stdout).toMatch(/::error::Eval Gate failed: accuracy no-regression by language/)
    expect(ours()).toHaveLength(1)
    const edited = ours()[0].body
    expect(edited).toContain('❌ `accuracy no-regression by language`: **accuracy on `language=de` 81.6% → 74.8%')
    expect(edited).toContain('| ❌&nbsp;`language=de` |')
    // min-slice 25: Korean (20) is still untested.
    expect(edited).toContain('Not tested (fewer than 25 paired examples): `language=ko` (20).')
  })

  it('a fork: the sliced report goes through publish mode (its shape checked) to the comment', async () => {
    github.readOnly = true
    const gate = await run({ event: 'fork_pull_request', inputs: { 'slice-fields': 'language', gates: 'accuracy no-regression by language' } })
    expect(gate.code).toBe(1)
    expect(ours()).toHaveLength(0)
    github.readOnly = false
    github.pulls.push({ number: 42, headSha: 'head-sha', headOwner: 'forker', headBranch: 'feature', state: 'open' })
    github.runs.push({ id: 900, workflowId: 8, branch: 'main', headSha: 'main-sha', event: 'workflow_run', conclusion: 'success' })
    const publish = await run({ event: 'workflow_run', inputs: { mode: 'publish', predictions: '' } })
    expect(publish.code).toBe(0)
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toContain('| ❌&nbsp;`language=de` |')
    expect(publish.outputs).toMatchObject({ passed: 'false', verdict: 'fail' })
  })
})

describe.each(NODES)('repeats and clusters through the action on $name (SPEC §12)', ({ bin }) => {
  let github: FakeGitHub
  let dir: string
  const fixture = (side: string) => readFileSync(path.join(root, '__tests__/fixtures/clusters', `${side}.jsonl`))

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-clusters-')))
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' }
    )
    github.runBackendIds['run-backend-500'] = 500
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
  })

  const withFiles = (candidateRows: Buffer, baselineRows: Buffer) => {
    writeFileSync(path.join(dir, 'predictions.jsonl'), candidateRows)
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': baselineRows }) })
  }
  const report = (r: { outputs: Record<string, string> }) => JSON.parse(readFileSync(r.outputs.report, 'utf8'))

  it('cluster-field: the clustered McNemar and cluster paired t, named in test and in the comment', async () => {
    withFiles(fixture('candidate'), fixture('baseline'))
    const r = await runAction(github, dir, { node: bin, inputs: { 'positive-label': '', 'cluster-field': 'doc', resamples: '1000', gates: 'accuracy no-regression' } })
    expect(r.code).toBe(0)
    // Durkalski's X² over the 12 documents: scipy chi2.sf(1.1904761904761905, 1) (__tests__/clusters.test.ts)
    expect(report(r).metrics.accuracy).toMatchObject({ test: 'mcnemar-cluster', ciMethod: 'cluster-bootstrap-percentile' })
    expect(report(r).metrics.accuracy.pValue).toBeCloseTo(0.27523352407483115, 12)
    expect(github.comments.at(-1)?.body).toContain('clustered McNemar (Durkalski 2003): accuracy')
    const scores = await runAction(github, dir, { node: bin, inputs: { 'positive-label': '', task: 'scores', 'score-metrics': 'judge', 'cluster-field': 'doc', resamples: '1000' } })
    expect(report(scores).metrics.judge.test).toBe('paired-t-cluster')
    expect(report(scores).metrics.judge.pValue).toBeCloseTo(0.12610229434787754, 10)
  })

  it('repeat-field: counts.repeats in the report; a repeated (id, repeat) fails naming file, line and field', async () => {
    const lines = (shift: number) =>
      Buffer.from(Array.from({ length: 40 }, (_, r) => JSON.stringify({ id: `q${r >> 1}`, seed: r % 2, judge: ((r * 3 + shift) % 5) + 1 })).join('\n') + '\n')
    withFiles(lines(0), lines(1))
    const r = await runAction(github, dir, { node: bin, inputs: { 'positive-label': '', task: 'scores', 'score-metrics': 'judge', 'repeat-field': 'seed', resamples: '500' } })
    expect(report(r).counts).toMatchObject({ candidate: 40, baseline: 40, paired: 20, repeats: { candidate: 2, baseline: 2 } })
    writeFileSync(path.join(dir, 'predictions.jsonl'), '{"id": "a", "seed": 1, "judge": 3}\n{"id": "a", "seed": 1, "judge": 4}\n')
    const bad = await runAction(github, dir, { node: bin, inputs: { 'positive-label': '', task: 'scores', 'score-metrics': 'judge', 'repeat-field': 'seed' } })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/::error::.*predictions\.jsonl:2: field "seed" repeats the value "1" of id "a" \(line 1\)/)
  })
})
