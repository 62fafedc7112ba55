/**
 * A JSON array of objects, streamed: `JsonArraySplitter` cuts the text, chunk by chunk, into the text of each
 * top-level element, which is then parsed on its own with JSON.parse. A valid array of any size is read with memory
 * for one element (at most the row limit) and one chunk; each element's line is that of its first character.
 */
import { InputError, quote } from '../common/errors.js'
import { describeJson, jsonMessage } from './jsonl.js'
import { bytes, overLimit, Pending } from './limits.js'
import { objectCells, otherKeys, type Cell, type RowSink } from './sink.js'

export async function readJsonArray(chunks: AsyncIterable<string>, rows: RowSink, limit: number): Promise<void> {
  const cells: Cell[] = []
  const splitter = new JsonArraySplitter(rows.file, limit, (text, lineNo, index) => {
    let row: unknown
    try {
      row = JSON.parse(text)
    } catch (error) {
      throw new InputError(rows.file, lineNo + linesBefore(text, error), null, `is not valid JSON: ${elementMessage(error)}`)
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new InputError(rows.file, lineNo, null, `element ${index} must be a JSON object, got ${describeJson(row)}`)
    }
    otherKeys(row as Record<string, unknown>, rows)
    rows.add(lineNo, objectCells(row as Record<string, unknown>, rows.columns, cells))
  })
  for await (const chunk of chunks) splitter.push(chunk)
  splitter.end()
}

/** The newlines in `text` before the position JSON.parse's message names (0 when it names none). */
function linesBefore(text: string, error: unknown): number {
  const at = /at position (\d+)/.exec(error instanceof Error ? error.message : '')
  if (!at) return 0
  const end = Math.min(Number(at[1]), text.length)
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** JSON.parse's message for one element, without its position in the element's text (the line says where). */
function elementMessage(error: unknown): string {
  return jsonMessage(error).replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '')
}

/** The phases of the scan: before the opening `[`; after `[` or `,` (an element, or right after `[` the closing
 * `]`, comes next); inside an element; after the closing `]` (only whitespace may follow). */
const Phase = { Start: 0, Value: 1, Element: 2, Done: 3 } as const
type Phase = (typeof Phase)[keyof typeof Phase]

/**
 * Cuts a JSON array, arriving as text chunks, into the text of each top-level element.
 *
 * Method: one pass over the characters with a small state machine: the phase, whether the scan is inside a string
 * (and after a backslash), and the stack of open brackets of the current element. An element ends at a `,` or
 * `]` outside any string or bracket of its own. The elements are not validated here (JSON.parse does that, per
 * element); the scanner only finds the boundaries and reports a bracket that closes the wrong kind, a missing or
 * extra element, and text after the array. Cost: O(n) time; memory: one element (at most `limit` UTF-8 bytes, or
 * the read stops) plus the chunk.
 * @example
 * const s = new JsonArraySplitter('a.json', 1 << 20, (text, line, i) => console.log(i, line, text))
 * s.push('[{"a": [1, 2]},\n 3'); s.push(']'); s.end() // 1 1 {"a": [1, 2]} then 2 2  3
 */
export class JsonArraySplitter {
  private phase: Phase = Phase.Start
  private line = 1
  private inString = false
  private escaped = false
  /** Closing brackets expected, innermost last (char codes of `]` and `}`): one byte a level, so deep nesting
   * costs at most the row limit. */
  private stack = new Uint8Array(64)
  private depth = 0
  /** Elements seen so far. */
  private count = 0
  /** Line of the current element's first character. */
  private elementLine = 0
  /** The current element's text from earlier chunks. */
  private readonly pending: Pending

  constructor(
    private readonly file: string,
    private readonly limit: number,
    private readonly onElement: (text: string, line: number, index: number) => void
  ) {
    this.pending = new Pending(limit)
  }

