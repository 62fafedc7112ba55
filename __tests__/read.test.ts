/**
 * SPEC §1: every bad input stops with one message naming file, line and field; the awkward valid inputs read
 * the same as the plain ones.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import { formatOf, readPredictions } from '../src/read/index.js'
import { DEFAULT_FIELDS, LabelDictionary, type FieldNames, type PredictionFile } from '../src/types.js'

const dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-read-'))

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name)
  writeFileSync(p, content)
  return p
}

async function read(name: string, content: string | Buffer, options: { requireId?: boolean; fields?: FieldNames } = {}): Promise<PredictionFile & { labels: string[] }> {
  const dictionary = new LabelDictionary()
  const f = await readPredictions({ name, path: file(name, content) }, { fields: options.fields ?? DEFAULT_FIELDS, dictionary, requireId: options.requireId ?? true })
  return { ...f, labels: dictionary.names }
}

async function error(name: string, content: string | Buffer, options: { requireId?: boolean } = {}): Promise<string> {
  try {
    await read(name, content, options)
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return (e as Error).message
  }
  throw new Error('expected an InputError')
}

/** The plain view of a file, to compare formats. */
const view = (f: PredictionFile & { labels: string[] }) => ({
  n: f.n,
  ids: f.ids,
  truth: [...f.truth].map((c) => f.labels[c]),
  pred: [...f.pred].map((c) => f.labels[c]),
  score: f.score ? [...f.score] : null
})

const JSONL = '{"id": 1, "label": "spam", "prediction": "ham", "score": 0.25}\n{"id": "b", "label": "ham", "prediction": "ham", "score": 0}\n'

