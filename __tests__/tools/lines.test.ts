/**
 * The line reader of the tool formats (src/read/tools/toolSources.ts `eachLine`): its fast path for plain files (two
 * buffers of 8 MiB in turn) gives the lines the stream path gives, across buffer ends, with a byte-order mark,
 * CRLF, no final newline, a line longer than a buffer, and gzip by magic bytes under a .jsonl name.
 */
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { eachLine } from '../../src/read/tools/toolSources.js'
import { failure, tempFolder } from './support.js'

async function lines(file: string, data?: Uint8Array, limit?: number): Promise<string[]> {
  const out: string[] = []
  await eachLine(data ? { name: file, data } : { name: file, path: file }, (b, s, e) => void out.push(b.toString('utf8', s, e)), limit)
  return out
}

describe('eachLine', () => {
  let temp: ReturnType<typeof tempFolder>
  afterEach(() => temp?.done())

  it('the same lines from a file (fast path), from bytes and gzipped, across buffer ends and a line longer than a buffer', async () => {
    temp = tempFolder()
    const rows = [...Array.from({ length: 1500 }, (_, i) => `{"doc_id": ${i}, "x": "${'é'.repeat(i % 7000)}"}`), `{"long": "${'y'.repeat(9 << 20)}"}`, 'last line without newline']
    const text = '\ufeff' + rows.join('\r\n')
    const plain = temp.write('a.jsonl', text)
    const got = await lines(plain)
    const expected = rows.map((r, i) => (i < rows.length - 1 ? r + '\r' : r))
    expect(got.length).toBe(expected.length)
    expect(got).toEqual(expected)
    expect(await lines('b.jsonl', Buffer.from(text))).toEqual(expected)
    const gz = temp.write('c.jsonl', gzipSync(Buffer.from(text)))
    expect(await lines(gz)).toEqual(expected)
  })

  it('a line over the limit names its line, on both paths', async () => {
    temp = tempFolder()
    const f = temp.write('a.jsonl', `short\n${'z'.repeat(5000)}\nafter\n`)
    expect(await failure(lines(f, undefined, 1000))).toBe(`${f}:2: is longer than 1,000 bytes: refused (a line that long is not an example)`)
    const g = temp.write('b.jsonl.gz', gzipSync(Buffer.from(`short\n${'z'.repeat(5000)}\n`)))
    expect(await failure(lines(g, undefined, 1000))).toMatch(/b\.jsonl\.gz:2: is longer than 1,000 bytes/)
  })

  it('a missing file is named', async () => {
    expect(await failure(lines('/nonexistent/samples.jsonl'))).toBe('/nonexistent/samples.jsonl: file not found')
  })
})
