/**
 * SPEC §1: every bad input stops with one message naming file, line and field; the awkward valid inputs read
 * the same as the plain ones.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ConfigError, InputError, quote } from '../src/common/errors.js'
import { formatOf, readPredictions } from '../src/read/readPredictions.js'
import { parseDecimal } from '../src/read/number.js'
import { DEFAULT_FIELDS, LabelDictionary, type FieldNames, type PredictionFile } from '../src/read/predictionFile.js'

import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-read-')))

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
    // An empty prediction is no longer bad input: the row is an error (SPEC §12, __tests__/errors.test.ts).
    expect(await error('c.csv', 'id,label,prediction\n1,,a\n')).toBe('c.csv:2: field "label" is empty')
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
    expect(() => formatOf('preds.txt')).toThrow('preds.txt: has an extension that names no known format (.jsonl, .ndjson, .csv, .tsv, .json, optionally .gz; .parquet): set format (CLI --format)')
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

describe('scores written as text are decimal numbers only (SECURITY: CSV score 0x1, 0b0)', () => {
  it('refuses what Number() takes but no prediction file means, naming file, line and field', async () => {
    for (const bad of ['0x1', '0b0', '0o1', '1_000', 'Infinity', 'NaN', '1e', '.', '\u00a00.5', '٠']) {
      expect(await error('c.csv', `id,label,prediction,score\n1,a,a,0.5\n2,a,a,${bad}\n`)).toBe(`c.csv:3: field "score" must be a number in [0, 1], got ${JSON.stringify(bad)}`)
    }
  })
  it('refuses 1e400: a decimal, but Infinity, so out of [0, 1] (in CSV and in JSON)', async () => {
    expect(await error('c.csv', 'id,label,prediction,score\n1,a,a,1e400\n')).toBe('c.csv:2: field "score" must be a number in [0, 1], got "1e400"')
    expect(await error('c.jsonl', '{"id": 1, "label": "a", "prediction": "a", "score": 1e400}\n')).toBe('c.jsonl:1: field "score" must be a number in [0, 1], got Infinity')
  })
  it('accepts the decimal forms writers use: sign, leading or trailing point, exponent, spaces or tabs around', async () => {
    const f = await read('d.csv', 'id,label,prediction,score\n1,a,a,+0.5\n2,a,a,.25\n3,a,a,1.\n4,a,a,5E-1\n5,a,a, 0.75 \n6,a,a,-0\n7,a,a,007e-3\n')
    expect(f.score ? [...f.score] : null).toEqual([0.5, 0.25, 1, 0.5, 0.75, -0, 0.007])
    const t = await read('t.csv', 'id,label,prediction,score\n1,a,a,\t0.5\t\n')
    expect(t.score ? [...t.score] : null).toEqual([0.5])
  })
  it('parseDecimal follows the documented grammar', () => {
    expect([parseDecimal('0.25'), parseDecimal(' 1e-3 '), parseDecimal('-.5'), parseDecimal('1e400')]).toEqual([0.25, 0.001, -0.5, Infinity])
    for (const bad of ['', ' ', '0x1', '0b0', '1_0', 'Infinity', '+', '-', '1e+', '1.2.3', '1 2', '\n1']) expect(parseDecimal(bad)).toBeNaN()
  })
})

/** True when `text` could start a workflow command or a line of its own in a log. */
const unsafeForLog = (text: string): boolean => /[\r\n\u2028\u2029]/.test(text) || text.startsWith('::')

