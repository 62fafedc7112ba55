/**
 * The evaluation tools' own outputs as prediction files (docs/tools.md): `--format lm-eval | inspect | promptfoo |
 * eee | deepeval`, or recognised from the content when no format is given. Each tool file is read once into a
 * ToolTable (src/read/tools/toolTable.ts); {@link resolveTools} then sets the comparison up as task `scores` with the
 * file's metrics (their directions as the tool says), its id field and its repeat key — or, for an lm-eval
 * `[gold, pred]` pair metric, as a classification (src/read/tools/toolPairs.ts) — and {@link readToolRows} hands
 * the rows to the task's row builder like any other format's. What the files say about comparability (lm-eval
 * hashes, left-out metrics, positional ids) comes back through {@link toolSameTruth} and {@link toolWarnings}.
 */
import type { Buffer } from 'node:buffer'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ConfigError, InputError, quote } from '../../common/errors.js'
import { type Direction } from '../../stats/direction.js'
import { DEFAULT_FIELDS, type FieldNames, type Format, type PredictionSource } from '../predictionFile.js'
import type { Cell, RowSink } from '../sink.js'
import { headBytes, isFolder } from './toolSources.js'
import { lmEvalFiles, readLmEval, taskOfSamples } from './lmEval.js'
import { readInspect, inspectLogs } from './inspect.js'
import { columnOf, readPromptfoo } from './promptfoo.js'
import { readEee } from './eee.js'
import { readDeepEval } from './deepeval.js'
import { skipValue, ws } from './topLevelScan.js'
import { aggregationNotes, decidePairs, type PairChoice } from './toolPairs.js'
import { TOOL_FORMATS, type MetricColumn, type ToolFormat, type ToolTable } from './toolTable.js'

export { TOOL_FORMATS, type ToolFormat } from './toolTable.js'

/** True for the formats of this module. */
export function isToolFormat(format: string | undefined): format is ToolFormat {
  return (TOOL_FORMATS as readonly string[]).includes(format ?? '')
}

/** What resolveTools reads and sets of the comparison's options (the CLI's and the action's, structurally). */
export interface ToolOptions {
  candidate: PredictionSource
  baseline: PredictionSource | null
  format?: Format
  task?: string
  scoreMetrics?: { name: string; direction: Direction }[]
  fields: FieldNames
  repeatField?: string
}

/** Tables read, by source (a source is read once however many steps ask for it). */
const tables = new WeakMap<PredictionSource, Promise<ToolTable>>()
/** The id field each source's rows are handed with, and the notes of a comparison, by its candidate source. */
const idNames = new WeakMap<PredictionSource, string>()
const notesOf = new WeakMap<PredictionSource, string[]>()
/** The metrics the default gates cover, by candidate source: the scores, not the telemetry (times, tokens, latency, cost). */
const gatedOf = new WeakMap<PredictionSource, string[]>()
/** A classification of a pair metric, by source (both files) and by candidate: the metric, and the fields its labels are handed as. */
const classifiedOf = new WeakMap<PredictionSource, PairChoice & { label: string; prediction: string }>()

/**
 * The options of a comparison of two tool outputs: unchanged unless `format` is a tool's, or is not given and
 * the candidate is recognised as one (`recogniseTool`); then task `scores`, the metrics chosen (`score-metrics`
 * when given, else every per-example metric both files have), the tool's id field and its repeat key. An lm-eval
 * file whose comparison is a classification of a `[gold, pred]` pair metric (src/read/tools/toolPairs.ts: task
 * binary or multiclass, score-metrics naming one, or no per-example number) keeps the task (binary, multiclass, or
 * none: by the labels) and reads label = gold, prediction = pred.
 * Throws a ConfigError for a task that does not fit the file, an InputError for a bad file or a metric that is not
 * a number.
 */
