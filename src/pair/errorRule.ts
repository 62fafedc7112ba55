/**
 * The error rule (docs/errors.md, `--errors wrong|exclude`): which compared examples are errors on either side, what
 * is left out under `exclude`, the report's `counts.errors`, the warning, and the metric `error_rate`.
 *
 * - The compared examples are the paired examples (every candidate row without a baseline), before exclusion.
 * - `counts.errors`: the error rows among them, per side (a hand count of the flags).
 * - `exclude`: a pair is dropped when either side errored; `counts.excluded` says how many. Without a baseline the
 *   candidate's error rows are dropped.
 * - `error_rate`: the share of error rows among the compared examples (lower is better), a pass rate of the
 *   error flags: McNemar's exact test on the error/no-error flips, the paired bootstrap interval of the change and
 *   the Wilson interval of the candidate's rate (src/significance/numeric/scoresStatistics.ts, stream
 *   `bootstrap:score:error_rate`). It is computed before exclusion, so `exclude` does not hide it.
 * Cost: O(n) over the compared examples, plus the resampling of four cells.
 *
 * @example errorRule('exclude', { n: 3, errors: Uint8Array.of(0, 1, 0) }, null, null).counts // { candidate: 1, baseline: null }
 */
import type { Pairing } from './pairByIds.js'

export type ErrorMode = 'wrong' | 'exclude'

/** The default of `--errors`. */
export const DEFAULT_ERRORS: ErrorMode = 'wrong'

/** What the error rule needs of a file: its rows and error flags (null or absent: none). */
export interface ErrorRows {
  n: number
  errors?: Uint8Array | null
}

export interface ErrorOutcome {
  mode: ErrorMode
  /** The pairing as made by id (for `counts.paired`, …), and the pairing of the compared examples after exclusion. */
  original: Pairing | null
  pairing: Pairing | null
  /** No baseline and `exclude`: the candidate rows kept (the file is cut to them); null: all rows. */
  keep: Uint32Array | null
  counts: { candidate: number; baseline: number | null }
  /** Compared examples left out (exclude); 0 under wrong. */
  excluded: number
  /** Per compared example, before exclusion: 1 when that side errored (pair order, or row order without a baseline). */
  flags: { candidate: Uint8Array; baseline: Uint8Array | null }
  /**
   * With repeats (task scores): per compared example, the share of its rows that are errors, which `error_rate`
   * averages instead of the flags (src/tasks/repeatErrors.ts, docs/repeats-and-clusters.md).
   */
  shares?: { candidate: Float64Array; baseline: Float64Array | null }
}

/** Applies the rule to the compared examples. */
export function errorRule(mode: ErrorMode, candidate: ErrorRows, baseline: ErrorRows | null, pairing: Pairing | null): ErrorOutcome {
  const cErr = candidate.errors ?? null
  const bErr = baseline?.errors ?? null
  const paired = baseline !== null && pairing !== null
  const n = paired ? pairing.n : candidate.n
  const cFlags = new Uint8Array(n)
  const bFlags = paired ? new Uint8Array(n) : null
  let cCount = 0
  let bCount = 0
  for (let p = 0; p < n; p++) {
    const c = cErr ? cErr[paired ? pairing.cand[p] : p] : 0
    cFlags[p] = c
    cCount += c
    if (bFlags && bErr) {
      const b = bErr[pairing!.base[p]]
      bFlags[p] = b
      bCount += b
    }
  }
  const outcome: ErrorOutcome = {
    mode,
    original: pairing,
    pairing,
    keep: null,
    counts: { candidate: cCount, baseline: paired ? bCount : null },
    excluded: 0,
    flags: { candidate: cFlags, baseline: bFlags }
  }
  if (mode === 'wrong' || cCount + bCount === 0) return outcome
  const kept: number[] = []
  for (let p = 0; p < n; p++) if (!cFlags[p] && !(bFlags && bFlags[p])) kept.push(p)
  outcome.excluded = n - kept.length
  if (paired) {
    outcome.pairing = {
      ...pairing,
      n: kept.length,
      cand: Uint32Array.from(kept, (p) => pairing.cand[p]),
      base: Uint32Array.from(kept, (p) => pairing.base[p])
    }
  } else outcome.keep = Uint32Array.from(kept)
  return outcome
}

/** Whether the compared examples hold any error row. */
export const anyErrors = (e: ErrorOutcome): boolean => e.counts.candidate + (e.counts.baseline ?? 0) > 0

/** The report's counts of the rule: `errors` per side and, under exclude, `excluded`. */
export function errorCounts(e: ErrorOutcome): { errors: { candidate: number; baseline: number | null }; excluded?: number } {
  return { errors: { ...e.counts }, ...(e.mode === 'exclude' ? { excluded: e.excluded } : {}) }
}

/**
 * The warning that names the counts, or null when no compared example errored.
 * @example "4 compared examples have an error row (candidate 3, baseline 1), a row with an \"error\" field set or an empty or null prediction: counted as wrong predictions, …"
 */
export function errorWarning(e: ErrorOutcome): string | null {
  if (!anyErrors(e)) return null
  const c = e.counts
  const total = c.baseline === null ? c.candidate : e.flags.candidate.reduce((s, x, p) => s + (x || (e.flags.baseline as Uint8Array)[p] ? 1 : 0), 0)
  const sides =
    c.baseline === null
      ? `${c.candidate.toLocaleString('en-US')} candidate ${c.candidate === 1 ? 'row is an error' : 'rows are errors'}`
      : `${total.toLocaleString('en-US')} compared ${total === 1 ? 'example has' : 'examples have'} an error row (candidate ${c.candidate.toLocaleString('en-US')}, baseline ${c.baseline.toLocaleString('en-US')})`
  const what = 'a row with an "error" field set or an empty or null prediction'
  if (e.mode === 'wrong') return `${sides}, ${what}: counted as wrong predictions, or as the worst value of a score (errors: wrong); errors: exclude leaves them out of both models.`
  return `${sides}, ${what}: left out of both models (errors: exclude), so every metric is on ${(e.flags.candidate.length - e.excluded).toLocaleString('en-US')} examples.`
}
