/**
 * Inspect AI logs (docs/tools.md, Inspect): the real pairable sets of /work/shared/formats/real (read in place)
 * give each sample's own score and the log's own accuracy; fixtures written here (zip and zstd by
 * __tests__/tools/zipWriter.ts) cover value_to_float, epochs, errors and hostile archives.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { decompress } from 'fzstd'
import { afterEach, describe, expect, it } from 'vitest'
import { recogniseTool, tableOf } from '../../src/read/tools/toolFormats.js'
import { compareFiles, failure, haveReal, mean, real, tempFolder } from './support.js'
import { json, makeZip, zstdRle } from './zipWriter.js'

const SETS = real('inspect_ai/inspect-pr2488-log-sets/log-sets')
const POPULARITY = [
  'set/2025-09-15T15-02-26-04-00_popularity_L8g2GLGDDfsiXvdJ8LyZNJ.eval',
  'set/2025-09-15T15-02-26-04-00_popularity_LthYhadZHuQjsMYHHKRep2.eval',
  'set/2025-09-15T15-02-26-04-00_popularity_eF3BogZE3jzpiWBjjDWbik.eval',
  'not-set/2025-09-15T15-07-04-04-00_popularity_CzDPvkooKpp4d24wMPkx5d.eval',
  'not-set/2025-09-15T15-07-21-04-00_popularity_TrR56PVX4fHPUViCDMPg8g.eval',
  '2025-09-15T15-06-47-04-00_popularity_A2Ld8PcXe79grUc5trBXEb.eval',
  '../../inspect-pr2556-scanner-example-logs/examples/scanner/logs/2025-09-23T08-09-58-04-00_popularity_DN2wbX2ZvACsBpjwptzBRo.eval'
].map((f) => path.join(SETS, f))
const SET2 = ['CuCFPdqnwXupUkxp69nJ2a', 'J5EskSJVsBD9iRd47twk8x', 'jKN69eAYYpZFAZhRgMAztp'].map((id) => path.join(SETS, `set2/2025-09-15T15-04-34-04-00_popularity_${id}.eval`))
const TESTS = real('inspect_ai/inspect-main-tests/tests')
const ZSTD = real('inspect_ai/inspect-pr4526-zstd-fixtures/tests/_helpers/fixtures')

const C_I: Record<string, number> = { C: 1, I: 0 }

/** A deflated .eval's members, unzipped by fflate (an independent reader), JSON-parsed. */
function members(file: string): Record<string, unknown> {
  const files = unzipSync(readFileSync(file))
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.endsWith('.json') ? JSON.parse(Buffer.from(data).toString('utf8')) : null]))
}

/** Per (id, epoch), the log's own score value of `scorer`, mapped C → 1, I → 0; and the header's accuracy. */
function own(file: string, scorer = 'match'): { values: Map<string, number>; accuracy: number } {
  const m = members(file)
  const values = new Map<string, number>()
  for (const [name, sample] of Object.entries(m)) {
    if (!name.startsWith('samples/')) continue
    const s = sample as { id: number; epoch: number; scores: Record<string, { value: string }> }
    values.set(`${s.id}/${s.epoch}`, C_I[s.scores[scorer].value])
  }
  const header = m['header.json'] as { results: { scores: { metrics: { accuracy: { value: number } } }[] } }
  return { values, accuracy: header.results.scores[0].metrics.accuracy.value }
}

async function expectSameValues(file: string, scorer = 'match'): Promise<void> {
  const table = await tableOf({ name: file, path: file }, 'inspect')
  const column = table.metrics.find((m) => m.name === scorer)
  const expected = own(file, scorer).values
  expect(table.n).toBe(expected.size)
  table.ids.forEach((id, i) => expect(column?.values[i], `${id}`).toBe(expected.get(`${id}/${table.keys.get('epoch')?.[i]}`)))
}

