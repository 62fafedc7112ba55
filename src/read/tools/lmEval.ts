/**
 * lm-evaluation-harness `--log_samples` output (docs/tools.md, lm-eval): a `samples_<task>_<time>.jsonl` file, in
 * every layout the harness has written: JSON Lines with `filter` and `metrics` (0.4.4 on), with `doc_hash` /
 * `prompt_hash` / `target_hash` but no `metrics` (mid 2024: every numeric top-level field is a metric), the 2023
 * layout with neither, and the ~0.4.2 one that wrote a pretty-printed JSON array into a `.jsonl` file.
 *
 * One example per `doc_id`. Metrics are named as they are when every row's filter is `none` (or the file has no
 * filters), else `METRIC.FILTER` (`exact_match.flexible-extract`), the rows of one doc_id holding each filter's
 * values. A list value (a corpus-level metric's per-example input, e.g. F1's `[gold, pred]`) has no per-example
 * number: it is read as src/read/tools/listValues.ts says (a classification pair, a pair of label sets, neither),
 * and src/read/tools/toolPairs.ts decides whether the comparison is a classification of it. `doc_hash` +
 * `target_hash` say what the example is (paired rows that differ are label conflicts), `prompt_hash` how it was asked.
 *
 * Directions and aggregations: the run's results file beside the samples file (src/read/tools/lmEvalResults.ts)
 * when there is one; else directions by the metric's name (perplexity, bits_per_byte, mae, … are better when lower).
 *
 * Speed: each line's top-level keys are found by the byte scanner of src/read/tools/topLevelScan.ts; `doc`, `arguments`,
 * `resps`, `filtered_resps` and `target` (the long prompts and generations) are skipped, not parsed. A list value is
 * parsed only when it is a named metric's (a file without list metrics parses no list).
 */
import { Buffer } from 'node:buffer'
import path from 'node:path'
import { InputError, quote } from '../../common/errors.js'
import { jsonMessage } from '../jsonl.js'
import type { PredictionSource } from '../predictionFile.js'
import { eachLine, filesIn, headBytes, wholeBytes } from './toolSources.js'
import { NAN, parseJson } from './pythonJson.js'
import { bytesAre, scanObject, skipValue, ws } from './topLevelScan.js'
import { readList } from './listValues.js'
import { runResults, type RunResults } from './lmEvalResults.js'
import { safeName, TableBuilder, type Place, type ToolTable } from './toolTable.js'

/** Top-level fields that are never metrics (the example, the prompt, the model's answers, the hashes). */
const NOT_METRICS = new Set(['doc_id', 'doc', 'target', 'arguments', 'resps', 'filtered_resps', 'filter', 'metrics', 'doc_hash', 'prompt_hash', 'target_hash', 'task_name', 'task', 'index'])
/** Fields skipped unparsed by the byte scanner. */
const SKIPPED = ['doc', 'target', 'arguments', 'resps', 'filtered_resps']

/**
 * A list value: its items counted by the scanner, parsed only when a metric uses it ({@link ListValue.list}). The
 * bytes are those of the line being added (read before the line's buffer is reused), or the list JSON.parse built.
 */
class ListValue {
  constructor(
    readonly items: number,
    private readonly source: Buffer | unknown[],
    private readonly start = 0,
    private readonly end = 0
  ) {}

  /** The list's items. */
  list(): unknown[] {
    if (Array.isArray(this.source)) return this.source
    return parseJson(this.source.toString('utf8', this.start, this.end)) as unknown[]
  }
}

/** One samples row with the fields the reader uses. */
interface Row {
  docId: unknown
  filter: unknown
  metrics: unknown
  docHash: unknown
  promptHash: unknown
  targetHash: unknown
  /** Every other top-level field, by name: its value (a list as a ListValue), in order. */
  other: [string, unknown][]
}

export async function readLmEval(source: PredictionSource): Promise<ToolTable> {
  const head = await firstByte(source)
  const reader = new LmEvalReader(source.name)
  if (head === 91) {
    // ~0.4.2: one pretty-printed JSON array (indent 2) in a file named .jsonl.
    const text = (await wholeBytes(source)).toString('utf8')
    let array: unknown
    try {
      array = parseJson(text)
    } catch (error) {
      throw new InputError(source.name, null, null, `is not valid JSON (${jsonMessage(error)}): an lm-eval samples file is JSON Lines, or (lm-eval ~0.4.2) one JSON array`)
    }
    if (!Array.isArray(array)) throw new InputError(source.name, null, null, 'is not a JSON array of samples')
    reader.elements = true
    array.forEach((element, k) => reader.addObject(element, k + 1))
  } else {
    if (head === 123) await refuseResults(source)
    await eachLine(source, (b, start, end, lineNo) => reader.addLine(b, start, end, lineNo))
  }
  return reader.finish(await runResults(source))
}

