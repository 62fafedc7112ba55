/**
 * JSON Lines: one JSON object per line; blank lines skipped; CRLF accepted. Lines are split by hand on chunk
 * boundaries (faster than readline) and each parsed with JSON.parse.
 */
import { InputError } from '../errors.js'
import type { FieldNames } from '../types.js'
import type { RowBuilder } from './rows.js'

export async function readJsonl(chunks: AsyncIterable<string>, rows: RowBuilder, fields: FieldNames): Promise<void> {
  const { id, label, prediction, score } = fields
  let lineNo = 0
  let rest = ''
  const take = (text: string): void => {
    lineNo++
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
      throw new InputError(rows.file, lineNo, null, `must be a JSON object, got ${Array.isArray(row) ? 'an array' : JSON.stringify(row)}`)
    }
    const r = row as Record<string, unknown>
    rows.add(lineNo, r[id], r[label], r[prediction], r[score], r.scores)
  }
  for await (const chunk of chunks) {
    const text = rest.length > 0 ? rest + chunk : chunk
    let start = 0
    let nl: number
    while ((nl = text.indexOf('\n', start)) !== -1) {
      take(text.slice(start, nl))
      start = nl + 1
    }
    rest = text.slice(start)
  }
  if (rest.length > 0) take(rest)
}

function isBlank(line: string): boolean {
  if (line.length === 0) return true
  const c = line.charCodeAt(0)
  if (c === 123) return false // '{': the common case
  return line.trim().length === 0
}

/** JSON.parse's message without the engine's echo of the whole input. */
export function jsonMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/^JSON\.parse: /, '')
}
