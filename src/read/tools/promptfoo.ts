/**
 * promptfoo results (docs/tools.md, promptfoo): the file `promptfoo eval -o results.json` writes, with
 * `results.version` 3 or later: `results.results` holds one row per test × prompt × provider, in completion order.
 *
 * A file with several prompt × provider columns (`results.prompts`, a row's `promptIdx`) holds several models: the
 * reader takes one at a time, named by its index appended to the path (`results.json#1`); asked for the file
 * without one, it stops with the list. Given as the candidate, such a file is compared one suite per column
 * (src/compare/promptfooSuites.ts, docs/suites.md), which lists the columns with {@link promptfooColumns} and names
 * each with {@link columnSource}: the file is parsed once for all of them.
 * The id is the test's `description` when every test of the column has its own, else a hash
 * of its `vars` (in both files alike); rows with the same id are repeats (`repeat`: 1, 2, …, in `testIdx` order).
 * Metrics: `success` (a pass rate), `score`, every `namedScores` key, `latencyMs` and `cost` (better when lower).
 * A row whose `failureReason` is 2 (the provider failed, not an assertion) is an error row.
 */
import { createHash } from 'node:crypto'
import { InputError, quote } from '../../common/errors.js'
import type { PredictionSource } from '../predictionFile.js'
import { readJsonDocument } from './toolSources.js'
import { describeValue, safeName, TableBuilder, type ToolTable } from './toolTable.js'

interface Row {
  k: number
  testIdx: number
  promptIdx: number
  description: string | null
  vars: string
  raw: Record<string, unknown>
}

/** One prompt × provider column of a promptfoo file: its index (`promptIdx`), prompt label, provider and row count. */
export interface PromptfooColumn {
  index: number
  /** `results.prompts[index].label` (else its `raw` text, else empty): often the prompt's whole text. */
  prompt: string
  /** `results.prompts[index].provider`, else the provider of its first row (`label`, else `id`); `?` when neither says. */
  provider: string
  rows: number
}

/** A file's rows, parsed and checked, with its columns. */
interface Parsed {
  rows: Row[]
  columns: PromptfooColumn[]
}

/**
 * Parsed files shared by the sources of one file's columns ({@link columnSource}, {@link columnOf}): every suite of a
 * file of several columns reads the same parse instead of its own (they are compared at the same time). Held as long
 * as those sources are.
 */
const shared = new WeakMap<PredictionSource, Promise<Parsed>>()

const share = (from: PredictionSource, to: PredictionSource): PredictionSource => {
  const parsed = shared.get(from)
  if (parsed) shared.set(to, parsed)
  return to
}

/**
 * `file.json#2` → the file and column 2; a path without `#N` (or that exists as it is) → itself. An in-memory
 * source (an artifact's file) names its column in its name: `artifact "x" of run 1: results.json#2`.
 */