/**
 * Refuses an lm-eval `results_<time>.json` (docs/tools.md, lm-eval): one JSON document of per-task aggregates, which
 * has no per-example values to pair. Told apart from a samples file by its first line: `{` alone, then `"results"`.
 */
async function refuseResults(source: PredictionSource): Promise<void> {
  const head = (await headBytes(source)).toString('utf8')
  if (!/^\uFEFF?\s*\{\s*"results"\s*:\s*\{/.test(head)) return
  let tasks: string[] = []
  try {
    const doc = parseJson((await wholeBytes(source)).toString('utf8')) as { results?: Record<string, unknown> }
    tasks = Object.keys(doc.results ?? {})
  } catch {
    // Cut or malformed: the message below still holds.
  }
  const named = tasks.length ? ` (${tasks.length} task${tasks.length === 1 ? '' : 's'}: ${tasks.slice(0, 5).map((t) => quote(t)).join(', ')}${tasks.length > 5 ? ', …' : ''})` : ''
  throw new InputError(
    source.name,
    null,
    null,
    `is an lm-evaluation-harness results file${named}: aggregates per task, with no per-example values to pair; ` +
      'run lm_eval with --log_samples and give its samples_<task>_<time>.jsonl, or the output folder (docs/tools.md, lm-eval)'
  )
}

/** The first byte that is not whitespace (after a byte-order mark), or −1 for an empty source. */
async function firstByte(source: PredictionSource): Promise<number> {
  const head = await headBytes(source)
  const i = ws(head, 0, head.length)
  return i < head.length ? head[i] : -1
}

class LmEvalReader {
  private readonly table: TableBuilder
  /** Example index by doc_id (numbers and strings apart, as JSON has them). */
  private readonly examples = new Map<string | number, number>()
  /** The line (or element) of each example's first row, and of each (example, filter) row. */
  private readonly lines: number[] = []
  /** Per filter, the line of each example's row. */
  private readonly rowsSeen = new Map<string, Map<number, number>>()
  private readonly internals = new Map<string, Map<string, string>>()
  /** The file is one JSON array (~0.4.2): places are its elements. */
  elements = false
  private hashes = false
  private promptHashes = false
  private readonly truth: (string | null)[] = []
  private readonly prompts: (string | null)[] = []
  /** Rows with `filter`/`metrics` keys (0.4.4 on): metrics come from `metrics`. */

  constructor(readonly file: string) {
    this.table = new TableBuilder('lm-eval', file, 'doc_id')
  }

  place = (row: number): Place => (this.elements ? { file: `${this.file}: element ${this.lines[row]}`, line: null } : { file: this.file, line: this.lines[row] })

  addLine(b: Buffer, start: number, end: number, lineNo: number): void {
    const i = ws(b, start, end)
    if (i === end) return
    const row = this.scan(b, i, end)
    if (row) this.add(row, lineNo)
    else {
      let value: unknown
      try {
        value = parseJson(b.toString('utf8', start, end))
      } catch (error) {
        throw new InputError(this.file, lineNo, null, `is not valid JSON (${jsonMessage(error)})`)
      }
      this.addObject(value, lineNo)
    }
  }

  addObject(value: unknown, lineNo: number): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.error(lineNo, null, 'must be a JSON object (one lm-eval sample)')
    const object = value as Record<string, unknown>
    const other: [string, unknown][] = []
    for (const [key, v] of Object.entries(object)) if (!NOT_METRICS.has(key)) other.push([key, Array.isArray(v) ? new ListValue(v.length, v) : v])
    this.add({ docId: object.doc_id, filter: object.filter, metrics: object.metrics, docHash: object.doc_hash, promptHash: object.prompt_hash, targetHash: object.target_hash, other }, lineNo)
  }

  /** The row's fields by the byte scanner, or null when the line needs JSON.parse (for its value or its message). */
  private scan(b: Buffer, i: number, end: number): Row | null {
    const row: Row = { docId: undefined, filter: undefined, metrics: undefined, docHash: undefined, promptHash: undefined, targetHash: undefined, other: [] }
    let ok = true
    const after = scanObject(b, i, end, (ks, ke, vs, ve) => {
      if (!ok) return
      for (const name of SKIPPED) if (bytesAre(b, ks, ke, name)) return
      const key = keyText(b, ks, ke)
      if (key === null) {
        ok = false
        return
      }
      const value = scalar(b, vs, ve)
      if (value === FAIL) {
        ok = false
        return
      }
      switch (key) {
        case 'doc_id':
          row.docId = value
          return
        case 'filter':
          row.filter = value
          return
        case 'metrics':
          row.metrics = value instanceof ListValue ? this.metricsList(b, vs, ve) : value
          return
        case 'doc_hash':
          row.docHash = value
          return
        case 'prompt_hash':
          row.promptHash = value
          return
        case 'target_hash':
          row.targetHash = value
          return
      }
      if (!NOT_METRICS.has(key)) row.other.push([key, value])
    })
    if (!ok || after < 0 || ws(b, after, end) !== end) return null
    return row
  }

  /** The parsed `metrics` list; every row has the same one, so its bytes are compared with the last row's first. */
  private metricsList(b: Buffer, vs: number, ve: number): unknown {
    const last = this.lastMetrics
    if (last && last.bytes.length === ve - vs && b.compare(last.bytes, 0, last.bytes.length, vs, ve) === 0) return last.value
    const value = parseJson(b.toString('utf8', vs, ve))
    this.lastMetrics = { bytes: Buffer.from(b.subarray(vs, ve)), value }
    return value
  }

  private lastMetrics: { bytes: Buffer; value: unknown } | null = null

  private add(row: Row, lineNo: number): void {
    const id = row.docId
    if (id === undefined || id === null) throw this.error(lineNo, 'doc_id', 'is missing: every lm-eval sample has one')
    if (typeof id !== 'number' && typeof id !== 'string') throw this.error(lineNo, 'doc_id', `must be a number or a string, got ${describe(id)}`)
    const filter = typeof row.filter === 'string' ? row.filter : 'none'
    let ex = this.examples.get(id)
    if (ex === undefined) {
      ex = this.table.row(id)
      this.examples.set(id, ex)
      this.lines[ex] = lineNo
      const truth = typeof row.docHash === 'string' || typeof row.targetHash === 'string' ? `${row.docHash ?? ''} ${row.targetHash ?? ''}` : null
      if (truth !== null) this.hashes = true
      this.truth[ex] = truth
      this.table.setAltId(ex, 'doc_hash', typeof row.docHash === 'string' ? row.docHash : null)
      const prompt = typeof row.promptHash === 'string' ? row.promptHash : null
      if (prompt !== null) this.promptHashes = true
      this.prompts[ex] = prompt
    }
    let seen = this.rowsSeen.get(filter)
    if (!seen) this.rowsSeen.set(filter, (seen = new Map()))
    const earlier = seen.get(ex)
    if (earlier !== undefined) {
      const where = this.elements ? `element ${earlier}` : `line ${earlier}`
      throw this.error(lineNo, 'doc_id', `repeats doc_id ${quote(String(id))} with filter ${quote(filter)} of ${where}: one row per doc_id and filter`)
    }
    seen.set(ex, lineNo)
    // 0.4.4 on: the metrics are named in `metrics`; before, every numeric top-level field but the known ones.
    const named = Array.isArray(row.metrics) ? (row.metrics as unknown[]) : null
    const other = row.other
    if (named) {
      for (const name of named) {
        if (typeof name !== 'string') continue
        let value: unknown = undefined
        for (let k = 0; k < other.length; k++) if (other[k][0] === name) value = other[k][1]
        this.put(ex, name, filter, value)
      }
    } else {
      for (let k = 0; k < other.length; k++) if (isNumeric(other[k][1])) this.put(ex, other[k][0], filter, other[k][1])
    }
  }

  /** The internal column name of (metric, filter), made once per pair (no string per row). */
  private internal(name: string, filter: string): string {
    let byName = this.internals.get(filter)
    if (!byName) this.internals.set(filter, (byName = new Map()))
    let internal = byName.get(name)
    if (internal === undefined) byName.set(name, (internal = `${name}\u0000${filter}`))
    return internal
  }

  private put(ex: number, name: string, filter: string, value: unknown): void {
    const internal = this.internal(name, filter)
    if (value instanceof ListValue) {
      let list: unknown[]
      try {
        list = value.list()
      } catch (error) {
        throw new InputError(this.place(ex).file, this.place(ex).line, name, `is not a valid JSON list (${jsonMessage(error)})`)
      }
      this.table.setList(ex, internal, name, readList(list))
      return
    }
    this.table.set(ex, internal, value, name)
  }

  finish(results: RunResults | null): ToolTable {
    const filtered = [...this.rowsSeen.keys()].some((f) => f !== 'none')
    const built = this.table.finish(this.place)
    for (const column of built.metrics) {
      const [metric, filter] = column.name.split('\u0000')
      // Names as gate rules can hold them (a `@` or a space would read as rule syntax): lm-eval's own are unchanged.
      column.name = safeName(filtered ? `${metric}.${filter}` : metric)
      const higher = results?.higher.get(metric)
      if (higher !== undefined) column.direction = higher ? 'higher' : 'lower'
      column.aggregation = results?.aggregations.get(metric) ?? null
      if (column.lists && column.present > 0) throw this.mixed(column.values, column.lists.first, metric)
    }
    built.truth = this.hashes ? this.truth : null
    built.prompts = this.promptHashes ? this.prompts : null
    if (!built.altIds.get('doc_hash')?.some((h) => h !== null)) built.altIds.delete('doc_hash')
    if (built.n === 0) throw new InputError(this.file, null, null, 'is empty: no lm-eval samples')
    return built
  }

  /**
   * The error of a metric with a list on some rows and a number on others: at the later of the first row of each,
   * naming the line of the other.
   */
  private mixed(values: Float64Array, firstList: number, field: string): InputError {
    let firstNumber = 0
    while (firstNumber < values.length && Number.isNaN(values[firstNumber])) firstNumber++
    const numberLater = firstNumber > firstList
    const at = this.place(numberLater ? firstNumber : firstList)
    const other = this.place(numberLater ? firstList : firstNumber)
    const where = other.line !== null ? `line ${other.line}` : other.file
    return new InputError(at.file, at.line, field, `is ${numberLater ? 'a number' : 'a list'} here, but ${where} has ${numberLater ? 'a list' : 'a number'} for it: a metric is a number on every row, or a [gold, pred] list on every row`)
  }

  private error(lineNo: number, field: string | null, reason: string): InputError {
    return this.elements ? new InputError(`${this.file}: element ${lineNo}`, null, field, reason) : new InputError(this.file, lineNo, field, reason)
  }
}

/** True for a value an older samples file's metric has: a number, a boolean, NaN. */
function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || v === NAN
}

