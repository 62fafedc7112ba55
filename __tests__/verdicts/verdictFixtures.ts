/**
 * What the verdict tests share: the material-drop test set of docs/gates.md (200 examples, 36 positives; the
 * candidate misses 3 positives the baseline found), compare() on in-memory rows, and the CLI run in-process with
 * its standard output captured and `isTTY` given.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compare } from '../../src/compare/compare.js'
import { runCli } from '../../src/cli/runCli.js'
import { DEFAULT_FIELDS } from '../../src/read/predictionFile.js'
import type { CompareOptions } from '../../src/tasks/options.js'
import type { Report } from '../../src/report/schema.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export const jsonl = (rows: readonly Record<string, unknown>[]): Uint8Array => new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join('\n') + '\n')

/**
 * 200 examples: ids 0–35 are spam (36 positives), the rest ham. Both models flag every 20th ham as spam (8 false
 * positives). The baseline finds all 36 positives; the candidate misses ids 0, 1 and 2: recall 36/36 → 33/36,
 * −8.3 points, with b = 3 discordant positives against the candidate and c = 0 for it.
 */
export function dropRows(model: 'baseline' | 'candidate', extra: (i: number) => Record<string, unknown> = () => ({})): Record<string, unknown>[] {
  return Array.from({ length: 200 }, (_, i) => {
    const label = i < 36 ? 'spam' : 'ham'
    let prediction = label
    if (model === 'candidate' && i < 3) prediction = 'ham'
    if (i >= 36 && i % 20 === 0) prediction = 'spam'
    return { id: `ex-${i}`, label, prediction, ...extra(i) }
  })
}

export async function compareRows(candidate: readonly Record<string, unknown>[], baseline: readonly Record<string, unknown>[] | null, options: Partial<CompareOptions> = {}): Promise<Report> {
  return compare({
    candidate: { name: 'candidate.jsonl', data: jsonl(candidate) },
    baseline: baseline ? { name: 'baseline.jsonl', data: jsonl(baseline) } : null,
    fields: DEFAULT_FIELDS,
    alpha: 0.05,
    resamples: 2000,
    seed: 0,
    missingBaseline: 'skip',
    ...options
  })
}

/** The CLI in-process: exit status and what it wrote on standard output, a terminal or not. */
export async function cli(args: readonly string[], isTTY: boolean): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const code = await runCli(args, { write: (text) => (stdout += text), isTTY })
  return { code, stdout }
}

export const example = (...parts: string[]): string => path.join(root, 'examples', ...parts)
