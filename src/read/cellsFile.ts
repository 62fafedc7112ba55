/**
 * Pre-aggregated cell counts (docs/scale.md, `--format cells`): each row is a true label, the baseline's prediction,
 * the candidate's prediction and how many examples have them, as a `GROUP BY` over the two predictions tables
 * joined on id gives them. Read from any format (CSV, TSV, JSON Lines, a JSON array, Parquet) through the same
 * RowSink as prediction rows, so every format error is the same.
 *
 * Columns: the label field (`--label-field`, default `label`), `baseline`, `candidate`, `count`, and one column per
 * slice field (`--slice-field`, docs/slices.md: the file grouped by it too). Labels are read as prediction files read
 * them (docs/inputs.md: a string as it is, a number in its shortest form, a boolean as `true`/`false`, a CSV cell as
 * written), and slice values as src/read/keys.ts reads them on prediction rows (a missing, null or empty value
 * names file, line and field), so a cells file and the row files give the same labels and slice values. A count
 * is a whole number from 0 to 2⁵³ − 1 (a JSON or Parquet integer, or its decimal digits as text: BigQuery writes
 * INT64 as text in JSON), and the counts add up to at most 2⁵³ − 1, so every sum of them is exact in a double.
 * A row with count 0 stands for no example: its labels and slice values are checked, never counted (a label or
 * slice value only there is not "seen").
 *
 * Repeats: the key of a row is (label, baseline, candidate, slice values…). When the file has no other column, a
 * key given twice is refused, both lines named: a GROUP BY gives each key once, so a repeat is a mistake (two
 * shards concatenated, a label written two ways that read the same). When the file has another column (a CSV or
 * TSV header cell, a Parquet column, a key of any JSON row) the rows are taken to be grouped by it too (`GROUP BY
 * label, baseline, candidate, lang` read without `--slice-field lang`), and rows with the same key are added up.
 */
import { InputError, quote } from '../common/errors.js'
import { labelText } from './labels.js'
import type { LabelDictionary } from './predictionFile.js'
import { describe } from './describe.js'
import { KeyColumns, type KeyColumn, type KeyField } from './keys.js'
import type { Cell, Column, RowSink } from './sink.js'

/** The fixed column names of a cells file besides the label field. */
export const CELL_COLUMNS = { baseline: 'baseline', candidate: 'candidate', count: 'count' } as const

/** The cells of a file, as dictionary codes, in file order (count > 0 only; rows with the same key added up). */
export interface CellRows {
  name: string
  /** Number of cells (distinct keys with a count above 0). */
  size: number
  truth: Uint32Array
  baseline: Uint32Array
  candidate: Uint32Array
  count: Float64Array
  /** The sum of the counts: the number of examples the file stands for. */
  total: number
  /** The slice columns, one code per cell (src/read/keys.ts). */
  keys: KeyColumn[]
}

/** The first repeated key, refused by `finish` unless the file has another column. */
interface Repeat {
  line: number
  message: string
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
  /** Cell key (t, b, c, slice codes…) → its row, for repeats. */
  private readonly seen = new Map<string, number>()
  /** The slice columns, read after the four (src/read/keys.ts). */
  private readonly keys: KeyColumns
  /** A column besides the four and the slice columns: rows with the same key are then added up. */
  private other: string | null = null
  private repeat: Repeat | null = null

  constructor(
    readonly file: string,
    readonly labelField: string,
    readonly dictionary: LabelDictionary,
    /** CSV/TSV: cells are text as written. */
    readonly textCells: boolean,
    /** The slice fields (`keyFields({ sliceFields })`), one column each. */
    keyFields: readonly KeyField[] = []
  ) {
    this.keys = new KeyColumns(file, keyFields, this.cap)
    this.columns = [
      { name: labelField, required: true },
      { name: CELL_COLUMNS.baseline, required: true },
      { name: CELL_COLUMNS.candidate, required: true },
      { name: CELL_COLUMNS.count, required: true },
      ...this.keys.columns
    ]
  }

  otherColumn(name: string): void {
    this.other ??= name
  }

  add(lineNo: number, cells: readonly Cell[]): void {
    const count = this.countOf(cells[3], lineNo)
    const label = this.labelOf(cells[0], lineNo, this.labelField)
    const base = this.labelOf(cells[1], lineNo, CELL_COLUMNS.baseline)
    const cand = this.labelOf(cells[2], lineNo, CELL_COLUMNS.candidate)
    if (this.size === this.cap) this.grow()
    // Read into the next free row; it is kept only for a new key with a count above 0.
    const i = this.size
    this.keys.add(cells, 4, lineNo, i)
    if (count === 0) return
    if (this.total + count > Number.MAX_SAFE_INTEGER) {
      throw new InputError(this.file, lineNo, CELL_COLUMNS.count, `brings the total past 2^53 − 1 (${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}) examples: refused`)
    }
    const t = this.dictionary.code(label)
    const b = this.dictionary.code(base)
    const c = this.dictionary.code(cand)
    let key = `${t},${b},${c}`
    for (let k = 0; k < this.keys.size; k++) key += `,${this.keys.codeAt(k, i)}`
    this.total += count
    const earlier = this.seen.get(key)
    if (earlier !== undefined) {
      this.repeat ??= { line: lineNo, message: this.repeatMessage(label, base, cand, i, this.lines[earlier]) }
      this.count[earlier] += count
      return
    }
    this.size++
    this.seen.set(key, i)
    this.truth[i] = t
    this.baseline[i] = b
    this.candidate[i] = c
    this.count[i] = count
    this.lines[i] = lineNo
  }

  /**
   * The cells read; an InputError when no row has a count above 0, or when a key is repeated and the file has no
   * other column (see the module's comment).
   */
  finish(): CellRows {
    if (this.repeat && this.other === null) throw new InputError(this.file, this.repeat.line, null, this.repeat.message)
    if (this.size === 0) throw new InputError(this.file, null, null, 'is empty: no cell with a count above 0')
    const n = this.size
    return {
      name: this.file,
      size: n,
      truth: this.truth.slice(0, n),
      baseline: this.baseline.slice(0, n),
      candidate: this.candidate.slice(0, n),
      count: this.count.slice(0, n),
      total: this.total,
      keys: this.keys.finish(n)
    }
  }

  /** `repeats the cell (label "a", baseline "a", candidate "b", lang "en") of line 2: …` (row i's slice values). */
  private repeatMessage(label: string, base: string, cand: string, i: number, earlier: number): string {
    const slices = this.keys.fields.map((f, k) => `, ${f.name} ${quote(this.keys.valueAt(k, i))}`).join('')
    return (
      `repeats the cell (${this.labelField} ${quote(label)}, baseline ${quote(base)}, candidate ${quote(cand)}${slices}) of line ${earlier}: ` +
      'a GROUP BY gives each cell once; add the counts up in one row (a file with a column besides ' +
      `${[this.labelField, 'baseline', 'candidate', 'count', ...this.keys.fields.map((f) => f.name)].map((c) => quote(c)).join(', ')} ` +
      'is read as grouped by it too, and then such rows are added up)'
    )
  }

  private grow(): void {
    this.cap *= 2
    this.keys.grow(this.cap)
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
