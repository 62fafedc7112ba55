/**
 * The leakage check (docs/data-checks.md): how many test examples also occur in the training file, by id, or by text after
 * normalisation (Unicode NFKC, case fold, whitespace runs collapsed to one space and trimmed).
 *
 * The training file is streamed once (any format the reader takes); only a 53-bit hash of each id and of each
 * normalised text is kept, in two hash sets (src/checks/hashSet.ts): memory about 8–21 bytes a row and set, never
 * the text, so a training file of 10 million rows fits in a few hundred MB. A hash collision could count a test
 * example as leaked that is not: with 53-bit hashes the chance that any of t test texts collides with any of m
 * training texts is below t·m/2⁵³ (10⁴ test and 10⁷ training rows: about 10⁻⁵). It never hides a real leak.
 * Cost O(training text + test text).
 */
import { readRows } from '../read/readPredictions.js'
import { describe } from '../read/describe.js'
import type { Cell, Column, RowSink } from '../read/sink.js'
import { InputError, quote } from '../common/errors.js'
import type { Leakage, MetricReport } from '../report/schema.js'
import type { Format, PredictionSource } from '../read/predictionFile.js'
import { hash53, HashSet } from './hashSet.js'

/** How many leaked examples the report names. */
const NAMED = 10

/**
 * Text as the check compares it: NFKC, case-folded (lower case, plus the folds lower case misses: ß → ss,
 * final ς → σ), whitespace runs as one space, trimmed.
 * @example normalizeText('  Straße\u00a0 ＡＢ ') // 'strasse ab'
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ').replace(/\s+/g, ' ').trim()
}

/** Reads the id and text columns of a file into hashes (training), or into lists (the test file). */
class IdTextSink implements RowSink {
  n = 0
  readonly columns: readonly Column[]
  readonly ids = new HashSet()
  readonly texts = new HashSet()
  readonly list: { id: string | null; text: string | null }[] = []

  constructor(
    readonly file: string,
    readonly idField: string,
    readonly textField: string | null,
    /** Keep the rows (the test file) instead of hashing them (the training file). */
    readonly keep: boolean
  ) {
    this.columns = [{ name: idField, required: false }, ...(textField ? [{ name: textField, required: true }] : [])]
  }

  add(lineNo: number, cells: readonly Cell[]): void {
    const id = cells[0] === undefined || cells[0] === null || cells[0] === '' ? null : String(cells[0])
    let text: string | null = null
    if (this.textField) {
      const v = cells[1]
      if (typeof v !== 'string') throw new InputError(this.file, lineNo, this.textField, v === undefined ? 'is missing' : `must be a string, got ${describe(v)}`)
      text = normalizeText(v)
    }
    this.n++
    if (this.keep) this.list.push({ id, text })
    else {
      if (id !== null) this.ids.add(hash53(id))
      if (text !== null) this.texts.add(hash53(text))
    }
  }
}

export interface LeakageOptions {
  train: PredictionSource
  /** The test file (the candidate's), read again for its ids and texts. */
  test: PredictionSource
  /** Which test rows to check (0-based row indices: the compared examples), or null for all. */
  rows: ArrayLike<number> | null
  idField: string
  textField: string | null
  format?: Format
}

export async function leakageCheck(options: LeakageOptions): Promise<Leakage> {
  const train = new IdTextSink(options.train.name, options.idField, options.textField, false)
  await readRows(options.train, train, {})
  if (train.n === 0) throw new InputError(options.train.name, null, null, 'is empty: no training rows')
  const test = new IdTextSink(options.test.name, options.idField, options.textField, true)
  await readRows(options.test, test, { format: options.format })
  const rows = options.rows ?? Array.from({ length: test.list.length }, (_, i) => i)
  let byId = 0
  let byText = 0
  let examples = 0
  const firstIds: string[] = []
  for (let p = 0; p < rows.length; p++) {
    const row = test.list[rows[p]]
    const idHit = row.id !== null && train.ids.size > 0 && train.ids.has(hash53(row.id))
    const textHit = row.text !== null && train.texts.has(hash53(row.text))
    if (idHit) byId++
    if (textHit) byText++
    if (idHit || textHit) {
      examples++
      if (firstIds.length < NAMED) firstIds.push(row.id ?? `row ${rows[p] + 1}`)
    }
  }
  return { trainRows: train.n, tested: rows.length, byId, byText: options.textField ? byText : null, examples, firstIds, textField: options.textField }
}

/** The gateable metric `leakage` (`leakage <= 0`): the count of leaked test examples, lower is better. */
export function leakageMetric(l: Leakage): MetricReport {
  return { candidate: l.examples, baseline: null, delta: null, ci: null, pValue: null, candidateCi: null, test: null, direction: 'lower', pValueWorse: null, worseBound: null, ciMethod: null }
}

/** A warning naming the leak, when there is one. */
export function leakageWarnings(l: Leakage): string[] {
  if (l.examples === 0) return []
  const how = [`${l.byId.toLocaleString('en-US')} by id`, ...(l.byText !== null ? [`${l.byText.toLocaleString('en-US')} by ${quote(l.textField ?? '')} text`] : [])].join(', ')
  return [
    `Leakage: ${l.examples.toLocaleString('en-US')} of ${l.tested.toLocaleString('en-US')} test examples also occur in the training file (${how}; ` +
      `ids ${l.firstIds.map((id) => quote(id)).join(', ')}${l.examples > l.firstIds.length ? ', …' : ''}): the test set overstates how well the model generalises.`
  ]
}
