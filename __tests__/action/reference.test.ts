/**
 * The pinned reference (docs/reference.md) through the action, against the fake API (the machine's Node): a release
 * asset as the reference, with a `vs reference` gate that fails on a 3-point drift the baseline comparison passes;
 * release:latest, reference-asset, run:ID and a file; and the one-line errors (no such release, a release without
 * the asset, an expired run artifact, no ids in common).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/schema.js'
import { driftVersions } from '../reference-drift.js'
import { removeAfterTest } from '../temp.js'
import { FakeGitHub } from './fake-github.js'
import { runAction } from './run-action.js'

const versions = driftVersions().map((text) => Buffer.from(text))
const gates = 'accuracy no-regression\naccuracy no-regression vs reference\naccuracy delta >= -0.02 vs reference'

describe('reference', () => {
  let github: FakeGitHub
  let dir: string

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-reference-action-')))
    // The pull request's model is version 10; the base branch's (run 11, at the base commit) version 9.
    writeFileSync(path.join(dir, 'predictions.jsonl'), versions[10])
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success' },
      { id: 3, workflowId: 7, branch: 'main', headSha: 'old-sha', event: 'push', conclusion: 'success' }
    )
    github.artifacts.push(
      { id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': versions[9] }) },
      { id: 31, runId: 3, name: 'predictions', expired: false, zip: zipSync({ 'eval/predictions.jsonl': versions[0] }) }
    )
    github.releases.push(
      { id: 1, tag: 'v1.0.0', assets: [{ id: 9001, name: 'predictions.jsonl', data: versions[0] }, { id: 9002, name: 'model.bin', data: Buffer.from('weights') }] },
      { id: 2, tag: 'v1.1.0', assets: [{ id: 9003, name: 'v1.1-predictions.jsonl', data: versions[5] }] },
      { id: 3, tag: 'v1.2.0-rc1', notLatest: true, assets: [] }
    )
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
  })

  const run = (inputs: Record<string, string>) => runAction(github, dir, { inputs: { gates, history: '0', ...inputs } })
  const report = (r: { outputs: Record<string, string> }) => JSON.parse(readFileSync(r.outputs.report, 'utf8')) as Report
  const comment = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))[0].body
  const errors = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::error::'))

  it('release:v1.0.0: the 0.3-point step passes against the base branch, the 3-point drift fails against the release', async () => {
    const r = await run({ reference: 'release:v1.0.0' })
    expect(r.code).toBe(1)
    const rep = report(r)
    expect(rep.gates.map((g) => [g.rule, g.status, g.vs])).toEqual([
      ['accuracy no-regression', 'pass', undefined],
      ['accuracy no-regression vs reference', 'fail', 'reference'],
      ['accuracy delta >= -0.02 vs reference', 'fail', 'reference']
    ])
    expect(rep.reference).toMatchObject({ source: 'release:v1.0.0', paired: 2000, metrics: { accuracy: { baseline: 0.9, candidate: 0.87 } } })
    expect(rep.reference?.metrics.accuracy.delta).toBeCloseTo(-0.03, 10)
    expect(rep.metrics.accuracy.delta).toBeCloseTo(-0.003, 10)
    expect(r.stdout).toContain('reference: release:v1.0.0 (release v1.0.0: predictions.jsonl)')
    expect(r.stdout).toMatch(/::error::Eval Gate failed: accuracy no-regression vs reference \(.*\); accuracy delta >= -0\.02 vs reference/)
    expect(comment()).toMatch(/^- since `v1\.0\.0`: accuracy 90\.0% → 87\.0% \(−3\.0 pts, 95% CI −[\d.]+ to −[\d.]+ pts\)$/m)
    expect(comment()).toMatch(/❌ `accuracy no-regression vs reference`: \*\*accuracy vs the reference 90\.0% → 87\.0%/)
    // Two requests for the release (the release by tag, the asset, which answers 302), and the asset from its location.
    expect(github.requests.filter((q) => q.includes('/releases/') || q.includes('release-blobs'))).toEqual([
      'GET /repos/o/r/releases/tags/v1.0.0',
      'GET /repos/o/r/releases/assets/9001',
      'GET /release-blobs/9001'
    ])
    expect(github.statuses.map((s) => s.state)).toEqual(['failure'])
  })

  it('release:latest with reference-asset; run:ID (its artifact, the file found as for the baseline); a file', async () => {
    const latest = await run({ reference: 'release:latest', 'reference-asset': 'v1.1-predictions.jsonl' })
    expect(report(latest).reference).toMatchObject({ source: 'release:v1.1.0', metrics: { accuracy: { baseline: 0.885, candidate: 0.87 } } })
    expect(comment()).toContain('since `v1.1.0`: accuracy 88.5% → 87.0%')
    const byRun = await run({ reference: 'run:3' })
    expect(report(byRun).reference).toMatchObject({ source: 'run:3', metrics: { accuracy: { baseline: 0.9 } } })
    expect(comment()).toContain('since `run 3`: accuracy 90.0% → 87.0%')
    writeFileSync(path.join(dir, 'v0.jsonl'), versions[0])
    const file = await run({ reference: path.join(dir, 'v0.jsonl') })
    expect(report(file).reference).toMatchObject({ source: path.join(dir, 'v0.jsonl'), metrics: { accuracy: { baseline: 0.9 } } })
  })

  it('one-line errors: no such release, a release without the asset, an expired run artifact, no ids in common, a malformed value', async () => {
    const missingTag = await run({ reference: 'release:v9' })
    expect(missingTag.code).toBe(1)
    expect(errors(missingTag.stdout)).toEqual(['::error::input "reference" is "release:v9", but o/r has no release with the tag "v9"'])

    github.releases[0].assets = [github.releases[0].assets[1]]
    const noAsset = await run({ reference: 'release:v1.0.0' })
    expect(noAsset.code).toBe(1)
    expect(errors(noAsset.stdout)).toEqual([
      '::error::input "reference" is "release:v1.0.0", but the release "v1.0.0" has no asset "predictions.jsonl" (its assets: "model.bin"): upload the predictions to it (gh release upload v1.0.0 predictions.jsonl), or set reference-asset to the asset\'s name'
    ])

    github.artifacts[1].expired = true
    const expired = await run({ reference: 'run:3' })
    expect(errors(expired.stdout)).toEqual([
      '::error::input "reference" is "run:3", but run 3 has no unexpired artifact "predictions": run artifacts expire (90 days by default): pin a release asset instead (release:TAG)'
    ])

    github.releases[1].assets[0].data = Buffer.from(Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `other-${i}`, label: 'spam', prediction: 'spam' })).join('\n') + '\n')
    const disjoint = await run({ reference: 'release:v1.1.0', 'reference-asset': 'v1.1-predictions.jsonl' })
    expect(errors(disjoint.stdout)).toEqual([
      '::error::release v1.1.0: v1.1-predictions.jsonl: no example is in both the reference (30 examples) and the candidate (2,000 examples) with the same id and true label: nothing can be compared. The reference must be predictions on the same test set, with the same ids'
    ])

    const malformed = await run({ reference: 'run:latest' })
    expect(errors(malformed.stdout)).toEqual(['::error::input "reference" must be run:ID with the run\'s number id (e.g. run:1234567890), got "run:latest"'])

    const without = await run({})
    expect(errors(without.stdout)).toEqual(['::error::gate "accuracy no-regression vs reference": "vs reference" needs a reference (the input "reference", or --reference FILE on the command line)'])
    expect(github.comments).toEqual([])
  })
})
