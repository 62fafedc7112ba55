/**
 * How the tool readers get at their bytes (docs/tools.md): a whole JSON document (capped), the lines of a JSON
 * Lines file (each capped, as src/read/jsonlBytes.ts caps lines), random access to a zip (an Inspect `.eval`,
 * read member by member, never whole), and folders (an lm-eval output folder, an Inspect log folder).
 * Every source is a path on disk or bytes in memory (a baseline from an artifact), gunzipped by `.gz` or magic.
 */
import { Buffer } from 'node:buffer'
import { open, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError } from '../../common/errors.js'
import type { PredictionSource } from '../predictionFile.js'
import { bytes, maxRowBytes } from '../limits.js'
import { byteChunks, sourceError } from '../source.js'
import { jsonMessage } from '../jsonl.js'
import { parseJson } from './pythonJson.js'

/** The cap on what a tool file unpacks to, as the artifact zip reader's: 512 MiB, `EVAL_GATE_MAX_UNPACKED_BYTES` lowers it (tests). */
export function maxUnpackedBytes(source?: PredictionSource, env: NodeJS.ProcessEnv = process.env): number {
  const x = Number(env.EVAL_GATE_MAX_UNPACKED_BYTES)
  const cap = Number.isSafeInteger(x) && x > 0 ? x : 512 << 20
  return source?.maxUnpackedBytes !== undefined ? Math.min(cap, source.maxUnpackedBytes) : cap
}

/**
 * The cap on one JSON document read whole (an Inspect `.json` log, a promptfoo or DeepEval results file): 256 MiB
 * (JSON.parse holds several times its text), and never more than the unpacked cap.
 */
export function maxDocumentBytes(source?: PredictionSource): number {
  return Math.min(256 << 20, maxUnpackedBytes(source))
}

const gzipName = (name: string): boolean => name.toLowerCase().endsWith('.gz')

/** The whole source as bytes (gunzipped), at most `cap` of them; past it an InputError naming the file. */
export async function wholeBytes(source: PredictionSource, cap = maxDocumentBytes(source)): Promise<Buffer> {
  const parts: Buffer[] = []
  let total = 0
  for await (const chunk of byteChunks({ ...source, maxUnpackedBytes: undefined }, gzipName(source.name))) {
    total += chunk.length
    if (total > cap) throw new InputError(source.name, null, null, `is larger than ${bytes(cap)} (read whole as one JSON document): refused`)
    parts.push(chunk)
  }
  return Buffer.concat(parts, total)
}

/** The whole source parsed as one JSON document (Python's NaN and Infinity words read): a bad one is an InputError naming the file. */
export async function readJsonDocument(source: PredictionSource): Promise<unknown> {
  const text = (await wholeBytes(source)).toString('utf8')
  try {
    return parseJson(text)
  } catch (error) {
    throw new InputError(source.name, null, null, `is not valid JSON (${jsonMessage(error)})`)
  }
}

/** The first bytes of a source (at most `n`, gunzipped): for recognising its format. */
export async function headBytes(source: PredictionSource, n = 1 << 16): Promise<Buffer> {
  const parts: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of byteChunks(source, gzipName(source.name))) {
      parts.push(chunk)
      total += chunk.length
      if (total >= n) break
    }
  } catch {
    // Unreadable: the reader proper will say why.
    return Buffer.alloc(0)
  }
  return Buffer.concat(parts, total).subarray(0, n)
}

/**
 * Calls `line(buffer, start, end, lineNo)` for each line of the source (LF-separated, CR before it kept: JSON
 * whitespace), each at most the row limit (64 MiB; EVAL_GATE_MAX_LINE_BYTES) with an InputError naming the line
 * past it. Memory: the limit plus one chunk.
 */
export async function eachLine(source: PredictionSource, line: (b: Buffer, start: number, end: number, lineNo: number) => void, limit = maxRowBytes()): Promise<void> {
  const tooLong = (lineNo: number): InputError => new InputError(source.name, lineNo, null, `is longer than ${bytes(limit)}: refused (a line that long is not an example)`)
  if (source.path && !source.data && !gzipName(source.name) && (await plainLines(source.path, line, limit, tooLong))) return
  const pieces: Buffer[] = []
  let held = 0
  let lineNo = 0
  const cap = maxUnpackedBytes(source)
  let total = 0
  for await (const chunk of byteChunks({ ...source, maxUnpackedBytes: undefined }, gzipName(source.name))) {
    total += chunk.length
    if (total > cap && source.maxUnpackedBytes !== undefined) throw new InputError(source.name, null, null, `unpacks to more than ${bytes(cap)}: refused`)
    let start = 0
    let nl = chunk.indexOf(10)
    if (pieces.length > 0) {
      if (nl === -1) {
        if (held + chunk.length > limit) throw tooLong(lineNo + 1)
        pieces.push(chunk)
        held += chunk.length
        continue
      }
      if (held + nl > limit) throw tooLong(lineNo + 1)
      pieces.push(chunk.subarray(0, nl))
      const joined = Buffer.concat(pieces, held + nl)
      pieces.length = 0
      held = 0
      line(joined, 0, joined.length, ++lineNo)
      start = nl + 1
      nl = chunk.indexOf(10, start)
    }
    while (nl !== -1) {
      if (nl - start > limit) throw tooLong(lineNo + 1)
      line(chunk, start, nl, ++lineNo)
      start = nl + 1
      nl = chunk.indexOf(10, start)
    }
    if (start < chunk.length) {
      if (chunk.length - start > limit) throw tooLong(lineNo + 1)
      pieces.push(start === 0 ? chunk : chunk.subarray(start))
      held = chunk.length - start
    }
  }
  if (pieces.length > 0) {
    const joined = Buffer.concat(pieces, held)
    line(joined, 0, joined.length, ++lineNo)
  }
}