export async function resolveTools<O extends ToolOptions>(options: O): Promise<O> {
  if (options.format !== undefined && !isToolFormat(options.format)) return options
  const format = options.format ?? (await recogniseTool(options.candidate))
  if (format === null) return options
  const classify = options.task === 'binary' || options.task === 'multiclass'
  // Recognised, not named: a task other than scores reads the file as plain rows (a classification: unless the
  // lm-eval file holds a pair metric).
  if (options.format === undefined && options.task !== undefined && options.task !== 'scores' && !(classify && format === 'lm-eval')) return options
  if (options.task !== undefined && options.task !== 'scores' && !(classify && format === 'lm-eval')) {
    throw new ConfigError(`format ${format} holds per-example scores, compared by task "scores": leave task out (got ${quote(options.task)})`)
  }
  let candidate: ToolTable
  let baseline: ToolTable | null
  try {
    candidate = await tableOf(options.candidate, format)
    baseline = options.baseline ? await tableOf(options.baseline, format) : null
  } catch (error) {
    // A file recognised as lm-eval under a classification task that does not read as one: plain rows, as before.
    if (classify && options.format === undefined && error instanceof InputError) return options
    throw error
  }
  const notes: string[] = [...candidate.notes, ...(baseline ? baseline.notes : [])]
  const idField = chooseId(options.fields.id, candidate, baseline)
  const decision = decidePairs(options, candidate, baseline, notes)
  if (decision === 'none') {
    if (options.format === undefined) return options
    const has = candidate.metrics.map((m) => quote(m.name)).join(', ')
    throw new ConfigError(`task ${options.task} compares an lm-eval [gold, pred] pair metric as a classification, and ${candidate.name} has none (its metrics: ${has || 'none'}): leave task out to compare its per-example numbers as scores`)
  }
  idNames.set(options.candidate, idField)
  if (options.baseline) idNames.set(options.baseline, idField)
  if (decision !== 'scores') {
    const classified = { ...decision, label: options.fields.label, prediction: options.fields.prediction }
    classifiedOf.set(options.candidate, classified)
    if (options.baseline) classifiedOf.set(options.baseline, classified)
    notesOf.set(options.candidate, notes)
    const { scoreMetrics: _asked, ...rest } = options
    return { ...rest, format, task: classify ? options.task : undefined, fields: { ...options.fields, id: idField } } as O
  }
  const scoreMetrics = chooseMetrics(options.scoreMetrics, candidate, baseline, notes)
  notesOf.set(options.candidate, notes)
  const scores = scoreMetrics.filter((m) => !candidate.metrics.find((c) => c.name === m.name)?.optional).map((m) => m.name)
  gatedOf.set(options.candidate, scores.length > 0 ? scores : scoreMetrics.map((m) => m.name))
  const repeatField = options.repeatField ?? candidate.repeatKey ?? baseline?.repeatKey ?? undefined
  return { ...options, format, task: 'scores', scoreMetrics, fields: { ...options.fields, id: idField }, ...(repeatField !== undefined ? { repeatField } : {}) }
}

/** The table of a tool file, read on first use. */
export function tableOf(source: PredictionSource, format: ToolFormat): Promise<ToolTable> {
  let table = tables.get(source)
  if (!table) {
    table = readTable(source, format).then((t) => {
      settled.set(source, t)
      return t
    })
    tables.set(source, table)
  }
  return table
}

async function readTable(source: PredictionSource, format: ToolFormat): Promise<ToolTable> {
  const picked = columnOf(source, existsSync)
  if (format === 'promptfoo') return readPromptfoo(picked.source, picked.column)
  const file = await oneFile(source, format)
  switch (format) {
    case 'lm-eval':
      return readLmEval(file)
    case 'inspect':
      return readInspect(file)
    case 'eee':
      return readEee(file)
    case 'deepeval':
      return readDeepEval(file)
  }
}

/**
 * The file to read: the source itself, or the one tool file of a folder (an lm-eval output folder, an Inspect log
 * folder). A folder with several tasks or runs is refused with the list and how to pick one (given alone as the
 * candidate it is one suite per task, docs/tools.md; here it is a suite's file, a baseline or a reference).
 */
