/**
 * SPEC §8: what is done while the files are read. The baseline's reader thread also sorts its `score` column, and
 * the main thread, done with the candidate first, checks the candidate's ids for a repeat (src/pair.ts uniqueIds)
 * and sorts its scores. Pairing and the score statistics then use these (src/metrics/scores.ts orderOfRows) and
 * must give what they give without them: the same orders, the same report byte for byte, the same messages.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compare, type CompareOptions } from '../src/compare.js'
import { ascendingOrder, orderOfRows } from '../src/metrics/scores.js'
import { pairByIds, uniqueIds, type IdRows } from '../src/pair.js'
import { lastScoreOrders } from '../src/scoreStatistics.js'
import { lastStatsSplit } from '../src/statsWorker.js'
import { DEFAULT_FIELDS, type PredictionSource } from '../src/types.js'
import { generator, inputError } from './support.js'

describe('orderOfRows', () => {
  const rand = generator(17)
  // Scores with many ties (a tenth of the values), and −0 among the zeros.
  const n = 2000
  const score = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? -0 : Math.floor(rand() * 200) / 200))
  const order = ascendingOrder(score)

  it('gives ascendingOrder of the kept scores for any increasing subset, ties in increasing position', () => {
    for (const keep of [0.999, 0.7, 0.1, 0.001]) {
      const rows = Uint32Array.from(Array.from({ length: n }, (_, i) => i).filter(() => rand() < keep))
      const gathered = Float64Array.from(rows, (r) => score[r])
      expect(orderOfRows(order, rows, n)).toEqual(ascendingOrder(gathered))
    }
  })

  it('all rows in order: the order itself; rows out of order or repeated: null (sort the gathered scores)', () => {
    expect(orderOfRows(order, Uint32Array.from({ length: n }, (_, i) => i), n)).toBe(order)
    expect(orderOfRows(order, Uint32Array.of(0, 2, 1), n)).toBeNull()
    expect(orderOfRows(order, Uint32Array.of(0, 1, 1), n)).toBeNull()
    expect(orderOfRows(order, new Uint32Array(0), n)).toEqual(new Uint32Array(0))
    // The JSDoc example.
    expect([...(orderOfRows(Uint32Array.of(3, 1, 0, 2), Uint32Array.of(0, 2, 3), 4) as Uint32Array)]).toEqual([2, 0, 1])
  })
})

describe('uniqueIds and pairing with the candidate known unique', () => {
  it('finds repeats as pairing compares ids (===): text, numbers, −0 and 0', () => {
    expect(uniqueIds(['b', 'a', 'c'])).toBe(true)
    expect(uniqueIds(['b', 'a', 'b'])).toBe(false)
    expect(uniqueIds(['1', '01'])).toBe(true)
    expect(uniqueIds(Float64Array.of(3, 1, 2))).toBe(true)
    expect(uniqueIds(Float64Array.of(0, 5, -0))).toBe(false)
    expect(uniqueIds([])).toBe(true)
  })

  const file = (name: string, ids: string[]): IdRows => ({ name, idField: 'id', n: ids.length, ids, line: Uint32Array.from(ids, (_, i) => i + 1) })
  const same = () => true

  it('the same list: the hint saves the baseline index; without it a repeat is named in the baseline, as before', () => {
    const ids = ['x', 'y', 'x']
    const candidate = file('c.jsonl', ids)
    const baseline = file('b.jsonl', [...ids])
    const message = 'b.jsonl:3: field "id" repeats the id "x" of line 1'
    expect(() => pairByIds(candidate, baseline, same)).toThrow(message)
    // A hint that (wrongly) says the candidate's list is unique is taken at its word: the index is skipped. This is
    // why readBoth gives it only from uniqueIds of that very list.
    expect(pairByIds(candidate, baseline, same, { uniqueIds: ids }).n).toBe(3)
    // A hint about another list (the text form of numeric ids, say) changes nothing.
    expect(() => pairByIds(candidate, baseline, same, { uniqueIds: ['x', 'y', 'x'] })).toThrow(message)
    const unique = ['q', 'p', 'r']
    expect(pairByIds(file('c.jsonl', unique), file('b.jsonl', [...unique]), same, { uniqueIds: unique })).toEqual(pairByIds(file('c.jsonl', unique), file('b.jsonl', [...unique]), same))
  })
})

const here = path.dirname(fileURLToPath(import.meta.url))
let dir = ''
let helper: URL

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-read-early-'))
  const out = path.join(dir, 'helper.mjs')
  await build({ entryPoints: [path.join(here, 'stats-worker-entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent' })
  helper = pathToFileURL(out)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Rows as JSON lines, padded with a `note` so that the file passes the 4 MiB from which the baseline is read on a thread. */
