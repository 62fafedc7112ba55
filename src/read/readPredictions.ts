/**
 * Reading prediction files (docs/inputs.md): the parse stage. Format by extension (or the `format` option), gzip by
 * `.gz` or magic bytes, streamed by chunks (Parquet, docs/scale.md: by row groups, src/read/parquet.ts); every bad input is an InputError naming file, line and field. Memory is
 * bounded whatever the file: one row (at most the row limit, src/read/limits.ts) plus a chunk, and the columns.
 */
import { InputError } from '../common/errors.js'
import { isFolder } from '../common/fileKind.js'
import type { FieldNames, Format, LabelDictionary, PredictionFile, PredictionSource } from './predictionFile.js'
import { readDelimited } from './csv.js'
import { readJsonArray } from './json.js'
import { readParquet } from './parquet.js'
import { readJsonlBytes } from './jsonlBytes.js'
import type { KeyField } from './keys.js'
import { RowBuilder } from './rows.js'
import { maxRowBytes } from './limits.js'
import type { RowSink } from './sink.js'
import { byteChunks, textChunks } from './source.js'
import { isToolFormat, readToolRows } from './tools/toolFormats.js'

export interface ReadOptions {
  /** Overrides the extension. */
  format?: Format
  fields: FieldNames
  /** Shared by both files so that label codes agree. */
  dictionary: LabelDictionary
  /** True when a baseline is compared: a missing or empty id is an error. */
  requireId: boolean
  /** Key fields read on every row (slice, repeat, cluster: src/read/keys.ts). */
  keys?: readonly KeyField[]
  /** The limit on one row (line, record, array element) in UTF-8 bytes; default `maxRowBytes()` (64 MiB). */
  maxRowBytes?: number
}

const EXTENSIONS: Record<string, Format> = { jsonl: 'jsonl', ndjson: 'jsonl', csv: 'csv', tsv: 'tsv', json: 'json', parquet: 'parquet' }

/**
 * The format and compression of a file from its name.
 * @example formatOf('preds.csv.gz') // { format: 'csv', gzip: true }
 */
export function formatOf(name: string, override?: Format): { format: Format; gzip: boolean } {
  const lower = name.toLowerCase()
  const gzip = lower.endsWith('.gz')
  const base = gzip ? lower.slice(0, -3) : lower
  const ext = base.slice(base.lastIndexOf('.') + 1)
  // `cells` says what the rows are (src/tasks/cellsTask.ts), not how the file is written: that comes from the extension.
  const format = override !== undefined && override !== 'cells' ? override : EXTENSIONS[ext]
  // An evaluation tool's output (docs/tools.md) is read by src/read/tools/, whatever its extension.
  if (isToolFormat(format)) return { format, gzip }
  if (!format) {
    throw new InputError(
      name,
      null,
      null,
      override === 'cells'
        ? 'has an extension that names no known format: a cells file is .csv, .tsv, .jsonl, .ndjson, .json (optionally .gz) or .parquet'
        : 'has an extension that names no known format (.jsonl, .ndjson, .csv, .tsv, .json, optionally .gz; .parquet): set format (CLI --format)'
    )
  }
  if (format === 'parquet' && gzip) {
    throw new InputError(name, null, null, 'is a gzip-compressed Parquet file: Parquet compresses its own pages; unpack it (gunzip) and give the .parquet file')
  }
  return { format, gzip }
}

/**
 * Refuses a folder where a predictions file is read (an evaluation tool's output folder is read by src/read/tools/,
 * docs/tools.md, so a tool format passes). One line: what it is and what would be read.
 */
function refuseFolder(source: PredictionSource, format: Format | undefined): void {
  if (isToolFormat(format) || source.data || source.path === undefined || !isFolder(source.path)) return
  throw new InputError(
    source.name,
    null,
    null,
    'is a folder, not a predictions file: give the file, or an evaluation tool\'s output folder (an lm-eval --output_path, an Inspect log folder: docs/tools.md)'
  )
}

/** Reads one prediction file into columns (classification: id, label, prediction, scores). */
export async function readPredictions(source: PredictionSource, options: ReadOptions): Promise<PredictionFile> {
  refuseFolder(source, options.format)
  const { format } = formatOf(source.name, options.format)
  const rows = new RowBuilder(source.name, options.fields, options.dictionary, options.requireId, format === 'csv' || format === 'tsv', options.keys ?? [])
  await readRowsOf(source, rows, options)
  return rows.finish()
}

/**
 * Streams a file's rows into a task's row builder: the format by extension (or `format`), gzip unpacked, each row
 * at most the row limit. The builder decides which fields it reads and what a bad value is.
 */
export async function readRows(source: PredictionSource, rows: RowSink, options: { format?: Format; maxRowBytes?: number }): Promise<void> {
  refuseFolder(source, options.format)
  return readRowsOf(source, rows, options)
}

/** {@link readRows} once the source is known not to be a folder. */
async function readRowsOf(source: PredictionSource, rows: RowSink, options: { format?: Format; maxRowBytes?: number }): Promise<void> {
  const { format, gzip } = formatOf(source.name, options.format)
  const limit = options.maxRowBytes ?? maxRowBytes()
  if (isToolFormat(format)) return readToolRows(source, rows, format)
  if (format === 'parquet') return readParquet(source, rows, limit)
  if (format === 'jsonl') return readJsonlBytes(byteChunks(source, gzip), rows, limit)
  const chunks = textChunks(source, gzip)
  switch (format) {
    case 'json':
      return readJsonArray(chunks, rows, limit)
    case 'csv':
      return readDelimited(chunks, rows, ',', limit)
    case 'tsv':
      return readDelimited(chunks, rows, '\t', limit)
    case 'cells':
      throw new Error('unreachable: formatOf never gives cells')
  }
}

/** True when the format's cells are text as written (CSV, TSV), so numbers are parsed from text. */
export function textCells(name: string, format?: Format): boolean {
  const f = formatOf(name, format).format
  return f === 'csv' || f === 'tsv'
}
