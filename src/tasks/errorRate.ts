/**
 * The error rate as a metric of the report (docs/errors.md): the share of error rows of each model, tested like a pass rate.
 */
import type { ErrorOutcome } from '../pair/errorRule.js'
import type { MetricReport } from '../report/schema.js'
import { scoresStatistics } from '../significance/numeric/scoresStatistics.js'
import type { Settings } from './taskModule.js'

/**
 * The metric `error_rate` (lower is better): the error flags of the compared examples as a pass rate, with
 * McNemar's exact test on the flips (statsmodels `mcnemar([[a, b], [c, d]], exact=True)` on the 2×2 table of
 * baseline error × candidate error), the paired bootstrap interval and the Wilson interval of the candidate's rate.
 */
export function errorRateMetric(e: ErrorOutcome, ids: readonly string[] | null, settings: Settings, files: { candidate: string; baseline: string | null }): MetricReport {
  const asNumbers = (f: Uint8Array): Float64Array => Float64Array.from(f)
  const result = scoresStatistics(
    {
      names: ['error_rate'],
      directions: ['lower'],
      candidate: [e.shares?.candidate ?? asNumbers(e.flags.candidate)],
      baseline: e.flags.baseline ? [e.shares?.baseline ?? asNumbers(e.flags.baseline)] : null,
      ids: ids ? [...ids] : null,
      files
    },
    settings
  )
  return result.metrics.get('error_rate') as MetricReport
}
