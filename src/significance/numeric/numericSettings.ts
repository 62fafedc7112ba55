/**
 * What the numeric tasks (`--task scores`, `--task regression`, docs/tasks.md) share: their settings, the check that
 * every value is a finite number, an empty MetricReport, and the warning for a capped resampling.
 */
import { InputError, quote } from '../../common/errors.js'
import type { MetricReport } from '../../report/schema.js'
import type { Direction } from '../../stats/direction.js'
import type { Ids } from './exampleChanges.js'

export interface NumericSettings {
  /** Two-sided level of every interval and test (`alpha` (docs/cli.md)). */
  alpha: number
  /** Bootstrap resamples and randomization swaps (`resamples` (docs/cli.md)). */
  resamples: number
  /** Seed of every random stream (`seed` (docs/cli.md)). */
  seed: number
  /** How many ids the per-example details list (default 10). */
  detailLimit?: number
  /** Cell-resamples allowed per family (default 2·10⁷, src/stats/cellResample.ts); tests lower it. */
  workCap?: number
}

/** Display names of the two files, for messages (default `candidate`, `baseline`). */
export interface FileNames {
  candidate: string
  baseline: string | null
}

/** A MetricReport with every value null. */
export function emptyMetric(direction: Direction): MetricReport {
  return { candidate: null, baseline: null, delta: null, ci: null, pValue: null, candidateCi: null, test: null, direction, pValueWorse: null, worseBound: null, ciMethod: null }
}

/**
 * Throws an InputError naming the file, the field and the example when a value is not a finite number
 * (the reader should have refused it; this keeps NaN out of the cells whatever the caller does). O(n).
 * @example checkFinite(Float64Array.of(1, NaN), 'judge', 'candidate.jsonl', ['a', 'b']) // throws: candidate.jsonl: field "judge" is not a finite number (example id "b")
 */
export function checkFinite(values: Float64Array, field: string, file: string, ids: Ids | null): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const where = ids ? `example id ${quote(String(ids[i]))}` : `paired example ${i + 1}`
      throw new InputError(file, null, field, `is not a finite number (${where}): ${String(values[i])}`)
    }
  }
}

/** Throws when the arrays of one comparison do not have the same length (a programming error, not bad input). */
export function checkLengths(n: number, arrays: readonly (ArrayLike<unknown> | null)[], what: string): void {
  for (const a of arrays) if (a !== null && a.length !== n) throw new Error(`${what}: arrays of different lengths (${a.length}, expected ${n})`)
}

/**
 * The warning for a family resampled fewer times than asked.
 * @example cappedWarning('latency_ms', 20, 10000, 1000000, 'distinct (baseline, candidate) pairs', true, 2e7)
 */
export function cappedWarning(what: string, made: number, asked: number, cells: number, cellName: string, normal: boolean, cap: number): string {
  const f = (x: number): string => x.toLocaleString('en-US')
  return (
    `${what} resampled ${f(made)} times, not ${f(asked)}: its ${f(cells)} ${cellName} make each resample a pass over ${f(cells)} cells ` +
    `(at most ${f(cap)} cell-resamples).` +
    (normal ? ' Its intervals use the normal approximation with the bootstrap standard error.' : '')
  )
}
