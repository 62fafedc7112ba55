/**
 * Builds the columns of a PredictionFile row by row, checking each value (docs/inputs.md): labels and ids normalised to
 * text, scores numbers in [0, 1] on all rows or none. Typed arrays grow by doubling.
 */
import { InputError, quote } from '../common/errors.js'
import { labelText } from './labels.js'
import type { FieldNames, LabelDictionary, PredictionFile } from './predictionFile.js'
import { parseDecimal } from './number.js'

import { describe } from './describe.js'
import { IdColumn } from './ids.js'
import { KeyColumns, type KeyField } from './keys.js'
import { DEFAULT_ERROR_FIELD, ErrorColumn, isEmptyPrediction, isErrorCell } from './errorColumn.js'
import { NumberVector, type Cell, type Column, type RowSink } from './sink.js'

/** Labels in one `scores` object, and probabilities in all (rows × labels: 800 MB as doubles). */
export const MAX_SCORE_LABELS = 10_000
export const MAX_SCORE_VALUES = 100_000_000

/** The prediction code of an error row (docs/errors.md) until the task decides what it counts as: no dictionary code. */
export const ERROR_CODE = 0xffffffff

export class RowBuilder implements RowSink {
  n = 0
  private cap = 1024
  private line: Uint32Array = new Uint32Array(this.cap)
  private truth: Uint32Array = new Uint32Array(this.cap)
  private pred: Uint32Array = new Uint32Array(this.cap)
  private score: Float64Array | null = null
  private readonly ids: IdColumn
  /** Whether rows carry a binary score, a multiclass scores object, or nothing; fixed by the first row. */
  private scoreKind: 'none' | 'score' | 'scores' | null = null
  /** The keys of a NumberVector equal to the score labels (same order): its rows' numbers go straight in. */
  private vectorLabels: readonly string[] | null = null
  private scoreLabels: string[] = []
  private scoreValues: Float64Array | null = null
  private readonly numberCodes = new Map<number, number>()
  /** Codes of the labels 0 … 255 written as JSON numbers (−1: not seen yet): no map look-up for the common case. */
  private readonly smallIntCodes = new Int32Array(256).fill(-1)
  private trueCode = -1
  private falseCode = -1

  constructor(
    readonly file: string,
    readonly fields: FieldNames,
    readonly dictionary: LabelDictionary,
    readonly requireId: boolean,
    /** CSV/TSV: cells are text as written, scores are parsed from text. */
    readonly textCells: boolean,
    /** Key fields read after the row's own (slice, repeat, cluster: src/read/keys.ts). */
    keys: readonly KeyField[] = []
  ) {
    this.ids = new IdColumn(file, fields.id, requireId, textCells, this.cap)
    this.keys = new KeyColumns(file, keys, this.cap)
    this.errors = new ErrorColumn(this.cap)
  }

  private readonly keys: KeyColumns
  private readonly errors: ErrorColumn
  /** The field that marks an error row (docs/errors.md). */
  readonly errorField = DEFAULT_ERROR_FIELD

  /** id, label, prediction, score (binary, or a scores object in that field) and `scores`. */
  get columns(): readonly Column[] {
    return (this.columnList ??= [
      { name: this.fields.id, required: false },
      { name: this.fields.label, required: true },
      { name: this.fields.prediction, required: true },
      { name: this.fields.score, required: false, vector: true },
      { name: 'scores', required: false, vector: true },
      ...this.keys.columns,
      { name: this.errorField, required: false }
    ])
  }

  private columnList: Column[] | null = null

  /** Adds a row: `cells` in the order of `columns`. */
  add(lineNo: number, cells: readonly Cell[]): void {
    const [id, label, prediction, score, scores] = cells
    const i = this.n
    if (i === this.cap) this.grow()
    this.line[i] = lineNo
    this.truth[i] = this.code(label, lineNo, this.fields.label)
    // An error row (docs/errors.md): its error field is set, or its prediction is empty or null; then the prediction may
    // be missing and the scores too.
    const failed = isErrorCell(cells[5 + this.keys.size], this.file, lineNo, this.errorField)
    if (failed || isEmptyPrediction(prediction, this.textCells)) {
      this.errors.mark(i)
      this.pred[i] = ERROR_CODE
    } else this.pred[i] = this.code(prediction, lineNo, this.fields.prediction)
    this.ids.add(id, lineNo, i, this.line[0])
    if (this.pred[i] !== ERROR_CODE || !absent(score, scores)) this.addScore(score, scores, lineNo, i)
    if (this.keys.size > 0) this.keys.add(cells, 5, lineNo, i)
    this.n = i + 1
  }