/** Bytes read from a plain file at a time into one reused buffer (docs/tools.md, "Speed": no stream, no copy per chunk). */
const READ = 8 << 20

/**
 * The lines of a plain (not gzip) file on disk, read into two buffers in turn: the next read is under way while
 * the lines of the last one are handed over ({@link eachLine}'s fast path). A line across two reads is copied
 * whole (at most the limit). False, having handed nothing over, when the file is gzip by its magic bytes (then the
 * stream path unpacks it).
 */
async function plainLines(file: string, line: (b: Buffer, start: number, end: number, lineNo: number) => void, limit: number, tooLong: (lineNo: number) => InputError): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(file, 'r')
  } catch (error) {
    throw sourceError({ name: file, path: file }, error)
  }
  const read = (buffer: Buffer, position: number): Promise<number> =>
    handle.read(buffer, 0, buffer.length, position).then(
      (r) => r.bytesRead,
      (error) => {
        throw sourceError({ name: file, path: file }, error)
      }
    )
  const buffers = [Buffer.allocUnsafe(READ), Buffer.allocUnsafe(READ)]
  let which = 0
  let position = 0
  let next = read(buffers[0], 0)
  /** The start of a line that the reads so far have not ended (copies: the buffers are reused). */
  const pieces: Buffer[] = []
  let held = 0
  let lineNo = 0
  try {
    for (let first = true; ; first = false) {
      const got = await next
      const buf = buffers[which]
      if (got === 0) break
      position += got
      which ^= 1
      next = read(buffers[which], position)
      let start = 0
      if (first) {
        if (got >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
          await next
          return false
        }
        if (got >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3
      }
      let nl = buf.indexOf(10, start)
      if (nl >= got) nl = -1
      if (pieces.length > 0) {
        if (nl === -1) {
          if (held + got > limit) throw tooLong(lineNo + 1)
          pieces.push(Buffer.from(buf.subarray(0, got)))
          held += got
          continue
        }
        if (held + nl > limit) throw tooLong(lineNo + 1)
        pieces.push(buf.subarray(0, nl))
        const joined = Buffer.concat(pieces, held + nl)
        pieces.length = 0
        held = 0
        line(joined, 0, joined.length, ++lineNo)
        start = nl + 1
        nl = buf.indexOf(10, start)
        if (nl >= got) nl = -1
      }
      while (nl !== -1) {
        if (nl - start > limit) throw tooLong(lineNo + 1)
        line(buf, start, nl, ++lineNo)
        start = nl + 1
        nl = buf.indexOf(10, start)
        if (nl >= got) nl = -1
      }
      if (start < got) {
        if (got - start > limit) throw tooLong(lineNo + 1)
        pieces.push(Buffer.from(buf.subarray(start, got)))
        held = got - start
      }
    }
    if (pieces.length > 0) {
      const joined = Buffer.concat(pieces, held)
      line(joined, 0, joined.length, ++lineNo)
    }
    return true
  } finally {
    await next.catch(() => 0)
    await handle.close()
  }
}

/** Random access to a source's bytes: a file on disk read where asked (never whole), or bytes in memory. */
export interface RandomAccess {
  size: number
  read(offset: number, length: number): Promise<Uint8Array>
  close(): Promise<void>
}

export async function openRandom(source: PredictionSource): Promise<RandomAccess> {
  if (source.data) {
    const data = source.data
    return { size: data.length, read: async (offset, length) => data.subarray(offset, offset + length), close: async () => {} }
  }
  if (!source.path) throw new InputError(source.name, null, null, 'has neither a path nor data')
  try {
    const handle = await open(source.path, 'r')
    const size = (await handle.stat()).size
    return {
      size,
      async read(offset, length) {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)))
        let done = 0
        while (done < buffer.length) {
          const { bytesRead } = await handle.read(buffer, done, buffer.length - done, offset + done)
          if (bytesRead === 0) break
          done += bytesRead
        }
        return buffer.subarray(0, done)
      },
      close: () => handle.close()
    }
  } catch (error) {
    throw sourceError(source, error)
  }
}

/** True when the source is a folder on disk. */
export async function isFolder(source: PredictionSource): Promise<boolean> {
  if (source.data || !source.path) return false
  try {
    return (await stat(source.path)).isDirectory()
  } catch {
    return false
  }
}

/** The files of a folder and of its subfolders down to `depth` levels, as paths, sorted. */
export async function filesIn(folder: string, depth = 2): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string, level: number): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isFile()) out.push(full)
      else if (entry.isDirectory() && level < depth) await walk(full, level + 1)
    }
    if (out.length > 100_000) throw new InputError(folder, null, null, 'holds more than 100,000 files: give the tool output file itself')
  }
  await walk(folder, 0)
  return out.sort()
}
