/**
 * promptfoo results (docs/tools.md, promptfoo): the file `promptfoo eval -o results.json` writes, with
 * `results.version` 3 or later: `results.results` holds one row per test × prompt × provider, in completion order.
 *
 * A file with several prompt × provider columns (`results.prompts`, a row's `promptIdx`) holds several models:
 * one is compared at a time, picked by appending its index to the path (`results.json#1`); without it the read
 * stops with the list. The id is the test's `description` when every test of the column has its own, else a hash
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

/** `file.json#2` → the file and column 2; a path without `#N` (or that exists as it is) → itself. */
export function columnOf(source: PredictionSource, exists: (path: string) => boolean): { source: PredictionSource; column: number | null } {
  const m = /^(.*)#(\d+)$/.exec(source.path ?? source.name)
  if (!m || (source.path && exists(source.path))) return { source, column: null }
  return { source: { ...source, name: source.name.replace(/#\d+$/, ''), ...(source.path ? { path: m[1] } : {}) }, column: Number(m[2]) }
}

export async function readPromptfoo(source: PredictionSource, column: number | null = null): Promise<ToolTable> {
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
  const columns = [...new Set(rows.map((r) => r.promptIdx))].sort((a, b) => a - b)
  if (column !== null && !columns.includes(column)) throw new InputError(name, null, null, `has no prompt × provider column ${column} (#${column}): its columns are ${columns.map((c) => `#${c}`).join(', ')}`)
  if (column === null && columns.length > 1) {
    const label = (c: number): string => {
      const p = prompts[c]
      const provider = typeof p?.provider === 'string' ? p.provider : String(((rows.find((r) => r.promptIdx === c)?.raw.provider ?? {}) as { id?: unknown }).id ?? '?')
      const prompt = typeof p?.label === 'string' ? p.label : typeof p?.raw === 'string' ? p.raw : ''
      return `${name}#${c} (${quote(prompt, 40)} × ${quote(provider, 60)}, ${rows.filter((r) => r.promptIdx === c).length} rows)`
    }
    throw new InputError(
      name,
      null,
      null,
      `holds ${columns.length} prompt × provider columns (one suite each, when suites come); compare one at a time by appending its index to the path: ${columns.map(label).join('; ')}`
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
