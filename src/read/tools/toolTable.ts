/**
 * What every tool reader makes of a tool's output (docs/tools.md): one row per example (per repeat), an id, one
 * numeric column per metric, the key of repeats, the error rows, and for lm-eval the hashes that say whether two
 * runs saw the same test set. src/read/tools/toolFormats.ts hands these rows to the scores task's row builder, so the
 * task, its error rule and its repeats work on them as on any prediction file; an lm-eval `[gold, pred]` pair
 * metric's labels go to the classification task's row builder instead.
 *
 * A metric value is a number (a JSON number, `Infinity`; a boolean is 1/0), or missing (null, absent, `NaN`):
 * a missing value makes its row an error row (docs/tools.md). A list (lm-eval) is read by src/read/tools/listValues.ts.
 * Anything else (a string, an object) is remembered as the column's first bad value and becomes an error only if
 * the metric is compared.
 */
import type { Direction } from '../../stats/direction.js'
import { ListColumn, type ListRead } from './listValues.js'
import { NAN } from './pythonJson.js'

export type ToolFormat = 'lm-eval' | 'inspect' | 'promptfoo' | 'eee' | 'deepeval'

export const TOOL_FORMATS: readonly ToolFormat[] = ['lm-eval', 'inspect', 'promptfoo', 'eee', 'deepeval']

/** Where a row came from, for messages: a file (or `file: zip member`, `file: testCases[3]`) and its line when it has lines. */
export interface Place {
  file: string
  line: number | null
}

export interface MetricColumn {
  name: string
  /** Per row; NaN where the value is missing. */
  values: Float64Array
  /** Every value given was a boolean (a pass/fail field). */
  booleans: boolean
  /** Rows with a value (a number or a boolean). */
  present: number
  /** Rows whose value was ±Infinity: read as missing (an average cannot hold it), counted for a warning. */
  infinite: number
  /** lm-eval: the metric's list values (`[gold, pred]` pairs, the input of a metric aggregated over the whole set), or null when it has none. */
  lists: ListColumn | null
  /** lm-eval: how the run aggregates the metric over the test set (its results file), when known. */
  aggregation: Aggregation | null
  /** The first value that is not a number: the error if this metric is compared. */
  bad: { row: number; field: string; reason: string } | null
  /** Which way is better, when the tool says (lm-eval `higher_is_better`) or the name does (latency, cost, tokens, times). */
  direction: Direction
  /** Telemetry beside the scores (times, tokens, latency, cost): left out by default when rows lack it. */
  optional: boolean
  /** Rows that are not error rows and have no value at all for it (the field absent). */
  absent: number
}

export interface ToolTable {
  format: ToolFormat
  /** The file as named in messages. */
  name: string
  /** The id's name in messages (`doc_id`, `id`, `sample_id`, `name`, `testCase.description`). */
  idField: string
  n: number
  ids: (string | number)[]
  place(row: number): Place
  metrics: MetricColumn[]
  /** Key fields the tool gives (Inspect `epoch`, promptfoo `repeat`), each a value per row. */
  keys: Map<string, (string | number)[]>
  /** The key whose rows repeat an id (several epochs, repeated tests), when the file has repeats. */
  repeatKey: string | null
  /** Per row: the error message of a failed example, or null. */
  errors: (string | null)[]
  /** lm-eval: per row, doc_hash and target_hash (what the example is); null when the file has none. */
  truth: (string | null)[] | null
  /** lm-eval: per row, prompt_hash; null when the file has none. */
  prompts: (string | null)[] | null
  /** Other fields an example can be paired by (`--id-field`): lm-eval `doc_hash`, EEE `sample_hash`, promptfoo `testIdx`. */
  altIds: Map<string, (string | number | null)[]>
  /** What a reader of the report should know about this file (left-out metrics, positional ids, …). */
  notes: string[]
  /** Other names of metrics (EEE `evaluation.score` for `score`), for score-metrics. */
  aliases?: Map<string, string>
}

