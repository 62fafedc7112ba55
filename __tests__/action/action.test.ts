/**
 * The action end to end, as the runner runs it: `node dist/index.js` with INPUT_* variables (defaults taken from
 * action.yml), a pull_request event payload, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, and GITHUB_API_URL
 * pointing at a local fake of GitHub's REST API whose responses are checked against GitHub's OpenAPI description.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from './fake-github.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const TOKEN = 'ghs_secretTokenThatMustNeverBeLogged123'
const candidate = readFileSync(path.join(root, 'examples/spam/candidate.jsonl'))
const baseline = readFileSync(path.join(root, 'examples/spam/baseline.jsonl'))

/** Input defaults as action.yml declares them (read from the file so they cannot drift). */
function actionDefaults(): Record<string, string> {
  const text = readFileSync(path.join(root, 'action.yml'), 'utf8')
  const inputs = text.slice(text.indexOf('\ninputs:'), text.indexOf('\noutputs:'))
  const defaults: Record<string, string> = {}
  let current = ''
  for (const line of inputs.split('\n')) {
    const name = /^ {2}([a-z-]+):\s*$/.exec(line)
    if (name) current = name[1]
    const value = /^ {4}default:\s*(.*)$/.exec(line)
    if (value && current) defaults[current] = value[1].replace(/^'(.*)'$/, '$1')
  }
  return defaults
}

interface Result {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

let github: FakeGitHub
let runs = 0
let dir: string

beforeEach(async () => {
  github = new FakeGitHub()
  await github.start()
  dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-action-'))
  writeFileSync(path.join(dir, 'predictions.jsonl'), candidate)
  // The current run (workflow 7) and two earlier successful push runs on main: 11 at the PR's base commit.
  github.runs.push(
    { id: 500, workflowId: 7, branch: 'feature', headSha: 'f00', event: 'pull_request', conclusion: 'success' },
    { id: 10, workflowId: 7, branch: 'main', headSha: 'aaa', event: 'push', conclusion: 'success' },
    { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' },
    { id: 12, workflowId: 7, branch: 'main', headSha: 'ccc', event: 'push', conclusion: 'failure' }
  )
  github.artifacts.push(
    { id: 101, runId: 10, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': baseline }) },
    { id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': baseline }) }
  )
})

afterEach(async () => {
  await github.stop()
  expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
})

function runAction(inputs: Record<string, string> = {}, event: 'pull_request' | 'push' = 'pull_request', extraEnv: Record<string, string> = {}): Promise<Result> {
  const eventPath = path.join(dir, 'event.json')
  const payload =
    event === 'pull_request'
      ? { pull_request: { number: 42, base: { ref: 'main', sha: 'base-sha', repo: { full_name: 'o/r' } }, head: { repo: { full_name: 'o/r', fork: false } } }, repository: { default_branch: 'main' } }
      : { repository: { default_branch: 'main' } }
  writeFileSync(eventPath, JSON.stringify(payload))
  runs++
  const outputFile = path.join(dir, `output-${runs}`)
  const summaryFile = path.join(dir, `summary-${runs}`)
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '500',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    EVAL_GATE_RETRY_BASE_MS: '10',
    ...extraEnv
  }
  const all = { ...actionDefaults(), 'github-token': TOKEN, predictions: path.join(dir, 'predictions.jsonl'), 'positive-label': 'spam', resamples: '1000', ...inputs }
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'dist/index.js')], { env, cwd: dir })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stdout += d))
    child.on('close', (code) => {
      const outputs: Record<string, string> = {}
      const text = readFileSync(outputFile, 'utf8')
      for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3]
      resolve({ code, stdout, outputs, summary: readFileSync(summaryFile, 'utf8') })
    })
  })
}

const ours = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))

