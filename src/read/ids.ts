/**
 * The id column of a file, any task (docs/inputs.md): a string or an integer per row, on every row or on none (and on
 * every row when a baseline is compared). Ids stay numbers while every id is a JSON integer (no text per row),
 * and switch to text at the first other id. Grows with its file's other columns.
 */
import { InputError } from '../common/errors.js'
import { describe } from './describe.js'
import type { Cell } from './sink.js'

export class IdColumn {
  private ids: string[] | null = null
  /** Ids while every id so far is a safe integer (JSON number); switched to text at the first other id. */
  private numericIds: Float64Array | null = null
  private seen = false

  constructor(
    readonly file: string,
    readonly field: string,
    readonly required: boolean,
    readonly textCells: boolean,
    private cap: number
  ) {}

  /** Row i's id; `firstLine` is the line of row 0, for messages. */
  add(value: Cell, lineNo: number, i: number, firstLine: number): void {
    if (value === undefined || value === '' || (this.textCells && typeof value === 'string' && value.trim() === '')) {
      if (this.required) throw new InputError(this.file, lineNo, this.field, value === undefined ? 'is missing' : 'is empty')
      if (this.seen) throw new InputError(this.file, lineNo, this.field, value === undefined ? 'is missing (other rows have an id)' : 'is empty')
      return
    }
    if (typeof value === 'number' && this.numericIds !== null && Number.isSafeInteger(value)) {
      this.numericIds[i] = value
      return
    }
    if (!this.seen && typeof value === 'number' && Number.isSafeInteger(value)) {
      if (i > 0) throw new InputError(this.file, lineNo, this.field, `is present, but the earlier rows (from line ${firstLine}) have no id`)
      this.seen = true
      this.numericIds = new Float64Array(this.cap)
      this.numericIds[i] = value
      return
    }
    let text: string | null
    if (typeof value === 'string') text = value
    else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : null
    else text = null
    if (text === null) throw new InputError(this.file, lineNo, this.field, `must be a string or an integer, got ${describe(value)}`)
    if (!this.seen) {
      if (i > 0) throw new InputError(this.file, lineNo, this.field, `is present, but the earlier rows (from line ${firstLine}) have no id`)
      this.seen = true
      this.ids = []
    }
    if (this.numericIds) {
      // A text id after numeric ones: from here on every id is text.
      const numbers = this.numericIds
      this.ids = Array.from({ length: i }, (_, j) => String(numbers[j]))
      this.numericIds = null
    }
    ;(this.ids as string[])[i] = text
  }

  grow(cap: number): void {
    this.cap = cap
    if (this.numericIds) {
      const b = new Float64Array(cap)
      b.set(this.numericIds)
      this.numericIds = b
    }
  }

  /** The ids of the n rows, or null when no row has one. */
  finish(n: number): string[] | Float64Array | null {
    if (!this.seen) return null
    if (this.numericIds) return this.numericIds.slice(0, n)
    const ids = this.ids as string[]
    ids.length = n
    return ids
  }
}
