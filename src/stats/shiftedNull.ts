/**
 * The contract between a task's tests of a shifted null and the gates' `tolerance` (docs/gates.md, "Tolerance"):
 * the one-sided p-value for "delta is worse than the tolerance T" (higher is better: H₀ delta ≥ −T against
 * delta < −T), from a test the task can make exactly or by its score form where the report alone cannot
 * (paired proportions need the discordant counts: src/significance/classification/shiftedMcNemar.ts).
 */

/** A shifted test's one-sided p and the name of the test (`test` in the gate). */
export interface ShiftedP {
  pValueWorse: number
  test: string
}

/** A task's shifted test of `metric` at `tolerance` (> 0); null when it has none for that metric (the gates fall back). */
export type ShiftedTest = (metric: string, tolerance: number) => ShiftedP | null