describe.skipIf(!haveReal)('Inspect: the real pairable sets (skipped: /work/shared/formats/real is absent)', () => {
  it('popularity, 7 models × 100 ids (deflate): each sample\'s "C"/"I" as 1/0; each log alone = its header accuracy; pairs of models on the 100 ids', async () => {
    for (const file of POPULARITY) {
      expect(await recogniseTool({ name: file, path: file })).toBe('inspect')
      await expectSameValues(file)
      const alone = await compareFiles(file, null)
      expect(Math.abs((alone.metrics.match.candidate as number) - own(file).accuracy)).toBeLessThan(1e-9)
      expect(alone.metrics.total_time.direction).toBe('lower')
      expect(alone.metrics.tokens.direction).toBe('lower')
    }
    const report = await compareFiles(POPULARITY[0], POPULARITY[2])
    expect(report.counts).toMatchObject({ candidate: 100, baseline: 100, paired: 100 })
    expect(Math.abs((report.metrics.match.candidate as number) - own(POPULARITY[0]).accuracy)).toBeLessThan(1e-9)
    expect(Math.abs((report.metrics.match.baseline as number) - own(POPULARITY[2]).accuracy)).toBeLessThan(1e-9)
    expect(report.metrics.match.test).toBe('mcnemar-exact')
    // Default gates: the scorer, not the telemetry (reported, gated only when named).
    expect(report.gates.map((g) => g.rule)).toEqual(['match no-regression'])
  })

  it('set2: 10 ids × 5 epochs, epochs read as repeats: each id the mean of its epochs; means = header accuracy (epochs reducer mean)', async () => {
    for (const file of SET2) await expectSameValues(file)
    const report = await compareFiles(SET2[0], SET2[1])
    expect(report.counts).toMatchObject({ candidate: 50, baseline: 50, paired: 10, repeats: { candidate: 5, baseline: 5 } })
    expect(Math.abs((report.metrics.match.candidate as number) - own(SET2[0]).accuracy)).toBeLessThan(1e-9)
    expect(Math.abs((report.metrics.match.baseline as number) - own(SET2[1]).accuracy)).toBeLessThan(1e-9)
  })

  it('unscored (15-17-00) vs scored by `inspect score` (15-18-04): the scorer is in one file only and says so; tokens are compared', async () => {
    const unscored = path.join(TESTS, 'scorer/logs/2025-02-11T15-17-00-05-00_popularity_dPiJifoWeEQBrfWsAopzWr.eval')
    const scored = path.join(TESTS, 'scorer/logs/2025-02-11T15-18-04-05-00_popularity_mj7khqpMM4GBCfVQozKgzB.eval')
    await expectSameValues(scored)
    const report = await compareFiles(scored, unscored)
    expect(Object.keys(report.metrics)).toEqual(['tokens'])
    const text = report.warnings.join('\n')
    expect(text).toContain('"match" is in ')
    expect(text).toMatch(/has no scores \(an unscored log: score it with `inspect score`\)/)
    expect(Math.abs(((await compareFiles(scored, null)).metrics.match.candidate as number) - own(scored).accuracy)).toBeLessThan(1e-9)
  })

  it('log_formats.eval vs log_formats.json: the same run in two containers gives the same values', async () => {
    const a = path.join(TESTS, 'log/test_eval_log/log_formats.eval')
    const b = path.join(TESTS, 'log/test_eval_log/log_formats.json')
    expect(await recogniseTool({ name: b, path: b })).toBe('inspect')
    const report = await compareFiles(a, b)
    expect(report.counts.paired).toBe(1)
    expect(report.metrics.match).toMatchObject({ candidate: 0, baseline: 0, delta: 0 })
  })

  it('arc_easy .json logs (qwen2.5:0.5b ids 1-3 vs claude-sonnet-4-0 ids 1-5): values per id; each alone = its accuracy', async () => {
    const dir = real('inspect_ai/eee-tests-inspect-json/tests/data/inspect')
    const q = path.join(dir, 'data_arc_qwen.json')
    const s = path.join(dir, 'data_arc_sonnet.json')
    const log = (f: string): { results: { scores: { metrics: { accuracy: { value: number } } }[] }; samples: { id: number; scores: { choice: { value: string } } }[] } => JSON.parse(readFileSync(f, 'utf8'))
    const report = await compareFiles(q, s)
    expect(report.counts).toMatchObject({ candidate: 3, baseline: 5, paired: 3, baselineOnly: 2 })
    expect(report.metrics.choice.candidate).toBeCloseTo(mean(log(q).samples.map((x) => C_I[x.scores.choice.value])), 15)
    expect(report.metrics.choice.baseline).toBe(1)
    for (const f of [q, s]) expect(Math.abs(((await compareFiles(f, null)).metrics.choice.candidate as number) - log(f).results.scores[0].metrics.accuracy.value)).toBeLessThan(1e-9)
  })

  it('pubmedqa: string ids ("12377809")', async () => {
    const f = real('inspect_ai/eee-tests-inspect-json/tests/data/inspect/data_pubmedqa_gpt4o_mini.json')
    const t = await tableOf({ name: f, path: f }, 'inspect')
    expect(t.ids).toEqual(['12377809', '26163474'])
  })

  it('zstd members (compression 93, inspect_ai 0.3.208 fixtures, legacy vs postfix): read with fzstd; the samples agree with summaries.json', async () => {
    const legacy = path.join(ZSTD, 'legacy/retry-2-then-success.eval')
    const postfix = path.join(ZSTD, 'postfix/retry-2-then-success.eval')
    const report = await compareFiles(legacy, postfix)
    expect(report.counts.paired).toBe(1)
    expect(Object.keys(report.metrics)).toEqual(['total_time', 'working_time', 'tokens'])
    expect(report.gates).toHaveLength(3)
    // summaries.json, a member of its own, decompressed here directly: the same total_time.
    const zip = readFileSync(legacy)
    const table = await tableOf({ name: legacy, path: legacy }, 'inspect')
    // The local header of summaries.json (30 bytes before its name): method 93, its sizes, then the data.
    const name = zip.indexOf('summaries.json')
    const local = name - 30
    expect(zip.readUInt32LE(local)).toBe(0x04034b50)
    expect(zip.readUInt16LE(local + 8)).toBe(93)
    const start = name + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const packed = zip.subarray(start, start + zip.readUInt32LE(local + 18))
    const summaries = JSON.parse(Buffer.from(decompress(packed)).toString('utf8')) as { total_time: number }[]
    expect(table.metrics.find((m) => m.name === 'total_time')?.values[0]).toBe(summaries[0].total_time)
  })

  it('a cancelled log (status "cancelled") is read, with a warning', async () => {
    const f = path.join(TESTS, 'analysis/test_logs/2025-05-12T20-28-13-04-00_popularity.json')
    const report = await compareFiles(f, null)
    expect(report.metrics.match.candidate).toBeCloseTo(2 / 3, 15)
    expect(report.warnings.join('\n')).toMatch(/the log's status is "cancelled", not "success"/)
  })

  it('a log folder with several logs: one line listing them and how to pick one', async () => {
    const message = await failure(compareFiles(path.join(SETS, 'set2'), null))
    expect(message).not.toContain('\n')
    expect(message).toMatch(/is a folder with 3 logs; compare one at a time: give its file as the path/)
  })

  it('model_graded_fact logs (security_guide, theory_of_mind) read', async () => {
    const dir = real('inspect_ai/inspect-pr2556-scanner-example-logs/examples/scanner/logs')
    for (const [f, n] of [
      ['2025-09-23T08-09-58-04-00_security-guide_LuxZJVwvymC3S3SyoJczxB.eval', 16],
      ['2025-09-23T08-09-58-04-00_theory-of-mind_bbB4eRCx2rFJLyPH42Cj9r.eval', 100]
    ] as const) {
      const file = path.join(dir, f)
      await expectSameValues(file, 'model_graded_fact')
      const report = await compareFiles(file, null)
      expect(report.counts.candidate).toBe(n)
      expect(Math.abs((report.metrics.model_graded_fact.candidate as number) - own(file, 'model_graded_fact').accuracy)).toBeLessThan(1e-9)
    }
  })
})

describe('Inspect: fixtures', () => {
  let temp: ReturnType<typeof tempFolder>
  afterEach(() => {
    temp?.done()
    delete process.env.EVAL_GATE_MAX_UNPACKED_BYTES
  })
  const header = (extra: Record<string, unknown> = {}): Uint8Array => json({ version: 2, status: 'success', eval: { task: 't', dataset: { samples: 3 }, scorers: [{ name: 'judge' }] }, ...extra })
  const sample = (id: number | string, epoch: number, scores: Record<string, unknown>, extra: Record<string, unknown> = {}): Uint8Array =>
    json({ id, epoch, input: 'x'.repeat(200), scores, model_usage: { m: { input_tokens: 10, output_tokens: 5, total_tokens: 15 } }, total_time: 1.5, working_time: 1, ...extra })
  const log = (samples: { name: string; data: Uint8Array; method?: 0 | 8 | 93 }[], more: Parameters<typeof makeZip>[0] = []): Uint8Array =>
    makeZip([{ name: 'header.json', data: header(), method: 93 }, ...samples, ...more])

  it("value_to_float: C, I, P, N, yes/no, numbers and numeric strings; a dict value gives scorer.key metrics; zstd members", async () => {
    temp = tempFolder()
    const values = ['C', 'I', 'P', 'N', 'yes', 'false', 0.25, '0.75', true]
    const file = temp.write(
      'a.eval',
      log(values.map((v, k) => ({ name: `samples/${k + 1}_epoch_1.json`, data: sample(k + 1, 1, { judge: { value: v }, rubric: { value: { style: k % 2, facts: 'C' } } }), method: 93 as const })))
    )
    const table = await tableOf({ name: file, path: file }, 'inspect')
    expect([...(table.metrics.find((m) => m.name === 'judge')?.values ?? [])]).toEqual([1, 0, 0.5, 0, 1, 0, 0.25, 0.75, 1])
    expect(table.metrics.map((m) => m.name)).toEqual(['judge', 'rubric.style', 'rubric.facts', 'total_time', 'working_time', 'tokens'])
    const report = await compareFiles(file, null)
    expect(report.metrics['rubric.facts'].candidate).toBe(1)
    expect(report.metrics.tokens.candidate).toBe(15)
  })

  it('a value no mapping reads is an error naming the log, the member and the field, unless score-metrics leaves the scorer out', async () => {
    temp = tempFolder()
    const file = temp.write('b.eval', log([1, 2].map((k) => ({ name: `samples/${k}_epoch_1.json`, data: sample(k, 1, { judge: { value: k === 2 ? 'maybe' : 'C' }, exact: { value: 1 } }) }))))
    const message = await failure(compareFiles(file, null))
    expect(message).toBe(`${file}: samples/2_epoch_1.json: field "scores.judge.value" is not a score Inspect's value_to_float reads (C, I, P, N, yes/no, true/false, a number): the string "maybe"`)
    const left = await compareFiles(file, null, { scoreMetrics: [{ name: 'exact', direction: 'higher' }] })
    expect(left.metrics.exact.candidate).toBe(1)
  })

  it('epochs are repeats; a sample with an error is an error row; positional ids of a shuffled dataset get a warning', async () => {
    temp = tempFolder()
    const samples = [1, 2, 3].flatMap((id) => [1, 2].map((epoch) => ({ name: `samples/${id}_epoch_${epoch}.json`, data: sample(id, epoch, id === 3 && epoch === 2 ? {} : { judge: { value: epoch === 1 ? 'C' : 'I' } }, id === 3 && epoch === 2 ? { error: { message: 'timeout' } } : {}) })))
    const file = temp.write('c.eval', makeZip([{ name: 'header.json', data: json({ version: 2, status: 'success', eval: { task: 't', dataset: { shuffled: true } } }) }, ...samples]))
    const report = await compareFiles(file, null, { errors: 'exclude', scoreMetrics: [{ name: 'judge', direction: 'higher' }] })
    expect(report.counts.repeats).toEqual({ candidate: 2, baseline: null })
    expect(report.counts.errors?.candidate).toBe(1)
    expect(report.warnings.join('\n')).toMatch(/the dataset was shuffled and its ids are the positions 1…3/)
  })

  it('a zstd bomb (1 GiB of RLE blocks in a member declaring 1 KiB) ends in one line, quickly, within memory', async () => {
    temp = tempFolder()
    const before = process.memoryUsage().rss
    const started = Date.now()
    const bomb = { name: 'samples/1_epoch_1.json', data: new Uint8Array(1024), method: 93 as const, packed: zstdRle(0x20, 1 << 30), size: 1024, crc: 0 }
    const file = temp.write('bomb.eval', log([], [bomb]))
    const message = await failure(compareFiles(file, null))
    expect(message).toMatch(/bomb\.eval: samples\/1_epoch_1\.json: (unpacks to more than the 1,024 bytes it declares|is corrupt: its CRC-32 does not match)/)
    expect(message).not.toContain('\n')
    expect(Date.now() - started).toBeLessThan(5000)
    expect(process.memoryUsage().rss - before).toBeLessThan(200 << 20)
    // Declaring 2 GiB: refused before anything is unpacked.
    const declared = temp.write('bomb2.eval', log([], [{ ...bomb, size: 2 ** 31 }]))
    expect(await failure(compareFiles(declared, null))).toMatch(/samples\/1_epoch_1\.json: declares 2,147,483,648 bytes unpacked, more than the cap of 67,108,864 bytes: refused/)
  })

  it('a 100 MB single sample: refused at the row cap by its declared size, and by what it inflates to when it lies', async () => {
    temp = tempFolder()
    const big = temp.write('big.eval', log([], [{ name: 'samples/1_epoch_1.json', data: new Uint8Array(10), packed: new Uint8Array(10), size: 100_000_000, method: 8 }]))
    expect(await failure(compareFiles(big, null))).toMatch(/big\.eval: samples\/1_epoch_1\.json: declares 100,000,000 bytes unpacked, more than the cap of 67,108,864 bytes/)
    const lying = temp.write('lying.eval', log([], [{ name: 'samples/1_epoch_1.json', data: new Uint8Array(1000), packed: zstdRle(0x20, 100_000_000), size: 1000, method: 93, crc: 0 }]))
    expect(await failure(compareFiles(lying, null))).toMatch(/lying\.eval: samples\/1_epoch_1\.json: (unpacks to more than|is corrupt)/)
  })

  it('hostile archives: a member named ../x, two members of one name, a non-JSON member, not a zip, the total unpacked cap', async () => {
    temp = tempFolder()
    const ok = { name: 'samples/1_epoch_1.json', data: sample(1, 1, { judge: { value: 'C' } }) }
    const escape = temp.write('escape.eval', log([ok], [{ name: '../x', data: json({}) }]))
    expect(await failure(compareFiles(escape, null))).toBe(`${escape}: has a member with an unsafe path ("../x"): refused`)
    const twice = temp.write('twice.eval', log([ok, ok]))
    expect(await failure(compareFiles(twice, null))).toMatch(/has two members named "samples\/1_epoch_1\.json": an ambiguous log, refused/)
    const notJson = temp.write('nj.eval', log([ok, { name: 'samples/2_epoch_1.json', data: Buffer.from('{"id": 2, "epoch": 1, "scores": {') }]))
    expect(await failure(compareFiles(notJson, null))).toMatch(/nj\.eval: samples\/2_epoch_1\.json: is not valid JSON \(/)
    const garbage = temp.write('garbage.eval', Buffer.from('PK\u0003\u0004 this is not really a zip at all, only its first bytes'))
    expect(await failure(compareFiles(garbage, null))).toMatch(/garbage\.eval: is not a zip archive, or is truncated/)
    process.env.EVAL_GATE_MAX_UNPACKED_BYTES = '2000'
    const many = temp.write('many.eval', log([1, 2, 3, 4, 5, 6, 7, 8].map((k) => ({ name: `samples/${k}_epoch_1.json`, data: sample(k, 1, { judge: { value: 'C' } }) }))))
    expect(await failure(compareFiles(many, null))).toMatch(/takes the log's members past 2,000 bytes unpacked: refused/)
  })

  it('10,000 members are read (one sample each)', async () => {
    temp = tempFolder()
    const samples = Array.from({ length: 10_000 }, (_, k) => ({ name: `samples/${k + 1}_epoch_1.json`, data: json({ id: k + 1, epoch: 1, scores: { judge: { value: k % 4 === 0 ? 'I' : 'C' } } }) }))
    const file = temp.write('many.eval', log(samples))
    const started = Date.now()
    const report = await compareFiles(file, null)
    expect(report.counts.candidate).toBe(10_000)
    expect(report.metrics.judge.candidate).toBe(0.75)
    expect(Date.now() - started).toBeLessThan(20_000)
  })
})