/**
 * How lm-eval aggregates a metric (`configs[task].metric_list[].aggregation` of its results file): a built-in
 * aggregation by name (`f1`, `matthews_corrcoef`, `mean`, `bleu`), or the task's own Python function (its name).
 */
export interface Aggregation {
  name: string
  custom: boolean
}

/** Names of lower-is-better metrics when the tool does not say: latency, cost, tokens, times, losses, perplexities. */
const LOWER = /latency|cost|tokens|(^|[_.\s-])times?($|[_.\s-])|_time$|duration|perplexity|bits_per_byte|(^|_)loss($|_)|^(mae|mse|rmse|ter|wer|cer)($|[_.,])|hallucination|toxicity|^bias$/i

/** The direction a metric's name suggests: lower for latency, cost, tokens, times and the usual error measures. */
export function directionOfName(name: string): Direction {
  return LOWER.test(name) ? 'lower' : 'higher'
}

/**
 * A tool's name for a metric as a name gate rules can hold (letters, digits, `_`, `.`, `-`, not starting with a
 * digit, `.` or `-`): others' characters become `_`.
 * @example safeName('Answer Relevancy') // 'Answer_Relevancy'
 */
export function safeName(name: string): string {
  const fixed = name.replace(/[^A-Za-z0-9_.-]+/g, '_')
  return /^[A-Za-z_]/.test(fixed) ? fixed : `_${fixed}`
}

/** A metric value as read: a number (NaN: missing), or why it is not one. */
export type Read = { kind: 'number'; value: number; boolean: boolean } | { kind: 'missing' } | { kind: 'infinite' } | { kind: 'bad'; reason: string }

/**
 * A JSON value as a metric value: numbers and booleans as they are, null / absent / NaN missing, ±Infinity
 * apart, anything else bad (with a short description for the message).
 */
export function readMetric(value: unknown): Read {
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, boolean: false } : { kind: 'infinite' }
  if (typeof value === 'boolean') return { kind: 'number', value: value ? 1 : 0, boolean: true }
  if (value === null || value === undefined || value === NAN) return { kind: 'missing' }
  return { kind: 'bad', reason: `is not a number: ${describeValue(value)}` }
}

/** `the string "N/A"`, `a list of 3 items`, `an object` — at most ~80 characters of the value. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)}`
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

/** Builds a ToolTable row by row; metric columns are made as names first appear. Typed columns grow by doubling. */
export class TableBuilder {
  n = 0
  private cap = 256
  readonly ids: (string | number)[] = []
  readonly errors: (string | null)[] = []
  private readonly columns = new Map<string, MetricColumn>()
  /** Per column, 1 on each row given a value (null and NaN included): what is absent is counted at the end. */
  private readonly given = new Map<string, Uint8Array>()
  readonly keys = new Map<string, (string | number)[]>()
  readonly altIds = new Map<string, (string | number | null)[]>()
  truth: (string | null)[] | null = null
  prompts: (string | null)[] | null = null
  readonly notes: string[] = []

  constructor(
    readonly format: ToolFormat,
    readonly name: string,
    readonly idField: string
  ) {}

  /** A new row with this id; its index. */
  row(id: string | number): number {
    const i = this.n
    if (i === this.cap) this.grow()
    this.ids.push(id)
    this.errors.push(null)
    this.n = i + 1
    return i
  }

  /** Sets metric `name` of row i from a JSON value (`field`: where it was, for the message of a bad value). */
  set(i: number, name: string, value: unknown, field = name): void {
    const column = this.column(name)
    if (value !== undefined) (this.given.get(name) as Uint8Array)[i] = 1
    const read = readMetric(value)
    switch (read.kind) {
      case 'number':
        column.values[i] = read.value
        column.present++
        if (!read.boolean) column.booleans = false
        return
      case 'missing':
        return
      case 'infinite':
        column.infinite++
        return
      case 'bad':
        if (column.bad === null) column.bad = { row: i, field, reason: read.reason }
    }
  }

