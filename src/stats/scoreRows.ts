/**
 * Rows × classes probabilities (docs/metrics.md), read in place from a file's scores or dense.
 */

/**
 * Rows × classes probabilities read in place from a file's `scores` values: row p of the comparison is file row
 * `rows[p]` (null: row p), class j is column `column[j]` of `width`. Saves a copy of rows × classes doubles.
 */
export interface ScoreRows {
  values: Float64Array
  width: number
  column: ArrayLike<number>
  rows: ArrayLike<number> | null
}

/** Dense n × k probabilities as ScoreRows (a view of every row, columns in label order); ScoreRows as they are. */
export function scoreRows(probs: Float64Array | ScoreRows, k: number): ScoreRows {
  return probs instanceof Float64Array ? { values: probs, width: k, column: Int32Array.from({ length: k }, (_, j) => j), rows: null } : probs
}
