/**
 * Opens a prediction source as a stream of UTF-8 text chunks: from disk or memory, gunzipped when it is gzip
 * (by the `.gz` extension or the magic bytes 1f 8b), with a leading byte-order mark removed. Every failure is an
 * InputError naming the file. With `maxUnpackedBytes`, the bytes after the gzip layer (or the plain bytes) are
 * counted as they come and the read stops as soon as they pass it: at most one chunk (1 MiB) past the cap is held.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip } from 'node:zlib'
import { InputError } from '../common/errors.js'
import { bytes } from './limits.js'
import type { PredictionSource } from './predictionFile.js'

const CHUNK = 1 << 20

/** Text chunks of the source, in order: its bytes ({@link byteChunks}) decoded as UTF-8 across chunk ends. */
export async function* textChunks(source: PredictionSource, gzipByName: boolean): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  for await (const chunk of byteChunks(source, gzipByName)) {
    const text = decoder.write(chunk)
    if (text.length > 0) yield text
  }
  const rest = decoder.end()
  if (rest.length > 0) yield rest
}

const BOM = [0xef, 0xbb, 0xbf]

/**
 * Byte chunks of the source, in order, gunzipped, without a leading UTF-8 byte-order mark (EF BB BF, the bytes of
 * the U+FEFF that {@link textChunks} would otherwise start with). Chunks are 1 MiB except the last.
 */
export async function* byteChunks(source: PredictionSource, gzipByName: boolean): AsyncGenerator<Buffer> {
  let gzip: boolean | null = gzipByName ? true : null
  let stream: AsyncIterable<Buffer> = rawStream(source)
  try {
    if (gzip === null) {
      // Peek at the first bytes for the gzip magic number.
      const iterator = stream[Symbol.asyncIterator]()
      const head = await iterator.next()
      const firstChunk = head.done ? Buffer.alloc(0) : Buffer.from(head.value)
      gzip = firstChunk.length >= 2 && firstChunk[0] === 0x1f && firstChunk[1] === 0x8b
      stream = (async function* () {
        if (firstChunk.length > 0) yield firstChunk
        for (;;) {
          const next = await iterator.next()
          if (next.done) return
          yield Buffer.from(next.value)
        }
      })()
    }
    const cap = source.maxUnpackedBytes
    if (cap !== undefined && !gzip && source.data && source.data.length > cap) throw tooBig(source, false, cap)
    let total = 0
    /** The file's first bytes while fewer than 3 have come (a byte-order mark may span chunks); null after. */
    let head: Buffer | null = Buffer.alloc(0)
    for await (const raw of (gzip ? gunzip(stream) : stream) as AsyncIterable<Buffer>) {
      total += raw.length
      if (cap !== undefined && total > cap) throw tooBig(source, gzip, cap)
      let chunk = raw
      if (head !== null) {
        chunk = head.length === 0 ? raw : Buffer.concat([head, raw])
        if (chunk.length < BOM.length && BOM.slice(0, chunk.length).every((b, i) => chunk[i] === b)) {
          head = chunk
          continue
        }
        head = null
        if (chunk[0] === BOM[0] && chunk[1] === BOM[1] && chunk[2] === BOM[2]) chunk = chunk.subarray(3)
      }
      if (chunk.length > 0) yield chunk
    }
    if (head !== null && head.length > 0) yield head
  } catch (error) {
    throw sourceError(source, error)
  }
}

/** The gunzipped bytes of `stream`; an error reading `stream` fails the result too (with `pipe` alone it was an unhandled 'error' event that killed the process, e.g. for a directory named x.jsonl.gz). */
function gunzip(stream: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const input = Readable.from(stream)
  const output = createGunzip({ chunkSize: CHUNK })
  input.once('error', (error) => output.destroy(error))
  return input.pipe(output)
}

/** `artifact.zip: predictions.jsonl.gz: unpacks to more than 536,870,912 bytes: refused (a gzip bomb?)` */
function tooBig(source: PredictionSource, gzip: boolean, cap: number): InputError {
  return new InputError(source.name, null, null, gzip ? `unpacks to more than ${bytes(cap)}: refused (a gzip bomb?)` : `is larger than ${bytes(cap)}: refused`)
}

function rawStream(source: PredictionSource): AsyncIterable<Buffer> {
  if (source.data) {
    const data = source.data
    return (async function* () {
      for (let i = 0; i < data.length; i += CHUNK) yield Buffer.from(data.buffer, data.byteOffset + i, Math.min(CHUNK, data.length - i))
    })()
  }
  if (!source.path) throw new InputError(source.name, null, null, 'has neither a path nor data')
  return createReadStream(source.path, { highWaterMark: CHUNK })
}

/** A file's read error as an InputError naming the file: not found, a directory, no permission, bad gzip, other. */
export function sourceError(source: PredictionSource, error: unknown): Error {
  if (error instanceof InputError) return error
  const e = error as NodeJS.ErrnoException
  switch (e?.code) {
    case 'ENOENT':
      return new InputError(source.name, null, null, 'file not found')
    case 'EISDIR':
      return new InputError(source.name, null, null, 'is a directory, not a file')
    case 'EACCES':
      return new InputError(source.name, null, null, 'cannot be read (permission denied)')
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'Z_NEED_DICT':
      return new InputError(source.name, null, null, `is not valid gzip (${e.message})`)
    default:
      if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return new InputError(source.name, null, null, `is not valid gzip (${e.message})`)
      return new InputError(source.name, null, null, `cannot be read: ${e?.message ?? String(error)}`)
  }
}
