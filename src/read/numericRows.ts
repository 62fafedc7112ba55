/**
 * Rows of numbers (tasks scores and regression, docs/tasks.md): an id and named numeric fields, each on every row.
 * A JSON number (finite), a JSON boolean (true = 1, false = 0), or in CSV/TSV a decimal number or `true`/`false`
 * as written. A missing or non-numeric value names file, line and field. Columns grow by doubling.
 */
import { InputError } from '../common/errors.js'
import { describe } from './describe.js'
import { IdColumn } from './ids.js'
import { KeyColumns, type KeyColumn, type KeyField } from './keys.js'
import { parseDecimal } from './number.js'
import type { Cell, Column, RowSink } from './sink.js'
import { DEFAULT_ERROR_FIELD, ErrorColumn, isEmptyPrediction, isErrorCell } from './errorColumn.js'

export interface NumericFile {
  name: string
  idField: string
  n: number
  ids: string[] | Float64Array | null
  line: Uint32Array
  /** One column per field, in the order the fields were given. */
  values: Float64Array[]
  /** Per field: true when every value was a boolean (JSON) or `true`/`false` (CSV). */
  booleans: boolean[]
  /** The key fields asked for (slice, repeat, cluster), when any. */
  keys?: KeyColumn[]
  /** docs/errors.md: 1 on each error row (the error field set, or a prediction field empty or null); null: none. */
  errors?: Uint8Array | null
}

export class NumericRowBuilder implements RowSink {
  n = 0
  private cap = 1024
  private line = new Uint32Array(this.cap)
  private values: Float64Array[]
  private readonly booleans: boolean[]
  private readonly ids: IdColumn
  private readonly keys: KeyColumns
  private readonly errors: ErrorColumn
  readonly columns: readonly Column[]

  constructor(
    readonly file: string,
    readonly idField: string,
    readonly fields: readonly string[],
    requireId: boolean,
    readonly textCells: boolean,
    /** Booleans are allowed (scores: pass/fail fields) or not (regression: label and prediction are numbers). */
    readonly allowBooleans: boolean,
    keys: readonly KeyField[] = [],
    /**
     * Per field, whether it is a prediction (docs/errors.md): empty or null there makes the row an error, and on an error
     * row its value may be anything (NaN when not a number). Default: none (every value required).
     */
    readonly predictionFields: readonly boolean[] = [],
    readonly errorField = DEFAULT_ERROR_FIELD
  ) {
    this.keys = new KeyColumns(file, keys, this.cap)
    this.errors = new ErrorColumn(this.cap)
    this.columns = [
      { name: idField, required: false },
      ...fields.map((name) => ({ name, required: true })),
      ...this.keys.columns,
      { name: errorField, required: false }
    ]
    this.values = fields.map(() => new Float64Array(this.cap))
    this.booleans = fields.map(() => true)
    this.ids = new IdColumn(file, idField, requireId, textCells, this.cap)
  }

  add(lineNo: number, cells: readonly Cell[]): void {
    const i = this.n
    if (i === this.cap) this.grow()
    this.line[i] = lineNo
    let failed = isErrorCell(cells[this.fields.length + 1 + this.keys.size], this.file, lineNo, this.errorField)
    for (let k = 0; k < this.predictionFields.length && !failed; k++) failed = this.predictionFields[k] && isEmptyPrediction(cells[k + 1], this.textCells)
    if (failed) this.errors.mark(i)
    for (let k = 0; k < this.fields.length; k++) {
      this.values[k][i] = failed && this.predictionFields[k] ? this.lenient(cells[k + 1], k) : this.number(cells[k + 1], lineNo, k)
    }
    this.ids.add(cells[0], lineNo, i, this.line[0])
    if (this.keys.size > 0) this.keys.add(cells, this.fields.length + 1, lineNo, i)
    this.n = i + 1
  }

  finish(): NumericFile {
    if (this.n === 0) throw new InputError(this.file, null, null, 'is empty: no prediction rows')
    const n = this.n
    return {
      name: this.file,
      idField: this.idField,
      n,
      ids: this.ids.finish(n),
      line: this.line.slice(0, n),
      values: this.values.map((v) => v.slice(0, n)),
      booleans: [...this.booleans],
      ...(this.keys.size > 0 ? { keys: this.keys.finish(n) } : {}),
      errors: this.errors.finish(n)
    }
  }

  /** A prediction field's value on an error row: its number when it has one, else NaN (never an error). */
  private lenient(value: Cell, k: number): number {
    if (typeof value === 'boolean' && this.allowBooleans) return value ? 1 : 0
    if (typeof value === 'number' && Number.isFinite(value)) {
      this.booleans[k] = false
      return value
    }
    if (this.textCells && typeof value === 'string' && value.trim() !== '') {
      const text = value.trim()
      if (this.allowBooleans && (text === 'true' || text === 'false')) return text === 'true' ? 1 : 0
      const x = parseDecimal(value)
      if (Number.isFinite(x)) this.booleans[k] = false
      return Number.isFinite(x) ? x : NaN
    }
    return NaN
  }

  private number(value: Cell, lineNo: number, k: number): number {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new InputError(this.file, lineNo, this.fields[k], `must be a finite number, got ${value}`)
      this.booleans[k] = false
      return value
    }
    if (this.allowBooleans && typeof value === 'boolean') return value ? 1 : 0
    if (this.textCells && typeof value === 'string') {
      const text = value.trim()
      if (this.allowBooleans && (text === 'true' || text === 'false')) return text === 'true' ? 1 : 0
      const x = parseDecimal(value)
      if (Number.isFinite(x)) {
        this.booleans[k] = false
        return x
      }
    }
    if (value === undefined || (this.textCells && value === '')) throw new InputError(this.file, lineNo, this.fields[k], value === undefined ? 'is missing' : 'is empty')
    throw new InputError(this.file, lineNo, this.fields[k], `must be a number${this.allowBooleans ? ' or true/false' : ''}, got ${describe(value)}`)
  }

  private grow(): void {
    this.cap *= 2
    const line = new Uint32Array(this.cap)
    line.set(this.line)
    this.line = line
    this.values = this.values.map((v) => {
      const b = new Float64Array(this.cap)
      b.set(v)
      return b
    })
    this.ids.grow(this.cap)
    this.keys.grow(this.cap)
    this.errors.grow(this.cap)
  }
}
