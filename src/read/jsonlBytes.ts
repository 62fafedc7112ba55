/**
 * JSON Lines from bytes: the fast path of the JSONL reader. Lines are split on the raw bytes (Buffer#indexOf, no
 * UTF-8 decoding of the file) and a line of the usual shape is scanned byte by byte into the sink's cells without
 * JSON.parse and without building the row object: only the values of the columns the sink declares become
 * JavaScript values (a string is one slice of the line, a short decimal one division).
 *
 * The usual shape: one flat object `{"key": value, …}` with JSON whitespace, keys in any order, keys and strings
 * without escapes or control characters, values strings, numbers, `true`, `false`, `null`, and, for a declared
 * column, a flat object of such values (a `scores` object). Every other line (escapes, nesting, arrays, a syntax
 * error, a line that is not an object, a `__proto__` key inside an object, a line long enough to near the limit)
 * goes to the plain path (src/read/jsonl.ts: the line decoded, JSON.parse, `objectCells`), so that results and
 * errors are those of the plain path exactly: a duplicate key keeps its last value as JSON.parse does, an absent
 * column reads what `row[name]` would read on a parsed object.
 *
 * Cost: one pass over each line's bytes, O(columns) per row; memory: the limit plus one chunk, as the plain path.
 */
import { Buffer } from 'node:buffer'
import { lineParser, lineTooLong } from './jsonl.js'
import { overLimit } from './limits.js'
import { NumberVector, type Cell, type RowSink } from './sink.js'

/** Reads JSONL byte chunks into `rows`, each line at most `limit` UTF-8 bytes (as decoded text, like the plain path). */
export async function readJsonlBytes(chunks: AsyncIterable<Buffer>, rows: RowSink, limit: number): Promise<void> {
  const slow = lineParser(rows)
  const fast = new LineScanner(rows)
  let lineNo = 0
  const take = (buf: Buffer, start: number, end: number): void => {
    lineNo++
    if ((end - start) * 3 > limit) {
      // Only here can the decoded line pass the limit (an invalid byte decodes to U+FFFD, 3 bytes).
      const text = buf.toString('utf8', start, end)
      if (overLimit(text, limit)) throw lineTooLong(rows.file, lineNo, limit)
      slow(text, lineNo)
    } else if (!fast.scan(buf, start, end, lineNo)) slow(buf.toString('utf8', start, end), lineNo)
  }
  /** The start of a line that the chunks so far have not ended. */
  const pieces: Buffer[] = []
  let held = 0
  for await (const chunk of chunks) {
    let start = 0
    let nl = chunk.indexOf(10)
    if (pieces.length > 0) {
      if (nl === -1) {
        if (held + chunk.length > limit) throw lineTooLong(rows.file, lineNo + 1, limit)
        pieces.push(chunk)
        held += chunk.length
        continue
      }
      if (held + nl > limit) throw lineTooLong(rows.file, lineNo + 1, limit)
      pieces.push(chunk.subarray(0, nl))
      const line = Buffer.concat(pieces, held + nl)
      pieces.length = 0
      held = 0
      take(line, 0, line.length)
      start = nl + 1
      nl = chunk.indexOf(10, start)
    }
    while (nl !== -1) {
      if (nl - start > limit) throw lineTooLong(rows.file, lineNo + 1, limit)
      take(chunk, start, nl)
      start = nl + 1
      nl = chunk.indexOf(10, start)
    }
    if (start < chunk.length) {
      if (chunk.length - start > limit) throw lineTooLong(rows.file, lineNo + 1, limit)
      pieces.push(start === 0 ? chunk : chunk.subarray(start))
      held = chunk.length - start
    }
  }
  if (pieces.length > 0) {
    const line = Buffer.concat(pieces, held)
    take(line, 0, line.length)
  }
}

/** Buffer's own slice decoders (what `toString` calls after checking its arguments), when this Node has them. */
interface Slicers {
  latin1Slice?: (start: number, end: number) => string
  utf8Slice?: (start: number, end: number) => string
}
const own = Buffer.prototype as unknown as Slicers
/** b[start, end) as Latin-1 text: for ASCII bytes (checked by the caller), the same text as UTF-8. */
const latin1: (b: Buffer, start: number, end: number) => string =
  typeof own.latin1Slice === 'function' ? (b, start, end) => (b as unknown as Required<Slicers>).latin1Slice(start, end) : (b, start, end) => b.toString('latin1', start, end)