function describe(v: unknown): string {
  return Array.isArray(v) || v instanceof ListValue ? 'a list' : typeof v === 'object' ? 'an object' : String(v)
}

const FAIL = Symbol('fail')

/** A key's text: printable ASCII without escapes as it is, else null (the line goes to JSON.parse). */
function keyText(b: Buffer, ks: number, ke: number): string | null {
  for (let q = ks; q < ke; q++) if (b[q] === 92 || b[q] < 32 || b[q] >= 128) return null
  return b.toString('latin1', ks, ke)
}

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/

/**
 * The value at b[vs, ve): a string, a number, true/false/null, NaN (as the NaN marker), ±Infinity; a list as a
 * ListValue (its items counted, not parsed); an object as an empty object (it is never a metric value). FAIL when
 * the bytes are not a JSON value the scanner is sure of.
 */
function scalar(b: Buffer, vs: number, ve: number): unknown {
  const c = b[vs]
  if (c === 34) {
    for (let q = vs + 1; q < ve - 1; q++) {
      if (b[q] === 92 || b[q] < 32) {
        try {
          return JSON.parse(b.toString('utf8', vs, ve))
        } catch {
          return FAIL
        }
      }
    }
    return b.toString('utf8', vs + 1, ve - 1)
  }
  if (c === 91) {
    let items = 0
    let i = ws(b, vs + 1, ve)
    if (b[i] === 93) return new ListValue(0, [])
    for (;;) {
      const next = skipValue(b, i, ve)
      if (next < 0) return FAIL
      items++
      i = ws(b, next, ve)
      if (b[i] === 44) {
        i++
        continue
      }
      return b[i] === 93 ? new ListValue(items, b, vs, ve) : FAIL
    }
  }
  if (c === 123) return {}
  const text = b.toString('latin1', vs, ve)
  switch (text) {
    case 'true':
      return true
    case 'false':
      return false
    case 'null':
      return null
    case 'NaN':
      return NAN
    case 'Infinity':
      return Infinity
    case '-Infinity':
      return -Infinity
  }
  return NUMBER.test(text) ? Number(text) : FAIL
}

/** The samples files of an lm-eval output folder (and of its model subfolders). */
export async function lmEvalFiles(folder: string): Promise<string[]> {
  const files = await filesIn(folder)
  const samples = files.filter((f) => /^samples_.+\.jsonl$/.test(path.basename(f)))
  return samples
}

/** `samples_<task>_<time>.jsonl` → the task; other names as they are. */
export function taskOfSamples(file: string): string {
  const m = /^samples_(.+)_(\d{4}-\d{2}-\d{2}T[\d.-]+)\.jsonl$/.exec(path.basename(file))
  return m ? m[1] : path.basename(file)
}
