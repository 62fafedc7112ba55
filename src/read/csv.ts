/**
 * CSV (RFC 4180) and TSV. Fields are separated by `,` (CSV) or a tab (TSV); a field may be quoted with `"`, with
 * `""` for a quote inside and newlines allowed inside quotes (TSV accepts the same quoting, as pandas writes it).
 * The first record is the header. CRLF and LF line ends; blank lines skipped. `line` is the physical line where a
 * record starts (the header is line 1). A record (and so any field) is at most `limit` UTF-8 bytes: past it the read
 * stops at the record's line, having held at most the limit and one chunk.
 */
import { InputError, isPlain, quote } from '../common/errors.js'
import { bytes, overLimit, Pending } from './limits.js'
import type { Cell, RowSink } from './sink.js'

export async function readDelimited(chunks: AsyncIterable<string>, rows: RowSink, delimiter: ',' | '\t', limit: number): Promise<void> {
  let header: string[] | null = null
  let columns: number[] = []
  const values: Cell[] = []
  const onRecord = (cells: string[], lineNo: number): void => {
    if (header === null) {
      header = cells.map((c) => c.trim())
      columns = rows.columns.map((column) => (header as string[]).indexOf(column.name))
      rows.columns.forEach((column, k) => {
        if (column.required && columns[k] < 0) throw new InputError(rows.file, lineNo, column.name, `is missing from the header (columns: ${listColumns(header as string[])})`)
      })
      if (rows.otherColumn) for (const name of header) if (!rows.columns.some((c) => c.name === name)) rows.otherColumn(name)
      return
    }
    if (cells.length !== header.length) {
      throw new InputError(rows.file, lineNo, null, `has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, but the header has ${header.length}`)
    }
    for (let k = 0; k < columns.length; k++) values[k] = columns[k] >= 0 ? cells[columns[k]] : undefined
    rows.add(lineNo, values)
  }
  const parser = new DelimitedParser(rows.file, delimiter, onRecord, limit)
  for await (const chunk of chunks) parser.push(chunk)
  parser.end()
  if (header === null) throw new InputError(rows.file, null, null, 'is empty: no header and no rows')
}

/**
 * Header cells for a message: each as written when it is printable and short, else quoted (`quote`); at most 20.
 * @example listColumns(['id', 'a\nb']) // 'id, "a\\nb"'
 */
function listColumns(header: string[]): string {
  const shown = header.slice(0, 20).map((cell) => (cell.length > 0 && isPlain(cell, 40) && !cell.includes(',') ? cell : quote(cell, 40)))
  return shown.join(', ') + (header.length > 20 ? `, … ${header.length - 20} more` : '')
}

/**
 * An incremental RFC 4180 record parser.
 *
 * Method: the complete records of each chunk are parsed at once (a fast path for a line without quotes); a record
 * that a chunk leaves incomplete is held (`Pending`) while later chunks are only scanned for its end (the first
 * line feed after an even number of quotes), then parsed once. So each character is scanned at most three times
 * whatever the chunking: O(n) time, memory at most one record (≤ `limit` bytes) plus a chunk.
 */
