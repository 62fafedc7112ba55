/**
 * A promptfoo results file of several prompt × provider columns as suites (docs/tools.md, promptfoo; docs/suites.md):
 * each column is a model, compared as a suite of its own against its counterpart column of the baseline file, all in
 * one multiplicity family. The suites' files are the file's columns (`results.json#1`, src/read/tools/promptfoo.ts),
 * parsed once for all of them; an in-memory source (the action's baseline artifact file) works alike.
 *
 * - Names: the provider, made plain, when the providers all differ; `prompt-1`, `prompt-2`, … (the prompts in the
 *   order they first appear) when one provider runs several prompts; `<provider>.prompt-<k>` otherwise.
 * - Pairing, in rounds: the baseline column of the same provider and prompt label; else the same provider's column
 *   at the same place among that provider's columns left; else the column at the same index. A baseline of one
 *   column pairs with the candidate column of its provider (of its prompt, if there is one), or with none. A
 *   pairing other than by provider and prompt is said in that suite's warnings; a column paired with nothing is a
 *   new suite.
 */
import { existsSync } from 'node:fs'
import { InputError, quote } from '../common/errors.js'
import { isFolder } from '../common/fileKind.js'
import type { Format, PredictionSource } from '../read/predictionFile.js'
import { columnOf, columnSource, promptfooColumns, type PromptfooColumn } from '../read/tools/promptfoo.js'
import { recogniseTool } from '../read/tools/toolFormats.js'
import type { SuiteInput } from './suites.js'

/** How a candidate column found its baseline column: same provider and prompt, same provider at its place, same index. */
export type Pairing = 'same' | 'provider' | 'position'

/** The longest a provider's part of a suite name is (docs/tools.md): longer ones keep their head and tail. */
const PROVIDER_CHARS = 60

/**
 * A provider id as a plain suite name: runs of characters other than letters, digits, `.`, `_`, `-` become one `_`
 * (none at either end); past 60 characters its first and last 29 around `..`.
 * @example plainProvider('openai:chat:gpt-4o-mini') // 'openai_chat_gpt-4o-mini'
 */
export function plainProvider(provider: string): string {
  const plain = provider.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'provider'
  const side = (PROVIDER_CHARS - 2) >> 1
  return plain.length <= PROVIDER_CHARS ? plain : `${plain.slice(0, side)}..${plain.slice(-side)}`
}

/**
 * The suite names of a file's columns (docs/tools.md, promptfoo): the plain provider when every column has its own
 * provider; `prompt-<k>` when they share one provider (k numbers the prompt labels in the order they first appear,
 * so the columns' order when each has its own); else `<provider>.prompt-<k>` (the provider alone when every column
 * has the same prompt). A name made twice (two providers alike once plain or cut) gets `-2`, `-3`, … in column order.
 * @example suiteNames([{ provider: 'openai:gpt-4o', prompt: 'p' }, { provider: 'anthropic:claude', prompt: 'p' }]) // ['openai_gpt-4o', 'anthropic_claude']
 */
export function suiteNames(columns: readonly Pick<PromptfooColumn, 'provider' | 'prompt'>[]): string[] {
  const providers = new Set(columns.map((c) => c.provider))
  const prompts = new Map<string, number>()
  for (const c of columns) if (!prompts.has(c.prompt)) prompts.set(c.prompt, prompts.size + 1)
  const names = columns.map((c) => {
    const k = prompts.get(c.prompt) as number
    if (providers.size === columns.length || prompts.size === 1) return plainProvider(c.provider)
    return providers.size === 1 ? `prompt-${k}` : `${plainProvider(c.provider)}.prompt-${k}`
  })
  const seen = new Set<string>()
  return names.map((name) => {
    let unique = name
    for (let k = 2; seen.has(unique); k++) unique = `${name}-${k}`
    seen.add(unique)
    return unique
  })
}

/**
 * The baseline column of each candidate column (null: none), and how it was found (see the module's comment).
 * Each baseline column serves one candidate column at most. Cost O(columns²).
 */
export function pairColumns(candidate: readonly PromptfooColumn[], baseline: readonly PromptfooColumn[]): ({ column: PromptfooColumn; how: Pairing } | null)[] {
  const out: ({ column: PromptfooColumn; how: Pairing } | null)[] = candidate.map(() => null)
  const used = new Set<number>()
  const take = (i: number, j: number, how: Pairing): void => {
    out[i] = { column: baseline[j], how }
    used.add(j)
  }
  if (baseline.length === 1) {
    const b = baseline[0]
    const same = candidate.findIndex((c) => c.provider === b.provider && c.prompt === b.prompt)
    const i = same >= 0 ? same : candidate.findIndex((c) => c.provider === b.provider)
    if (i >= 0) take(i, 0, same >= 0 ? 'same' : 'provider')
    return out
  }
  candidate.forEach((c, i) => {
    const j = baseline.findIndex((b, j) => !used.has(j) && b.provider === c.provider && b.prompt === c.prompt)
    if (j >= 0) take(i, j, 'same')
  })
  for (const provider of new Set(candidate.map((c) => c.provider))) {
    const left = candidate.flatMap((c, i) => (out[i] === null && c.provider === provider ? [i] : []))
    const free = baseline.flatMap((b, j) => (!used.has(j) && b.provider === provider ? [j] : []))
    left.forEach((i, k) => {
      if (k < free.length) take(i, free[k], 'provider')
    })
  }
  candidate.forEach((c, i) => {
    if (out[i] !== null) return
    const j = baseline.findIndex((b, j) => !used.has(j) && b.index === c.index)
    if (j >= 0) take(i, j, 'position')
  })
  return out
}

