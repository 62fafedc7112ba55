/**
 * The JSONL byte fast path (src/read/jsonlBytes.ts) against the plain path (src/read/jsonl.ts: decoded text,
 * JSON.parse): every input here is read both ways, in chunks of several sizes (1 byte splits every UTF-8
 * sequence and every line), into every kind of sink, and the results (columns, or the error message) must be the
 * same. The inputs: the bad-input cases of read.test.ts and read-limits.test.ts, and the corners of JSON that a
 * hand-written scanner could get wrong: escapes, Unicode and invalid UTF-8, CRLF and odd whitespace, numbers
 * near the limits of doubles, duplicate keys (JSON.parse keeps the last), `__proto__` keys, column names that
 * Object.prototype has.
 */
import { Buffer } from 'node:buffer'
import { StringDecoder } from 'node:string_decoder'
import { describe, expect, it } from 'vitest'
import { readPredictions } from '../src/read/readPredictions.js'
import { readJsonl } from '../src/read/jsonl.js'
import { LineScanner, readJsonlBytes } from '../src/read/jsonlBytes.js'
import { MAX_ROW_BYTES } from '../src/read/limits.js'
import { NumericRowBuilder } from '../src/read/numericRows.js'
import { RowBuilder } from '../src/read/rows.js'
import { NumberVector, type Cell, type Column, type RowSink } from '../src/read/sink.js'
import { TextRowBuilder } from '../src/read/textRows.js'
import { DEFAULT_FIELDS, LabelDictionary } from '../src/read/predictionFile.js'

/** A sink that records every cell as a faithful description (−0, undefined, functions, an object's own keys in order and its prototype). */
class Recorder implements RowSink {
  readonly rows: string[] = []
  constructor(
    readonly file: string,
    readonly columns: readonly Column[]
  ) {}
  add(lineNo: number, cells: readonly Cell[]): void {
    this.rows.push(`${lineNo}: ${cells.map(show).join(' | ')}`)
  }
  finish(): string[] {
    return this.rows
  }
}

function show(value: Cell): string {
  if (Object.is(value, -0)) return '-0'
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return `function ${value.name}`
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value) === Object.prototype ? '' : ' (other prototype)'
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}: ${show((value as Record<string, Cell>)[k])}`)
      .join(', ')}}${proto}${Array.isArray(value) ? ' array' : ''}`
  }
  return `${typeof value} ${JSON.stringify(value)}`
}

const keys = [
  { name: 'slice', role: 'the slice field' },
  { name: 'cluster', role: 'the cluster field' }
]

/** Fresh sinks of every kind: classification, numeric, text rows (with key columns), and recorders of odd column names. */
const sinks: Record<string, (file: string) => RowSink & { finish(): unknown }> = {
  classification: (file) => new RowBuilder(file, DEFAULT_FIELDS, new LabelDictionary(), false, false),
  'classification with keys': (file) => new RowBuilder(file, DEFAULT_FIELDS, new LabelDictionary(), true, false, keys),
  numeric: (file) => new NumericRowBuilder(file, 'id', ['label', 'prediction'], false, false, true, keys.slice(0, 1)),
  text: (file) => new TextRowBuilder(file, DEFAULT_FIELDS, false, false),
  recorder: (file) =>
    new Recorder(
      file,
      ['id', 'label', 'prediction', 'score', 'scores', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'ïd', 'label', '\u{1F600}', 'a"b', 'error'].map((name) => ({
        name,
        required: false
      }))
    )
}

async function* byteChunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, Math.min(data.length, i + size))
}

