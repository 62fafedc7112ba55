/**
 * The error column of a prediction file (docs/errors.md, `--errors`): which rows are errors (a timeout, a refusal, a
 * crashed call), never silently missing rows. A row is an error when its `error` field (DEFAULT_ERROR_FIELD) is
 * non-empty, or when its prediction is empty or null (the row builders decide the latter).
 *
 * The `error` field's value: absent, null, `""` (or only spaces) and `false` mean no error; any other text (the
 * error message) and `true` mean an error. In CSV/TSV the cell is text: empty or `false` is no error, anything else
 * is. A number, an array or an object is bad input naming file, line and field. The column is a Uint8Array (1 per
 * error row), made on the first error row only: a file without errors costs nothing.
 *
 * @example isErrorCell('rate limited', false, 'c.jsonl', 3, 'error') // true
 */
import { InputError } from '../common/errors.js'
import { describe } from './describe.js'
import type { Cell } from './sink.js'

/** The field that marks a row as an error. */
export const DEFAULT_ERROR_FIELD = 'error'

/** Whether an `error` cell marks its row as an error; a value of the wrong type is an InputError. Cost O(1) (a trim). */
export function isErrorCell(value: Cell, file: string, lineNo: number, field: string): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') {
    const text = value.trim()
    return text !== '' && text !== 'false'
  }
  if (typeof value === 'boolean') return value
  throw new InputError(file, lineNo, field, `must be the error's message (a string), true/false or null, got ${describe(value)}`)
}

/** Whether a prediction cell is empty or null: such a row is an error. */
export function isEmptyPrediction(value: Cell, textCells: boolean): boolean {
  return value === null || value === '' || (textCells && typeof value === 'string' && value.trim() === '')
}

/** The error flags of a file's rows, grown with the builder's columns. */
export class ErrorColumn {
  private flags: Uint8Array | null = null
  private cap: number
  count = 0

  constructor(cap: number) {
    this.cap = cap
  }

  /** Marks row i as an error. */
  mark(i: number): void {
    this.flags ??= new Uint8Array(this.cap)
    this.flags[i] = 1
    this.count++
  }

  grow(cap: number): void {
    this.cap = cap
    if (!this.flags) return
    const b = new Uint8Array(cap)
    b.set(this.flags)
    this.flags = b
  }

  /** The flags of the first n rows; null when no row is an error. */
  finish(n: number): Uint8Array | null {
    return this.flags ? this.flags.slice(0, n) : null
  }
}
