/**
 * SECURITY.md, "Input files": hostile sizes against the readers. Each over-size input stops with a message naming
 * the file and line, after reading at most the limit and a chunk (shown with endless streams: a reader that kept
 * accumulating would never return). The limits are lowered through the test knobs (EVAL_GATE_MAX_LINE_BYTES, the
 * `maxRowBytes` option, a source's `maxUnpackedBytes`) rather than by writing gigabytes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DelimitedParser, readDelimited } from '../src/read/csv.js'
import { readPredictions } from '../src/read/readPredictions.js'
import { JsonArraySplitter, readJsonArray } from '../src/read/json.js'
import { readJsonl } from '../src/read/jsonl.js'
import { MAX_ROW_BYTES, maxRowBytes } from '../src/read/limits.js'
import { RowBuilder } from '../src/read/rows.js'
import { DEFAULT_FIELDS, LabelDictionary, type PredictionFile, type PredictionSource } from '../src/read/predictionFile.js'
import { inputError as message } from './support.js'

import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-limits-')))

afterEach(() => {
  vi.unstubAllEnvs()
})

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name)
  writeFileSync(p, content)
  return p
}

async function readSource(source: PredictionSource, maxRowBytes?: number): Promise<PredictionFile & { labels: string[] }> {
  const dictionary = new LabelDictionary()
  const f = await readPredictions(source, { fields: DEFAULT_FIELDS, dictionary, requireId: true, maxRowBytes })
  return { ...f, labels: dictionary.names }
}

/** Text chunks of `text`, `size` characters each. */
async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
}

/**
 * `head`, then `fill` for ever (as far as a reader that honours a 1,000-byte limit can tell: after 5,000 chunks it
 * fails the test instead); `pulls.n` counts the chunks taken, so a test sees where the reader stopped.
 */
function endless(head: string, fill: string, pulls: { n: number }): AsyncIterable<string> {
  return (async function* () {
    pulls.n++
    yield head
    while (pulls.n < 5000) {
      pulls.n++
      yield fill
    }
    throw new Error('the reader went on past the limit')
  })()
}

const builder = (name: string, textCells: boolean) => new RowBuilder(name, DEFAULT_FIELDS, new LabelDictionary(), true, textCells)

/** A JSONL line of exactly `bytes` UTF-8 bytes: a valid row padded with an ignored field. */
function lineOf(bytes: number, id: number): string {
  const start = `{"id": ${id}, "label": "a", "prediction": "a", "pad": "`
  return start + 'x'.repeat(bytes - start.length - 2) + '"}'
}

describe('the row limit', () => {
  it('is 64 MiB unless EVAL_GATE_MAX_LINE_BYTES (a whole number) lowers it', () => {
    expect(MAX_ROW_BYTES).toBe(67_108_864)
    expect(maxRowBytes({})).toBe(67_108_864)
    expect(maxRowBytes({ EVAL_GATE_MAX_LINE_BYTES: '1000' })).toBe(1000)
    for (const bad of ['', '0', '-5', '1e3', '0x10', '12abc']) expect(maxRowBytes({ EVAL_GATE_MAX_LINE_BYTES: bad })).toBe(67_108_864)
  })
})