async function oneFile(source: PredictionSource, format: ToolFormat): Promise<PredictionSource> {
  if (!(await isFolder(source))) return source
  const folder = source.path as string
  const files = format === 'lm-eval' ? await lmEvalFiles(folder) : format === 'inspect' ? await inspectLogs(folder) : []
  const what = format === 'lm-eval' ? 'lm-eval samples file (samples_<task>_<time>.jsonl)' : format === 'inspect' ? 'Inspect log (.eval or .json)' : `${format} file`
  if (files.length === 0) throw new InputError(source.name, null, null, `is a folder with no ${what} in it: give the file itself`)
  if (files.length === 1) return { ...source, name: files[0], path: files[0] }
  const listed = files.slice(0, 12).map((f) => `${format === 'lm-eval' ? taskOfSamples(f) : path.basename(f)}: ${path.relative(folder, f)}`)
  const tasks = new Set(files.map((f) => (format === 'lm-eval' ? taskOfSamples(f) : f)))
  throw new InputError(
    source.name,
    null,
    null,
    `is a folder with ${files.length} ${format === 'lm-eval' ? `samples files (${tasks.size} task${tasks.size === 1 ? '' : 's'})` : 'logs'}; ` +
      `compare one at a time: give its file as the path (${listed.map((l) => quote(l, 160)).join('; ')}${files.length > 12 ? '; …' : ''}). ` +
      'Given alone as the candidate (the action: as predictions), the folder is one suite per task (docs/tools.md).'
  )
}

/** The id field the rows are handed with: the tool's, or one of its alternatives named by `id-field`. */
function chooseId(asked: string, candidate: ToolTable, baseline: ToolTable | null): string {
  const tables = baseline ? [candidate, baseline] : [candidate]
  if (asked === DEFAULT_FIELDS.id || asked === candidate.idField) {
    // promptfoo: ids by description in one file and by vars in the other cannot pair: both by vars then.
    if (baseline && baseline.idField !== candidate.idField && candidate.altIds.has(baseline.idField)) return baseline.idField
    if (baseline && baseline.idField !== candidate.idField && baseline.altIds.has(candidate.idField)) return candidate.idField
    return candidate.idField
  }
  for (const t of tables) {
    if (t.idField !== asked && !t.altIds.has(asked)) {
      const others = [t.idField, ...t.altIds.keys()].map((k) => quote(k)).join(' or ')
      throw new ConfigError(`id-field ${quote(asked)}: a ${t.format} file pairs examples by ${others}`)
    }
  }
  return asked
}

/**
 * The metrics compared: `asked` (score-metrics) when given, each checked against both files; else every metric of
 * the candidate that the baseline has too, except lm-eval's list metrics (src/read/tools/toolPairs.ts notes them).
 * A metric compared whose values include one that is not a number stops the run with that value's place.
 */