/** b[start, end) decoded as UTF-8 (an invalid sequence as U+FFFD, as toString does). */
const utf8: (b: Buffer, start: number, end: number) => string =
  typeof own.utf8Slice === 'function' ? (b, start, end) => (b as unknown as Required<Slicers>).utf8Slice(start, end) : (b, start, end) => b.toString('utf8', start, end)

/** 10^0 … 10^22: exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`))

/** What `row[name]` reads on a parsed row without that key: undefined, or what Object.prototype has (`toString`). */
const inherited = (name: string): Cell => ({} as Record<string, unknown>)[name]

/**
 * Scans one line of the usual shape into the sink's cells (see the module comment); false when the line needs
 * the plain path (nothing has been handed to the sink then).
 */
export class LineScanner {
  private readonly names: Uint8Array[]
  private readonly ascii: boolean[]
  private readonly texts: string[]
  private readonly absent: Cell[]
  private readonly cells: Cell[]
  /** Where the value just scanned ends. */
  private pos = 0
  /** The value just scanned (when it was asked for). */
  private value: Cell = undefined
  /** Keys of nested objects by position, with their bytes: each row's `scores` keys come in the same order. */
  private readonly keyBytes: Uint8Array[] = []
  private readonly keyTexts: string[] = []
  /** The sink's `otherColumn`, told of each key that is none of its columns (absent: keys are not looked at). */
  private readonly other: ((name: string) => void) | undefined
  /** Per column: a flat object of numbers may be handed as a NumberVector (every column of that name takes one). */
  private readonly vector: boolean[]
  /** The keys of the last object of numbers of a vector column, their bytes, and the vector handed for them. */
  private vectorKeyBytes: Uint8Array[] = []
  private numberVector: NumberVector | null = null

  constructor(private readonly rows: RowSink) {
    this.other = rows.otherColumn ? (name) => rows.otherColumn?.(name) : undefined
    this.texts = rows.columns.map((c) => c.name)
    this.names = this.texts.map((name) => new TextEncoder().encode(name))
    this.ascii = this.texts.map((name) => /^[\x20-\x7e]*$/.test(name))
    this.absent = this.texts.map(inherited)
    this.cells = this.absent.slice()
    this.vector = rows.columns.map((c) => rows.columns.every((o) => o.name !== c.name || o.vector === true))
  }

  scan(b: Buffer, start: number, end: number, lineNo: number): boolean {
    let i = start
    let odd = false
    while (i < end) {
      const c = b[i]
      if (c === 32 || c === 9 || c === 13) i++
      else if (c === 11 || c === 12) {
        odd = true
        i++
      } else break
    }
    if (i === end) return true // blank: whitespace only (String#trim would drop it too)
    if (odd || b[i] !== 123) return false
    const cells = this.cells
    const absent = this.absent
    for (let k = 0; k < cells.length; k++) cells[k] = absent[k]
    i = ws(b, i + 1, end)
    if (b[i] === 125) i++
    else {
      for (;;) {
        if (i >= end || b[i] !== 34) return false
        const ks = i + 1
        let j = ks
        let high = false
        for (; j < end; j++) {
          const c = b[j]
          if (c === 34) break
          if (c === 92 || c < 32) return false
          if (c >= 128) high = true
        }
        if (j >= end) return false
        i = ws(b, j + 1, end)
        if (b[i] !== 58) return false
        i = ws(b, i + 1, end)
        const first = this.match(b, ks, j, high, -1)
        if (first >= 0) {
          if (!this.scanValue(b, i, end, true, false, this.vector[first])) return false
          for (let k = first; k >= 0; k = this.match(b, ks, j, high, k)) cells[k] = this.value
        } else {
          if (!this.scanValue(b, i, end, false)) return false
          if (this.other) this.other(utf8(b, ks, j))
        }
        i = ws(b, this.pos, end)
        if (b[i] === 44) {
          i = ws(b, i + 1, end)
          continue
        }
        if (b[i] === 125) {
          i++
          break
        }
        return false
      }
    }
    if (ws(b, i, end) !== end) return false
    this.rows.add(lineNo, cells)
    return true
  }

