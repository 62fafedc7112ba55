/**
 * SPEC §8: the statistics on two threads (src/significance/classification/statsWorker.ts) give the report of one thread byte for byte.
 * Average precision's resampling (binary with scores), the per-class families (claimed by both threads) and the
 * full table's permutation test and its bootstrap's chunks (more than 4 classes) each draw from their own named
 * streams, whoever runs them. The helper is stats-worker-entry.ts bundled by esbuild, as the CLI bundle would
 * start it (a worker thread cannot run TypeScript); compare() without a script is the one-thread path. A script
 * that does nothing (a helper that never answers) changes nothing either: the main thread computes everything.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { lastStatsSplit } from '../src/significance/classification/statsWorker.js'
import { DEFAULT_FIELDS, type PredictionSource } from '../src/read/predictionFile.js'
import { bundleEntry, generator } from './support.js'

const here = path.dirname(fileURLToPath(import.meta.url))
let dir = ''
let helper: URL
let idle: URL

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-stats-worker-'))
  helper = await bundleEntry(path.join(here, 'stats-worker-entry.ts'), dir, 'helper')
  writeFileSync(path.join(dir, 'idle.mjs'), '// takes no job\n')
  idle = pathToFileURL(path.join(dir, 'idle.mjs'))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))


function jsonl(name: string, rows: object[]): PredictionSource {
  const p = path.join(dir, name)
  writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  return { name, path: p }
}

/** n paired rows over k classes; each model right with probability `hit`, with a score (binary) when asked. */
function models(n: number, k: number, scores: boolean): [object[], object[]] {
  const rand = generator(k * 7 + n)
  const truth = Array.from({ length: n }, () => Math.floor(rand() * k))
  return [0.8, 0.75].map((hit) =>
    truth.map((label, i) => {
      const prediction = rand() < hit ? label : Math.floor(rand() * k)
      const row: Record<string, unknown> = { id: `ex-${i}`, label: `c${label}`, prediction: `c${prediction}` }
      if (scores) row.score = Math.round((label === 1 ? 0.3 + 0.7 * rand() : 0.7 * rand()) * 1000) / 1000
      return row
    })
  ) as [object[], object[]]
}

async function reports(options: CompareOptions): Promise<{ one: string; two: string; idle: string }> {
  const one = JSON.stringify(await compare(options))
  const two = JSON.stringify(await compare({ ...options, readerScript: helper }))
  const split = structuredClone(lastStatsSplit)
  const none = JSON.stringify(await compare({ ...options, readerScript: idle }))
  Object.assign(lastStatsSplit, split)
  return { one, two, idle: none }
}

describe('statistics on a helper thread', () => {
  it('binary with scores: average precision on the helper, the same report', async () => {
    const [c, b] = models(3000, 2, true)
    const options: CompareOptions = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 1000, seed: 5, missingBaseline: 'skip', positiveLabel: 'c1', candidate: jsonl('ap-c.jsonl', c), baseline: jsonl('ap-b.jsonl', b) }
    const r = await reports(options)
    expect(lastStatsSplit.ap).toBe('helper')
    expect(r.two).toBe(r.one)
    expect(r.idle).toBe(r.one)
    // The test is about something: average precision was resampled (a permutation p-value at 1,000 resamples).
    const ap = JSON.parse(r.one).metrics.average_precision
    expect(ap.test).toBe('permutation')
    expect(ap.pValue).toBeGreaterThan(0)
  }, 60_000)

  it('12 classes: per-class families shared and the table permutation on the helper, the same report', async () => {
    const [c, b] = models(4000, 12, false)
    lastStatsSplit.families = { main: 0, helper: 0 }
    lastStatsSplit.table = 'none'
    lastStatsSplit.tableChunks = { main: 0, helper: 0 }
    const options: CompareOptions = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 40_000, seed: 9, missingBaseline: 'skip', candidate: jsonl('k-c.jsonl', c), baseline: jsonl('k-b.jsonl', b) }
    const r = await reports(options)
    expect(lastStatsSplit.table).toBe('helper')
    // The table bootstrap's 2,500 chunks of 16 resamples, each drawn once, by whichever thread claimed it (the
    // helper joins after the permutation test; how many it gets depends on the machine, the numbers do not).
    expect(lastStatsSplit.tableChunks.main + lastStatsSplit.tableChunks.helper).toBe(2500)
    expect(lastStatsSplit.families.main + lastStatsSplit.families.helper).toBe(12)
    expect(lastStatsSplit.families.helper).toBeGreaterThan(0)
    expect(r.two).toBe(r.one)
    expect(r.idle).toBe(r.one)
    const report = JSON.parse(r.one)
    expect(report.metrics['f1[c3]'].pValue).toBeGreaterThan(0)
    expect(report.metrics.f1_macro.test).toBe('permutation')
  }, 120_000)
})