function chooseMetrics(
  asked: { name: string; direction: Direction }[] | undefined,
  candidate: ToolTable,
  baseline: ToolTable | null,
  notes: string[]
): { name: string; direction: Direction }[] {
  const tables = baseline ? [candidate, baseline] : [candidate]
  const column = (t: ToolTable, name: string): MetricColumn | undefined => metricOf(t, name)
  let chosen: { name: string; direction: Direction }[]
  if (asked) {
    for (const { name } of asked) {
      for (const t of tables) {
        if (!column(t, name)) {
          const has = t.metrics.map((m) => m.name)
          throw new InputError(t.name, null, null, `has no metric ${quote(name)} (score-metrics): its metrics are ${has.length ? has.map((h) => quote(h)).join(', ') : 'none'}`)
        }
      }
    }
    // A tool's lower-is-better metric stays so when named without a direction (the default reads "higher").
    chosen = asked.map(({ name, direction }) => ({ name, direction: direction === 'lower' ? 'lower' : (column(candidate, name) as MetricColumn).direction }))
  } else {
    const lists = candidate.metrics.filter((m) => m.lists !== null)
    const usable = candidate.metrics.filter((m) => m.lists === null)
    chosen = []
    for (const m of usable) {
      if (baseline && !column(baseline, m.name)) {
        notes.push(`${quote(m.name)} is in ${candidate.name} only, not in the baseline's file: not compared`)
        continue
      }
      // Telemetry (times, tokens, latency, cost) some rows lack is left out, not made error rows.
      const lacking = tables.find((t) => ((column(t, m.name) as MetricColumn).optional && (column(t, m.name) as MetricColumn).absent > 0))
      if (lacking) {
        const c = column(lacking, m.name) as MetricColumn
        notes.push(`${quote(m.name)} is absent on ${c.absent} of ${lacking.n} rows of ${lacking.name}: not compared (name it in score-metrics to compare it, those rows as error rows)`)
        continue
      }
      chosen.push({ name: m.name, direction: m.direction })
    }
    if (baseline) {
      for (const m of baseline.metrics) {
        if (m.lists === null && !column(candidate, m.name)) notes.push(`${quote(m.name)} is in ${baseline.name} only, not in the candidate's file: not compared`)
      }
    }
    if (chosen.length === 0) {
      const why = lists.length > 0 ? `: ${list(lists.map((m) => m.name))} ${lists.length === 1 ? 'is a list metric' : 'are list metrics'} with no per-example value (lm-eval aggregates ${lists.length === 1 ? 'it' : 'them'} over the whole test set)` : ''
      const has = (t: ToolTable): string => (t.metrics.length ? t.metrics.map((m) => quote(m.name)).join(', ') : 'none')
      const pair = lists.find((m) => m.lists?.kind === 'labels')
      const how = pair ? `; ${quote(pair.name)} holds [gold, pred] pairs of labels: compare them as a classification (leave --task out, or --task multiclass)` : ''
      throw new InputError(
        candidate.name,
        null,
        null,
        `has no per-example metric to compare${why}${how}; its metrics: ${has(candidate)}${baseline ? `; the baseline's: ${has(baseline)}` : ''}${candidate.notes.length ? ` (${candidate.notes.join('; ')})` : ''}`
      )
    }
  }
  for (const { name } of chosen) {
    for (const t of tables) {
      const c = column(t, name) as MetricColumn
      if (c.bad) {
        const place = t.place(c.bad.row)
        throw new InputError(place.file, place.line, c.bad.field, c.bad.reason)
      }
      if (c.infinite > 0) notes.push(`${quote(name)} is ±Infinity on ${c.infinite} of ${t.n} rows of ${t.name}: read as missing, so those rows are error rows (docs/tools.md)`)
    }
  }
  return chosen
}

const list = (names: string[]): string => names.map((n) => quote(n)).join(', ')

/** The column of metric `name` in a table, by its name or an alias (EEE `evaluation.score`). */
function metricOf(t: ToolTable, name: string): MetricColumn | undefined {
  const alias = t.aliases?.get(name)
  return t.metrics.find((m) => m.name === name) ?? (alias !== undefined ? t.metrics.find((m) => m.name === alias) : undefined)
}

/**
 * Hands a tool file's rows to a row builder (src/read/readPredictions.ts `readRows` for a tool format): each of the
 * builder's columns from the table, by name: the id, a metric (missing: null, so the row is an error row), a key
 * (`epoch`, `repeat`), the `error` field. A metric the builder asks for that the file lacks is an InputError.
 * For the classification of a pair metric (resolveTools), the label and prediction fields are each row's gold and
 * pred (the empty text as its label, src/read/tools/toolPairs.ts), and no metric is handed as a field.
 */
