/**
 * Staleness (docs/action.md): a baseline run older than max-baseline-age days is a warning under the verdict with
 * its age; younger, or with max-baseline-age 0, nothing. Unit tests of the rule, then the action end to end
 * against the fake API (the machine's Node).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ageInDays, stalenessWarning } from '../../src/action/github/staleness.js'
import type { BaselineProvenance } from '../../src/report/schema.js'
import { verdictChanging } from '../../src/report/verdictChanging.js'
import { FakeGitHub } from './fake-github.js'
import { root, runAction } from './run-action.js'
import { removeAfterTest } from '../temp.js'

const DAY = 86_400_000
const now = Date.parse('2026-03-21T12:00:00Z')
const provenance = (createdAt: string | null): BaselineProvenance => ({
  source: 'artifact', runId: 11, runUrl: null, runNumber: 7, commit: 'base-sha', baseCommit: 'base-sha', headCommit: 'head-sha', relation: 'same', behindBy: 0, createdAt
})

describe('stalenessWarning', () => {
  it('warns past max-baseline-age with the age in days, and the warning shows under the verdict', () => {
    const w = stalenessWarning(provenance('2026-03-01T12:00:00Z'), 14, now)
    expect(w).toMatch(/^The baseline is 20 days old: run #7, created 2026-03-01, is older than max-baseline-age \(14 days\)/)
    expect(verdictChanging(w as string, true)).toBe(true)
    expect(verdictChanging(w as string, false)).toBe(true)
  })

  it('nothing at or under the limit, with 0, for a file or no baseline, or without a date', () => {
    expect(stalenessWarning(provenance(new Date(now - 14 * DAY).toISOString()), 14, now)).toBeNull()
    expect(stalenessWarning(provenance(new Date(now - 14 * DAY - 1000).toISOString()), 14, now)).toMatch(/14 days old/)
    expect(stalenessWarning(provenance('2020-01-01T00:00:00Z'), 0, now)).toBeNull()
    expect(stalenessWarning({ ...provenance('2020-01-01T00:00:00Z'), source: 'file' }, 14, now)).toBeNull()
    expect(stalenessWarning(provenance(null), 14, now)).toBeNull()
    expect(stalenessWarning(provenance('x'), 14, now)).toBeNull()
    expect(ageInDays('2026-03-20T12:00:01Z', now)).toBe(0)
    expect(ageInDays('2026-03-20T12:00:00Z', now)).toBe(1)
  })
})

describe('the action with an old baseline run', () => {
  let github: FakeGitHub
  let dir: string
  const baseline = readFileSync(path.join(root, 'examples/spam/baseline.jsonl'))

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-staleness-')))
    writeFileSync(path.join(dir, 'predictions.jsonl'), readFileSync(path.join(root, 'examples/spam/candidate.jsonl')))
    github.runs.push(
      { id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' },
      { id: 11, workflowId: 7, branch: 'main', headSha: 'base-sha', event: 'push', conclusion: 'success', createdAt: new Date(Date.now() - 20 * DAY - 3600_000).toISOString() }
    )
    github.artifacts.push({ id: 111, runId: 11, name: 'predictions', expired: false, zip: zipSync({ 'predictions.jsonl': baseline }) })
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems).toEqual([])
  })

  const report = (r: { outputs: Record<string, string> }) => JSON.parse(readFileSync(r.outputs.report, 'utf8'))
  const comment = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:'))[0].body

  it('20 days old: the warning names the age, is the first warning, and the comment shows it above the gates', async () => {
    const r = await runAction(github, dir, { inputs: { gates: 'precision no-regression', history: '0' } })
    expect(r.code).toBe(0)
    expect(report(r).baseline.createdAt).toBe(github.runs[1].createdAt)
    expect(report(r).warnings[0]).toMatch(/^The baseline is 20 days old: run (#\d+|11), created \d{4}-\d\d-\d\d, is older than max-baseline-age \(14 days\)/)
    expect(r.stdout).toMatch(/::warning::The baseline is 20 days old/)
    expect(comment().split('#### Gates')[0]).toMatch(/> ⚠️ The baseline is 20 days old/)
  })

  it('max-baseline-age 30: no warning', async () => {
    const r = await runAction(github, dir, { inputs: { gates: 'precision no-regression', 'max-baseline-age': '30', history: '0' } })
    expect(report(r).warnings.join('\n')).not.toMatch(/days old/)
  })

  it('a bad value names the input', async () => {
    const r = await runAction(github, dir, { inputs: { 'max-baseline-age': 'two weeks' } })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::input "max-baseline-age" must be a number of days ≥ 0 (0: no limit), got "two weeks"')
  })
})