describe('bad input (SPEC §1)', () => {
  it('malformed JSON names the line', async () => {
    expect(await error('c.jsonl', '{"id": 1, "label": "a", "prediction": "a"}\n{"id": 2, "label": "a", "prediction": }\n')).toMatch(/^c\.jsonl:2: is not valid JSON: /)
  })
  it('a line that is not an object', async () => {
    expect(await error('c.jsonl', '[1, 2]\n')).toBe('c.jsonl:1: must be a JSON object, got an array')
  })
  it('a missing required field', async () => {
    expect(await error('candidate.jsonl', '{"id": 1, "label": "a", "prediction": "a"}\n{"id": 2, "label": "a"}\n')).toBe('candidate.jsonl:2: field "prediction" is missing')
    expect(await error('c.jsonl', '{"id": 1, "prediction": "a"}\n')).toBe('c.jsonl:1: field "label" is missing')
    expect(await error('c.jsonl', '{"label": "a", "prediction": "a"}\n')).toBe('c.jsonl:1: field "id" is missing')
  })
  it('an empty required field', async () => {
    expect(await error('c.jsonl', '{"id": 1, "label": "", "prediction": "a"}\n')).toBe('c.jsonl:1: field "label" is empty')
    expect(await error('c.csv', 'id,label,prediction\n1,a,\n')).toBe('c.csv:2: field "prediction" is empty')
    expect(await error('c.csv', 'id,label,prediction\n,a,a\n')).toBe('c.csv:2: field "id" is empty')
  })
  it('a label that is not a string, number or boolean', async () => {
    expect(await error('c.jsonl', '{"id": 1, "label": null, "prediction": "a"}\n')).toBe('c.jsonl:1: field "label" must be a string, number or boolean, got null')
    expect(await error('c.jsonl', '{"id": {"x": 1}, "label": "a", "prediction": "a"}\n')).toBe('c.jsonl:1: field "id" must be a string or an integer, got an object')
  })
  it('a score outside [0, 1] or not a number', async () => {
    expect(await error('c.jsonl', '{"id": 1, "label": "a", "prediction": "a", "score": 1.5}\n')).toBe('c.jsonl:1: field "score" must be a number in [0, 1], got 1.5')
    expect(await error('c.jsonl', '{"id": 1, "label": "a", "prediction": "a", "score": "high"}\n')).toBe('c.jsonl:1: field "score" must be a number in [0, 1], got "high"')
    expect(await error('c.csv', 'id,label,prediction,score\n1,a,a,-0.1\n')).toBe('c.csv:2: field "score" must be a number in [0, 1], got "-0.1"')
  })
  it('scores on some rows only, either way round', async () => {
    expect(await error('c.jsonl', '{"id": 1, "label": "a", "prediction": "a", "score": 0.5}\n{"id": 2, "label": "a", "prediction": "a"}\n')).toBe(
      'c.jsonl:2: field "score" is missing, but the earlier rows (from line 1) have it: give scores on all rows or none'
    )
    expect(await error('c.jsonl', '{"id": 1, "label": "a", "prediction": "a"}\n\n{"id": 2, "label": "a", "prediction": "a", "score": 0.5}\n')).toBe(
      'c.jsonl:3: field "score" is present, but the earlier rows (from line 1) have no scores: give scores on all rows or none'
    )
  })
  it('an empty file, or one with only blank lines', async () => {
    expect(await error('c.jsonl', '')).toBe('c.jsonl: is empty: no prediction rows')
    expect(await error('c.jsonl', '\n \n\r\n')).toBe('c.jsonl: is empty: no prediction rows')
    expect(await error('c.csv', 'id,label,prediction\n')).toBe('c.csv: is empty: no prediction rows')
    expect(await error('c.json', '[]')).toBe('c.json: is empty: no prediction rows')
  })
  it('a missing file', async () => {
    const dictionary = new LabelDictionary()
    await expect(readPredictions({ name: 'nope.jsonl', path: path.join(dir, 'nope.jsonl') }, { fields: DEFAULT_FIELDS, dictionary, requireId: true })).rejects.toThrow(
      'nope.jsonl: file not found'
    )
  })
  it('malformed CSV: an unclosed quote, a stray quote, a wrong number of cells, a missing column', async () => {
    expect(await error('c.csv', 'id,label,prediction\n1,"a,a\n2,b,b\n')).toBe('c.csv:2: has a quoted field that is never closed')
    expect(await error('c.csv', 'id,label,prediction\n1,a"b,a\n')).toBe('c.csv:2: has a quote inside an unquoted field; quote the whole field and write the quote as ""')
    expect(await error('c.csv', 'id,label,prediction\n1,a,a\n2,b\n')).toBe('c.csv:3: has 2 cells, but the header has 3')
    expect(await error('c.csv', 'id,label,pred\n1,a,a\n')).toBe('c.csv:1: field "prediction" is missing from the header (columns: id, label, pred)')
  })
  it('a JSON document that is not an array, or not valid', async () => {
    expect(await error('c.json', '{"id": 1}')).toBe('c.json:1: must be a JSON array of objects (one per example)')
    expect(await error('c.json', '[\n {"id": 1, "label": "a", "prediction": "a"},\n {"id": 2, "label": "a" "prediction": "a"}\n]')).toMatch(/^c\.json:3: is not valid JSON/)
    expect(await error('c.json', '[\n {"id": 1, "label": "a", "prediction": "a"},\n 7\n]')).toBe('c.json:3: element 2 must be a JSON object, got 7')
  })
  it('a corrupt gzip', async () => {
    const gz = gzipSync(JSONL)
    expect(await error('c.jsonl.gz', gz.subarray(0, gz.length - 12))).toMatch(/^c\.jsonl\.gz: is not valid gzip/)
  })
  it('an unknown extension asks for the format', async () => {
    expect(() => formatOf('preds.txt')).toThrow('preds.txt: has an extension that names no known format (.jsonl, .ndjson, .csv, .tsv, .json, optionally .gz): set format (CLI --format)')
  })
})

