/**
 * Parquet (docs/scale.md): the same fields and the same errors as the text formats, with the 1-based row where they
 * give a line (`candidate.parquet: row 17: field "prediction" is missing`, src/common/errors.ts `isRowNumbered`).
 *
 * Read with hyparquet (pure JavaScript), one row group at a time: only the columns the row builder names are
 * read, and memory holds one row group of them (a writer's row group: DuckDB 122,880 rows, Spark ~128 MB) plus
 * the file's footer. From a path the bytes are read by range (a row group's column chunks), from memory
 * (`PredictionSource.data`, an artifact's file) they are sliced.
 *
 * Values handed to the builder, as a JSON reader would: strings (BYTE_ARRAY UTF8, enums, dictionary-encoded or
 * not) as strings; INT32, FLOAT, DOUBLE, DECIMAL as numbers; INT64 as a number when it is a safe integer
 * (|x| ≤ 2⁵³ − 1), else as its exact decimal text (an id 2⁶⁰ stays exact and pairs with the same id written as
 * text); BOOLEAN as a boolean; a null (an OPTIONAL column's missing value) as an absent field, so a null
 * prediction is `is missing`, as in JSON Lines; a struct or a MAP (and a JSON-annotated string) as an object
 * (a `scores` column: label → probability); a LIST as an array. Dates and timestamps are objects, which no field
 * takes.
 *
 * Limits: `maxUnpackedBytes` bounds the file's size (in memory) and the uncompressed size of the columns read,
 * as the footer gives it, before anything is decompressed; a text value longer than the row limit is refused.
 * Compression: UNCOMPRESSED and SNAPPY (hyparquet's own), GZIP and BROTLI (node:zlib, each page capped at the
 * size its header gives), ZSTD where Node has it (22.15 and later); LZ4 is refused with a message.
 */
import { open } from 'node:fs/promises'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import * as zlib from 'node:zlib'
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type Compressors, type FileMetaData } from 'hyparquet'
import { InputError, markRowNumbered, quote } from '../common/errors.js'
import type { PredictionSource } from './predictionFile.js'
import { bytes, overLimit } from './limits.js'
import type { Cell, RowSink } from './sink.js'
import { sourceError } from './source.js'

/**
 * Reads a Parquet file's rows into `rows`: the cells of `rows.columns` in order, one row group at a time.
 * Cost: O(rows × columns read) time; memory one row group of those columns.
 */
export async function readParquet(source: PredictionSource, rows: RowSink, limit: number): Promise<void> {
  markRowNumbered(source.name)
  const file = await openSource(source)
  try {
    const metadata = await footer(source, file.buffer)
    const present = new Set(parquetSchema(metadata).children.map((c) => c.element.name))
    const names = rows.columns.map((c) => c.name)
    for (const column of rows.columns) {
      if (column.required && !present.has(column.name)) {
        throw new InputError(source.name, null, column.name, `is missing from the columns (columns: ${listColumns([...present])})`)
      }
    }
    const read = [...new Set(names.filter((n) => present.has(n)))]
    if (rows.otherColumn) for (const name of present) if (!names.includes(name)) rows.otherColumn(name)
    checkUnpacked(source, metadata, read)
    const cells: Cell[] = new Array(names.length)
    let groupStart = 0
    for (const group of metadata.row_groups) {
      const groupRows = Number(group.num_rows)
      const data = new Map<string, unknown[]>()
      if (groupRows > 0 && read.length > 0) {
        for (const name of read) data.set(name, new Array(groupRows))
        await parquetRead({
          file: file.buffer,
          metadata,
          columns: read,
          rowStart: groupStart,
          rowEnd: groupStart + groupRows,
          compressors: COMPRESSORS,
          onChunk(chunk) {
            const target = data.get(chunk.columnName)
            if (!target) return
            const values = chunk.columnData
            for (let i = 0; i < values.length; i++) {
              const at = chunk.rowStart - groupStart + i
              if (at >= 0 && at < groupRows) target[at] = values[i]
            }
          }
        }).catch((error: unknown) => {
          throw parquetError(source, error)
        })
      }
      const columns = names.map((n) => data.get(n) ?? null)
      for (let r = 0; r < groupRows; r++) {
        const rowNo = groupStart + r + 1
        for (let k = 0; k < columns.length; k++) {
          const column = columns[k]
          cells[k] = column === null ? undefined : cellOf(column[r], source.name, rowNo, names[k], limit)
        }
        rows.add(rowNo, cells)
      }
      groupStart += groupRows
    }
  } finally {
    await file.close()
  }
}

/**
 * A Parquet value as the builders take it (see the module's comment).
 * @example cellOf(17n, 'a.parquet', 1, 'id', 1e6) // 17
 * @example cellOf(2n ** 60n, 'a.parquet', 1, 'id', 1e6) // '1152921504606846976'
 * @example cellOf(null, 'a.parquet', 1, 'prediction', 1e6) // undefined
 */
