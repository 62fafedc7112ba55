/**
 * SPEC §15: `.parquet` files are read like the others — same fields, same errors (with rows for lines), same
 * report. The Parquet files are written here by hyparquet-writer (a devDependency) into a temp folder, from the
 * rows of examples/spam and of generated files, and every report is compared with the JSON Lines report of the
 * same rows: byte-equal JSON but for the file names in `settings`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { parquetMetadata } from 'hyparquet'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { readPredictions } from '../src/read/readPredictions.js'
import { cellOf } from '../src/read/parquet.js'
import { type Report } from '../src/report/schema.js'
import { DEFAULT_FIELDS, LabelDictionary, type PredictionSource } from '../src/read/predictionFile.js'
import { inputError as message } from './support.js'

import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-parquet-')))
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname))

type Column = { name: string; data: unknown[]; type?: string }

function parquet(name: string, columnData: Column[], options: { rowGroupSize?: number; codec?: string; schema?: unknown[] } = {}): PredictionSource {
  const p = path.join(dir, name)
  const buffer = parquetWriteBuffer({
    columnData,
    rowGroupSize: options.rowGroupSize,
    ...(options.schema ? { schema: options.schema } : {}),
    ...(options.codec ? { codec: options.codec, compressors: { GZIP: (input: Uint8Array) => gzipSync(input) } } : {})
  } as Parameters<typeof parquetWriteBuffer>[0])
  writeFileSync(p, new Uint8Array(buffer))
  return { name, path: p }
}

function jsonl(name: string, rows: object[]): PredictionSource {
  const p = path.join(dir, name)
  writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  return { name, path: p }
}

const spam = (model: string): Record<string, unknown>[] =>
  readFileSync(path.join(root, 'examples/spam', `${model}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

/** The report's JSON without the file names (settings.candidate, settings.baseline). */
function body(report: Report): string {
  return JSON.stringify({ ...report, settings: { ...report.settings, candidate: null, baseline: null } }, null, 1)
}

const base: Omit<CompareOptions, 'candidate' | 'baseline'> = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 2000, seed: 7, missingBaseline: 'skip' }

function columnsOf(rows: Record<string, unknown>[], fields: [string, string][]): Column[] {
  return fields.map(([name, type]) => ({ name, type, data: rows.map((r) => r[name] ?? null) }))
}

