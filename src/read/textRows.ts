/**
 * Rows of text generation (docs/tasks.md): an id, the reference (a string, or an array of strings: several
 * references), the generated text, and optionally `loss` (mean token NLL) and `tokens` (a positive count), on all
 * rows or none. In CSV/TSV a reference cell that holds a JSON array of strings is several references.
 */
import { InputError } from '../common/errors.js'
import { describe } from './describe.js'
import { IdColumn } from './ids.js'
import { KeyColumns, type KeyColumn, type KeyField } from './keys.js'
import { parseDecimal } from './number.js'
import type { Cell, Column, RowSink } from './sink.js'
import { DEFAULT_ERROR_FIELD, ErrorColumn, isEmptyPrediction, isErrorCell } from './errorColumn.js'

export interface TextFile {
  name: string
  idField: string
  n: number
  ids: string[] | Float64Array | null
  line: Uint32Array
  references: string[][]
  predictions: string[]
  /** Null when the rows carry no `loss`/`tokens`. */
  loss: Float64Array | null
  tokens: Float64Array | null
  /** The key fields asked for (slice, repeat, cluster), when any. */
  keys?: KeyColumn[]
  /** docs/errors.md: 1 on each error row (the error field set, or the generated text empty or null); null: none. */
  errors?: Uint8Array | null
}

/** A loss or tokens cell with a value. */
const given = (v: Cell): boolean => v !== undefined && v !== null && v !== ''

export class TextRowBuilder implements RowSink {
  n = 0
  /** Rows the id column has room for. */
  private cap = 1024
  private readonly lines: number[] = []
  private readonly references: string[][] = []
  private readonly predictions: string[] = []
  private readonly loss: number[] = []
  private readonly tokens: number[] = []
  /** Whether rows carry loss and tokens; fixed by the first row. */
  private hasLoss: boolean | null = null
  private readonly ids: IdColumn
  private readonly keys: KeyColumns
  private readonly errors: ErrorColumn
  readonly errorField = DEFAULT_ERROR_FIELD
  readonly columns: readonly Column[]

  constructor(
    readonly file: string,
    readonly fields: { id: string; label: string; prediction: string },
    requireId: boolean,
    readonly textCells: boolean,
    keys: readonly KeyField[] = []
  ) {
    this.keys = new KeyColumns(file, keys, this.cap)
    this.errors = new ErrorColumn(this.cap)
    this.columns = [
      { name: fields.id, required: false },
      { name: fields.label, required: true },
      { name: fields.prediction, required: true },
      { name: 'loss', required: false },
      { name: 'tokens', required: false },
      ...this.keys.columns,
      { name: this.errorField, required: false }
    ]
    this.ids = new IdColumn(file, fields.id, requireId, textCells, this.cap)
  }

  add(lineNo: number, cells: readonly Cell[]): void {
    const [id, label, prediction, loss, tokens] = cells
    const i = this.n
    if (i === this.cap) {
      this.ids.grow((this.cap *= 2))
      this.keys.grow(this.cap)
      this.errors.grow(this.cap)
    }
    this.lines.push(lineNo)
    this.references.push(this.referencesOf(label, lineNo))
    // An error row (docs/errors.md): the error field set, or the generated text empty or null; it may lack the text and
    // the loss, which the task fills in.
    const failed = isErrorCell(cells[5 + this.keys.size], this.file, lineNo, this.errorField) || isEmptyPrediction(prediction, this.textCells)
    if (failed) this.errors.mark(i)
    this.predictions.push(failed ? (typeof prediction === 'string' ? prediction : '') : this.textOf(prediction, lineNo, this.fields.prediction))
    this.ids.add(id, lineNo, i, this.lines[0])
    const present = given(loss) || given(tokens)
    // An error row without a loss says nothing of whether the rows carry one.
    if (!(failed && !present)) {
      this.hasLoss ??= present
      if (present !== this.hasLoss) {
        const field = this.hasLoss ? (given(loss) ? 'tokens' : 'loss') : given(loss) ? 'loss' : 'tokens'
        throw new InputError(
          this.file,
          lineNo,
          field,
          this.hasLoss ? `is missing, but the earlier rows (from line ${this.lines[0]}) have it: give loss and tokens on all rows or none` : `is present, but the earlier rows (from line ${this.lines[0]}) have no loss: give loss and tokens on all rows or none`
        )
      }
    }
    this.loss.push(present ? this.numberOf(loss, lineNo, 'loss', (x) => x >= 0, 'a number ≥ 0') : NaN)
    this.tokens.push(present ? this.numberOf(tokens, lineNo, 'tokens', (x) => x > 0, 'a number > 0') : NaN)
    if (this.keys.size > 0) this.keys.add(cells, 5, lineNo, i)
    this.n = i + 1
  }

  finish(): TextFile {
    if (this.n === 0) throw new InputError(this.file, null, null, 'is empty: no prediction rows')
    return {
      name: this.file,
      idField: this.fields.id,
      n: this.n,
      ids: this.ids.finish(this.n),
      line: Uint32Array.from(this.lines),
      references: this.references,
      predictions: this.predictions,
      loss: this.hasLoss ? Float64Array.from(this.loss) : null,
      tokens: this.hasLoss ? Float64Array.from(this.tokens) : null,
      ...(this.keys.size > 0 ? { keys: this.keys.finish(this.n) } : {}),
      errors: this.errors.finish(this.n)
    }
  }

  private referencesOf(value: Cell, lineNo: number): string[] {
    const field = this.fields.label
    if (this.textCells && typeof value === 'string' && value.trimStart().startsWith('[')) {
      try {
        value = JSON.parse(value) as unknown
      } catch {
        // Plain text that starts with a bracket: one reference.
      }
    }
    if (typeof value === 'string') return [value]
    if (Array.isArray(value)) {
      if (value.length === 0) throw new InputError(this.file, lineNo, field, 'is an empty array: give at least one reference')
      const bad = value.findIndex((x) => typeof x !== 'string')
      if (bad >= 0) throw new InputError(this.file, lineNo, field, `must be a string or an array of strings, but item ${bad + 1} is ${describe(value[bad])}`)
      return value as string[]
    }
    if (value === undefined) throw new InputError(this.file, lineNo, field, 'is missing')
    throw new InputError(this.file, lineNo, field, `must be a string or an array of strings, got ${describe(value)}`)
  }

  private textOf(value: Cell, lineNo: number, field: string): string {
    if (typeof value === 'string') return value
    if (value === undefined) throw new InputError(this.file, lineNo, field, 'is missing')
    if (value === null) return ''
    throw new InputError(this.file, lineNo, field, `must be a string, got ${describe(value)}`)
  }

  private numberOf(value: Cell, lineNo: number, field: string, ok: (x: number) => boolean, what: string): number {
    const x = typeof value === 'number' ? value : this.textCells && typeof value === 'string' ? parseDecimal(value) : NaN
    if (!Number.isFinite(x) || !ok(x)) throw new InputError(this.file, lineNo, field, value === undefined ? 'is missing' : `must be ${what}, got ${describe(value)}`)
    return x
  }
}