export function cellOf(value: unknown, file: string, rowNo: number, field: string, limit: number): Cell {
  switch (typeof value) {
    case 'string':
      if (overLimit(value, limit)) throw new InputError(file, rowNo, field, `is longer than ${bytes(limit)}, the limit for one value: refused`)
      return value
    case 'bigint':
      return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value.toString()
    case 'object':
      return value === null ? undefined : value
    default:
      return value
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)
const MIN_SAFE = -MAX_SAFE

/** Decompressors beyond hyparquet's SNAPPY, each capped at the page's declared size (no decompression bomb). */
const COMPRESSORS: Compressors = {
  GZIP: (input, size) => gunzipSync(input, { maxOutputLength: Math.max(1, size) }),
  BROTLI: (input, size) => brotliDecompressSync(input, { maxOutputLength: Math.max(1, size) }),
  ...zstd()
}

function zstd(): Compressors {
  const decompress = (zlib as unknown as { zstdDecompressSync?: (input: Uint8Array, options?: { maxOutputLength?: number }) => Uint8Array }).zstdDecompressSync
  return decompress ? { ZSTD: (input, size) => decompress(input, { maxOutputLength: Math.max(1, size) }) } : {}
}

/** The file as hyparquet's AsyncBuffer: byte ranges read from disk, or slices of the bytes in memory. */
async function openSource(source: PredictionSource): Promise<{ buffer: AsyncBuffer; close: () => Promise<void> }> {
  const cap = source.maxUnpackedBytes
  if (source.data) {
    const data = source.data
    if (cap !== undefined && data.length > cap) throw new InputError(source.name, null, null, `is larger than ${bytes(cap)}: refused`)
    return {
      buffer: { byteLength: data.length, slice: (start, end) => copy(data, start, end ?? data.length) },
      close: async () => undefined
    }
  }
  if (!source.path) throw new InputError(source.name, null, null, 'has neither a path nor data')
  try {
    const handle = await open(source.path, 'r')
    const info = await handle.stat()
    if (!info.isFile()) {
      await handle.close()
      throw Object.assign(new Error('not a file'), { code: 'EISDIR' })
    }
    const size = info.size
    return {
      buffer: {
        byteLength: size,
        async slice(start, end = size) {
          const out = new Uint8Array(Math.max(0, end - start))
          let done = 0
          while (done < out.length) {
            const { bytesRead } = await handle.read(out, done, out.length - done, start + done)
            if (bytesRead === 0) throw new Error(`the file ended at byte ${start + done} (it changed while being read?)`)
            done += bytesRead
          }
          return out.buffer
        }
      },
      close: () => handle.close()
    }
  } catch (error) {
    throw sourceError(source, error)
  }
}

function copy(data: Uint8Array, start: number, end: number): ArrayBuffer {
  return data.buffer.slice(data.byteOffset + start, data.byteOffset + Math.min(end, data.length)) as ArrayBuffer
}

async function footer(source: PredictionSource, buffer: AsyncBuffer): Promise<FileMetaData> {
  if (buffer.byteLength === 0) throw new InputError(source.name, null, null, 'is empty: no prediction rows')
  try {
    return await parquetMetadataAsync(buffer)
  } catch (error) {
    throw parquetError(source, error)
  }
}

/** The uncompressed size of the columns read (as the footer gives it) against `maxUnpackedBytes`. */
function checkUnpacked(source: PredictionSource, metadata: FileMetaData, columns: readonly string[]): void {
  const cap = source.maxUnpackedBytes
  if (cap === undefined) return
  const wanted = new Set(columns)
  let total = 0
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data
      if (meta && wanted.has(meta.path_in_schema[0])) total += Number(meta.total_uncompressed_size)
    }
  }
  if (total > cap) throw new InputError(source.name, null, null, `unpacks to more than ${bytes(cap)}: refused`)
}

/** hyparquet's errors (`parquet file invalid (footer != PAR1)`, an unsupported codec) as InputErrors naming the file. */
function parquetError(source: PredictionSource, error: unknown): Error {
  if (error instanceof InputError) return error
  const message = error instanceof Error ? error.message : String(error)
  const codec = /unsupported compression codec: (\w+)/.exec(message)
  if (codec) {
    const hint = codec[1] === 'ZSTD' ? ' on this Node.js (22.15 or later reads it)' : ''
    return new InputError(source.name, null, null, `uses ${codec[1]} compression, which cannot be read${hint}: write it with SNAPPY (the usual default), GZIP or no compression`)
  }
  if (/invalid|footer|metadata|magic|PAR1/i.test(message)) return new InputError(source.name, null, null, `is not a valid Parquet file (${message.slice(0, 200)})`)
  return new InputError(source.name, null, null, `cannot be read as Parquet: ${message.slice(0, 200)}`)
}

/** `id, label, prediction` (quoted when unusual, at most 20). */
function listColumns(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((n) => (/^[\w.-]+$/.test(n) ? n : quote(n)))
  return shown.join(', ') + (names.length > 20 ? `, … ${names.length - 20} more` : '')
}