describe('Parquet files (SPEC §15)', () => {
  it('the spam example as Parquet (dictionary-encoded strings, several row groups) gives the JSON Lines report', async () => {
    const fields: [string, string][] = [
      ['id', 'STRING'],
      ['subject', 'STRING'],
      ['label', 'STRING'],
      ['prediction', 'STRING'],
      ['score', 'DOUBLE']
    ]
    const files = ['candidate', 'baseline'].map((m) => parquet(`spam-${m}.parquet`, columnsOf(spam(m), fields), { rowGroupSize: 128 }))
    // The label and prediction columns are dictionary-encoded, and the file has 5 row groups of at most 128 rows.
    const meta = parquetMetadata(new Uint8Array(readFileSync(files[0].path as string)).buffer)
    expect(meta.row_groups.length).toBe(5)
    const label = meta.row_groups[0].columns.find((c) => c.meta_data?.path_in_schema[0] === 'label')
    expect(label?.meta_data?.encodings).toContain('RLE_DICTIONARY')
    const options = { ...base, positiveLabel: 'spam', gates: 'recall no-regression; f1 no-regression; roc_auc no-regression', multiplicity: 'westfall-young' as const }
    const rows = await compare({ ...options, candidate: { name: 'c.jsonl', path: path.join(root, 'examples/spam/candidate.jsonl') }, baseline: { name: 'b.jsonl', path: path.join(root, 'examples/spam/baseline.jsonl') } })
    const pq = await compare({ ...options, candidate: files[0], baseline: files[1] })
    expect(pq.counts.paired).toBe(600)
    expect(pq.metrics.roc_auc).toBeDefined()
    expect(body(pq)).toBe(body(rows))
    expect(pq.settings.candidate).toBe('spam-candidate.parquet')
  })

  it('reads from memory (an artifact\'s file) as from disk, and --format parquet reads any name', async () => {
    const src = parquet('mem.parquet', columnsOf(spam('candidate'), [['id', 'STRING'], ['label', 'STRING'], ['prediction', 'STRING']]))
    const data = new Uint8Array(readFileSync(src.path as string))
    const read = (source: PredictionSource, format?: 'parquet') =>
      readPredictions(source, { fields: DEFAULT_FIELDS, dictionary: new LabelDictionary(), requireId: true, format })
    const fromDisk = await read(src)
    const fromMemory = await read({ name: 'artifact.zip: mem.parquet', data: data.subarray(0) })
    const renamed = await read({ name: 'predictions.bin', path: src.path }, 'parquet')
    expect(fromMemory.n).toBe(600)
    expect(Array.from(fromMemory.pred)).toEqual(Array.from(fromDisk.pred))
    expect(fromMemory.ids).toEqual(fromDisk.ids)
    expect(renamed.ids).toEqual(fromDisk.ids)
    // A cap on the bytes an artifact may unpack: the file itself, then the columns' uncompressed size from the footer.
    expect(await message(read({ name: 'a.zip: mem.parquet', data, maxUnpackedBytes: 100 }))).toBe('a.zip: mem.parquet: is larger than 100 bytes: refused')
    expect(await message(read({ name: 'a.zip: mem.parquet', data, maxUnpackedBytes: data.length }))).toMatch(/^a\.zip: mem\.parquet: unpacks to more than [\d,]+ bytes: refused$/)
  })

  it('int64 ids and labels: safe integers as numbers, larger ones as their exact text', async () => {
    const big = 2n ** 60n
    const cand = parquet('int64-c.parquet', [
      { name: 'id', type: 'INT64', data: [1n, 2n, 3n, big] },
      { name: 'label', type: 'INT64', data: [0n, 1n, 1n, 0n] },
      { name: 'prediction', type: 'INT32', data: [0, 1, 0, 0] }
    ])
    const baseRows = [
      { id: 1, label: 0, prediction: 1 },
      { id: '2', label: 1, prediction: 1 },
      { id: 3, label: 1, prediction: 1 },
      { id: '1152921504606846976', label: 0, prediction: 0 }
    ]
    const report = await compare({ ...base, candidate: cand, baseline: jsonl('int64-b.jsonl', baseRows), gates: 'accuracy >= 0' })
    expect(report.counts).toMatchObject({ candidate: 4, baseline: 4, paired: 4, candidateOnly: 0, baselineOnly: 0 })
    expect(report.labels).toEqual(['0', '1'])
    expect(report.confusionMatrix?.candidate).toEqual([
      [2, 0],
      [1, 1]
    ])
    expect(cellOf(big, 'x.parquet', 1, 'id', 1000)).toBe('1152921504606846976')
    expect(cellOf(-(2n ** 53n) + 1n, 'x.parquet', 1, 'id', 1000)).toBe(-(2 ** 53) + 1)
    expect(cellOf(true, 'x.parquet', 1, 'label', 1000)).toBe(true)
    expect(cellOf(null, 'x.parquet', 1, 'label', 1000)).toBe(undefined)
    expect(() => cellOf('x'.repeat(2000), 'x.parquet', 3, 'label', 1000)).toThrow('x.parquet: row 3: field "label" is longer than 1,000 bytes, the limit for one value: refused')
  })

  it('a null is a missing field: the same error as JSON Lines, with the row for the line', async () => {
    const rows = [
      { id: 'a', label: 'x', prediction: 'x' },
      { id: 'b', label: 'y', prediction: 'y' },
      { id: 'c', label: 'y' }
    ]
    const fromJsonl = await message(compare({ ...base, candidate: jsonl('null.jsonl', rows), baseline: null, task: 'multiclass' }))
    const fromParquet = await message(compare({ ...base, candidate: parquet('null.parquet', columnsOf(rows, [['id', 'STRING'], ['label', 'STRING'], ['prediction', 'STRING']])), baseline: null, task: 'multiclass' }))
    expect(fromJsonl).toBe('null.jsonl:3: field "prediction" is missing')
    expect(fromParquet).toBe('null.parquet: row 3: field "prediction" is missing')
  })

  it('a duplicate id names both rows; a column not in the file is named with the columns that are', async () => {
    const dup = parquet('dup.parquet', [
      { name: 'id', type: 'STRING', data: ['a', 'b', 'a'] },
      { name: 'label', type: 'STRING', data: ['x', 'y', 'x'] },
      { name: 'prediction', type: 'STRING', data: ['x', 'y', 'x'] }
    ])
    expect(await message(compare({ ...base, candidate: dup, baseline: dup, task: 'multiclass' }))).toBe('dup.parquet: row 3: field "id" repeats the id "a" of row 1')
    const noPrediction = parquet('no-prediction.parquet', [
      { name: 'id', type: 'STRING', data: ['a'] },
      { name: 'label', type: 'STRING', data: ['x'] }
    ])
    expect(await message(compare({ ...base, candidate: noPrediction, baseline: null }))).toBe('no-prediction.parquet: field "prediction" is missing from the columns (columns: id, label)')
  })

  it('a file that is not Parquet, an empty one, a missing one, and .parquet.gz', async () => {
    const p = path.join(dir, 'fake.parquet')
    writeFileSync(p, 'id,label,prediction\n1,0,0\n')
    expect(await message(compare({ ...base, candidate: { name: 'fake.parquet', path: p }, baseline: null }))).toMatch(/^fake\.parquet: is not a valid Parquet file \(/)
    writeFileSync(path.join(dir, 'empty.parquet'), '')
    expect(await message(compare({ ...base, candidate: { name: 'empty.parquet', path: path.join(dir, 'empty.parquet') }, baseline: null }))).toBe('empty.parquet: is empty: no prediction rows')
    expect(await message(compare({ ...base, candidate: { name: 'none.parquet', path: path.join(dir, 'none.parquet') }, baseline: null }))).toBe('none.parquet: file not found')
    expect(await message(compare({ ...base, candidate: { name: 'x.parquet.gz', path: p }, baseline: null }))).toMatch(/^x\.parquet\.gz: is a gzip-compressed Parquet file/)
    const noRows = parquet('no-rows.parquet', [
      { name: 'label', type: 'STRING', data: [] },
      { name: 'prediction', type: 'STRING', data: [] }
    ])
    expect(await message(compare({ ...base, candidate: noRows, baseline: null }))).toBe('no-rows.parquet: is empty: no prediction rows')
  })

  it('GZIP-compressed pages are read (node:zlib); a scores struct is the multiclass scores object', async () => {
    const labels = ['a', 'b', 'c']
    const rows = Array.from({ length: 90 }, (_, i) => {
      const label = labels[i % 3]
      const prediction = labels[(i * 7) % 5 === 0 ? (i + 1) % 3 : i % 3]
      const p = [0.2, 0.2, 0.2]
      p[labels.indexOf(prediction)] = 0.6
      return { id: `r${i}`, label, prediction, scores: { a: p[0], b: p[1], c: p[2] } }
    })
    const schema = [
      { name: 'root', num_children: 4 },
      { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'label', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'prediction', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'scores', repetition_type: 'REQUIRED', num_children: 3 },
      { name: 'a', type: 'DOUBLE', repetition_type: 'REQUIRED' },
      { name: 'b', type: 'DOUBLE', repetition_type: 'REQUIRED' },
      { name: 'c', type: 'DOUBLE', repetition_type: 'REQUIRED' }
    ]
    const cand = parquet('gzip.parquet', columnsOf(rows, [['id', ''], ['label', ''], ['prediction', '']]).map((c) => ({ name: c.name, data: c.data })).concat([{ name: 'scores', data: rows.map((r) => r.scores) }]), { codec: 'GZIP', schema })
    const meta = parquetMetadata(new Uint8Array(readFileSync(cand.path as string)).buffer)
    expect(meta.row_groups[0].columns[0].meta_data?.codec).toBe('GZIP')
    const fromParquet = await compare({ ...base, candidate: cand, baseline: null, gates: 'log_loss <= 2' })
    const fromJsonl = await compare({ ...base, candidate: jsonl('gzip.jsonl', rows), baseline: null, gates: 'log_loss <= 2' })
    expect(fromParquet.metrics.log_loss.candidate).toBeGreaterThan(0)
    expect(body(fromParquet)).toBe(body(fromJsonl))
  })
})