describe('JSONL: one line over the limit (SECURITY: a 500 MiB line)', () => {
  it('refuses the line with file:line, and reads one of exactly the limit', async () => {
    vi.stubEnv('EVAL_GATE_MAX_LINE_BYTES', '1000')
    const ok = lineOf(1000, 1)
    expect(Buffer.byteLength(ok)).toBe(1000)
    expect((await readSource({ name: 'ok.jsonl', path: file('ok.jsonl', ok + '\n') })).n).toBe(1)
    const content = [lineOf(100, 1), '', lineOf(1001, 2), lineOf(100, 3)].join('\n')
    expect(await message(readSource({ name: 'c.jsonl', path: file('c.jsonl', content) }))).toBe('c.jsonl:3: is longer than 1,000 bytes, the limit for one line: refused')
  })
  it('counts UTF-8 bytes, not characters', async () => {
    // 'é' is 2 bytes in UTF-8: 500 of them are 1,000 bytes in 500 characters.
    const line = `{"id": 1, "label": "a", "prediction": "a", "pad": "${'é'.repeat(500)}"}`
    expect(line.length).toBeLessThan(1000)
    expect(await message(readSource({ name: 'u.jsonl', path: file('u.jsonl', line) }, 1000))).toBe('u.jsonl:1: is longer than 1,000 bytes, the limit for one line: refused')
  })
  it('stops an endless line as soon as it passes the limit', async () => {
    const pulls = { n: 0 }
    const head = lineOf(100, 1) + '\n' + lineOf(100, 2) + '\n{"id": 3, "pad": "'
    const error = await message(readJsonl(endless(head, 'x'.repeat(100), pulls), builder('e.jsonl', false), 1000))
    expect(error).toBe('e.jsonl:3: is longer than 1,000 bytes, the limit for one line: refused')
    // The held start of line 3 is 18 bytes; 10 chunks of 100 make 1,018 > 1,000: 1 + 10 chunks taken.
    expect(pulls.n).toBe(11)
  })
  it('reads lines split anywhere across chunks alike', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `{"id": ${i}, "label": "${i % 3}", "prediction": "${i % 2}", "score": ${(i % 10) / 10}}`)
    const text = rows.join('\r\n') + '\n\n'
    const whole = builder('w.jsonl', false)
    await readJsonl(chunked(text, text.length), whole, 1000)
    for (const size of [1, 2, 7, 64]) {
      const parts = builder('p.jsonl', false)
      await readJsonl(chunked(text, size), parts, 1000)
      expect(parts.finish()).toEqual({ ...whole.finish(), name: 'p.jsonl' })
    }
  })
})

/** 10,000 rows whose strings hold every character the array scanner must step over: quotes, backslashes, brackets. */
function hostileRows(): { id: string; label: string; prediction: string; score: number }[] {
  const tricky = ['a', 'b,c', 'd]e', 'f}g', 'h"i', 'j\\', '\\"k', '[{', 'l\\\\"m', 'n\nо']
  return Array.from({ length: 10_000 }, (_, i) => ({ id: `ex-${i}`, label: tricky[i % 10], prediction: tricky[(i * 7) % 10], score: (i % 101) / 100 }))
}