export async function readToolRows(source: PredictionSource, rows: RowSink, format: ToolFormat): Promise<void> {
  const table = await tableOf(source, format)
  const idName = idNames.get(source) ?? table.idField
  const classified = classifiedOf.get(source)
  const pairs = classified ? table.metrics.find((m) => m.name === classified.metric)?.lists : undefined
  const getters = rows.columns.map((column): ((i: number) => Cell) => {
    const name = column.name
    if (name === idName) {
      const ids = name === table.idField ? table.ids : (table.altIds.get(name) as (string | number | null)[])
      return (i) => ids[i]
    }
    if (classified && pairs) {
      const texts = name === classified.label ? pairs.gold : name === classified.prediction ? pairs.pred : null
      if (texts) {
        const empty = classified.empty
        return (i) => (texts[i] === '' ? empty : texts[i])
      }
      const key = table.keys.get(name)
      if (key) return (i) => key[i]
      if (name === 'error') return (i) => table.errors[i]
      return () => undefined
    }
    const metric = metricOf(table, name)
    if (metric) {
      if (metric.bad) {
        const place = table.place(metric.bad.row)
        throw new InputError(place.file, place.line, metric.bad.field, metric.bad.reason)
      }
      const values = metric.values
      return metric.booleans ? (i) => (Number.isNaN(values[i]) ? null : values[i] === 1) : (i) => (Number.isNaN(values[i]) ? null : values[i])
    }
    const key = table.keys.get(name)
    if (key) return (i) => key[i]
    if (name === 'error') return (i) => table.errors[i]
    if (!column.required) return () => undefined
    const has = table.metrics.map((m) => quote(m.name)).join(', ')
    throw new InputError(table.name, null, name, `is not in this ${format} file: its metrics are ${has || 'none'}`)
  })
  const cells: Cell[] = new Array(getters.length)
  for (let i = 0; i < table.n; i++) {
    for (let k = 0; k < getters.length; k++) cells[k] = getters[k](i)
    rows.add(table.place(i).line ?? i + 1, cells)
  }
}

/**
 * The truth test of a comparison of two tool files (lm-eval: a paired row whose doc_hash or target_hash differs is
 * a label conflict, the test set changed), for the scores task's pairing; "always the same" for other files.
 */
export function toolSameTruth(options: { candidate: PredictionSource; baseline: PredictionSource | null }): (candidate: { n: number }, baseline: { n: number }) => (i: number, j: number) => boolean {
  return (c, b) => {
    const ct = settled.get(options.candidate)
    const bt = options.baseline ? settled.get(options.baseline) : undefined
    if (!ct || !bt || !ct.truth || !bt.truth || ct.n !== c.n || bt.n !== b.n) return () => true
    const x = ct.truth
    const y = bt.truth
    return (i, j) => x[i] === null || y[j] === null || x[i] === y[j]
  }
}

/**
 * The metrics the default gates of a comparison of tool files cover (no `gates` given): the tool's scores, not its
 * telemetry (times, tokens, latency, cost vary from run to run with the provider; they are reported, and gated
 * when a rule names them). Null for other files: every metric.
 */
export function toolDefaultGated(options: { candidate: PredictionSource }): string[] | null {
  return gatedOf.get(options.candidate) ?? null
}

/** Tables once read, for the synchronous checks after pairing. */
const settled = new WeakMap<PredictionSource, ToolTable>()

/**
 * The warnings of a comparison of tool files: what resolveTools noted (metrics left out, ±Infinity, positional
 * ids), for lm-eval the paired examples asked with a different prompt (`prompt_hash`: 0-shot vs 5-shot), and for
 * the classification of a pair metric (`classes`: its task and positive class) how lm-eval aggregates the metric.
 */
