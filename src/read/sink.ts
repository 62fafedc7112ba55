/**
 * What a format reader hands its rows to: a task's row builder. The builder names the fields it reads
 * (`columns`); the format finds them (a JSON object's keys, a CSV header) and passes their values in that order.
 * Classification reads id, label, prediction and the scores; the scores task its named fields; generation the
 * reference and generated texts. The formats know nothing else of tasks.
 */

/** How a format hands one value over: a JSON value, or CSV text as written (undefined when the field is absent). */
export type Cell = unknown

export interface Column {
  name: string
  /** CSV/TSV: a required column missing from the header stops the read at line 1. */
  required: boolean
  /**
   * The sink takes a {@link NumberVector} for a flat object of numbers in this column (a `scores` object): the
   * JSONL byte reader may hand one instead of the object, reused from row to row (so read it at once).
   */
  vector?: boolean
}

/**
 * A flat JSON object of numbers as keys and values: the object JSON.parse would build (keys in that order, no
 * key twice), without building it. `keys` is the same array for every row whose object has the same keys in the
 * same order, so a sink can compare it by identity; `values` is overwritten by the next row.
 */
export class NumberVector {
  constructor(
    readonly keys: readonly string[],
    readonly values: Float64Array
  ) {}

  /** The object JSON.parse would have built. */
  toObject(): Record<string, number> {
    const object: Record<string, number> = {}
    for (let j = 0; j < this.keys.length; j++) object[this.keys[j]] = this.values[j]
    return object
  }
}

export interface RowSink {
  /** The file's display name, for messages. */
  readonly file: string
  readonly columns: readonly Column[]
  /**
   * One row. `cells[k]` is the value of `columns[k]`; the array is reused for the next row, so a sink keeps
   * values, never the array.
   */
  add(lineNo: number, cells: readonly Cell[]): void
  /**
   * Optional: told of a column (a CSV/TSV header cell, a Parquet column, a JSON key) that is none of `columns`,
   * before the first row that has it is added (CSV, TSV and Parquet: before any row). The cells reader keys its
   * repeat check on it (src/read/cellsFile.ts); prediction builders leave it out, and then the formats never look.
   */
  otherColumn?(name: string): void
}

/** The cells of a JSON object row for `columns`, into a reused array. Cost O(columns). */
export function objectCells(row: Record<string, unknown>, columns: readonly Column[], into: Cell[]): Cell[] {
  for (let k = 0; k < columns.length; k++) into[k] = row[columns[k].name]
  return into
}

/** Tells `rows.otherColumn` (when it has one) of the keys of a JSON object row that are none of its columns. Cost O(keys · columns). */
export function otherKeys(row: Record<string, unknown>, rows: RowSink): void {
  if (!rows.otherColumn) return
  for (const key of Object.keys(row)) {
    if (!rows.columns.some((c) => c.name === key)) rows.otherColumn(key)
  }
}