describe('JSON arrays are streamed (SECURITY: a valid 600 MiB array)', () => {
  it('reads an array of 10,000 objects in small chunks as the JSONL of the same rows', async () => {
    const rows = hostileRows()
    const jsonl = builder('r.jsonl', false)
    await readJsonl(chunked(rows.map((r) => JSON.stringify(r)).join('\n'), 1 << 20), jsonl, 1000)
    const expected = jsonl.finish()
    // One element per line from line 2, as the JSONL rows are from line 1.
    const array = '[\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n'
    for (const size of [3, 7, 4096]) {
      const json = builder('r.json', false)
      await readJsonArray(chunked(array, size), json, 1000)
      const got = json.finish()
      expect({ ...got, name: 'r.jsonl', line: got.line.map((l) => l - 1) }).toEqual(expected)
    }
  })
  it('splits elements of every JSON kind at depth 0 only, with the line of each', () => {
    const seen: [string, number, number][] = []
    const s = new JsonArraySplitter('s.json', 1000, (text, line, index) => seen.push([text, line, index]))
    for (const part of ['  [ {"a": [1, {"b": "],}"}]}', ' ,\n "x\\\\"', ',', '\n\n[[]] ,-1.5e3 , true,null', '  ]  \n']) s.push(part)
    s.end()
    expect(seen).toEqual([
      ['{"a": [1, {"b": "],}"}]}', 1, 1],
      ['"x\\\\"', 2, 2],
      ['[[]]', 4, 3],
      ['-1.5e3', 4, 4],
      ['true', 4, 5],
      ['null', 4, 6]
    ])
  })
  it('follows nesting deeper than its first stack (200 levels), and a wrong closer deep inside', async () => {
    const deep = '['.repeat(200) + ']'.repeat(200)
    const ok = `[{"id": 1, "label": "a", "prediction": "a", "deep": ${deep}}]`
    expect((await readSource({ name: 'deep.json', path: file('deep.json', ok) })).n).toBe(1)
    const bad = `[{"id": 1, "label": "a", "prediction": "a",\n "deep": ${'['.repeat(150)}}]`
    expect(await message(readSource({ name: 'deep.json', path: file('deep.json', bad) }))).toBe('deep.json:2: is not valid JSON: "}" closes "["')
  })
  it('refuses an element over the limit, with its line and index', async () => {
    const array = `[\n${lineOf(100, 1)},\n${lineOf(1001, 2)}\n]`
    expect(await message(readSource({ name: 'big.json', path: file('big.json', array) }, 1000))).toBe('big.json:3: element 2 is longer than 1,000 bytes, the limit for one element: refused')
    const ok = `[${lineOf(1000, 1)}]`
    expect((await readSource({ name: 'ok.json', path: file('ok.json', ok) }, 1000)).n).toBe(1)
  })
  it('stops an endless element as soon as it passes the limit', async () => {
    const pulls = { n: 0 }
    const error = await message(readJsonArray(endless(`[${lineOf(100, 1)},\n {"pad": "`, 'x'.repeat(100), pulls), builder('e.json', false), 1000))
    expect(error).toBe('e.json:2: element 2 is longer than 1,000 bytes, the limit for one element: refused')
    // The element is held from its first character: `{"pad": "` (9 bytes), then 10 chunks of 100 pass 1,000.
    expect(pulls.n).toBe(11)
  })
  it('names the line of a syntax error inside a multi-line element', async () => {
    const array = '[\n {"id": 1, "label": "a", "prediction": "a"},\n {"id": 2,\n  "label": "a",\n  "prediction" "a"}\n]'
    expect(await message(readSource({ name: 'm.json', path: file('m.json', array) }))).toMatch(/^m\.json:5: is not valid JSON: (Expected ':' after property name|Unexpected string)$/) // Node 24 | Node 20
  })
  it('names what is wrong with the array itself, and where', async () => {
    const row = '{"id": 1, "label": "a", "prediction": "a"}'
    const cases: [string, string][] = [
      [`[${row},\n]`, 'x.json:2: is not valid JSON: a "," before the closing "]"'],
      [`[${row},\n,${row}]`, 'x.json:2: is not valid JSON: an empty element ("," where a value should be)'],
      [`[${row}]\n\n{"more": 1}`, 'x.json:3: is not valid JSON: text after the closing "]": "{\\"more\\": 1}"'],
      [`[${row},\n{"a": [1}]`, 'x.json:2: is not valid JSON: "}" closes "["'],
      [`[${row}}]`, 'x.json:1: is not valid JSON: "}" without a matching "{"'],
      [`[${row},\n${row}\n`, 'x.json:3: is not valid JSON: the array is never closed ("]" is missing at the end)'],
      [`[${row},\n`, 'x.json:2: is not valid JSON: the array is never closed ("]" is missing at the end)'],
      ['  \n', 'x.json: is empty: no prediction rows'],
      ['\n "rows"', 'x.json:2: must be a JSON array of objects (one per example)']
    ]
    for (const [text, expected] of cases) expect(await message(readSource({ name: 'x.json', path: file('x.json', text) }))).toBe(expected)
    // The file ends inside an element: JSON.parse says what is unclosed, at the element's line.
    expect(await message(readSource({ name: 'x.json', path: file('x.json', `[${row},\n {"id": "unclosed`) }))).toMatch(/^x\.json:2: is not valid JSON: Unterminated string/)
  })
})