  /** The finished file; an InputError when it has no rows. */
  finish(): PredictionFile {
    if (this.n === 0) throw new InputError(this.file, null, null, 'is empty: no prediction rows')
    const n = this.n
    const ids = this.ids.finish(n)
    return {
      name: this.file,
      idField: this.fields.id,
      n,
      ids,
      line: this.line.slice(0, n),
      truth: this.truth.slice(0, n),
      pred: this.pred.slice(0, n),
      score: this.scoreKind === 'score' && this.score ? this.score.slice(0, n) : null,
      scores:
        this.scoreKind === 'scores' && this.scoreValues
          ? { labels: this.scoreLabels, values: fit(this.scoreValues, n * this.scoreLabels.length) }
          : null,
      ...(this.keys.size > 0 ? { keys: this.keys.finish(n) } : {}),
      errors: this.errors.finish(n)
    }
  }

  private grow(): void {
    if (this.scoreValues && this.cap * 2 * this.scoreLabels.length > MAX_SCORE_VALUES) {
      throw new InputError(
        this.file,
        this.line[this.n - 1],
        'scores',
        `holds more than ${MAX_SCORE_VALUES.toLocaleString('en-US')} probabilities in all (rows × labels): refused; give fewer labels per scores object`
      )
    }
    this.cap *= 2
    const grow32 = (a: Uint32Array): Uint32Array => {
      const b = new Uint32Array(this.cap)
      b.set(a)
      return b
    }
    this.line = grow32(this.line)
    this.truth = grow32(this.truth)
    this.pred = grow32(this.pred)
    if (this.score) {
      const b = new Float64Array(this.cap)
      b.set(this.score)
      this.score = b
    }
    this.ids.grow(this.cap)
    this.keys.grow(this.cap)
    this.errors.grow(this.cap)
    if (this.scoreValues) {
      const b = new Float64Array(this.cap * this.scoreLabels.length)
      b.set(this.scoreValues)
      this.scoreValues = b
    }
  }

  /** The dictionary code of a label value; JSON numbers and booleans are cached so most rows make no string. */
  private code(value: Cell, lineNo: number, field: string): number {
    if (typeof value === 'string') {
      if (value.length === 0 || (this.textCells && value.trim().length === 0)) throw new InputError(this.file, lineNo, field, 'is empty')
      return this.dictionary.code(value)
    }
    if (typeof value === 'number') {
      if ((value & 255) === value) {
        const cached = this.smallIntCodes[value]
        if (cached >= 0) return cached
      }
      let c = this.numberCodes.get(value)
      if (c === undefined) {
        const text = labelText(value)
        if (text === null) throw new InputError(this.file, lineNo, field, `must be a finite number, got ${value}`)
        c = this.dictionary.code(text)
        this.numberCodes.set(value, c)
        if ((value & 255) === value && !Object.is(value, -0)) this.smallIntCodes[value] = c
      }
      return c
    }
    if (typeof value === 'boolean') {
      if (value) return this.trueCode >= 0 ? this.trueCode : (this.trueCode = this.dictionary.code('true'))
      return this.falseCode >= 0 ? this.falseCode : (this.falseCode = this.dictionary.code('false'))
    }
    if (value === undefined) throw new InputError(this.file, lineNo, field, 'is missing')
    throw new InputError(this.file, lineNo, field, `must be a string, number or boolean, got ${describe(value)}`)
  }

  private addScore(score: Cell, scores: Cell, lineNo: number, i: number): void {
    if (this.scoreKind === 'none' && score === undefined && scores === undefined) return
    if (this.scoreKind === 'score' && typeof score === 'number' && score >= 0 && score <= 1) {
      ;(this.score as Float64Array)[i] = score
      return
    }
    const field = this.fields.score
    const scoresField = score !== undefined && score !== '' && isObjectCell(score, this.textCells) ? field : 'scores'
    const objectValue = scoresField === field ? score : scores
    const kind: 'none' | 'score' | 'scores' =
      objectValue !== undefined && objectValue !== '' && isObjectCell(objectValue, this.textCells) ? 'scores' : score === undefined || score === '' ? 'none' : 'score'
    if (this.scoreKind === null) {
      this.scoreKind = kind
      if (kind === 'score') this.score = new Float64Array(this.cap)
    } else if (kind !== this.scoreKind) {
      const first = this.line[0]
      if (this.scoreKind === 'none') throw new InputError(this.file, lineNo, kind === 'score' ? field : scoresField, `is present, but the earlier rows (from line ${first}) have no scores: give scores on all rows or none`)
      const expected = this.scoreKind === 'score' ? field : scoresField
      throw new InputError(this.file, lineNo, expected, `is missing, but the earlier rows (from line ${first}) have it: give scores on all rows or none`)
    }
    if (kind === 'score') (this.score as Float64Array)[i] = this.probability(score, lineNo, field)
    else if (kind === 'scores') this.addScores(objectValue, lineNo, i, scoresField)
  }

