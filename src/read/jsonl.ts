/**
 * JSON Lines: one JSON object per line; blank lines skipped; CRLF accepted. Lines are split by hand on chunk
 * boundaries (faster than readline) and each parsed with JSON.parse. A line is at most `limit` UTF-8 bytes: a
 * longer one stops the read at its line as soon as the limit is passed (memory: the limit plus one chunk).
 */
import { InputError, inert, quote } from '../common/errors.js'
import { bytes, overLimit, Pending } from './limits.js'
import { objectCells, otherKeys, type Cell, type RowSink } from './sink.js'

export async function readJsonl(chunks: AsyncIterable<string>, rows: RowSink, limit: number): Promise<void> {
  const parse = lineParser(rows)
  let lineNo = 0
  const take = (text: string): void => parse(text, ++lineNo)
  const tooLong = (): InputError => lineTooLong(rows.file, lineNo + 1, limit)
  /** The start of a line that the chunks so far have not ended. */
  const pending = new Pending(limit)
  for await (const chunk of chunks) {
    let start = 0
    let nl = chunk.indexOf('\n')
    if (!pending.empty) {
      if (nl === -1) {
        if (!pending.add(chunk)) throw tooLong()
        continue
      }
      const head = chunk.slice(0, nl)
      if (pending.overWith(head)) throw tooLong()
      take(pending.take(head))
      start = nl + 1
      nl = chunk.indexOf('\n', start)
    }
    while (nl !== -1) {
      const line = chunk.slice(start, nl)
      if (overLimit(line, limit)) throw tooLong()
      take(line)
      start = nl + 1
      nl = chunk.indexOf('\n', start)
    }
    if (start < chunk.length && !pending.add(start === 0 ? chunk : chunk.slice(start))) throw tooLong()
  }
  if (!pending.empty) take(pending.take())
}

/**
 * The plain path for one line (also the byte reader's fallback, src/read/jsonlBytes.ts): a trailing CR dropped,
 * blank lines skipped, JSON.parse, an object required, its cells for the sink's columns.
 */
export function lineParser(rows: RowSink): (text: string, lineNo: number) => void {
  const cells: Cell[] = []
  return (text, lineNo) => {
    let end = text.length
    if (end > 0 && text.charCodeAt(end - 1) === 13) end--
    const line = end === text.length ? text : text.slice(0, end)
    if (isBlank(line)) return
    let row: unknown
    try {
      row = JSON.parse(line)
    } catch (error) {
      throw new InputError(rows.file, lineNo, null, `is not valid JSON: ${jsonMessage(error)}`)
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new InputError(rows.file, lineNo, null, `must be a JSON object, got ${describeJson(row)}`)
    }
    otherKeys(row as Record<string, unknown>, rows)
    rows.add(lineNo, objectCells(row as Record<string, unknown>, rows.columns, cells))
  }
}

/** Too long a line: `x.jsonl:3: is longer than 1,000 bytes, the limit for one line: refused`. */
export function lineTooLong(file: string, lineNo: number, limit: number): InputError {
  return new InputError(file, lineNo, null, `is longer than ${bytes(limit)}, the limit for one line: refused`)
}

function isBlank(line: string): boolean {
  if (line.length === 0) return true
  const c = line.charCodeAt(0)
  if (c === 123) return false // '{': the common case
  return line.trim().length === 0
}

/**
 * A parsed JSON value that is not an object, for a message: `an array`, `an object`, a number, `true`, `null`, or a
 * string quoted and cut to 80 characters.
 * @example describeJson('x'.repeat(1e6)) // '"xxx…xxx"…' (80 characters of it)
 */
export function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return quote(value)
  return String(value)
}

/**
 * JSON.parse's message without the engine's echo of the input (`Unexpected token 'x', "{"a": x…" is not valid
 * JSON`, or with `..."` when the input is long), with raw control or line characters in it escaped, and cut.
 * @example jsonMessage(new SyntaxError('Unexpected token \'}\', "{"a": }" is not valid JSON')) // "Unexpected token '}'"
 */
export function jsonMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const echo = message.search(/, (\.\.\.)?"[\s\S]*is not valid JSON$/)
  return inert((echo >= 0 ? message.slice(0, echo) : message).replace(/^JSON\.parse: /, ''), 200)
}