function jsonl(name: string, rows: object[]): PredictionSource {
  const p = path.join(dir, name)
  writeFileSync(p, rows.map((r) => JSON.stringify({ ...r, note: 'x'.repeat(40) })).join('\n') + '\n')
  return { name, path: p }
}

/** n binary rows per model with scores on a grid of 1/500 (ties), ids `ex-i` (not sorted as text). */
function models(n: number): Record<string, unknown>[][] {
  const rand = generator(n)
  const truth = Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0))
  return [0.8, 0.75].map((hit) =>
    truth.map((label, i) => {
      const right = rand() < hit
      const score = Math.round((right === (label === 1) ? 0.5 + 0.5 * rand() : 0.5 * rand()) * 500) / 500
      return { id: `ex-${i}`, label: String(label), prediction: score >= 0.5 ? '1' : '0', score }
    })
  )
}

const N = 60_000

async function both(candidate: object[], baseline: object[], tag: string): Promise<{ one: string; two: string }> {
  const options: CompareOptions = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 200, seed: 3, missingBaseline: 'skip', positiveLabel: '1', candidate: jsonl(`${tag}-c.jsonl`, candidate), baseline: jsonl(`${tag}-b.jsonl`, baseline) }
  const one = JSON.stringify(await compare(options))
  lastScoreOrders.candidate = lastScoreOrders.baseline = 'none'
  const two = JSON.stringify(await compare({ ...options, readerScript: helper }))
  return { one, two }
}

describe('compare with the files read on two threads', () => {
  it('the same ids in the same order: both score orders from the files, the same report', async () => {
    const [c, b] = models(N)
    const r = await both(c, b, 'same')
    expect(lastScoreOrders).toEqual({ candidate: 'file', baseline: 'file' })
    expect(lastStatsSplit.ap).toBe('helper')
    expect(r.two).toBe(r.one)
    const report = JSON.parse(r.one)
    expect(report.counts.paired).toBe(N)
    expect(report.metrics.roc_auc.test).toBe('delong')
    expect(report.metrics.average_precision.ci).not.toBeNull()
  }, 120_000)

  it('one-sided rows and a shuffled baseline: the candidate order carries over, the baseline is sorted here; the same report', async () => {
    const [c, b] = models(N)
    // Every 10th candidate row has no partner; the baseline lists its rows in another order.
    const rand = generator(5)
    const shuffled = b.filter((_, i) => i % 10 !== 0)
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
    }
    const r = await both(c, shuffled, 'shuffled')
    expect(lastScoreOrders).toEqual({ candidate: 'file', baseline: 'sorted' })
    expect(r.two).toBe(r.one)
    expect(JSON.parse(r.one).counts.candidateOnly).toBe(N / 10)
  }, 120_000)

  it('a repeated id in both files, listed alike: the same message on one thread and two', async () => {
    const [c, b] = models(N)
    c[N - 1].id = b[N - 1].id = 'ex-7'
    const options: CompareOptions = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 200, seed: 3, missingBaseline: 'skip', candidate: jsonl('rep-c.jsonl', c), baseline: jsonl('rep-b.jsonl', b) }
    const message = 'rep-b.jsonl:60000: field "id" repeats the id "ex-7" of line 8'
    expect(await inputError(compare(options))).toBe(message)
    expect(await inputError(compare({ ...options, readerScript: helper }))).toBe(message)
  }, 120_000)
})
