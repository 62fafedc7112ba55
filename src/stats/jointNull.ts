/**
 * The contract between a task's joint permutation null and the step-down procedures (maxT.ts, westfallYoung.ts).
 */

/**
 * A task's joint permutation null of the one-sided tests of the named metrics (src/significance/classification/jointPermutation.ts):
 * the observed p and R resampled p of each, from the same swaps; or, when it cannot give them (a metric without
 * a joint resampling, too many examples for the work cap), the reason, in words.
 */
export type JointNull = (
  metrics: readonly string[]
) => { observed: number[]; resampled: Float64Array[]; resamples: number; statistics?: { observed: number[]; resampled: Float64Array[] }; ties?: Float64Array } | string