describe('messages quote input: short, escaped, one line (SECURITY: messages)', () => {
  it('quotes at most 80 characters of a 5 MB line that is not an object', async () => {
    const m = await error('big.jsonl', JSON.stringify('x'.repeat(5_000_000)) + '\n')
    expect(m).toBe(`big.jsonl:1: must be a JSON object, got "${'x'.repeat(80)}"…`)
    expect(m.length).toBeLessThan(200)
  })
  it('does not echo a 5 MB line that is not valid JSON', async () => {
    const m = await error('bad.jsonl', '{"id": ' + 'y'.repeat(5_000_000) + '}\n')
    expect(m).toMatch(/^bad\.jsonl:1: is not valid JSON: Unexpected token 'y'/)
    expect(m.length).toBeLessThan(200)
  })
  it('keeps a header cell like ::error title=x::a (raw or after a quoted line feed) off a line of its own', async () => {
    const plain = await error('h.csv', 'id,label,::error title=x::a\n1,a,a\n')
    expect(plain).toBe('h.csv:1: field "prediction" is missing from the header (columns: id, label, ::error title=x::a)')
    const split = await error('h.csv', 'id,label,"p\n::error title=x::a"\n1,a,a\n')
    expect(split).toBe('h.csv:1: field "prediction" is missing from the header (columns: id, label, "p\\n::error title=x::a")')
    for (const m of [plain, split]) expect(unsafeForLog(m)).toBe(false)
  })
  it('escapes a line feed, CR, U+2028 and bidi overrides from JSON text', async () => {
    const cases = [
      // A JSON array whose element is a string holding an escaped newline and a workflow command.
      await error('a.json', '[\n{"id": 1, "label": "a", "prediction": "a"},\n"\\n::error::boom"\n]'),
      // The same with a raw line feed inside the string: invalid JSON.
      await error('b.json', '[\n{"id": 1, "label": "a", "prediction": "a"},\n"\n::error::boom"\n]'),
      // JSON.parse's own message quotes the offending character raw.
      await error('c.jsonl', '{"id": \u2028::error::x}\n'),
      await error('d.jsonl', '{"id": 1, "label": "a\\u202e", "prediction": "a", "score": "\\r\\n::warning::x"}\n')
    ]
    expect(cases[0]).toBe('a.json:3: element 2 must be a JSON object, got "\\n::error::boom"')
    expect(cases[1]).toMatch(/^b\.json:3: is not valid JSON: Bad control character in string literal/)
    expect(cases[2]).toBe("c.jsonl:1: is not valid JSON: Unexpected token '\\u2028'")
    expect(cases[3]).toBe('d.jsonl:1: field "score" must be a number in [0, 1], got "\\r\\n::warning::x"')
    for (const m of cases) expect(unsafeForLog(m)).toBe(false)
  })
  it('quotes a file or field name that holds a line feed, and a label in a scores object', async () => {
    const m = new InputError('x\n::error::y.jsonl', 3, 'a\rb', 'is missing').message
    expect(m).toBe('"x\\n::error::y.jsonl":3: field "a\\rb" is missing')
    expect(() => formatOf('p\n::error::q.txt')).toThrow(/^"p\\n::error::q\.txt": has an extension/)
    const label = 'z'.repeat(100) + '\n'
    const s = await error('s.jsonl', `{"id": 1, "label": "a", "prediction": "a", "scores": {"a": 1}}\n{"id": 2, "label": "a", "prediction": "a", "scores": {"a": 0, ${JSON.stringify(label)}: 1}}\n`)
    expect(s).toBe(`s.jsonl:2: field "scores" has the label "${'z'.repeat(80)}"…, which the first row's scores do not have`)
    expect(unsafeForLog(m) || unsafeForLog(s)).toBe(false)
  })
  it('escapes the reason of an InputError and a ConfigError message as a safety net', () => {
    expect(new ConfigError('gate "x\n::error::y": unknown').message).toBe('gate "x\\n::error::y": unknown')
    expect(new InputError('f.csv', 2, null, 'has "\r\n::error::z\u2029"').message).toBe('f.csv:2: has "\\r\\n::error::z\\u2029"')
  })
  it('quote: a JSON string literal of at most max characters, escapes JSON leaves raw, the cut marked …', () => {
    expect(quote('spam')).toBe('"spam"')
    expect(quote('say "hi"\\')).toBe('"say \\"hi\\"\\\\"')
    expect(quote('a\u2028b\u2029c\u202ed\u200be\u0085f\u007f')).toBe('"a\\u2028b\\u2029c\\u202ed\\u200be\\u0085f\\u007f"')
    expect(quote('abcdef', 3)).toBe('"abc"…')
    // A cut never splits a surrogate pair: '😀' is two UTF-16 units.
    expect(quote('a😀b', 2)).toBe('"a"…')
    // Uncut, the result is a JSON string literal of the input.
    for (const text of ['plain', 'line\nfeed', 'tab\tquote"', '\u2028\u202e', 'é😀']) expect(JSON.parse(quote(text))).toBe(text)
  })
})