  push(chunk: string): void {
    const len = chunk.length
    let { phase, line } = this
    /** Where the current element starts in this chunk (0 when it began in an earlier one). */
    let start = 0
    let i = 0
    while (i < len) {
      if (phase === Phase.Element) {
        if (this.inString) {
          // Skip to the closing quote: the first `"` after an even run of backslashes. (A raw line feed in a
          // string is invalid JSON, reported by JSON.parse with the element's line; it is not counted here.)
          if (this.escaped) {
            this.escaped = false
            i++
          }
          let q = chunk.indexOf('"', i)
          while (q !== -1 && backslashesBefore(chunk, q, i) % 2 === 1) q = chunk.indexOf('"', q + 1)
          if (q === -1) {
            this.escaped = backslashesBefore(chunk, len, i) % 2 === 1
            i = len
            break
          }
          this.inString = false
          i = q + 1
          continue
        }
        const c = chunk.charCodeAt(i)
        if (c === 34) this.inString = true
        else if (c === 123 || c === 91) this.open(c + 2)
        else if (c === 125 || c === 93) {
          if (this.depth > 0) {
            const expected = this.stack[--this.depth]
            if (c !== expected) this.fail(line, `${quote(String.fromCharCode(c))} closes ${quote(expected === 93 ? '[' : '{')}`)
          } else if (c === 93) {
            this.finishElement(chunk, start, i)
            phase = Phase.Done
          } else this.fail(line, `${quote('}')} without a matching ${quote('{')}`)
        } else if (c === 44 && this.depth === 0) {
          this.finishElement(chunk, start, i)
          phase = Phase.Value
        } else if (c === 10) line++
        i++
        continue
      }
      const c = chunk.charCodeAt(i)
      if (isSpace(c)) {
        if (c === 10) line++
        i++
        continue
      }
      if (phase === Phase.Start) {
        if (c !== 91) throw new InputError(this.file, line, null, 'must be a JSON array of objects (one per example)')
        phase = Phase.Value
      } else if (phase === Phase.Value) {
        if (c === 93 && this.count === 0) phase = Phase.Done
        else if (c === 93 || c === 44) {
          this.fail(line, c === 93 ? `a ${quote(',')} before the closing ${quote(']')}` : `an empty element (${quote(',')} where a value should be)`)
        } else {
          phase = Phase.Element
          this.elementLine = line
          start = i
          continue // scan this character as the element's first
        }
      } else this.fail(line, `text after the closing ${quote(']')}: ${quote(chunk.slice(i, i + 20), 20)}`)
      i++
    }
    this.phase = phase
    this.line = line
    if (phase === Phase.Element && start < len && !this.pending.add(start === 0 ? chunk : chunk.slice(start))) this.tooLong(this.count + 1)
  }

  end(): void {
    switch (this.phase) {
      case Phase.Start:
        throw new InputError(this.file, null, null, 'is empty: no prediction rows')
      case Phase.Value:
        this.fail(this.line, `the array is never closed (${quote(']')} is missing at the end)`)
        break
      case Phase.Element: {
        // An element the file ends inside: JSON.parse names what is wrong with it (an unclosed string or bracket).
        const text = this.pending.take()
        try {
          JSON.parse(text)
        } catch (error) {
          throw new InputError(this.file, this.elementLine + linesBefore(text, error), null, `is not valid JSON: ${elementMessage(error)}`)
        }
        this.fail(this.line, `the array is never closed (${quote(']')} is missing at the end)`)
        break
      }
      case Phase.Done:
        break
    }
  }

  /** Pushes the closing bracket `closer` (`{` + 2 is `}`, `[` + 2 is `]`). */
  private open(closer: number): void {
    if (this.depth === this.stack.length) {
      const grown = new Uint8Array(this.stack.length * 2)
      grown.set(this.stack)
      this.stack = grown
    }
    this.stack[this.depth++] = closer
  }

  private finishElement(chunk: string, start: number, end: number): void {
    const index = this.count + 1
    // Whitespace between the element and the `,` or `]` is not part of it.
    while (end > start && isSpace(chunk.charCodeAt(end - 1))) end--
    const tail = chunk.slice(start, end)
    let text: string
    if (this.pending.empty) {
      if (overLimit(tail, this.limit)) this.tooLong(index)
      text = tail
    } else {
      if (this.pending.overWith(tail)) this.tooLong(index)
      text = this.pending.take(tail)
    }
    this.count = index
    this.onElement(text, this.elementLine, index)
  }

  private tooLong(index: number): never {
    throw new InputError(this.file, this.elementLine, null, `element ${index} is longer than ${bytes(this.limit)}, the limit for one element: refused`)
  }

  private fail(line: number, what: string): never {
    throw new InputError(this.file, line, null, `is not valid JSON: ${what}`)
  }
}

/** JSON whitespace: space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

/** The number of backslashes right before `end` in `text`, not looking before `from`. */
function backslashesBefore(text: string, end: number, from: number): number {
  let k = end
  while (k > from && text.charCodeAt(k - 1) === 92) k--
  return end - k
}