describe('CSV and TSV: a quote never closed, a record over the limit (SECURITY: 500 MiB unclosed quote)', () => {
  it('stops an endless quoted field at the limit, with the message for an unclosed quote', async () => {
    const pulls = { n: 0 }
    const error = await message(readDelimited(endless('id,label,prediction\n1,a,a\n2,"b', 'x'.repeat(100), pulls), builder('q.csv', true), ',', 1000))
    expect(error).toBe('q.csv:3: has a quoted field that is never closed within 1,000 bytes, the limit for one record: refused')
    // The held start of line 3 is `2,"b` (4 bytes): 10 chunks of 100 pass 1,000.
    expect(pulls.n).toBe(11)
  })
  it('stops an endless unquoted line at the limit', async () => {
    const pulls = { n: 0 }
    const error = await message(readDelimited(endless('id\tlabel\tprediction\n1\ta\t', 'y'.repeat(100), pulls), builder('l.tsv', true), '\t', 1000))
    expect(error).toBe('l.tsv:2: is longer than 1,000 bytes, the limit for one record: refused')
    expect(pulls.n).toBe(11)
  })
  it('scans a long quoted field with line feeds once, not once per chunk', async () => {
    // 32 MiB limit, 16 KiB chunks each ending in a line feed: 2,048 chunks. Held and re-parsed at every line feed
    // (the reader before this fix) that is ~32 GiB of scanning and copying, many seconds; scanned once, 32 MiB.
    const started = performance.now()
    const error = await message(readDelimited(endless('id,label,prediction\n1,a,"', 'x'.repeat(16383) + '\n', { n: 0 }), builder('f.csv', true), ',', 32 << 20))
    expect(error).toBe('f.csv:2: has a quoted field that is never closed within 33,554,432 bytes, the limit for one record: refused')
    expect(performance.now() - started).toBeLessThan(1500)
  })
  it('reports a stray quote, not the limit, when it made the record look unclosed', async () => {
    // `a"b` opens no quoted field, but the end scan counts its quote; the re-parse at the limit finds the error.
    const error = await message(readDelimited(endless('id,label,prediction\n1,a"b,', 'z'.repeat(100), { n: 0 }), builder('s.csv', true), ',', 1000))
    expect(error).toBe('s.csv:2: has a quote inside an unquoted field; quote the whole field and write the quote as ""')
  })
  it('refuses a complete record over the limit inside one chunk, and reads one of exactly the limit', async () => {
    const header = 'id,label,prediction\n'
    const record = (n: number) => `1,"${'x'.repeat(n - 6)}",a`
    expect(record(1000).length).toBe(1000)
    expect((await readSource({ name: 'ok.csv', path: file('ok.csv', header + record(1000) + '\n') }, 1000)).n).toBe(1)
    expect(await message(readSource({ name: 'big.csv', path: file('big.csv', header + '2,a,a\n' + record(1001) + '\n') }, 1000))).toBe(
      'big.csv:3: is longer than 1,000 bytes, the limit for one record: refused'
    )
  })
  it('parses the same records whatever the chunking (quotes, "", newlines and CRLF across chunk boundaries)', () => {
    const text = 'id,label,prediction\r\n1,"a ""b""\r\nc",x\r\n\r\n2,plain,"y,z"\n3,"",""""\n4,"multi\n\nline",w\r\n5,e,f'
    const parse = (size: number) => {
      const records: [string[], number][] = []
      const p = new DelimitedParser('c.csv', ',', (cells, line) => records.push([cells, line]), 1000)
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size))
      p.end()
      return records
    }
    const expected: [string[], number][] = [
      [['id', 'label', 'prediction'], 1],
      [['1', 'a "b"\r\nc', 'x'], 2],
      [['2', 'plain', 'y,z'], 5],
      [['3', '', '"'], 6],
      [['4', 'multi\n\nline', 'w'], 7],
      [['5', 'e', 'f'], 10]
    ]
    for (const size of [1, 2, 3, 5, 8, 13, text.length]) expect(parse(size)).toEqual(expected)
  })
})