export function toolWarnings(
  options: { candidate: PredictionSource; baseline: PredictionSource | null },
  pairing: { n: number; cand: ArrayLike<number>; base: ArrayLike<number>; labelConflicts?: number } | null,
  files: { candidate: { n: number }; baseline: { n: number } | null },
  classes?: { task: string; positiveLabel: string | null }
): string[] {
  const notes = [...(notesOf.get(options.candidate) ?? [])]
  const classified = classifiedOf.get(options.candidate)
  if (classified && classes) notes.push(...aggregationNotes(classified, classes))
  const ct = settled.get(options.candidate)
  const bt = options.baseline ? settled.get(options.baseline) : undefined
  if (pairing && ct && bt && ct.prompts && bt.prompts && ct.n === files.candidate.n && bt.n === files.baseline?.n) {
    let differ = 0
    for (let p = 0; p < pairing.n; p++) {
      const a = ct.prompts[pairing.cand[p]]
      const b = bt.prompts[pairing.base[p]]
      if (a !== null && b !== null && a !== b) differ++
    }
    if (differ > 0) {
      notes.push(
        `the prompts differ on ${differ} of ${pairing.n} paired examples (lm-eval prompt_hash): e.g. 0-shot vs 5-shot, or another template; the comparison measures the prompt change along with the model`
      )
    }
  }
  if (pairing && (pairing.labelConflicts ?? 0) > 0 && ct?.truth) notes.push(`lm-eval: the label conflicts are examples whose doc_hash or target_hash differs between the two files (the same doc_id is another document or answer)`)
  return notes
}

/**
 * The tool a file comes from, by its content (docs/tools.md, recognition), or null for a plain prediction file:
 * a zip named `.eval` (Inspect); a JSON object whose first keys are a tool's (lm-eval `doc_id`; Every Eval Ever
 * `sample_id` with `evaluation_id`/`schema_version`; Inspect `eval`; promptfoo `evalId`, or `results` with
 * `config`; DeepEval `testCases`); a JSON array whose first element has `doc_id` (lm-eval ~0.4.2); a folder
 * holding lm-eval samples files or Inspect logs. Reads at most the first 64 KiB.
 */
export async function recogniseTool(source: PredictionSource): Promise<ToolFormat | null> {
  if (await isFolder(source)) {
    const folder = source.path as string
    if ((await lmEvalFiles(folder)).length > 0) return 'lm-eval'
    if ((await inspectLogs(folder)).length > 0) return 'inspect'
    return null
  }
  // promptfoo: `results.json#1` names one prompt × provider column of results.json.
  const head = await headBytes(columnOf(source, existsSync).source)
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return /\.eval$/i.test(source.name) ? 'inspect' : null
  let i = ws(head, 0, head.length)
  if (head[i] === 91) i = ws(head, i + 1, head.length)
  if (head[i] !== 123) return null
  return formatOfKeys(headKeys(head, i))
}

/** The tool whose top-level keys these are, or null. */
export function formatOfKeys(keys: readonly string[]): ToolFormat | null {
  const has = (k: string): boolean => keys.includes(k)
  if (has('doc_id') && ['doc', 'arguments', 'resps', 'filtered_resps', 'target'].some(has)) return 'lm-eval'
  // An lm-eval results_<time>.json (aggregates only): read as lm-eval, which says what to give instead.
  if (has('results') && ['configs', 'versions', 'n-shot', 'higher_is_better', 'group_subtasks'].some(has)) return 'lm-eval'
  if (has('sample_id') && (has('evaluation_id') || has('schema_version'))) return 'eee'
  if (has('eval') && (has('version') || has('status') || has('samples'))) return 'inspect'
  if (has('evalId') || (has('results') && (has('config') || has('shareableUrl')))) return 'promptfoo'
  if (has('testCases') || has('conversationalTestCases') || has('testRunId')) return 'deepeval'
  return null
}

/** The top-level keys of the object at `i`, as far as the bytes go (a value cut by the end of the head ends the list). */
function headKeys(b: Buffer, i: number): string[] {
  const keys: string[] = []
  const end = b.length
  let j = ws(b, i + 1, end)
  while (j < end && b[j] === 34 && keys.length < 64) {
    let k = j + 1
    while (k < end && b[k] !== 34) k += b[k] === 92 ? 2 : 1
    if (k >= end) break
    keys.push(b.toString('utf8', j + 1, k))
    k = ws(b, k + 1, end)
    if (b[k] !== 58) break
    const after = skipValue(b, k + 1, end)
    if (after < 0) break
    j = ws(b, after, end)
    if (b[j] !== 44) break
    j = ws(b, j + 1, end)
  }
  return keys
}
