/**
 * The size limit on one row of a prediction file (a JSONL line, a CSV/TSV record, a JSON array element), so that a
 * hostile file cannot make the reader hold an unbounded string: past the limit the read stops with an InputError
 * naming the line, having held at most the limit and one chunk.
 *
 * The limit counts UTF-8 bytes of the decoded text (an invalid byte, decoded to U+FFFD, counts 3).
 */
import { Buffer } from 'node:buffer'

/** 64 MiB: far above any real row, far below V8's string limit (~512 MiB on 64-bit Node). */
export const MAX_ROW_BYTES = 64 * 1024 * 1024

/**
 * The row limit: `EVAL_GATE_MAX_LINE_BYTES` (a whole number of bytes) lowers it for tests; it is not an input.
 * @example maxRowBytes({ EVAL_GATE_MAX_LINE_BYTES: '1000' }) // 1000
 */
export function maxRowBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.EVAL_GATE_MAX_LINE_BYTES
  return raw !== undefined && /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : MAX_ROW_BYTES
}

/**
 * True when `text` is more than `limit` UTF-8 bytes. Cheap for short text: a UTF-16 unit is 1 to 3 UTF-8 bytes, so
 * the bytes are counted (O(n)) only when `text.length` is between limit/3 and the limit.
 * @example overLimit('é'.repeat(600), 1000) // true (1,200 bytes)
 */
export function overLimit(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return false
  return text.length > limit || Buffer.byteLength(text, 'utf8') > limit
}

/** `67,108,864 bytes` */
export function bytes(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`
}

/**
 * The pieces of one row that spans chunks, with their size. `add` refuses (returns false, keeping nothing more)
 * once the total passes the limit, so the memory held is at most the limit plus the piece being added.
 */
export class Pending {
  private parts: string[] = []
  /** UTF-8 bytes held. */
  size = 0

  constructor(readonly limit: number) {}

  get empty(): boolean {
    return this.parts.length === 0
  }

  /** Adds a piece; false when the row would pass the limit. */
  add(piece: string): boolean {
    if (piece.length === 0) return true
    const n = Buffer.byteLength(piece, 'utf8')
    if (this.size + n > this.limit) return false
    this.parts.push(piece)
    this.size += n
    return true
  }

  /** True when the held pieces and `tail` together pass the limit. */
  overWith(tail: string): boolean {
    if (this.size + tail.length * 3 <= this.limit) return false
    return this.size + tail.length > this.limit || this.size + Buffer.byteLength(tail, 'utf8') > this.limit
  }

  /** The held pieces joined, then `tail`; empties the holder. */
  take(tail = ''): string {
    const text = this.parts.length === 1 ? this.parts[0] + tail : this.parts.join('') + tail
    this.parts = []
    this.size = 0
    return text
  }
}
