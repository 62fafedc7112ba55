/**
 * What a resampled statistic gives: intervals, the worse-side bound and p-values (docs/statistics.md).
 */

/** What resampling gives for one metric. Null where the metric is undefined (NaN) in the data. */
export interface ResampledMetric {
  /** Two-sided (1 − alpha) percentile interval of candidate − baseline. */
  ci: [number, number] | null
  /** (1 − alpha) percentile interval of the candidate's value. */
  candidateCi: [number, number] | null
  /** One-sided (1 − alpha) bound of the delta on the worse side. */
  worseBound: number | null
  /** Two-sided approximate randomization p-value, (hits + 1) / (R + 1). */
  pValue: number | null
  /** One-sided p-value for a change in the worse direction. */
  pValueWorse: number | null
}
