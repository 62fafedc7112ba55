/**
 * What an lm-eval run's `results_<time>.json` says about the metrics of a samples file (docs/tools.md, lm-eval):
 * which way each is better (`higher_is_better[task]`) and how the run aggregates it over the test set
 * (`configs[task].metric_list[].aggregation`: a built-in name, or a task's own Python function, written out as its
 * source `def span_f1_agg(items): …`).
 *
 * The results file is found beside `samples_<task>_<time>.jsonl` by the timestamp: `results_<time>.json`, else a
 * renamed one (`masakhaner_luo_0shot_<time>.json`) that holds the task.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PredictionSource } from '../predictionFile.js'
import { parseJson } from './pythonJson.js'
import type { Aggregation } from './toolTable.js'

/** What the results file says, by metric name (without the filter). */
export interface RunResults {
  /** metric → true when higher is better. */
  higher: Map<string, boolean>
  aggregations: Map<string, Aggregation>
}

/** A results file larger than this is not read (it only adds directions and notes). */
const MAX_RESULTS_BYTES = 64 << 20

/**
 * lm-eval's default aggregation of a built-in metric whose `metric_list` entry names none (lm_eval/api/metrics.py):
 * the pass-through metrics a classification pair can come from.
 */
const DEFAULT_AGGREGATION: Record<string, string> = { f1: 'f1', mcc: 'matthews_corrcoef' }

/**
 * The run's results for the task of a `samples_<task>_<time>.jsonl` file; null when there is no results file
 * beside it that holds the task (or the source has no path, or another name).
 */
export async function runResults(source: PredictionSource): Promise<RunResults | null> {
  if (!source.path) return null
  const m = /^samples_(.+)_(\d{4}-\d{2}-\d{2}T[\d.-]+)\.jsonl$/.exec(path.basename(source.path))
  if (!m) return null
  const [, task, time] = m
  const folder = path.dirname(source.path)
  for (const file of await candidates(folder, time)) {
    const results = await readResults(path.join(folder, file))
    const of = results ? resultsOf(results, task) : null
    if (of) return of
  }
  return null
}

/** The results files that may be the run's: `results_<time>.json` first, then other `*_<time>.json` names (renamed). */
async function candidates(folder: string, time: string): Promise<string[]> {
  const exact = `results_${time}.json`
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return []
  }
  const renamed = names.filter((n) => n !== exact && n.endsWith(`_${time}.json`) && !n.startsWith('samples_')).sort()
  return [...(names.includes(exact) ? [exact] : []), ...renamed]
}

async function readResults(file: string): Promise<unknown> {
  try {
    const text = await readFile(file, 'utf8')
    return text.length > MAX_RESULTS_BYTES ? null : parseJson(text)
  } catch {
    return null
  }
}

/** The directions and aggregations of `task` in a parsed results file; null when it does not hold the task. */
function resultsOf(results: unknown, task: string): RunResults | null {
  if (typeof results !== 'object' || results === null) return null
  const { higher_is_better: hib, configs } = results as { higher_is_better?: unknown; configs?: unknown }
  const table = objectAt(hib, task)
  const config = objectAt(configs, task)
  if (!table && !config) return null
  const higher = new Map<string, boolean>()
  for (const [metric, value] of Object.entries(table ?? {})) if (typeof value === 'boolean') higher.set(metric, value)
  const aggregations = new Map<string, Aggregation>()
  const list = config?.metric_list
  if (Array.isArray(list)) {
    for (const entry of list) {
      const metric = (entry as { metric?: unknown } | null)?.metric
      if (typeof metric !== 'string') continue
      const aggregation = aggregationOf((entry as { aggregation?: unknown }).aggregation, metric)
      if (aggregation) aggregations.set(metric, aggregation)
    }
  }
  return { higher, aggregations }
}

/**
 * An aggregation as a results file writes it: a built-in name, or a function's Python source (its name is taken).
 * @example aggregationOf('def span_f1_agg(items):\n    …', 'f1') // { name: 'span_f1_agg', custom: true }
 * @example aggregationOf(undefined, 'mcc') // { name: 'matthews_corrcoef', custom: false }
 */
export function aggregationOf(value: unknown, metric: string): Aggregation | null {
  if (typeof value !== 'string' || value.trim() === '') {
    const builtIn = DEFAULT_AGGREGATION[metric]
    return builtIn ? { name: builtIn, custom: false } : null
  }
  const text = value.trim()
  const def = /^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(text)
  if (def) return { name: def[1], custom: true }
  // Any other source text (a lambda, a decorated function): custom, named by its first 40 characters.
  if (/[\s(]/.test(text)) return { name: text.slice(0, 40), custom: true }
  return { name: text, custom: false }
}

function objectAt(value: unknown, key: string): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null) return null
  const at = (value as Record<string, unknown>)[key]
  return typeof at === 'object' && at !== null && !Array.isArray(at) ? (at as Record<string, unknown>) : null
}