describe('the action', () => {
  it('uses the defaults of action.yml', () => {
    expect(actionDefaults()).toMatchObject({ baseline: 'artifact', 'artifact-name': 'predictions', alpha: '0.05', resamples: '10000', 'missing-baseline': 'skip', comment: 'true', 'fail-on-gate': 'true' })
  })

  it('first run: takes the base commit\'s artifact, comments, writes the summary, fails on the recall regression', async () => {
    const r = await runAction()
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('baseline: artifact "predictions" of run 11: predictions.jsonl — run 11 built the pull request\'s base commit base-sh')
    expect(r.stdout).toMatch(/::error::Eval Gate failed: recall no-regression/)
    expect(r.outputs).toMatchObject({ passed: 'false', 'baseline-run-id': '11', 'comment-url': expect.stringContaining('#issuecomment-') })
    expect(JSON.parse(readFileSync(r.outputs.report, 'utf8'))).toMatchObject({ schemaVersion: 1, passed: false })
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toMatch(/^<!-- eval-gate:default -->\n### ❌ Eval Gate: failed/)
    expect(r.summary).toContain('### ❌ Eval Gate: failed')
    // The token is only ever named to the runner to be masked (::add-mask::), which the runner does not print.
    expect(r.stdout.split('\n').filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`])
    expect([...github.authorization]).toEqual([`token ${TOKEN}`])
  })

  it('a rerun edits the same comment: never a second copy, even past the first page of comments', async () => {
    for (let i = 0; i < 130; i++) github.comments.push({ id: i + 1, issue: 42, body: `someone else's comment ${i}` })
    await runAction()
    const first = ours()[0]
    await runAction({ gates: 'precision no-regression' })
    expect(ours()).toHaveLength(1)
    expect(ours()[0].id).toBe(first.id)
    expect(ours()[0].body).toContain('✅ Eval Gate: passed')
    expect(github.requests.filter((q) => q.startsWith('PATCH'))).toHaveLength(1)
  })

  it('passes with passed=true when the gates pass', async () => {
    const r = await runAction({ gates: 'precision no-regression\naccuracy >= 0.9' })
    expect(r.code).toBe(0)
    expect(r.outputs.passed).toBe('true')
  })

  it('does not fail the step with fail-on-gate: false', async () => {
    const r = await runAction({ 'fail-on-gate': 'false' })
    expect(r.code).toBe(0)
    expect(r.outputs.passed).toBe('false')
  })

  it('gives a second comment-key its own comment', async () => {
    await runAction()
    await runAction({ 'comment-key': 'recall-gate', gates: 'recall >= 0.5' })
    expect(ours().map((c) => c.body.split('\n')[0])).toEqual(['<!-- eval-gate:default -->', '<!-- eval-gate:recall-gate -->'])
  })

  it('a fork\'s read-only token: warns, writes the summary, and the gate still decides', async () => {
    github.readOnly = true
    const r = await runAction({ gates: 'precision no-regression' })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/::warning::Could not comment on pull request #42 \(HTTP 403\)/)
    expect(r.summary).toContain('Eval Gate: passed')
    expect(r.outputs['comment-url']).toBe('')
  })

  it('without a baseline: skip passes, fail fails', async () => {
    github.artifacts = []
    const skip = await runAction()
    expect(skip.code).toBe(0)
    expect(skip.stdout).toMatch(/::warning::No baseline: no successful push run of workflow 7 on main has an unexpired artifact "predictions"/)
    expect(skip.outputs['baseline-run-id']).toBe('')
    const fail = await runAction({ 'missing-baseline': 'fail' })
    expect(fail.code).toBe(1)
    expect(fail.outputs.passed).toBe('false')
  })

  it('an expired artifact at base.sha falls back to the next run, as does a 410 on download', async () => {
    github.artifacts[1].expired = true
    const r = await runAction()
    expect(r.outputs['baseline-run-id']).toBe('10')
    expect(r.stdout).toContain('run 11 (at the base commit): no unexpired artifact "predictions"')
    github.artifacts[1].expired = false
    github.artifacts[1].gone = true
    const gone = await runAction()
    expect(gone.outputs['baseline-run-id']).toBe('10')
    expect(gone.stdout).toContain('run 11: artifact "predictions" has expired (410)')
  })

  it('retries a 502', async () => {
    github.faults.listRuns = [502]
    github.faults.createComment = [502]
    const r = await runAction()
    expect(r.outputs['baseline-run-id']).toBe('11')
    expect(github.requests.filter((q) => q.includes('/workflows/7/runs')).length).toBe(2)
    expect(ours()).toHaveLength(1)
  })

  it('a missing predictions file fails naming it', async () => {
    const r = await runAction({ predictions: path.join(dir, 'nope.jsonl') })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`::error::${path.join(dir, 'nope.jsonl')}: file not found`)
    expect(r.stdout).not.toMatch(/\n\s+at /)
  })

  it('refuses a zip bomb and a zip with ../ entries cleanly', async () => {
    github.artifacts[1].zip = zipSync({ 'predictions.jsonl': new Uint8Array(64 << 20) }, { level: 9 })
    // 64 MiB of zeros packs to about 64 KiB; the cap is lowered to 16 MiB for the test (default 512 MiB).
    const bomb = await runAction({}, 'pull_request', { EVAL_GATE_MAX_UNPACKED_BYTES: String(16 << 20) })
    expect(bomb.code).toBe(1)
    expect(bomb.stdout).toContain('unpacks "predictions.jsonl" to more than')
    github.artifacts[1].zip = zipSync({ '../evil.jsonl': baseline, 'predictions.jsonl': baseline })
    const traversal = await runAction()
    expect(traversal.code).toBe(1)
    expect(traversal.stdout).toContain('has an entry with an unsafe path ("../evil.jsonl"): refused')
    expect(existsSync(path.join(dir, '..', 'evil.jsonl'))).toBe(false)
  }, 60_000)

  it('on push events: no comment, the summary only', async () => {
    const r = await runAction({ gates: 'precision no-regression' }, 'push')
    expect(r.code).toBe(0)
    expect(ours()).toHaveLength(0)
    expect(r.summary).toContain('Eval Gate: passed')
    expect(r.stdout).toContain('No pull request in this push event')
  })

  it('names the input of a bad value', async () => {
    const r = await runAction({ alpha: 'often' })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::input "alpha" must be a number between 0 and 1, got "often"')
  })
})