  /**
   * Sets metric `name` of row i from an lm-eval list value (src/read/tools/listValues.ts). It is no number: the
   * column's first one is its bad value, the error if the metric is compared as a score.
   */
  setList(i: number, name: string, field: string, read: ListRead): void {
    const column = this.column(name)
    ;(this.given.get(name) as Uint8Array)[i] = 1
    ;(column.lists ??= new ListColumn()).add(i, read)
    if (column.bad === null) column.bad = { row: i, field, reason: read.kind === 'labels' ? PAIR : read.kind === 'sets' ? SETS : read.reason }
  }

  /** Sets metric `name` of row i to a number already mapped (Inspect's C/I/P/N); NaN: missing. */
  setNumber(i: number, name: string, value: number): void {
    if (Number.isNaN(value)) {
      this.column(name)
      ;(this.given.get(name) as Uint8Array)[i] = 1
      return
    }
    this.set(i, name, value)
  }

  /** Marks metric `name` of row i as not a number (`reason`), e.g. an Inspect value no mapping knows. */
  setBad(i: number, name: string, field: string, reason: string): void {
    const column = this.column(name)
    ;(this.given.get(name) as Uint8Array)[i] = 1
    if (column.bad === null) column.bad = { row: i, field, reason }
  }

  /** The column of `name`, made (all missing, better when higher unless the name says) when new. */
  column(name: string): MetricColumn {
    let column = this.columns.get(name)
    if (!column) {
      column = { name, values: new Float64Array(this.cap).fill(NaN), booleans: true, present: 0, infinite: 0, lists: null, aggregation: null, bad: null, direction: directionOfName(name), optional: false, absent: 0 }
      this.columns.set(name, column)
      this.given.set(name, new Uint8Array(this.cap))
    }
    return column
  }

  /** Marks metrics as telemetry (see MetricColumn.optional). */
  optional(...names: string[]): void {
    for (const name of names) {
      const column = this.columns.get(name)
      if (column) column.optional = true
    }
  }

  setKey(i: number, key: string, value: string | number): void {
    let values = this.keys.get(key)
    if (!values) this.keys.set(key, (values = []))
    values[i] = value
  }

  setAltId(i: number, key: string, value: string | number | null): void {
    let values = this.altIds.get(key)
    if (!values) this.altIds.set(key, (values = []))
    values[i] = value
  }

  setError(i: number, message: string): void {
    this.errors[i] = message
  }

  finish(place: (row: number) => Place, repeatKey: string | null = null): ToolTable {
    const n = this.n
    const metrics = [...this.columns.values()].map((c) => {
      const given = this.given.get(c.name) as Uint8Array
      let absent = 0
      for (let i = 0; i < n; i++) if (!given[i] && this.errors[i] === null) absent++
      return { ...c, values: c.values.slice(0, n), absent }
    })
    return {
      format: this.format,
      name: this.name,
      idField: this.idField,
      n,
      ids: this.ids,
      place,
      metrics,
      keys: this.keys,
      repeatKey,
      errors: this.errors,
      truth: this.truth,
      prompts: this.prompts,
      altIds: this.altIds,
      notes: this.notes
    }
  }

  private grow(): void {
    this.cap *= 2
    for (const column of this.columns.values()) {
      const b = new Float64Array(this.cap).fill(NaN)
      b.set(column.values)
      column.values = b
      const g = new Uint8Array(this.cap)
      g.set(this.given.get(column.name) as Uint8Array)
      this.given.set(column.name, g)
    }
  }
}

/** The reason given for a `[gold, pred]` pair of labels when such a metric is compared as a score. */
export const PAIR =
  'is a [gold, pred] pair of labels, the input of a metric lm-eval aggregates over the whole test set (such as F1), so it has no per-example number: ' +
  'compare it as a classification (--task multiclass, or binary: label = gold, prediction = pred), or leave it out of --score-metrics (docs/tools.md, lm-eval)'

/** The reason given for a pair of label sets when such a metric is compared. */
export const SETS =
  'is a multi-label pair of label sets ([gold labels, predicted labels]) that lm-eval aggregates over the whole test set: it has no per-example value, ' +
  'and it is not a classification pair (docs/tools.md, lm-eval)'
