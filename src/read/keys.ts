/**
 * Key fields of a row (docs/repeats-and-clusters.md, docs/slices.md): the slice fields, the repeat field and the cluster field. Each is read as
 * text (a JSON string, number or boolean; CSV text as written), interned per file to small codes, so a million
 * rows with 50 slice values cost one Uint32Array per field. Every row must have every key field: a missing,
 * null or empty value names file, line and field (a slice field missing on some rows is bad input, not a slice
 * of its own).
 */
import { InputError } from '../common/errors.js'
import { labelText } from './labels.js'
import { describe } from './describe.js'
import type { Cell, Column } from './sink.js'

/** One key field of a file: its distinct values in first-seen order and each row's code. */
export interface KeyColumn {
  field: string
  values: string[]
  codes: Uint32Array
}

/** What a key field is for, in messages (`is missing (the slice field)`). */
export interface KeyField {
  name: string
  role: string
}

/** The key fields a row builder reads after its own columns. Columns grow by doubling with the builder's. */
export class KeyColumns {
  readonly columns: readonly Column[]
  private codes: Uint32Array[]
  private readonly dictionaries: Map<string, number>[]
  private readonly values: string[][]

  constructor(
    readonly file: string,
    readonly fields: readonly KeyField[],
    cap: number
  ) {
    this.columns = fields.map((f) => ({ name: f.name, required: true }))
    this.codes = fields.map(() => new Uint32Array(fields.length ? cap : 0))
    this.dictionaries = fields.map(() => new Map())
    this.values = fields.map(() => [])
  }

  get size(): number {
    return this.fields.length
  }

  /** Row `i`'s key cells: `cells[offset + k]` is the value of field k. */
  add(cells: readonly Cell[], offset: number, lineNo: number, i: number): void {
    for (let k = 0; k < this.fields.length; k++) {
      const value = cells[offset + k]
      const field = this.fields[k]
      let text: string | null = null
      if (typeof value === 'string') text = value.trim() === '' ? null : value
      else if (typeof value === 'number' || typeof value === 'boolean') text = labelText(value)
      else if (value !== undefined && value !== null) {
        throw new InputError(this.file, lineNo, field.name, `must be a string, number or boolean (${field.role}), got ${describe(value)}`)
      }
      if (text === null) throw new InputError(this.file, lineNo, field.name, `is missing (${field.role}): every row needs it`)
      const dictionary = this.dictionaries[k]
      let code = dictionary.get(text)
      if (code === undefined) {
        code = this.values[k].length
        dictionary.set(text, code)
        this.values[k].push(text)
      }
      this.codes[k][i] = code
    }
  }

  /** The code of field k on row i (after {@link add}). */
  codeAt(k: number, i: number): number {
    return this.codes[k][i]
  }

  /** The value (text) of field k on row i (after {@link add}). */
  valueAt(k: number, i: number): string {
    return this.values[k][this.codes[k][i]]
  }

  grow(cap: number): void {
    this.codes = this.codes.map((a) => {
      const b = new Uint32Array(cap)
      b.set(a)
      return b
    })
  }

  finish(n: number): KeyColumn[] {
    return this.fields.map((f, k) => ({ field: f.name, values: this.values[k], codes: this.codes[k].slice(0, n) }))
  }
}

/** The key fields the options name, in order: slices, then repeat, then cluster (no field twice). */
export function keyFields(options: { sliceFields?: readonly string[]; repeatField?: string; clusterField?: string }): KeyField[] {
  const out: KeyField[] = []
  const add = (name: string | undefined, role: string): void => {
    if (name !== undefined && !out.some((f) => f.name === name)) out.push({ name, role })
  }
  for (const f of options.sliceFields ?? []) add(f, 'the slice field')
  add(options.repeatField, 'the repeat field')
  add(options.clusterField, 'the cluster field')
  return out
}

/** The key column of `field` in a file's keys, or undefined. */
export function keyColumn(keys: readonly KeyColumn[] | undefined, field: string): KeyColumn | undefined {
  return keys?.find((k) => k.field === field)
}
