/**
 * Pre-aggregated cell counts (SPEC §15, `--format cells`): each row is a true label, the baseline's prediction,
 * the candidate's prediction and how many examples have them, as a `GROUP BY` over the two predictions tables
 * joined on id gives them. Read from any format (CSV, TSV, JSON Lines, a JSON array, Parquet) through the same
 * RowSink as prediction rows, so every format error is the same.
 *
 * Columns: the label field (`--label-field`, default `label`), `baseline`, `candidate`, `count`. Labels are read
 * as prediction files read them (SPEC §1: a string as it is, a number in its shortest form, a boolean as
 * `true`/`false`, a CSV cell as written), so a cells file and the row files give the same label set. A count is
 * a whole number from 0 to 2⁵³ − 1 (a JSON or Parquet integer, or its decimal digits as text: BigQuery writes
 * INT64 as text in JSON), and the counts add up to at most 2⁵³ − 1, so every sum of them is exact in a double.
 * A row with count 0 stands for no example: its labels are checked, never counted (a label only there is not
 * "seen"). A (label, baseline, candidate) triple given twice is refused, both lines named: a GROUP BY gives each
 * once, so a repeat is a mistake (two shards concatenated, a label written two ways that read the same).
 */
import { InputError, quote } from '../errors.js'
import { labelText } from '../labels.js'
import type { LabelDictionary } from '../types.js'
import { describe } from './describe.js'
import type { Cell, Column, RowSink } from './sink.js'

/** The fixed column names of a cells file besides the label field. */
export const CELL_COLUMNS = { baseline: 'baseline', candidate: 'candidate', count: 'count' } as const

/** The cells of a file, as dictionary codes, in file order (count > 0 only). */
export interface CellRows {
  name: string
  /** Number of cells (rows with a count above 0). */
  size: number
  truth: Uint32Array
  baseline: Uint32Array
  candidate: Uint32Array
  count: Float64Array
  /** The sum of the counts: the number of examples the file stands for. */
  total: number
}

export class CellsBuilder implements RowSink {
  readonly columns: readonly Column[]
  private size = 0
  private cap = 256
  private truth: Uint32Array = new Uint32Array(this.cap)
  private baseline: Uint32Array = new Uint32Array(this.cap)
  private candidate: Uint32Array = new Uint32Array(this.cap)
  private count: Float64Array = new Float64Array(this.cap)
  private lines: Uint32Array = new Uint32Array(this.cap)
  private total = 0
  /** Cell (t, b, c) → its row, for repeats. */
  private readonly seen = new Map<string, number>()

  constructor(
    readonly file: string,
    readonly labelField: string,
    readonly dictionary: LabelDictionary,
    /** CSV/TSV: cells are text as written. */
    readonly textCells: boolean
  ) {
    this.columns = [
      { name: labelField, required: true },
      { name: CELL_COLUMNS.baseline, required: true },
      { name: CELL_COLUMNS.candidate, required: true },
      { name: CELL_COLUMNS.count, required: true }
    ]
  }

  add(lineNo: number, cells: readonly Cell[]): void {
    const count = this.countOf(cells[3], lineNo)
    const label = this.labelOf(cells[0], lineNo, this.labelField)
    const base = this.labelOf(cells[1], lineNo, CELL_COLUMNS.baseline)
    const cand = this.labelOf(cells[2], lineNo, CELL_COLUMNS.candidate)
    if (count === 0) return
    const t = this.dictionary.code(label)
    const b = this.dictionary.code(base)
    const c = this.dictionary.code(cand)
    const key = `${t},${b},${c}`
    const earlier = this.seen.get(key)
    if (earlier !== undefined) {
      throw new InputError(
        this.file,
        lineNo,
        null,
        `repeats the cell (${this.labelField} ${quote(label)}, baseline ${quote(base)}, candidate ${quote(cand)}) of line ${this.lines[earlier]}: ` +
          'a GROUP BY gives each cell once; add the counts up in one row (cells grouped by slice columns too are not read yet)'
      )
    }
    if (this.total + count > Number.MAX_SAFE_INTEGER) {
      throw new InputError(this.file, lineNo, CELL_COLUMNS.count, `brings the total past 2^53 − 1 (${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}) examples: refused`)
    }
    if (this.size === this.cap) this.grow()
    const i = this.size++
    this.seen.set(key, i)
    this.truth[i] = t
    this.baseline[i] = b
    this.candidate[i] = c
    this.count[i] = count
    this.lines[i] = lineNo
    this.total += count
  }

  /** The cells read; an InputError when no row has a count above 0. */
  finish(): CellRows {
    if (this.size === 0) throw new InputError(this.file, null, null, 'is empty: no cell with a count above 0')
    const n = this.size
    return {
      name: this.file,
      size: n,
      truth: this.truth.slice(0, n),
      baseline: this.baseline.slice(0, n),
      candidate: this.candidate.slice(0, n),
      count: this.count.slice(0, n),
      total: this.total
    }
  }

  private grow(): void {
    this.cap *= 2
    const grow32 = (a: Uint32Array): Uint32Array => {
      const out = new Uint32Array(this.cap)
      out.set(a)
      return out
    }
    this.truth = grow32(this.truth)
    this.baseline = grow32(this.baseline)
    this.candidate = grow32(this.candidate)
    this.lines = grow32(this.lines)
    const count = new Float64Array(this.cap)
    count.set(this.count)
    this.count = count
  }

  /** A label as text, as src/read/rows.ts reads it. */
  private labelOf(value: Cell, lineNo: number, field: string): string {
    if (typeof value === 'string') {
      if (value.length === 0 || (this.textCells && value.trim().length === 0)) throw new InputError(this.file, lineNo, field, 'is empty')
      return value
    }
    if (typeof value === 'number') {
      const text = labelText(value)
      if (text === null) throw new InputError(this.file, lineNo, field, `must be a finite number, got ${value}`)
      return text
    }
    if (typeof value === 'boolean') return value ? 'true' : 'false'
    if (value === undefined) throw new InputError(this.file, lineNo, field, 'is missing')
    throw new InputError(this.file, lineNo, field, `must be a string, number or boolean, got ${describe(value)}`)
  }

  /** A count: a whole number from 0 to 2⁵³ − 1, as a number or as decimal digits. */
  private countOf(value: Cell, lineNo: number): number {
    const field = CELL_COLUMNS.count
    let x = NaN
    if (typeof value === 'number') x = value
    else if (typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value)) x = Number(value)
    else if (value === undefined || (typeof value === 'string' && value.trim() === '')) throw new InputError(this.file, lineNo, field, value === undefined ? 'is missing' : 'is empty')
    if (!Number.isSafeInteger(x) || x < 0) {
      throw new InputError(this.file, lineNo, field, `must be a whole number of examples from 0 to 2^53 − 1, got ${describe(value)}`)
    }
    return x
  }
}
