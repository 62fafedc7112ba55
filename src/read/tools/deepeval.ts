/**
 * DeepEval test runs (docs/tools.md, DeepEval): the JSON of a test run (`testCases`, and
 * `conversationalTestCases`), one row per test case, `name` its id. Each metric of a case (`metricsData`, or
 * `metricsMetadata` in 2024 files) is a metric named in lower snake case (`Answer Relevancy` → `answer_relevancy`):
 * its `score`. Hallucination, bias, toxicity, latency and cost are better when lower. A metric that errored
 * (`error` set, or no score) makes its case an error row.
 */
import { InputError } from '../../common/errors.js'
import type { PredictionSource } from '../predictionFile.js'
import { readJsonDocument } from './toolSources.js'
import { describeValue, TableBuilder, type ToolTable } from './toolTable.js'

/** `Answer Relevancy` → `answer_relevancy`; `G-Eval (Correctness)` → `g_eval_correctness`. */
export function snakeCase(name: string): string {
  const s = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return /^[a-z_]/.test(s) ? s : `_${s}`
}

export async function readDeepEval(source: PredictionSource): Promise<ToolTable> {
  const name = source.name
  const doc = await readJsonDocument(source)
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new InputError(name, null, null, 'must be a JSON object (a DeepEval test run)')
  const run = doc as { testCases?: unknown; conversationalTestCases?: unknown; traceMetricsScores?: unknown }
  const lists: [string, unknown][] = [
    ['testCases', run.testCases],
    ['conversationalTestCases', run.conversationalTestCases]
  ]
  const table = new TableBuilder('deepeval', name, 'name')
  const places: string[] = []
  for (const [key, list] of lists) {
    if (list === undefined || list === null) continue
    if (!Array.isArray(list)) throw new InputError(name, null, key, `must be a list, got ${describeValue(list)}`)
    list.forEach((tc, k) => {
      const where = `${name}: ${key}[${k}]`
      if (typeof tc !== 'object' || tc === null || Array.isArray(tc)) throw new InputError(where, null, null, 'must be an object (one test case)')
      const c = tc as Record<string, unknown>
      if (typeof c.name !== 'string' || c.name === '') throw new InputError(where, null, 'name', 'is missing: a test case is paired by its name')
      const i = table.row(c.name)
      places[i] = where
      const metrics = c.metricsData ?? c.metricsMetadata
      if (metrics === undefined || metrics === null) return
      if (!Array.isArray(metrics)) throw new InputError(where, null, 'metricsData', `must be a list, got ${describeValue(metrics)}`)
      metrics.forEach((m, j) => {
        const md = (m ?? {}) as Record<string, unknown>
        const label = typeof md.name === 'string' ? md.name : typeof md.metric === 'string' ? md.metric : null
        if (label === null) throw new InputError(where, null, `metricsData[${j}].name`, 'is missing')
        const metric = snakeCase(label)
        table.set(i, metric, md.score, `metricsData[${j}].score`)
        if (typeof md.error === 'string' && md.error !== '') table.setError(i, `${label}: ${md.error}`)
      })
    })
  }
  if (table.n === 0) throw new InputError(name, null, 'testCases', 'is empty or missing: no test cases')
  const built = table.finish((row) => ({ file: places[row], line: null }))
  if (built.metrics.length === 0 && run.traceMetricsScores) {
    built.notes.push(`${name}: its test cases have no metricsData; DeepEval put the scores on traces (traceMetricsScores), which have no per-test-case value`)
  }
  return built
}
