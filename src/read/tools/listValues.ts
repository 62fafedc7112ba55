/**
 * lm-eval's list metric values (docs/tools.md, lm-eval, "[gold, pred] pairs"): a metric lm-eval aggregates over the
 * whole test set (F1, MCC, span F1, BLEU) stores each example's input to that aggregation instead of a number.
 *
 * - A **classification pair** `[gold, pred]`: gold a string, number or boolean; pred one too, or a one-element
 *   list holding one (lm-eval wraps filtered responses: `["DATE: kawuononi", ["date: 796"]]`). Both are label
 *   texts as docs/inputs.md reads labels (a string as it is, a number in its shortest form, `true`/`false`).
 * - A **pair of label sets** `[[gold labels], [predicted labels]]` (multi-label): no per-example value, and not a
 *   classification pair.
 * - Anything else (3 items, a pred list of 2, an object) is neither.
 *
 * A column's list values are of one kind on every row, or the column is of kind `other` (the first row that
 * differs says why).
 */
import { labelText } from '../labels.js'
import { NAN } from './pythonJson.js'

/** What one list value is. */
export type ListRead = { kind: 'labels'; gold: string; pred: string } | { kind: 'sets' } | { kind: 'other'; reason: string }

/** What a list metric's values are, over a column. */
export type ListKind = ListRead['kind']

/**
 * Reads one list metric value.
 * @example readList(['DATE: x', ['date: y']]) // { kind: 'labels', gold: 'DATE: x', pred: 'date: y' }
 * @example readList([1, 0]) // { kind: 'labels', gold: '1', pred: '0' }
 * @example readList([['a', 'b'], ['c']]) // { kind: 'sets' }
 */
export function readList(list: readonly unknown[]): ListRead {
  if (list.length !== 2) return { kind: 'other', reason: `is a list of ${list.length} item${list.length === 1 ? '' : 's'}, not a [gold, pred] pair: ${NEITHER}` }
  const [gold, pred] = list
  if (Array.isArray(gold)) {
    if (Array.isArray(pred) && gold.every(isLabel) && pred.every(isLabel)) return { kind: 'sets' }
    return { kind: 'other', reason: `is a [gold, pred] list whose gold is a list and whose pred is ${Array.isArray(pred) ? 'a list holding something other than labels' : 'not a list'}: ${NEITHER}` }
  }
  const goldText = label(gold)
  if (goldText === null) return { kind: 'other', reason: `is a [gold, pred] list whose gold is ${shape(gold)}: a classification pair's gold is a string, number or boolean` }
  if (Array.isArray(pred) && pred.length !== 1) {
    return { kind: 'other', reason: `is a [gold, pred] list whose pred is a list of ${pred.length} items: a classification pair's pred is one label, or a list of one` }
  }
  const inner: unknown = Array.isArray(pred) ? pred[0] : pred
  const predText = label(inner)
  if (predText === null) return { kind: 'other', reason: `is a [gold, pred] list whose pred is ${shape(inner)}: a classification pair's pred is a string, number or boolean (or a list of one)` }
  return { kind: 'labels', gold: goldText, pred: predText }
}

const NEITHER = 'lm-eval aggregates it over the whole test set, and it is neither a classification pair [gold, pred] nor a pair of label sets'

/** The label text of a string, a finite number or a boolean (docs/inputs.md); null for anything else, NaN included. */
function label(v: unknown): string | null {
  return v === NAN ? null : labelText(v)
}

function isLabel(v: unknown): boolean {
  return label(v) !== null
}

function shape(v: unknown): string {
  if (v === null || v === NAN) return v === null ? 'null' : 'NaN'
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`
  if (typeof v === 'object') return 'an object'
  if (typeof v === 'number') return String(v)
  return typeof v
}

/**
 * The list values of one metric column, by row: their kind, and for classification pairs each row's gold and
 * predicted label text (undefined on a row without a pair).
 */
export class ListColumn {
  kind: ListKind | null = null
  /** Rows with a list value, and the first of them. */
  count = 0
  first = -1
  readonly gold: (string | undefined)[] = []
  readonly pred: (string | undefined)[] = []
  /** The first row not of the column's kind, or the first value of kind `other`: the row and why. */
  bad: { row: number; reason: string } | null = null

  /** Adds row i's list value. */
  add(i: number, read: ListRead): void {
    this.count++
    if (this.first < 0) this.first = i
    if (this.kind === null) this.kind = read.kind
    else if (this.kind !== read.kind && this.kind !== 'other') {
      const was = this.kind
      this.kind = 'other'
      this.bad ??= { row: i, reason: read.kind === 'other' ? read.reason : `is ${KIND_WORDS[read.kind]} here but ${KIND_WORDS[was]} on earlier rows: a metric's values are of one kind on every row` }
      return
    }
    if (read.kind === 'other') this.bad ??= { row: i, reason: read.reason }
    else if (read.kind === 'labels') {
      this.gold[i] = read.gold
      this.pred[i] = read.pred
    }
  }

  /** The first row below n without a classification pair, or −1. */
  firstWithout(n: number): number {
    for (let i = 0; i < n; i++) if (this.gold[i] === undefined) return i
    return -1
  }

  /** True when both columns hold the same classification pairs on every row (n rows). */
  samePairs(other: ListColumn, n: number): boolean {
    for (let i = 0; i < n; i++) if (this.gold[i] !== other.gold[i] || this.pred[i] !== other.pred[i]) return false
    return true
  }
}

const KIND_WORDS: Record<ListKind, string> = {
  labels: 'a [gold, pred] pair of labels',
  sets: 'a pair of label sets',
  other: 'a list'
}