  private addScores(value: Cell, lineNo: number, i: number, field: string): void {
    if (value instanceof NumberVector) {
      // The keys of the first row's scores, in their order (checked once, below): the numbers go straight in.
      if (value.keys === this.vectorLabels) {
        const labels = this.scoreLabels as string[]
        const values = this.scoreValues as Float64Array
        const from = i * labels.length
        const x = value.values
        for (let j = 0; j < labels.length; j++) {
          const v = x[j]
          values[from + j] = v >= 0 && v <= 1 ? v : this.probability(v, lineNo, `${field}.${labels[j]}`)
        }
        return
      }
      this.addScores(value.toObject(), lineNo, i, field)
      const labels = this.scoreLabels as string[] | null
      if (labels && labels.length === value.keys.length && labels.every((l, j) => l === value.keys[j])) this.vectorLabels = value.keys
      return
    }
    let object: Record<string, unknown>
    if (typeof value === 'string') {
      try {
        object = JSON.parse(value) as Record<string, unknown>
      } catch {
        throw new InputError(this.file, lineNo, field, 'is not a valid JSON object of label → probability')
      }
    } else object = value as Record<string, unknown>
    const keys = Object.keys(object)
    if (this.scoreValues === null) {
      if (keys.length === 0) throw new InputError(this.file, lineNo, field, 'is an empty object: give a probability per label')
      if (keys.length > MAX_SCORE_LABELS) {
        throw new InputError(this.file, lineNo, field, `has ${keys.length.toLocaleString('en-US')} labels; at most ${MAX_SCORE_LABELS.toLocaleString('en-US')} are supported in a scores object`)
      }
      this.scoreLabels = keys
      this.scoreValues = new Float64Array(this.cap * keys.length)
    }
    const labels = this.scoreLabels
    const values = this.scoreValues as Float64Array
    if (keys.length !== labels.length) {
      const extra = keys.find((k) => !labels.includes(k))
      if (extra !== undefined) throw new InputError(this.file, lineNo, field, `has the label ${quote(extra)}, which the first row's scores do not have`)
    }
    for (let j = 0; j < labels.length; j++) {
      const v = object[labels[j]]
      if (v === undefined) throw new InputError(this.file, lineNo, field, `has no probability for the label ${quote(labels[j])}`)
      // A number in [0, 1] as it is; anything else through probability() (its message names the label).
      values[i * labels.length + j] = typeof v === 'number' && v >= 0 && v <= 1 ? v : this.probability(v, lineNo, `${field}.${labels[j]}`)
    }
  }

  private probability(value: Cell, lineNo: number, field: string): number {
    let x: number
    if (typeof value === 'number') x = value
    else if (this.textCells && typeof value === 'string') x = parseDecimal(value)
    else throw new InputError(this.file, lineNo, field, `must be a number in [0, 1], got ${describe(value)}`)
    if (!(x >= 0 && x <= 1)) throw new InputError(this.file, lineNo, field, `must be a number in [0, 1], got ${describe(value)}`)
    return x
  }
}

/** No score and no scores object on the row (an error row may lack them). */
const absent = (score: Cell, scores: Cell): boolean => (score === undefined || score === null || score === '') && (scores === undefined || scores === null || scores === '')
/**
 * The first `length` values of a grown column: a view when at most a quarter of it is unused (no copy of what can
 * be rows × labels doubles, 160 MB for a million rows of 20 labels), else a copy.
 */
function fit(values: Float64Array, length: number): Float64Array {
  return (values.length - length) * 4 <= length ? values.subarray(0, length) : values.slice(0, length)
}

function isObjectCell(value: Cell, textCells: boolean): boolean {
  if (textCells) return typeof value === 'string' && value.trimStart().startsWith('{')
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}