export function columnOf(source: PredictionSource, exists: (path: string) => boolean): { source: PredictionSource; column: number | null } {
  const m = /^(.*)#(\d+)$/.exec(source.path ?? source.name)
  if (!m || (source.path && exists(source.path))) return { source, column: null }
  return { source: share(source, { ...source, name: source.name.replace(/#\d+$/, ''), ...(source.path ? { path: m[1] } : {}) }), column: Number(m[2]) }
}

/**
 * The source of column `index` of a promptfoo file: its name (and path) with `#index` appended, the bytes the same
 * (an in-memory source keeps its data). It shares the parse of {@link promptfooColumns} on `source`.
 * @example columnSource({ name: 'results.json', path: 'results.json' }, 1) // { name: 'results.json#1', path: 'results.json#1' }
 */
export function columnSource(source: PredictionSource, index: number): PredictionSource {
  return share(source, { ...source, name: `${source.name}#${index}`, ...(source.path ? { path: `${source.path}#${index}` } : {}) })
}

/**
 * The prompt × provider columns of a promptfoo file, in index order; the file is read and checked once (the reader
 * errors of {@link readPromptfoo}), and the parse kept for the readers of its {@link columnSource}s.
 */
export async function promptfooColumns(source: PredictionSource): Promise<PromptfooColumn[]> {
  let parsed = shared.get(source)
  if (!parsed) {
    parsed = parse(source)
    shared.set(source, parsed)
  }
  return (await parsed).columns.map((c) => ({ ...c }))
}

async function parse(source: PredictionSource): Promise<Parsed> {
  const name = source.name
  const doc = await readJsonDocument(source)
  const results = (doc as { results?: unknown } | null)?.results as { version?: unknown; results?: unknown; prompts?: unknown } | undefined
  if (typeof results !== 'object' || results === null || Array.isArray(results)) throw new InputError(name, null, 'results', 'must be an object: this is not a promptfoo results file (promptfoo eval -o results.json)')
  if (typeof results.version !== 'number' || results.version < 3) throw new InputError(name, null, 'results.version', `is ${describeValue(results.version)}: Eval Gate reads promptfoo results version 3 or later (promptfoo 0.50 on)`)
  if (!Array.isArray(results.results)) throw new InputError(name, null, 'results.results', 'must be a list of rows')
  const prompts = Array.isArray(results.prompts) ? (results.prompts as { label?: unknown; raw?: unknown; provider?: unknown }[]) : []
  const rows: Row[] = results.results.map((r, k) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new InputError(`${name}: results.results[${k}]`, null, null, 'must be an object (one promptfoo row)')
    const raw = r as Record<string, unknown>
    const test = (raw.testCase ?? {}) as { description?: unknown; vars?: unknown }
    const description = typeof test.description === 'string' && test.description !== '' ? test.description : null
    return { k, testIdx: typeof raw.testIdx === 'number' ? raw.testIdx : k, promptIdx: typeof raw.promptIdx === 'number' ? raw.promptIdx : 0, description, vars: hashOf(raw.vars ?? test.vars ?? {}), raw }
  })
  const counts = new Map<number, { rows: number; first: Row }>()
  for (const r of rows) {
    const c = counts.get(r.promptIdx)
    if (c) c.rows++
    else counts.set(r.promptIdx, { rows: 1, first: r })
  }
  const columns = [...counts]
    .sort(([a], [b]) => a - b)
    .map(([index, { rows: n, first }]): PromptfooColumn => {
      const p = prompts[index]
      const own = first.raw.provider
      const row = typeof own === 'string' ? own : typeof own === 'object' && own !== null ? ((own as { label?: unknown }).label ?? (own as { id?: unknown }).id) : undefined
      const provider = typeof p?.provider === 'string' ? p.provider : typeof row === 'string' ? row : '?'
      const prompt = typeof p?.label === 'string' ? p.label : typeof p?.raw === 'string' ? p.raw : ''
      return { index, prompt, provider, rows: n }
    })
  return { rows, columns }
}

export async function readPromptfoo(source: PredictionSource, column: number | null = null): Promise<ToolTable> {
  const name = source.name
  const { rows, columns: all } = await (shared.get(source) ?? parse(source))
  const columns = all.map((c) => c.index)
  if (column !== null && !columns.includes(column)) throw new InputError(name, null, null, `has no prompt × provider column ${column} (#${column}): its columns are ${columns.map((c) => `#${c}`).join(', ')}`)
  if (column === null && columns.length > 1) {
    const label = (c: PromptfooColumn): string => `${name}#${c.index} (${quote(c.prompt, 40)} × ${quote(c.provider, 60)}, ${c.rows} rows)`
    throw new InputError(
      name,
      null,
      null,
      `holds ${columns.length} prompt × provider columns, one model each: given as the candidate file, it is compared one suite per column (docs/tools.md, promptfoo); ` +
        `here, name one column by appending its index to the path: ${all.map(label).join('; ')}`
    )
  }
  const chosen = column ?? columns[0] ?? 0
  const leg = rows.filter((r) => r.promptIdx === chosen).sort((a, b) => a.testIdx - b.testIdx || a.k - b.k)
  if (leg.length === 0) throw new InputError(name, null, null, 'holds no rows')
  const descriptions = leg.map((r) => r.description)
  const byDescription = descriptions.every((d) => d !== null) && new Set(descriptions).size === leg.length
  const table = new TableBuilder('promptfoo', name, byDescription ? 'description' : 'vars')
  const seen = new Map<string, number>()
  let repeats = false
  for (const r of leg) {
    const id = byDescription ? (r.description as string) : r.vars
    const i = table.row(id)
    const k = (seen.get(id) ?? 0) + 1
    if (k > 1) repeats = true
    seen.set(id, k)
    table.setKey(i, 'repeat', k)
    table.setAltId(i, 'vars', r.vars)
    table.setAltId(i, 'testIdx', r.testIdx)
    if (r.description !== null) table.setAltId(i, 'description', r.description)
    const raw = r.raw
    if (raw.failureReason === 2) table.setError(i, typeof raw.error === 'string' && raw.error !== '' ? raw.error : 'the provider failed')
    table.set(i, 'success', raw.success, 'success')
    table.set(i, 'score', raw.score, 'score')
    const named = raw.namedScores
    if (typeof named === 'object' && named !== null && !Array.isArray(named)) {
      for (const [key, v] of Object.entries(named as Record<string, unknown>)) table.set(i, safeName(key), v, `namedScores.${key}`)
    }
    table.set(i, 'latencyMs', raw.latencyMs, 'latencyMs')
    table.set(i, 'cost', raw.cost, 'cost')
  }
  table.optional('latencyMs', 'cost')
  if (!byDescription && leg.some((r) => r.description !== null)) table.notes.push(`${name}: the tests' descriptions are not all distinct, so examples are paired by a hash of their vars`)
  return table.finish((row) => ({ file: `${name}: results.results[${leg[row].k}] (testIdx ${leg[row].testIdx})`, line: null }), repeats ? 'repeat' : null)
}

/** A stable short hash of a JSON value (object keys sorted): the id of a test by its vars. */
function hashOf(value: unknown): string {
  return createHash('sha256').update(stable(value)).digest('hex').slice(0, 16)
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