describe('the unpacked-size cap of a source (SECURITY: a .jsonl.gz in an artifact that inflates to 1 GiB)', () => {
  const rows = Array.from({ length: 500 }, (_, i) => JSON.stringify({ id: i, label: 'a', prediction: 'a' })).join('\n') + '\n'
  const size = Buffer.byteLength(rows)
  it('refuses gzip data that unpacks past the cap, in memory and on disk', async () => {
    const gz = gzipSync(rows)
    expect(gz.length).toBeLessThan(size / 2)
    const expected = `art.jsonl.gz: unpacks to more than ${(size - 1).toLocaleString('en-US')} bytes: refused (a gzip bomb?)`
    expect(await message(readSource({ name: 'art.jsonl.gz', data: gz, maxUnpackedBytes: size - 1 }))).toBe(expected)
    expect(await message(readSource({ name: 'art.jsonl.gz', path: file('art.jsonl.gz', gz), maxUnpackedBytes: size - 1 }))).toBe(expected)
    // Gzip found by its magic bytes (no .gz in the name) is capped the same way.
    expect(await message(readSource({ name: 'art.jsonl', data: gz, maxUnpackedBytes: size - 1 }))).toMatch(/^art\.jsonl: unpacks to more than/)
    expect((await readSource({ name: 'art.jsonl.gz', data: gz, maxUnpackedBytes: size })).n).toBe(500)
  })
  it('refuses plain data over the cap', async () => {
    const data = Buffer.from(rows)
    expect(await message(readSource({ name: 'p.jsonl', data, maxUnpackedBytes: 100 }))).toBe('p.jsonl: is larger than 100 bytes: refused')
    expect(await message(readSource({ name: 'p.jsonl', path: file('p.jsonl', data), maxUnpackedBytes: 100 }))).toBe('p.jsonl: is larger than 100 bytes: refused')
    expect((await readSource({ name: 'p.jsonl', data, maxUnpackedBytes: size })).n).toBe(500)
  })
  it('stops a bomb near the cap, not at its end: 1 GiB of blank lines in 1 MiB of gzip, cap 1 MiB', async () => {
    // 64 gzip members of 16 MiB of line feeds each (a multi-member gzip is one valid stream).
    const member = gzipSync(Buffer.alloc(16 << 20, 0x0a), { level: 9 })
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member))
    expect(bomb.length).toBeLessThan(1 << 20)
    const started = performance.now()
    expect(await message(readSource({ name: 'bomb.jsonl.gz', data: bomb, maxUnpackedBytes: 1 << 20 }))).toBe('bomb.jsonl.gz: unpacks to more than 1,048,576 bytes: refused (a gzip bomb?)')
    // Unpacking and splitting all 1 GiB takes seconds (and would end in "is empty"); stopping after 2 MiB, ms.
    expect(performance.now() - started).toBeLessThan(1000)
  })
  it('a directory named .gz is a message, not an unhandled stream error', async () => {
    mkdirSync(path.join(dir, 'd.jsonl.gz'), { recursive: true })
    expect(await message(readSource({ name: 'd.jsonl.gz', path: path.join(dir, 'd.jsonl.gz') }))).toBe(
      "d.jsonl.gz: is a folder, not a predictions file: give the file, or an evaluation tool's output folder (an lm-eval --output_path, an Inspect log folder: docs/tools.md)"
    )
  })
})

describe('scores objects', () => {
  it('more than 10,000 labels in one scores object is refused before anything is allocated for them', async () => {
    const scores = Object.fromEntries(Array.from({ length: 10_001 }, (_, k) => [`c${k}`, 0]))
    const f = file('wide.jsonl', JSON.stringify({ id: 1, label: 'c0', prediction: 'c0', scores }) + '\n')
    expect(await message(readSource({ name: 'wide.jsonl', path: f }))).toBe('wide.jsonl:1: field "scores" has 10,001 labels; at most 10,000 are supported in a scores object')
  })
})