export class DelimitedParser {
  /** The start of a record that the chunks so far have not completed. */
  private readonly pending: Pending
  /** Whether the pending text has an odd number of quotes (its end is inside a quoted field). */
  private inQuote = false
  /** Line number of the first character of the pending text (the next record). */
  private line = 1

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly onRecord: (cells: string[], line: number) => void,
    private readonly limit: number = Infinity
  ) {
    this.pending = new Pending(limit)
  }

  push(chunk: string): void {
    if (this.pending.empty) {
      this.hold(this.parse(chunk, false))
      return
    }
    if (this.recordEnd(chunk) === -1) {
      if (!this.pending.add(chunk)) this.overflow(this.pending.take(chunk))
      return
    }
    this.hold(this.parse(this.pending.take(chunk), false))
  }

  end(): void {
    if (!this.pending.empty) this.parse(this.pending.take(), true)
    this.inQuote = false
  }

  /** Holds the incomplete record left by `parse` (which has no complete record in it). */
  private hold(rest: string): void {
    if (rest.length === 0) return
    this.inQuote = oddQuotes(rest)
    if (!this.pending.add(rest)) this.refuse(this.inQuote)
  }

  /**
   * Where the pending record ends in `chunk`: the index of the line feed that ends it (outside quotes), or -1,
   * with `inQuote` updated to the state at the end of the chunk.
   */
  private recordEnd(chunk: string): number {
    let pos = 0
    for (;;) {
      const q = chunk.indexOf('"', pos)
      if (!this.inQuote) {
        const nl = chunk.indexOf('\n', pos)
        if (nl !== -1 && (q === -1 || nl < q)) return nl
      }
      if (q === -1) return -1
      this.inQuote = !this.inQuote
      pos = q + 1
    }
  }

  /**
   * The held record passed the limit; `text` is it with the chunk that passed it. It is parsed once more first,
   * so that a syntax error in it (a stray quote, which the end scan takes for an opening one) is what is reported.
   */
  private overflow(text: string): void {
    const rest = this.parse(text, false)
    // `parse` leaves a record without its line end unread: read what there is of it, for a syntax error.
    if (rest.length > 0) this.quotedRecord(rest, 0, false)
    this.hold(rest)
  }

  private refuse(inQuote: boolean): never {
    const limit = bytes(this.limit)
    throw new InputError(
      this.file,
      this.line,
      null,
      inQuote ? `has a quoted field that is never closed within ${limit}, the limit for one record: refused` : `is longer than ${limit}, the limit for one record: refused`
    )
  }

  /** Parses the complete records of `text`; returns what is left (an incomplete last record). */
  private parse(text: string, final: boolean): string {
    let pos = 0
    const len = text.length
    /** The first quote at or after `pos` (len when none): searched again only when passed. */
    let quote = -1
    while (pos < len) {
      const nl = text.indexOf('\n', pos)
      if (nl === -1 && !final) break
      const lineEnd = nl === -1 ? len : nl
      if (quote < pos) {
        quote = text.indexOf('"', pos)
        if (quote === -1) quote = len
      }
      if (quote >= lineEnd) {
        // Fast path: a record on one line without quotes.
        if (lineEnd - pos > this.limit / 3 && overLimit(text.slice(pos, lineEnd), this.limit)) this.refuse(false)
        let end = lineEnd
        if (end > pos && text.charCodeAt(end - 1) === 13) end--
        const raw = text.slice(pos, end)
        if (raw.trim().length > 0) this.onRecord(raw.split(this.delimiter), this.line)
        this.line++
        pos = lineEnd + 1
        continue
      }
      const record = this.quotedRecord(text, pos, final)
      if (record === null) break
      if (record.next - pos > this.limit / 3) {
        const end = text.charCodeAt(record.next - 1) === 10 ? record.next - 1 : record.next
        if (overLimit(text.slice(pos, end), this.limit)) this.refuse(false)
      }
      if (record.cells.length > 1 || record.cells[0].length > 0) this.onRecord(record.cells, this.line)
      this.line += record.lines
      pos = record.next
    }
    return pos >= len ? '' : text.slice(pos)
  }

  /** Parses one record that has quotes, from `pos`; null when it is not complete in `text`. */
  private quotedRecord(text: string, pos: number, final: boolean): { cells: string[]; next: number; lines: number } | null {
    const cells: string[] = []
    const len = text.length
    const delim = this.delimiter.charCodeAt(0)
    let lines = 1
    let i = pos
    for (;;) {
      if (i < len && text.charCodeAt(i) === 34) {
        // Quoted field.
        let value = ''
        let j = i + 1
        for (;;) {
          const q = text.indexOf('"', j)
          if (q === -1) {
            if (!final) return null
            throw new InputError(this.file, this.line, null, 'has a quoted field that is never closed')
          }
          value += text.slice(j, q)
          if (q + 1 < len && text.charCodeAt(q + 1) === 34) {
            value += '"'
            j = q + 2
            continue
          }
          if (q + 1 >= len && !final) return null
          j = q + 1
          break
        }
        for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) lines++
        cells.push(value)
        i = j
        const c = i < len ? text.charCodeAt(i) : -1
        if (c === delim) {
          i++
          continue
        }
        if (c === 13 && i + 1 < len && text.charCodeAt(i + 1) === 10) return { cells, next: i + 2, lines }
        if (c === 10) return { cells, next: i + 1, lines }
        if (c === -1) return final ? { cells, next: i, lines } : null
        if (c === 13 && i + 1 >= len && !final) return null
        if (c === 13) return { cells, next: i + 1, lines }
        throw new InputError(this.file, this.line, null, `has a character after a closing quote (${quote(text[i])}); a quote inside a quoted field is written ""`)
      }
      // Unquoted field: up to the delimiter or the end of the line.
      let j = i
      while (j < len) {
        const c = text.charCodeAt(j)
        if (c === delim || c === 10) break
        if (c === 34) throw new InputError(this.file, this.line, null, 'has a quote inside an unquoted field; quote the whole field and write the quote as ""')
        j++
      }
      if (j >= len && !final) return null
      let end = j
      if (end > i && text.charCodeAt(end - 1) === 13 && (j >= len || text.charCodeAt(j) === 10)) end--
      cells.push(text.slice(i, end))
      if (j < len && text.charCodeAt(j) === delim) {
        i = j + 1
        continue
      }
      return { cells, next: j < len ? j + 1 : j, lines }
    }
  }
}

/** True when `text` has an odd number of `"`. */
function oddQuotes(text: string): boolean {
  let odd = false
  for (let q = text.indexOf('"'); q !== -1; q = text.indexOf('"', q + 1)) odd = !odd
  return odd
}