  /** The next column after `after` whose name is the key b[ks, ke), or −1. */
  private match(b: Buffer, ks: number, ke: number, high: boolean, after: number): number {
    const len = ke - ks
    const names = this.names
    for (let k = after + 1; k < names.length; k++) {
      if (high || !this.ascii[k]) {
        // Compare as decoded text: an invalid byte in the key decodes to U+FFFD as in the plain path.
        if (b.toString('utf8', ks, ke) === this.texts[k]) return k
        continue
      }
      const name = names[k]
      if (name.length !== len) continue
      let same = true
      for (let q = 0; q < len; q++) {
        if (b[ks + q] !== name[q]) {
          same = false
          break
        }
      }
      if (same) return k
    }
    return -1
  }

  /**
   * Scans the value at b[i]: its end into `pos`, and when `keep`, its value into `value`. Objects are taken only
   * when kept and flat. False when the plain path must decide.
   */
  private scanValue(b: Buffer, i: number, end: number, keep: boolean, nested = false, vector = false): boolean {
    const c = b[i]
    if (c === 34) {
      let j = i + 1
      let high = false
      for (; j < end; j++) {
        const d = b[j]
        if (d === 34) break
        if (d === 92 || d < 32) return false
        if (d >= 128) high = true
      }
      if (j >= end) return false
      if (keep) this.value = high ? utf8(b, i + 1, j) : latin1(b, i + 1, j)
      this.pos = j + 1
      return true
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.scanNumber(b, i, end, keep)
    if (c === 116) return this.literal(b, i, end, 'true', true)
    if (c === 102) return this.literal(b, i, end, 'false', false)
    if (c === 110) return this.literal(b, i, end, 'null', null)
    if (c === 123 && keep && !nested) {
      if (!vector) return this.scanObject(b, i, end)
      if (this.scanVector(b, i, end)) return true
      if (!this.scanObject(b, i, end)) return false
      this.rememberKeys(this.value as Record<string, Cell>)
      return true
    }
    return false
  }

  /**
   * An object of numbers with exactly the remembered keys, in their order (the bytes of each key the same): its
   * numbers into the NumberVector, handed as the value. False for anything else (another key, a key twice, a value
   * not a number): then the object is scanned as an object.
   */
  private scanVector(b: Buffer, i: number, end: number): boolean {
    const vector = this.numberVector
    if (vector === null) return false
    const keyBytes = this.vectorKeyBytes
    const values = vector.values
    const last = keyBytes.length - 1
    i = ws(b, i + 1, end)
    for (let p = 0; ; p++) {
      if (p > last || i >= end || b[i] !== 34) return false
      const key = keyBytes[p]
      const ks = i + 1
      const len = key.length
      if (ks + len >= end || b[ks + len] !== 34) return false
      for (let q = 0; q < len; q++) if (b[ks + q] !== key[q]) return false
      i = ws(b, ks + len + 1, end)
      if (b[i] !== 58) return false
      i = ws(b, i + 1, end)
      const c = b[i]
      if (!(c === 45 || (c >= 48 && c <= 57)) || !this.scanNumber(b, i, end, true)) return false
      values[p] = this.value as number
      i = ws(b, this.pos, end)
      if (b[i] === 44) {
        i = ws(b, i + 1, end)
        continue
      }
      if (b[i] === 125 && p === last) {
        this.value = vector
        this.pos = i + 1
        return true
      }
      return false
    }
  }

  /** After an object of a vector column: its keys become the remembered ones when its values are all numbers and its keys printable ASCII. */
  private rememberKeys(object: Record<string, Cell>): void {
    const keys = Object.keys(object)
    if (keys.length === 0 || keys.length > 100_000) return
    for (const key of keys) {
      if (typeof object[key] !== 'number' || !/^[\x20-\x7e]*$/.test(key) || key.includes('"') || key.includes('\\')) return
    }
    const current = this.numberVector?.keys
    if (current && current.length === keys.length && current.every((k, j) => k === keys[j])) return
    this.vectorKeyBytes = keys.map((key) => Buffer.from(key, 'latin1'))
    this.numberVector = new NumberVector(Object.freeze(keys), new Float64Array(keys.length))
  }

  private literal(b: Buffer, i: number, end: number, word: string, value: Cell): boolean {
    if (i + word.length > end) return false
    for (let q = 1; q < word.length; q++) if (b[i + q] !== word.charCodeAt(q)) return false
    this.value = value
    this.pos = i + word.length
    return true
  }

  /**
   * A JSON number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. Up to 15 digits and no exponent, its
   * value is the digits as an integer divided by a power of ten: both exact doubles, so the one division is
   * correctly rounded, the same double as JSON.parse gives (Clinger 1990, the fast path); else `Number(text)`.
   */
  private scanNumber(b: Buffer, i: number, end: number, keep: boolean): boolean {
    let j = i
    const negative = b[j] === 45
    if (negative) j++
    if (j >= end) return false
    let m = 0
    let digits = 0
    let c = b[j]
    if (c === 48) j++
    else if (c >= 49 && c <= 57) {
      while (j < end && (c = b[j]) >= 48 && c <= 57) {
        m = m * 10 + (c - 48)
        digits++
        j++
      }
    } else return false
    let fraction = 0
    if (j < end && b[j] === 46) {
      j++
      const from = j
      while (j < end && (c = b[j]) >= 48 && c <= 57) {
        m = m * 10 + (c - 48)
        j++
      }
      fraction = j - from
      if (fraction === 0) return false
      digits += fraction
    }
    let exponent = false
    if (j < end && (b[j] === 101 || b[j] === 69)) {
      exponent = true
      j++
      if (j < end && (b[j] === 43 || b[j] === 45)) j++
      const from = j
      while (j < end && (c = b[j]) >= 48 && c <= 57) j++
      if (j === from) return false
    }
    this.pos = j
    if (!keep) return true
    if (!exponent && digits <= 15) {
      const x = fraction === 0 ? m : m / POW10[fraction]
      this.value = negative ? -x : x
    } else this.value = Number(latin1(b, i, j))
    return true
  }

  /** A flat object of strings, numbers, booleans and nulls, built as JSON.parse builds it (keys in order of first appearance, the last value of a repeated key). */
  private scanObject(b: Buffer, i: number, end: number): boolean {
    const object: Record<string, Cell> = {}
    i = ws(b, i + 1, end)
    if (b[i] === 125) {
      this.value = object
      this.pos = i + 1
      return true
    }
    for (let p = 0; ; p++) {
      if (i >= end || b[i] !== 34) return false
      const ks = i + 1
      let j = ks
      let high = false
      for (; j < end; j++) {
        const c = b[j]
        if (c === 34) break
        if (c === 92 || c < 32) return false
        if (c >= 128) high = true
      }
      if (j >= end) return false
      const key = this.key(b, ks, j, high, p)
      if (key === '__proto__') return false
      i = ws(b, j + 1, end)
      if (b[i] !== 58) return false
      i = ws(b, i + 1, end)
      if (!this.scanValue(b, i, end, true, true)) return false
      object[key] = this.value
      i = ws(b, this.pos, end)
      if (b[i] === 44) {
        i = ws(b, i + 1, end)
        continue
      }
      if (b[i] === 125) {
        this.value = object
        this.pos = i + 1
        return true
      }
      return false
    }
  }

  /** The text of a nested key, from the cache of position `p` when its bytes are the same. */
  private key(b: Buffer, ks: number, ke: number, high: boolean, p: number): string {
    const len = ke - ks
    const cached = this.keyBytes[p]
    if (cached !== undefined && cached.length === len) {
      let same = true
      for (let q = 0; q < len; q++) {
        if (b[ks + q] !== cached[q]) {
          same = false
          break
        }
      }
      if (same) return this.keyTexts[p]
    }
    const text = high ? utf8(b, ks, ke) : latin1(b, ks, ke)
    if (p < 100_000) {
      this.keyBytes[p] = Uint8Array.prototype.slice.call(b, ks, ke)
      this.keyTexts[p] = text
    }
    return text
  }
}

/** The index of the first byte at or after `i` that is not JSON whitespace (space, tab, CR, LF). */
function ws(b: Buffer, i: number, end: number): number {
  while (i < end) {
    const c = b[i]
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return i
    i++
  }
  return i
}
