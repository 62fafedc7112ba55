/**
 * A JSON array of objects, read whole (it is one document). Each element's line is that of its opening brace,
 * found by one scan of the text that tracks depth and strings.
 */
import { InputError } from '../errors.js'
import type { FieldNames } from '../types.js'
import { jsonMessage } from './jsonl.js'
import type { RowBuilder } from './rows.js'

export async function readJsonArray(chunks: AsyncIterable<string>, rows: RowBuilder, fields: FieldNames): Promise<void> {
  const parts: string[] = []
  for await (const chunk of chunks) parts.push(chunk)
  const text = parts.join('')
  if (text.trim().length === 0) throw new InputError(rows.file, null, null, 'is empty: no prediction rows')
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    const message = jsonMessage(error)
    const at = /position (\d+)/.exec(message)
    const line = at ? lineAt(text, Number(at[1])) : /line (\d+)/.exec(message) ? Number(/line (\d+)/.exec(message)?.[1]) : null
    throw new InputError(rows.file, line, null, `is not valid JSON: ${message}`)
  }
  if (!Array.isArray(doc)) throw new InputError(rows.file, lineAt(text, text.search(/\S/)), null, 'must be a JSON array of objects (one per example)')
  const lines = elementLines(text)
  const { id, label, prediction, score } = fields
  doc.forEach((row: unknown, i) => {
    const lineNo = lines[i] ?? 1
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new InputError(rows.file, lineNo, null, `element ${i + 1} must be a JSON object, got ${Array.isArray(row) ? 'an array' : JSON.stringify(row)}`)
    }
    const r = row as Record<string, unknown>
    rows.add(lineNo, r[id], r[label], r[prediction], r[score], r.scores)
  })
}

function lineAt(text: string, position: number): number {
  let line = 1
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** The 1-based line where each top-level array element starts. */
function elementLines(text: string): number[] {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  let expectValue = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) line++
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
      continue
    }
    if (c === 34) {
      if (depth === 1 && expectValue) {
        lines.push(line)
        expectValue = false
      }
      inString = true
    } else if (c === 91 || c === 123) {
      if (depth === 1 && expectValue) {
        lines.push(line)
        expectValue = false
      }
      depth++
      if (depth === 1) expectValue = true
    } else if (c === 93 || c === 125) depth--
    else if (c === 44 && depth === 1) expectValue = true
    else if (depth === 1 && expectValue && c > 32) {
      lines.push(line)
      expectValue = false
    }
  }
  return lines
}
