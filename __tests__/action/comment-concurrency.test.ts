/**
 * Concurrent runs of one pull request (docs/action.md, concurrency): three runs of the action that all list the
 * comments before any of them posts (the fake holds the listings until all three have asked) each post a comment;
 * after writing, each lists again and keeps the oldest, so exactly one comment is left, in every trial.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from './fake-github.js'
import { root, runAction } from './run-action.js'
import { removeAfterTest } from '../temp.js'

const candidate = readFileSync(path.join(root, 'examples/spam/candidate.jsonl'))

describe('three concurrent runs of one pull request', () => {
  let github: FakeGitHub
  let dir: string

  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-concurrency-')))
    writeFileSync(path.join(dir, 'predictions.jsonl'), candidate)
    github.runs.push({ id: 500, workflowId: 7, branch: 'feature', headSha: 'head-sha', event: 'pull_request', conclusion: 'success' })
  })

  afterEach(async () => {
    await github.stop()
    expect(github.problems, 'responses that do not match GitHub\'s OpenAPI description').toEqual([])
  })

  const ours = () => github.comments.filter((c) => c.body.startsWith('<!-- eval-gate:default -->'))
  const commentRequests = () => github.requests.filter((q) => /\/issues\/(\d+\/)?comments/.test(q)).map((q) => q.split(' ')[0])

  it('leave exactly one comment, in each of ten trials, with the content of one of them', async () => {
    const someoneElse = { id: 1, issue: 42, body: 'a review comment' }
    for (let trial = 0; trial < 10; trial++) {
      github.comments = [someoneElse]
      github.requests = []
      github.holdLists = 3
      const runs = await Promise.all(
        [0, 1, 2].map((i) => runAction(github, dir, { inputs: { baseline: 'none', gates: `accuracy >= 0.${5 + i}`, 'history': '0' } }))
      )
      for (const r of runs) expect(r.code, r.stdout).toBe(0)
      // The interleaving that made duplicates: all three listed before any posted, and all three posted.
      const order = commentRequests()
      expect(order.slice(0, 3), `trial ${trial}`).toEqual(['GET', 'GET', 'GET'])
      expect(order.filter((m) => m === 'POST'), `trial ${trial}`).toHaveLength(3)
      expect(ours(), `trial ${trial}`).toHaveLength(1)
      expect(github.comments[0]).toEqual(someoneElse)
      expect(['0.5', '0.6', '0.7'].some((x) => ours()[0].body.includes(`accuracy &gt;= ${x}`) || ours()[0].body.includes(`accuracy >= ${x}`))).toBe(true)
      // Every run's comment-url names the one comment left.
      for (const r of runs) expect(r.outputs['comment-url']).toMatch(new RegExp(`#issuecomment-${ours()[0].id}$`))
    }
  }, 300_000)

  it('a later run edits the one comment left and deletes nothing', async () => {
    github.holdLists = 3
    await Promise.all([0, 1, 2].map(() => runAction(github, dir, { inputs: { baseline: 'none', gates: 'accuracy >= 0.5', history: '0' } })))
    const [kept] = ours()
    github.requests = []
    const r = await runAction(github, dir, { inputs: { baseline: 'none', gates: 'accuracy >= 0.6', history: '0' } })
    expect(r.code).toBe(0)
    expect(ours().map((c) => c.id)).toEqual([kept.id])
    expect(commentRequests()).toEqual(['GET', 'PATCH', 'GET'])
  }, 120_000)
})