/**
 * The suites of a promptfoo file of several columns and its baseline file (or null: none), or null when the candidate
 * is not such a file (not promptfoo by `format` or by its content, one column, a column already named by `#N`, a
 * folder): then it is compared as it is. A baseline with `#N` is that one column. The baseline must be a promptfoo
 * file (an InputError naming it otherwise); a bad file is the reader's InputError.
 */
export async function promptfooSuites(candidate: PredictionSource, baseline: PredictionSource | null, format: Format | undefined): Promise<SuiteInput[] | null> {
  if (format !== undefined && format !== 'promptfoo') return null
  if (!candidate.data && candidate.path !== undefined && isFolder(candidate.path)) return null
  if (columnOf(candidate, existsSync).column !== null) return null
  if (format === undefined && (await recogniseTool(candidate)) !== 'promptfoo') return null
  const columns = await promptfooColumns(candidate)
  if (columns.length < 2) return null
  const names = suiteNames(columns)
  let base: { source: PredictionSource; columns: PromptfooColumn[] } | null = null
  if (baseline !== null) {
    const picked = columnOf(baseline, existsSync)
    if (format === undefined && (await recogniseTool(picked.source)) !== 'promptfoo') {
      throw new InputError(baseline.name, null, null, `is not a promptfoo results file, and the candidate is one of ${columns.length} prompt × provider columns (compared one suite per column): give the baseline's promptfoo results file`)
    }
    const all = await promptfooColumns(picked.source)
    const only = picked.column === null ? all : all.filter((c) => c.index === picked.column)
    if (only.length === 0) throw new InputError(picked.source.name, null, null, `has no prompt × provider column ${picked.column} (#${picked.column}): its columns are ${all.map((c) => `#${c.index}`).join(', ')}`)
    base = { source: picked.source, columns: only }
  }
  const pairs = base ? pairColumns(columns, base.columns) : columns.map(() => null)
  // A baseline column no suite compares is said, never dropped silently (docs/suites.md).
  const unused = base ? base.columns.filter((b) => !pairs.some((p) => p?.column === b)) : []
  const dropped = unused.map((b) => `The baseline's column ${base?.source.name}#${b.index} (${quote(b.prompt, 60)} × ${quote(b.provider, 60)}) has no counterpart among the candidate's columns: not compared.`)
  return columns.map((c, i): SuiteInput => {
    const pair = pairs[i]
    const suite: SuiteInput = { name: names[i], candidate: columnSource(candidate, c.index), baseline: null, ...(i === 0 && dropped.length > 0 ? { setWarnings: dropped } : {}) }
    if (!base) return { ...suite, whyNew: 'no baseline' }
    if (!pair) return { ...suite, whyNew: whyNew(c, base.source, base.columns, pairs, names) }
    const note = pairingNote(c, pair.column, pair.how, base.source.name)
    return { ...suite, baseline: columnSource(base.source, pair.column.index), ...(note ? { notes: [note] } : {}) }
  })
}

/** Why a column has no baseline counterpart, naming the baseline file. */
function whyNew(c: PromptfooColumn, file: PredictionSource, baseline: readonly PromptfooColumn[], pairs: readonly ({ column: PromptfooColumn } | null)[], names: readonly string[]): string {
  if (baseline.length === 1) {
    const b = baseline[0]
    const taker = pairs.findIndex((p) => p !== null)
    return taker >= 0
      ? `${file.name} is one column (${quote(b.provider, 60)}), compared with suite ${quote(names[taker])}`
      : `${file.name} is one column, of another provider (${quote(b.provider, 60)})`
  }
  return `${file.name} has no column of provider ${quote(c.provider, 60)} left to pair with it, nor one at its index #${c.index}`
}

/** What a suite's warnings say of a pairing other than by provider and prompt label; null for that one. */
function pairingNote(c: PromptfooColumn, b: PromptfooColumn, how: Pairing, file: string): string | null {
  if (how === 'same') return null
  const changed = [
    ...(b.provider !== c.provider ? [`the provider changed (${quote(b.provider, 60)} → ${quote(c.provider, 60)})`] : []),
    ...(b.prompt !== c.prompt ? [`the prompt label changed (${quote(b.prompt, 60)} → ${quote(c.prompt, 60)})`] : [])
  ]
  const by = how === 'provider' ? "as the same provider's column at the same place" : 'by position only (the same column index)'
  return `Paired with ${file}#${b.index} ${by}: ${changed.join(' and ')}, so the comparison measures that change too (docs/tools.md, promptfoo).`
}