async function* textChunks(data: Buffer, size: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  for await (const chunk of byteChunks(data, size)) {
    const text = decoder.write(chunk)
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

async function outcome(run: (sink: RowSink) => Promise<void>, make: (file: string) => RowSink & { finish(): unknown }): Promise<unknown> {
  const sink = make('c.jsonl')
  try {
    await run(sink)
    return { ok: sink.finish() }
  } catch (error) {
    return { error: (error as Error).message, type: (error as Error).constructor.name }
  }
}

/** Reads `content` both ways into every sink, in chunks of 1, 5 and 1 MiB bytes; expects the same every time. */
async function same(content: string | Buffer, limit = MAX_ROW_BYTES, sizes = [1, 5, 1 << 20]): Promise<void> {
  const data = typeof content === 'string' ? Buffer.from(content) : content
  for (const [kind, make] of Object.entries(sinks)) {
    const plain = await outcome((sink) => readJsonl(textChunks(data, 1 << 20), sink, limit), make)
    for (const size of sizes) {
      const fast = await outcome((sink) => readJsonlBytes(byteChunks(data, size), sink, limit), make)
      expect(fast, `${kind}, chunks of ${size} bytes: ${JSON.stringify(data.toString('utf8').slice(0, 200))}`).toEqual(plain)
    }
  }
}

const row = (rest: string): string => `{"id": "x1", "label": "a", "prediction": "b"${rest}}`

/** Lines that each test one corner; each is read alone and after a good row (so errors after row 1 are covered too). */
const LINES: string[] = [
  // The usual shapes, keys in any order, unknown keys of every simple kind, spacing.
  row(''),
  row(', "score": 0.25'),
  '{"prediction": "b", "label": "a", "id": 7}',
  '  {  "id" : 1 ,"label":"a",\t"prediction" :"b" , "extra": [1, {"x": 2}], "more": {"y": [3]}}  ',
  row(', "u1": "text", "u2": 12.5e-3, "u3": true, "u4": false, "u5": null, "u6": -0'),
  row(', "slice": "s1", "cluster": 3'),
  row(', "slice": true, "cluster": -0.5'),
  row(', "slice": "", "cluster": null'),
  row(', "error": "timeout"'),
  // Labels and ids of every type.
  '{"id": 1, "label": 1, "prediction": 0}',
  '{"id": -0, "label": true, "prediction": false}',
  '{"id": 1.5, "label": 2.50, "prediction": 1e2}',
  '{"id": 9007199254740993, "label": "a", "prediction": "a"}',
  '{"id": null, "label": null, "prediction": "a"}',
  '{"id": "", "label": "", "prediction": "a"}',
  '{"id": " ", "label": " ", "prediction": " "}',
  // Numbers near the limits of doubles and of the fast conversion.
  row(', "score": 0.1234567890123456789'),
  row(', "score": 0.30000000000000004'),
  row(', "score": 123456789012345'),
  row(', "score": 1234567890123456'),
  row(', "score": 12345678901234567890'),
  row(', "score": 1e400'),
  row(', "score": -1e400'),
  row(', "score": 1e-400'),
  row(', "score": 5e-324'),
  row(', "score": 1.7976931348623157e308'),
  row(', "score": 0.000000000000000000000001'),
  row(', "score": 1E+2'),
  row(', "score": 0e0'),
  row(', "score": -0.0'),
  row(', "score": 0.999999'),
  row(', "score": 0.1'),
  // Numbers JSON refuses.
  row(', "score": 01'),
  row(', "score": 1.'),
  row(', "score": .5'),
  row(', "score": -'),
  row(', "score": +1'),
  row(', "score": 1e'),
  row(', "score": 1e+'),
  row(', "score": --1'),
  row(', "score": 0x10'),
  row(', "score": NaN'),
  row(', "score": Infinity'),
  row(', "score": 1.5.3'),
  // Literals.
  row(', "score": tru'),
  row(', "score": nul'),
  row(', "score": truex'),
  row(', "score": falsey'),
  row(', "u": nulll'),
  // Escapes, in keys and values, known and unknown.
  '{"id": "a\\"b", "label": "a", "prediction": "b"}',
  '{"\\u0069d": "x", "label": "a", "prediction": "b"}',
  '{"id": "x", "label": "\\u00e9", "prediction": "\\n"}',
  row(', "u": "\\x"'),
  row(', "u": "\\ud800"'),
  '{"a\\"b": 1, "id": "x", "label": "a", "prediction": "a"}',
  // Control characters in strings (JSON.parse refuses them).
  '{"id": "a\tb", "label": "a", "prediction": "b"}',
  row(', "u": "a\u0001b"'),
  // Unicode.
  '{"id": "ï", "label": "café", "prediction": "naïve"}',
  '{"ïd": "é", "id": "\u{1F600}", "label": "\u{1F600}", "prediction": "\u2028"}',
  '{"\u{1F600}": 1, "id": "z", "label": "a", "prediction": "a"}',
  row(', "u": "\u00a0"'),
  '\u00a0' + row(''),
  '\ufeff' + row(''),
  '{"id": \u2028"x", "label": "a", "prediction": "a"}',
  // Duplicate keys: the last value, the first position.
  '{"id": 1, "id": 2, "label": "a", "prediction": "b", "label": "c"}',
  row(', "scores": {"a": 0.5, "b": 0.5, "a": 0.25}'),
  row(', "score": 0.5, "score": "x"'),
  row(', "score": 0.5, "score": {"a": 1}'),
  // __proto__ and names Object.prototype has.
  '{"__proto__": {"x": 1}, "id": "p", "label": "a", "prediction": "a"}',
  '{"__proto__": 5, "id": "p", "label": "a", "prediction": "a"}',
  row(', "scores": {"__proto__": 0.5, "a": 0.5}'),
  row(', "scores": {"a": 0.5, "constructor": 0.5}'),
  '{"toString": "t", "constructor": 1, "hasOwnProperty": null, "id": "p", "label": "a", "prediction": "a"}',
  // Scores objects: key order (integer-like keys first, as JSON.parse and assignment both do), empties, nesting.
  row(', "scores": {"2": 0.1, "1": 0.9, "b": 0}'),
  row(', "scores": {}'),
  row(', "scores": {"a": {"b": 1}}'),
  row(', "scores": {"a": [1]}'),
  row(', "scores": {"a": "0.5", "b": true, "c": null}'),
  row(', "scores": {"a": 0.5,}'),
  row(', "scores": {"a" 0.5}'),
  row(', "scores": []'),
  row(', "score": {"a": 0.2, "b": 0.8}'),
  // Structure.
  row(','),
  '{"id": "x" "label": "a"}',
  '{"id" "x"}',
  '{"id": "x", "label": "a", "prediction": "b"',
  '{"id": "x", "label": "a", "prediction": "b"}}',
  '{"id": "x", "label": "a", "prediction": "b"} x',
  '{"id": "x", "label": "a", "prediction": "b"}\r\r',
  '{"id": "x", "label": "a", "prediction": "b}',
  '{"id": "x", "label": "a", "prediction": b}',
  '{}',
  '{ }',
  '[1, 2]',
  '"str"',
  '1',
  'null',
  'true',
  '{',
  '}',
  '{"id"}',
  '{,}',
  '\u000b' + row(''),
  '\u000c',
  '\t \r'
]

describe('the JSONL byte scanner', () => {
  const scanner = (): { scan: (line: string) => boolean; rows: string[] } => {
    const recorder = sinks.recorder('s.jsonl') as Recorder
    const s = new LineScanner(recorder)
    return { scan: (line) => s.scan(Buffer.from(line), 0, Buffer.byteLength(line), 1), rows: recorder.rows }
  }
  it('takes the usual shapes itself (so the comparisons below test it, not the plain path twice)', () => {
    const s = scanner()
    for (const line of [
      row(''),
      row(', "score": 0.25'),
      row(', "scores": {"a": 0.5, "b": 0.5}'),
      '  {  "id" : 1 ,"label":"a",\t"prediction" :"b" , "u": -1.5e3, "v": null, "w": true}  \r',
      '{"id": "ï", "label": "café", "prediction": "naïve"}',
      row(', "toString": "t", "__proto__": 1, "score": 0.5, "score": 0.75'),
      '{}',
      ' \t'
    ]) {
      expect(s.scan(line), line).toBe(true)
    }
    expect(s.rows).toHaveLength(7)
  })
  it('leaves escapes, nesting, arrays, a __proto__ key in an object and syntax errors to the plain path', () => {
    const s = scanner()
    for (const line of [
      '{"id": "a\\"b", "label": "a", "prediction": "b"}',
      '{"\\u0069d": "x"}',
      row(', "extra": [1]'),
      row(', "extra": {"a": 1}'),
      row(', "scores": {"a": {"b": 1}}'),
      row(', "scores": {"__proto__": 0.5}'),
      row(', "score": 01'),
      row(','),
      '[1]',
      '\u00a0' + row(''),
      '\u000b' + row('')
    ]) {
      expect(s.scan(line), line).toBe(false)
    }
    expect(s.rows).toHaveLength(0)
  })
})

describe('the JSONL byte fast path reads as the plain path', () => {
  it('each corner alone and after a good row, into every sink, in chunks of 1, 5 and 1 MiB bytes', async () => {
    for (const line of LINES) {
      await same(line + '\n')
      await same(row(', "score": 0.5, "scores": {"a": 0.5, "b": 0.5}') + '\n' + line)
      await same(row('') + '\r\n' + line + '\r\n')
    }
  })

  it('every corner in one file (the first error wins in both)', async () => {
    await same(LINES.join('\n'))
    await same(LINES.filter((l) => !/^\[|"str"|^1$|^null$|^true$/.test(l)).join('\r\n'))
  })

  it('the bad-input cases of read.test.ts', async () => {
    for (const content of [
      '{"id": 1, "label": "a", "prediction": "a"}\n{"id": 2, "label": "a", "prediction": }\n',
      '[1, 2]\n',
      '{"id": 1, "label": "a", "prediction": "a"}\n{"id": 2, "label": "a"}\n',
      '{"id": 1, "prediction": "a"}\n',
      '{"label": "a", "prediction": "a"}\n',
      '{"id": 1, "label": "", "prediction": "a"}\n',
      '{"id": 1, "label": null, "prediction": "a"}\n',
      '{"id": {"x": 1}, "label": "a", "prediction": "a"}\n',
      '{"id": 1, "label": "a", "prediction": "a", "score": 1.5}\n',
      '{"id": 1, "label": "a", "prediction": "a", "score": "high"}\n',
      '{"id": 1, "label": "a", "prediction": "a", "score": 0.5}\n{"id": 2, "label": "a", "prediction": "a"}\n',
      '{"id": 1, "label": "a", "prediction": "a"}\n\n{"id": 2, "label": "a", "prediction": "a", "score": 0.5}\n',
      '',
      '\n \n\r\n',
      '{"id": 1, "label": "a", "prediction": "a", "score": 1e400}\n',
      JSON.stringify('x'.repeat(100_000)) + '\n',
      '{"id": ' + 'y'.repeat(100_000) + '}\n',
      '{"id": \u2028::error::x}\n',
      '{"id": 1, "label": "a\\u202e", "prediction": "a", "score": "\\r\\n::warning::x"}\n',
      `{"id": 1, "label": "a", "prediction": "a", "scores": {"a": 1}}\n{"id": 2, "label": "a", "prediction": "a", "scores": {"a": 0, ${JSON.stringify('z'.repeat(200))}: 1}}\n`,
      '{"id": 1, "label": "a", "prediction": "b", "scores": {"a": 0.2, "b": 0.7, "c": 0.1}}\n{"id": 2, "label": "c", "prediction": "c", "scores": {"c": 0.9, "a": 0.05, "b": 0.05}}\n',
      '{"id": 1, "label": "a", "prediction": "b", "scores": {"a": 0.2, "b": 0.8}}\n{"id": 2, "label": "c", "prediction": "c", "scores": {"a": 0.9}}\n',
      '{"uid": 1, "gold": "spam", "guess": "ham", "p": 0.25}\n'
    ]) {
      await same(content)
    }
  })

  it('scores objects row after row (the NumberVector path from the second row): every change of keys, order, values', async () => {
    const line = (id: number, scores: string, field = 'scores') => `{"id": ${id}, "label": "a", "prediction": "b", "${field}": ${scores}}`
    const ab = '{"a": 0.25, "b": 0.75}'
    const files = [
      [ab, ab, ab],
      [ab, '{"a":0.5,"b":0.5}', '{ "a" : 1 , "b" : 0 }', '{"a": -0, "b": 1e-3}'],
      [ab, '{"b": 0.75, "a": 0.25}', ab],
      [ab, '{"a": 0.25}', ab],
      [ab, '{"a": 0.25, "b": 0.75, "c": 0}', ab],
      [ab, '{"a": 0.25, "b": 0.75, "a": 0.5}', ab],
      [ab, '{"a": 0.25, "bb": 0.75}', ab],
      [ab, '{"a": 0.25, "b\\u0062": 0.75}', ab],
      [ab, '{"a": 0.25, "b": "0.75"}', ab],
      [ab, '{"a": 0.25, "b": null}', ab],
      [ab, '{"a": 0.25, "b": 1.5}', ab],
      [ab, '{"a": 0.25, "b": -0.5}', ab],
      [ab, '{"a": 0.1234567890123456789, "b": 0.75}', ab],
      [ab, '{"a": 0.25, "b": 0.75,}', ab],
      [ab, '{"a": 0.25, "b": 0.75', ab],
      [ab, '{"a": 0.25 "b": 0.75}', ab],
      [ab, '{}', ab],
      ['{"a": "x", "b": 1}', ab, ab],
      ['{"é": 0.5, "b": 0.5}', '{"é": 0.5, "b": 0.5}'],
      ['{"__proto__": 0.5, "b": 0.5}', '{"__proto__": 0.5, "b": 0.5}']
    ]
    for (const rows of files) await same(rows.map((scores, i) => line(i + 1, scores)).join('\n') + '\n')
    // The object in the score field; both fields; rows without scores between.
    await same([line(1, ab, 'score'), line(2, ab, 'score'), line(3, '{"b": 0.1, "a": 0.9}', 'score')].join('\n') + '\n')
    await same([line(1, ab), `{"id": 2, "label": "a", "prediction": "b", "score": 0.5, "scores": ${ab}}`, line(3, ab)].join('\n') + '\n')
    await same([line(1, ab), '{"id": 2, "label": "a", "prediction": "b"}', line(3, ab)].join('\n') + '\n')
    // A key field named like the scores column takes the object, never a NumberVector.
    const sliced = (file: string) => new RowBuilder(file, DEFAULT_FIELDS, new LabelDictionary(), false, false, [{ name: 'scores', role: 'the slice field' }])
    const data = Buffer.from([line(1, ab), line(2, ab)].join('\n') + '\n')
    const plain = await outcome((sink) => readJsonl(textChunks(data, 1 << 20), sink, MAX_ROW_BYTES), sliced)
    expect(await outcome((sink) => readJsonlBytes(byteChunks(data, 1 << 20), sink, MAX_ROW_BYTES), sliced)).toEqual(plain)
  })

  it('a scores object of the usual shape is handed as a NumberVector from the second row on', () => {
    const builder = new RowBuilder('v.jsonl', DEFAULT_FIELDS, new LabelDictionary(), false, false)
    const seen: unknown[] = []
    const spy: RowSink = { file: 'v.jsonl', columns: builder.columns, add: (lineNo, cells) => (seen.push(cells[4]), builder.add(lineNo, cells)) }
    const s = new LineScanner(spy)
    for (let i = 1; i <= 3; i++) {
      const line = `{"id": ${i}, "label": "a", "prediction": "b", "scores": {"a": 0.${i}, "b": 0.5}}`
      expect(s.scan(Buffer.from(line), 0, line.length, i)).toBe(true)
    }
    expect(seen[0]).not.toBeInstanceOf(NumberVector)
    expect(seen[1]).toBeInstanceOf(NumberVector)
    expect(seen[2]).toBe(seen[1])
    expect(Array.from(builder.finish().scores?.values ?? [])).toEqual([0.1, 0.5, 0.2, 0.5, 0.3, 0.5])
  })

  it('invalid UTF-8, inside strings, keys and between tokens, split across chunks', async () => {
    const parts = [Buffer.from('{"id": "a'), Buffer.from([0xff, 0xe2, 0x82]), Buffer.from('", "label": "'), Buffer.from([0xc3]), Buffer.from('", "prediction": "b"}\n')]
    await same(Buffer.concat(parts))
    await same(Buffer.concat([Buffer.from('{"id": "a", "label": "a", "prediction": "b", "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('": 1}\n')]))
    await same(Buffer.concat([Buffer.from('{"id": "a", "label": "a", "prediction": "b"}'), Buffer.from([0xff]), Buffer.from('\n')]))
    await same(Buffer.concat([Buffer.from('{"id": "a", "label": "a", "prediction": "b", "scores": {"'), Buffer.from([0xf0, 0x9f]), Buffer.from('": 1}}\n')]))
  })

  it('the line limit: the same line and message, counting an invalid byte as the 3 bytes of U+FFFD', async () => {
    const good = row('')
    await same(good + '\n' + good + '\n', good.length)
    await same(good + '\n' + good + 'x\n', good.length)
    await same(good + '\n' + good + ' ', good.length)
    await same(good + '\n' + 'é'.repeat(good.length) + '\n', good.length)
    const invalid = Buffer.concat([Buffer.from(good.slice(0, -1) + ', "u": "'), Buffer.alloc(30, 0xff), Buffer.from('"}\n')])
    await same(invalid, invalid.length + 10)
    await same(invalid, invalid.length * 3)
    await same(Buffer.concat([invalid, invalid]), invalid.length + 10)
  })

  it('five thousand random rows of the usual shape, with and without scores', async () => {
    let x = 12345
    const rand = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const lines = Array.from({ length: 5_000 }, (_, i) => {
      const s = rand()
      return JSON.stringify({ id: `ex-${i}`, label: Math.floor(rand() * 3), prediction: `c${Math.floor(rand() * 3)}`, score: s, scores: { c0: s / 2, c1: s / 2, c2: 1 - s }, slice: rand() < 0.5 ? 'a' : 7, cluster: 'k' })
    })
    await same(lines.join('\n'), MAX_ROW_BYTES, [97, 1 << 20])
  })

  it('reads a file with a byte-order mark, gzip and CRLF through readPredictions as before', async () => {
    const text = '\ufeff' + [row(', "score": 0.5'), '{"id": "x2", "label": "b", "prediction": "b", "score": 0.25}'].join('\r\n') + '\r\n'
    const dictionary = new LabelDictionary()
    const f = await readPredictions({ name: 'bom.jsonl', data: new TextEncoder().encode(text) }, { fields: DEFAULT_FIELDS, dictionary, requireId: true })
    expect({ ids: f.ids, score: Array.from(f.score ?? []), line: Array.from(f.line), labels: dictionary.names }).toEqual({ ids: ['x1', 'x2'], score: [0.5, 0.25], line: [1, 2], labels: ['a', 'b'] })
  })
})
