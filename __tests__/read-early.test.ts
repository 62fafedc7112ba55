/**
 * SPEC §8: what is done while the files are read. The baseline's reader thread also sorts its `score` column and,
 * once it has answered, looks for a repeated id (src/pair/pairByIds.ts firstRepeat) while the main thread pairs without
 * indexing the baseline; the main thread, done with the candidate first, sorts its scores. Pairing and the score
 * statistics use these (src/metrics/scores.ts orderOfRows) and must give what they give without them: the same
 * orders, the same report byte for byte, the same messages, first the same error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { ascendingOrder, orderOfRows } from '../src/stats/order.js'
import { firstRepeat, pairByIds, repeatError, type IdRows } from '../src/pair/pairByIds.js'
import { lastScoreOrders } from '../src/significance/classification/scoreColumnStatistics.js'
import { lastStatsSplit } from '../src/significance/classification/statsWorker.js'
import { DEFAULT_FIELDS, type PredictionSource } from '../src/read/predictionFile.js'
import { bundleEntry, generator, inputError } from './support.js'

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

describe('firstRepeat, and pairing that leaves the baseline\'s ids to it', () => {
  it('finds the first repeat as pairing\'s index meets it (===): text, numbers, −0 and 0', () => {
    expect(firstRepeat(['b', 'a', 'c'])).toBeNull()
    expect(firstRepeat(['b', 'a', 'b', 'a'])).toEqual([0, 2])
    expect(firstRepeat(['1', '01'])).toBeNull()
    expect(firstRepeat(Float64Array.of(3, 1, 2))).toBeNull()
    expect(firstRepeat(Float64Array.of(0, 5, -0))).toEqual([0, 2])
    expect(firstRepeat([])).toBeNull()
  })

  const file = (name: string, ids: string[]): IdRows => ({ name, idField: 'id', n: ids.length, ids, line: Uint32Array.from(ids, (_, i) => i + 1) })
  const same = () => true

  it('the same list: checkedElsewhere skips the baseline index, and repeatError gives the message pairing gives', () => {
    const ids = ['x', 'y', 'x']
    const candidate = file('c.jsonl', ids)
    const baselineIds = [...ids]
    const baseline = file('b.jsonl', baselineIds)
    const message = 'b.jsonl:3: field "id" repeats the id "x" of line 1'
    expect(() => pairByIds(candidate, baseline, same)).toThrow(message)
    // Left to the caller, pairing pairs the rows; the caller's check gives the same error.
    expect(pairByIds(candidate, baseline, same, { checkedElsewhere: baselineIds }).n).toBe(3)
    expect(repeatError(baseline, firstRepeat(baselineIds) as [number, number]).message).toBe(message)
    // Another list than the baseline's own (the text form of numeric ids, say) is no excuse.
    expect(() => pairByIds(candidate, baseline, same, { checkedElsewhere: [...ids] })).toThrow(message)
  })
})

const here = path.dirname(fileURLToPath(import.meta.url))
let dir = ''
let helper: URL
let mute: URL

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-read-early-'))
  helper = await bundleEntry(path.join(here, 'stats-worker-entry.ts'), dir, 'helper')
  // A reader thread that answers with the file but never with its search for a repeated id.
  mute = await bundleEntry(path.join(here, 'read-mute-entry.ts'), dir, 'mute')
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

  it('a repeated id in both files, listed alike: the same message on one thread and two, first before a later error', async () => {
    const [c, b] = models(N)
    c[N - 1].id = b[N - 1].id = 'ex-7'
    const options: CompareOptions = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 200, seed: 3, missingBaseline: 'skip', candidate: jsonl('rep-c.jsonl', c), baseline: jsonl('rep-b.jsonl', b) }
    const message = 'rep-b.jsonl:60000: field "id" repeats the id "ex-7" of line 8'
    expect(await inputError(compare(options))).toBe(message)
    expect(await inputError(compare({ ...options, readerScript: helper }))).toBe(message)
    // A reader thread that never reports its search: this thread looks itself.
    expect(await inputError(compare({ ...options, readerScript: mute }))).toBe(message)
    // An error found after pairing (a class named by a gate that no example has) comes second, as on one thread.
    const badGate = { ...options, gates: 'recall[nope] no-regression' }
    const first = await compare(badGate).then(
      () => 'no error',
      (e: Error) => e.message
    )
    expect(first).toBe(message)
    expect(await inputError(compare({ ...badGate, readerScript: helper }))).toBe(message)
    // Without the repeat, that gate is the error on both paths.
    const [c2, b2] = models(N)
    const clean = { ...badGate, candidate: jsonl('ok-c.jsonl', c2), baseline: jsonl('ok-b.jsonl', b2) }
    const gateError = await compare(clean).then(
      () => 'no error',
      (e: Error) => e.message
    )
    expect(gateError).toMatch(/nope/)
    const gateErrorTwo = await compare({ ...clean, readerScript: helper }).then(
      () => 'no error',
      (e: Error) => e.message
    )
    expect(gateErrorTwo).toBe(gateError)
  }, 120_000)

  it('a thread that ends without answering the read is an error, not a wait without end', async () => {
    const idle = path.join(dir, 'idle.mjs')
    writeFileSync(idle, '// takes no request\n')
    const [c, b] = models(N)
    const options: CompareOptions = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 200, seed: 3, missingBaseline: 'skip', positiveLabel: '1', candidate: jsonl('idle-c.jsonl', c), baseline: jsonl('idle-b.jsonl', b) }
    await expect(compare({ ...options, readerScript: pathToFileURL(idle) })).rejects.toThrow('the reader thread stopped with code 0 without an answer')
  }, 120_000)

  it('unique ids with a reader thread that never reports its search: the same report', async () => {
    const [c, b] = models(N)
    const options: CompareOptions = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 200, seed: 3, missingBaseline: 'skip', positiveLabel: '1', candidate: jsonl('mute-c.jsonl', c), baseline: jsonl('mute-b.jsonl', b) }
    expect(JSON.stringify(await compare({ ...options, readerScript: mute }))).toBe(JSON.stringify(await compare(options)))
  }, 120_000)
})
