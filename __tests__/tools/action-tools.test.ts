/**
 * The evaluation tools' outputs through the action (docs/tools.md, docs/suites.md), end to end: the bundle against
 * the local fake of GitHub's REST API (../action/fake-github.ts).
 * - An lm-eval output folder or an Inspect log folder as `predictions`: the baseline run uploaded its own folder,
 *   whose files carry another time in their names, so each task is matched by task, not by path.
 * - A promptfoo file of several prompt × provider columns: one suite per column.
 * - A single tool file from the artifact reads as the same file from disk.
 * The real files (PROVENANCE.md) are read from ../shared/formats/real and copied into the test's temp workspace
 * only to separate runs or change a value; skipped when ../shared is absent.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../action/fake-github.js'
import { runAction } from '../action/run-action.js'
import { asReport, asSuitesReport } from '../../src/report/validate.js'
import { removeAfterTest } from '../temp.js'
import { compareFiles, haveReal, real, repoRoot } from './support.js'

const RUN = 'lm-eval-harness/harness-pr3936-negotiationtom-qwen3-8b/outputs/qwen3-8b/negotiationtom/Qwen__Qwen3-8B'
const CANDIDATE = '18-15-33'
const BASELINE = '16-04-34'
const results = (stamp: string) =>
  (JSON.parse(readFileSync(real(RUN, readdirSync(real(RUN)).find((f) => f.startsWith('results_') && f.includes(stamp)) as string), 'utf8')) as { results: Record<string, Record<string, number>> }).results

describe.skipIf(!haveReal)('tool outputs as the action\'s predictions (real files, ../shared/formats/real)', () => {
  let github: FakeGitHub
  let dir: string

  /** The files of one run: samples and results, by their names in the harness's folder. */
  const runFiles = (stamp: string, only: (f: string) => boolean = () => true): Record<string, Uint8Array> =>
    Object.fromEntries(readdirSync(real(RUN)).filter((f) => f.includes(stamp) && only(f)).map((f) => [f, readFileSync(real(RUN, f))]))

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-folder-action-')))
    const out = path.join(dir, 'lm-eval-out', 'Qwen__Qwen3-8B')
    mkdirSync(out, { recursive: true })
    for (const [f, bytes] of Object.entries(runFiles(CANDIDATE))) writeFileSync(path.join(out, f), bytes)
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' }
    )
    github.runBackendIds['run-backend-500'] = 500
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, "responses that do not match GitHub's OpenAPI description").toEqual([])
  })

  /** The base branch's run uploaded `lm-eval-out/` (upload-artifact keeps the model's folder below it). */
  const upload = (files: Record<string, Uint8Array>) =>
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync(Object.fromEntries(Object.entries(files).map(([f, b]) => [`Qwen__Qwen3-8B/${f}`, b]))) })

  it('is one suite per task, each paired with the artifact file of its task and equal to the harness aggregates', async () => {
    upload(runFiles(BASELINE))
    const r = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out', resamples: '500' }, event: 'pull_request' })
    expect(r.code).toBe(0)
    const report = asSuitesReport(JSON.parse(readFileSync(r.outputs.report, 'utf8')), r.outputs.report)
    expect(Object.keys(report.suites)).toEqual(['negotiationtom_belief', 'negotiationtom_desire', 'negotiationtom_intention'])
    expect(report.newSuites).toEqual([])
    const [c, b] = [results(CANDIDATE), results(BASELINE)]
    for (const [name, suite] of Object.entries(report.suites)) {
      const metric = name === 'negotiationtom_intention' ? 'exact_match' : 'acc'
      expect(suite.counts.paired).toBe(20)
      expect(suite.metrics[metric].candidate).toBeCloseTo(c[name][`${metric},none`], 9)
      expect(suite.metrics[metric].baseline).toBeCloseTo(b[name][`${metric},none`], 9)
      expect(suite.baseline?.runId).toBe(11)
    }
    expect(r.outputs.passed).toBe('true')
    const comment = github.comments.find((x) => x.body.startsWith('<!-- eval-gate:'))
    expect(comment?.body).toMatch(/3 of 3 suites/)
    // The artifact's files went to a folder of their own under RUNNER_TEMP (here the test's folder), and are named as the artifact's.
    expect(readdirSync(dir).filter((f) => f.startsWith('eval-gate-baseline-'))).toHaveLength(1)
    expect(readdirSync(path.join(dir, 'lm-eval-out', 'Qwen__Qwen3-8B')).every((f) => f.includes(CANDIDATE))).toBe(true)
    expect(JSON.stringify(report)).not.toContain('eval-gate-baseline-')
    expect(JSON.stringify(report)).toContain('artifact \\"predictions\\" of run 11: Qwen__Qwen3-8B/samples_negotiationtom_belief_2026-07-08T16-04-34')
  })

  it('artifact-path names the folder inside the artifact: only its files are the baseline', async () => {
    const base = runFiles(BASELINE)
    // Beside the folder, another run of one task (which alone would make that task ambiguous) and a stray file.
    const belief = Object.keys(base).find((f) => f.startsWith('samples_negotiationtom_belief')) as string
    const zip = {
      ...Object.fromEntries(Object.entries(base).map(([f, b]) => [`lm-eval-out/Qwen__Qwen3-8B/${f}`, b])),
      [`old/${belief.replace('16-04-34', '09-00-00')}`]: base[belief],
      'notes.txt': new Uint8Array([104, 105])
    }
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync(zip) })
    const r = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out', 'artifact-path': 'lm-eval-out/', resamples: '500' }, event: 'pull_request' })
    expect(r.code).toBe(0)
    const report = asSuitesReport(JSON.parse(readFileSync(r.outputs.report, 'utf8')), r.outputs.report)
    expect(report.newSuites).toEqual([])
    expect(report.suites.negotiationtom_belief.metrics.acc.baseline).toBeCloseTo(results(BASELINE).negotiationtom_belief['acc,none'], 9)
    expect(JSON.stringify(report)).toContain('artifact \\"predictions\\" of run 11: Qwen__Qwen3-8B/samples_negotiationtom_belief_')
    const wrong = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out', 'artifact-path': 'out' }, event: 'pull_request' })
    expect(wrong.code).not.toBe(0)
    expect(wrong.stdout).toMatch(/^::error::artifact "predictions" of run 11: has no file under "out" \(artifact-path\); its files: "lm-eval-out\/Qwen__Qwen3-8B\/[^\n]*$/m)
  })

  it('history: a push run uploads the report of its suites (metrics only), and a pull request shows each suite its trend', async () => {
    upload(runFiles(BASELINE))
    // The push run of main (230, newest) compares its folder with run 11's and uploads its report for the history.
    github.runBackendIds['run-backend-500'] = 230
    github.runs.push({ id: 230, workflowId: 7, branch: 'main', headSha: 'new-main', event: 'push', conclusion: 'success', createdAt: new Date().toISOString() })
    const push = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out', resamples: '500' }, event: 'push', env: { GITHUB_REF_NAME: 'main' } })
    expect(push.code, push.stdout).toBe(0)
    expect(github.uploads.map((u) => u.name)).toEqual(['eval-gate-report'])
    const files = unzipSync(new Uint8Array(github.uploads[0].zip as Buffer))
    const uploaded = asSuitesReport(JSON.parse(Buffer.from(files['report.json']).toString('utf8')), 'report.json')
    expect(Object.keys(uploaded.suites)).toEqual(['negotiationtom_belief', 'negotiationtom_desire', 'negotiationtom_intention'])
    // Metrics only: nothing about single examples, no warnings (they name files).
    expect(uploaded.warnings).toEqual([])
    for (const suite of Object.values(uploaded.suites)) expect(suite).toMatchObject({ disagreement: null, confusionMatrix: null, warnings: [] })
    expect(JSON.stringify(uploaded)).not.toMatch(/"(examples|firstRegressions|firstImprovements|slices|leakage)"/)

    // The pull request: the baseline is still run 11's artifact (230 uploaded no predictions); the history is 230's report.
    github.runBackendIds['run-backend-500'] = 500
    const pr = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out', resamples: '500' }, event: 'pull_request' })
    expect(pr.code, pr.stdout).toBe(0)
    const report = asSuitesReport(JSON.parse(readFileSync(pr.outputs.report, 'utf8')), pr.outputs.report)
    const c = results(CANDIDATE)
    for (const [name, suite] of Object.entries(report.suites)) {
      const metric = name === 'negotiationtom_intention' ? 'exact_match' : 'acc'
      expect(suite.history?.map((h) => h.runId)).toEqual([230])
      expect(suite.history?.[0].metrics[metric]).toBeCloseTo(c[name][`${metric},none`], 9)
      expect(suite.historySkipped).toEqual({ expired: 0, missing: 1, invalid: 0 })
    }
    const body = github.comments.find((x) => x.body.startsWith('<!-- eval-gate:'))?.body ?? ''
    expect(body.match(/#### Trend on the base branch/g)).toHaveLength(3)
  })

  it('history: a report of one comparison read by a run of suites is skipped with a warning', async () => {
    upload(runFiles(BASELINE))
    const single = JSON.parse(readFileSync(path.join(repoRoot, '__tests__/fixtures/action/report.json'), 'utf8')) as unknown
    github.runs.push({ id: 230, workflowId: 7, branch: 'main', headSha: 'new-main', event: 'push', conclusion: 'success', createdAt: new Date().toISOString() })
    github.artifacts.push({ id: 2300, runId: 230, name: 'eval-gate-report', expired: false, zip: zipSync({ 'report.json': Buffer.from(JSON.stringify(single)) }) })
    const pr = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out', resamples: '500' }, event: 'pull_request' })
    expect(pr.code, pr.stdout).toBe(0)
    const report = asSuitesReport(JSON.parse(readFileSync(pr.outputs.report, 'utf8')), pr.outputs.report)
    expect(report.suites.negotiationtom_belief.history).toEqual([])
    expect(report.suites.negotiationtom_belief.historySkipped).toEqual({ expired: 0, missing: 1, invalid: 1 })
    expect(pr.stdout).toContain('::warning::History: the report of run 230 is skipped: artifact "eval-gate-report" of run 230: report.json is the report of one comparison, and this run compares suites')
  })

  it('a task the artifact lacks is a new suite, named with the artifact', async () => {
    upload(runFiles(BASELINE, (f) => !f.includes('intention')))
    const r = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out', resamples: '500' }, event: 'pull_request' })
    const report = asSuitesReport(JSON.parse(readFileSync(r.outputs.report, 'utf8')), r.outputs.report)
    expect(report.newSuites).toEqual(['negotiationtom_intention'])
    expect(report.warnings).toContain('Suite "negotiationtom_intention" has no baseline counterpart (no file of task negotiationtom_intention in artifact "predictions" of run 11): compared alone and reported as new.')
  })

  it('a folder of one task is one comparison, with the artifact file of that task', async () => {
    const one = path.join(dir, 'one')
    mkdirSync(one)
    for (const [f, bytes] of Object.entries(runFiles(CANDIDATE, (f) => f.includes('belief')))) writeFileSync(path.join(one, f), bytes)
    upload(runFiles(BASELINE))
    const r = await runAction(github, dir, { inputs: { predictions: 'one', resamples: '500' }, event: 'pull_request' })
    expect(r.code).toBe(0)
    const report = asReport(JSON.parse(readFileSync(r.outputs.report, 'utf8')), r.outputs.report)
    expect(report.counts.paired).toBe(20)
    expect(report.metrics.acc.candidate).toBeCloseTo(results(CANDIDATE).negotiationtom_belief['acc,none'], 9)
    expect(report.metrics.acc.baseline).toBeCloseTo(results(BASELINE).negotiationtom_belief['acc,none'], 9)
    expect(JSON.stringify(report)).not.toContain('eval-gate-baseline-')
    // The artifact's two other tasks are said, not dropped silently.
    expect(report.warnings.filter((w) => w.startsWith('The baseline has task')).map((w) => /task "(\w+)"/.exec(w)?.[1])).toEqual(['negotiationtom_desire', 'negotiationtom_intention'])
    expect(report.warnings.find((w) => w.includes('negotiationtom_desire'))).toMatch(/^The baseline has task "negotiationtom_desire" \(artifact "predictions" of run 11: Qwen__Qwen3-8B\/samples_negotiationtom_desire_2026-07-08T16-04-34[^)]*\.jsonl\), which one lacks: not compared\.$/)
  })

  it('an Inspect log folder of three tasks: each log paired with the artifact log of its task, whatever its file name', async () => {
    const logs = 'inspect_ai/inspect-pr2556-scanner-example-logs/examples/scanner/logs'
    const names = readdirSync(real(logs)).filter((f) => f.endsWith('.eval'))
    mkdirSync(path.join(dir, 'logs'))
    for (const f of names) writeFileSync(path.join(dir, 'logs', f), readFileSync(real(logs, f)))
    // The baseline run's logs of the same tasks, written at another time with other ids.
    const renamed = Object.fromEntries(names.map((f) => [f.replace(/^2025-09-23T08-09-58/, '2025-09-20T01-02-03').replace(/_[A-Za-z0-9]+\.eval$/, '_Base1234.eval'), readFileSync(real(logs, f))]))
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync(renamed) })
    const r = await runAction(github, dir, { inputs: { predictions: 'logs', resamples: '500' }, event: 'pull_request' })
    const report = asSuitesReport(JSON.parse(readFileSync(r.outputs.report, 'utf8')), r.outputs.report)
    expect(Object.keys(report.suites)).toEqual(['popularity', 'security-guide', 'theory-of-mind'])
    expect(report.newSuites).toEqual([])
    for (const suite of Object.values(report.suites)) {
      expect(suite.counts.paired).toBeGreaterThan(0)
      for (const m of Object.values(suite.metrics)) expect(m.candidate).toBe(m.baseline)
    }
  })

  it('the cap on unpacked bytes holds for the artifact files together', async () => {
    const files = runFiles(BASELINE, (f) => f.startsWith('samples_'))
    const sizes = Object.values(files).map((b) => b.length)
    upload(files)
    // Each file is under the cap; the three together are over it.
    const cap = Math.max(...sizes) + 1
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(cap)
    const r = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out' }, event: 'pull_request', env: { EVAL_GATE_MAX_UNPACKED_BYTES: String(cap) } })
    expect(r.code).not.toBe(0)
    expect(r.stdout).toMatch(new RegExp(`::error::artifact "predictions" of run 11: holds more than the cap of ${cap.toLocaleString('en-US')} bytes unpacked in its files \\(at "Qwen__Qwen3-8B/samples_negotiationtom_\\w+_[^"]+"\\): refused; upload only the tool's output folder$`, 'm'))
  })

  it.each([
    ['an Inspect .eval log (a zip inside the artifact zip)', 'inspect_ai/inspect-pr2488-log-sets/log-sets/set2', 'popularity.eval'],
    ['a promptfoo results file', 'promptfoo/prompt-eval-workbench', 'promptfoo-results.json']
  ])('%s from the baseline artifact reads as the same file from disk does', async (_what, folder, name) => {
    const pick = (sub: string): string[] => readdirSync(real(folder, sub)).filter((f) => f.endsWith(path.extname(name))).map((f) => real(folder, sub, f))
    const found = name.endsWith('.eval') ? pick('') : ['19256d87ce', 'a9adcf0aba'].flatMap(pick)
    const [cand, base] = found
    writeFileSync(path.join(dir, name), readFileSync(cand))
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ [name]: readFileSync(base) }) })
    const r = await runAction(github, dir, { inputs: { predictions: name, resamples: '500' }, event: 'pull_request' })
    const report = asReport(JSON.parse(readFileSync(r.outputs.report, 'utf8')), r.outputs.report)
    const local = await compareFiles(cand, base)
    expect(report.counts).toEqual(local.counts)
    expect(Object.keys(report.metrics)).toEqual(Object.keys(local.metrics))
    for (const [metric, m] of Object.entries(local.metrics)) {
      expect(report.metrics[metric].candidate).toBe(m.candidate)
      expect(report.metrics[metric].baseline).toBe(m.baseline)
    }
    expect(report.counts.paired).toBeGreaterThan(0)
  })

  it('a promptfoo file of two provider columns is one suite per column, each paired with its column of the artifact file', async () => {
    const tds = real('promptfoo/TDS-Project-1/promptfoo_results.json')
    const doc = JSON.parse(readFileSync(tds, 'utf8')) as { results: { prompts: { provider: string }[]; results: { promptIdx: number; testIdx: number; success: boolean }[] } }
    // The candidate: gpt-4o-mini's (column 1) first test flipped from pass to fail; the baseline artifact holds the file as it is.
    const flipped = structuredClone(doc)
    const row = flipped.results.results.find((r) => r.promptIdx === 1 && r.success) as { success: boolean; testIdx: number }
    row.success = false
    writeFileSync(path.join(dir, 'results.json'), JSON.stringify(flipped))
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'results.json': readFileSync(tds) }) })
    const r = await runAction(github, dir, { inputs: { predictions: 'results.json', resamples: '500' }, event: 'pull_request' })
    const report = asSuitesReport(JSON.parse(readFileSync(r.outputs.report, 'utf8')), r.outputs.report)
    expect(Object.keys(report.suites)).toEqual(['https_tds-project-1-ruby-one.vercel.app_query', 'openai_chat_gpt-4o-mini'])
    expect(report.newSuites).toEqual([])
    const rate = (d: typeof doc, c: number) => {
      const rows = d.results.results.filter((x) => x.promptIdx === c)
      return rows.filter((x) => x.success).length / rows.length
    }
    const [vercel, mini] = [report.suites['https_tds-project-1-ruby-one.vercel.app_query'], report.suites['openai_chat_gpt-4o-mini']]
    expect(vercel.metrics.success.candidate).toBe(rate(doc, 0))
    expect(vercel.metrics.success.baseline).toBe(rate(doc, 0))
    expect(mini.metrics.success.baseline).toBe(rate(doc, 1))
    expect(mini.metrics.success.candidate).toBe(rate(flipped, 1))
    expect(rate(flipped, 1)).toBeLessThan(rate(doc, 1))
    expect(github.comments.filter((x) => x.body.startsWith('<!-- eval-gate:'))).toHaveLength(1)
  })

  it('an artifact file whose name would leave the folder is refused in one line', async () => {
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ '../evil.jsonl': new Uint8Array([123, 125]) }) })
    const r = await runAction(github, dir, { inputs: { predictions: 'lm-eval-out' }, event: 'pull_request' })
    expect(r.code).not.toBe(0)
    expect(r.stdout).toMatch(/::error::artifact "predictions" of run 11: has an entry with an unsafe path \("\.\.\/evil\.jsonl"\): refused$/m)
  })
})