describe('awkward valid input', () => {
  const plain = async () => view(await read('plain.jsonl', JSONL))
  it('normalises labels and ids to text', async () => {
    const f = await read('n.jsonl', '{"id": 17, "label": 1, "prediction": 0}\n{"id": "x", "label": true, "prediction": 2.50}\n')
    expect(view(f)).toEqual({ n: 2, ids: ['17', 'x'], truth: ['1', 'true'], pred: ['0', '2.5'], score: null })
  })
  it('accepts a byte-order mark, CRLF and blank lines', async () => {
    expect(view(await read('bom.jsonl', '\uFEFF' + JSONL.replace(/\n/g, '\r\n\r\n')))).toEqual(await plain())
    expect(view(await read('bom.csv', '\uFEFFid,label,prediction,score\r\n1,spam,ham,0.25\r\n\r\nb,ham,ham,0\r\n'))).toEqual(await plain())
  })
  it('reads gzip from disk and from memory, by extension or by magic bytes', async () => {
    expect(view(await read('g.jsonl.gz', gzipSync(JSONL)))).toEqual(await plain())
    const dictionary = new LabelDictionary()
    const f = await readPredictions({ name: 'mem.jsonl', data: gzipSync(JSONL) }, { fields: DEFAULT_FIELDS, dictionary, requireId: true })
    expect(view({ ...f, labels: dictionary.names })).toEqual(await plain())
  })
  it('reads TSV, CSV, a JSON array and JSONL of the same data alike', async () => {
    const expected = await plain()
    expect(view(await read('t.tsv', 'id\tlabel\tprediction\tscore\n1\tspam\tham\t0.25\nb\tham\tham\t0\n'))).toEqual(expected)
    expect(view(await read('c.csv', 'id,label,prediction,score\n1,spam,ham,0.25\nb,ham,ham,0\n'))).toEqual(expected)
    expect(view(await read('a.json', '[{"id": 1, "label": "spam", "prediction": "ham", "score": 0.25},\n{"id": "b", "label": "ham", "prediction": "ham", "score": 0}]'))).toEqual(expected)
    expect(view(await read('n.ndjson', JSONL))).toEqual(expected)
  })
  it('reads quoted CSV cells with commas, quotes and newlines, and counts lines from where a row starts', async () => {
    const f = await read('q.csv', 'id,label,prediction\n1,"tech, science","tech, science"\n2,"say ""hi""","multi\nline"\n3,a,a\n')
    expect(view(f).truth).toEqual(['tech, science', 'say "hi"', 'a'])
    expect(view(f).pred).toEqual(['tech, science', 'multi\nline', 'a'])
    expect([...f.line]).toEqual([2, 3, 5])
  })
  it('takes custom field names', async () => {
    const fields = { id: 'uid', label: 'gold', prediction: 'guess', score: 'p' }
    const f = await read('custom.jsonl', '{"uid": 1, "gold": "spam", "guess": "ham", "p": 0.25}\n{"uid": "b", "gold": "ham", "guess": "ham", "p": 0}\n', { fields })
    expect(view(f)).toEqual(await plain())
  })
  it('gives the line of each JSON array element', async () => {
    const f = await read('lines.json', '[\n  {"id": 1, "label": "a", "prediction": "a"},\n\n  {"id": 2, "label": "a",\n   "prediction": "a"}\n]')
    expect([...f.line]).toEqual([2, 4])
  })
  it('reads multiclass scores objects (JSONL and a JSON cell in CSV)', async () => {
    const f = await read('m.jsonl', '{"id": 1, "label": "a", "prediction": "b", "scores": {"a": 0.2, "b": 0.7, "c": 0.1}}\n{"id": 2, "label": "c", "prediction": "c", "scores": {"c": 0.9, "a": 0.05, "b": 0.05}}\n')
    expect(f.scores?.labels).toEqual(['a', 'b', 'c'])
    expect([...(f.scores?.values ?? [])]).toEqual([0.2, 0.7, 0.1, 0.05, 0.05, 0.9])
    const g = await read('m.csv', 'id,label,prediction,scores\n1,a,b,"{""a"": 0.2, ""b"": 0.7, ""c"": 0.1}"\n')
    expect([...(g.scores?.values ?? [])]).toEqual([0.2, 0.7, 0.1])
  })
  it('needs no ids without a baseline', async () => {
    const f = await read('noid.jsonl', '{"label": "a", "prediction": "a"}\n', { requireId: false })
    expect(f.ids).toBeNull()
  })
  it('reads the oracle CSV and JSONL cases alike when converted', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: `ex-${i}`, label: i % 3 ? 'ham' : 'spam', prediction: i % 5 ? 'ham' : 'spam', score: (i % 100) / 100 }))
    const jsonl = rows.map((r) => JSON.stringify(r)).join('\n')
    const csv = 'id,label,prediction,score\n' + rows.map((r) => `${r.id},${r.label},${r.prediction},${r.score}`).join('\n')
    expect(view(await read('same.csv', csv))).toEqual(view(await read('same.jsonl', jsonl)))
  })
})
