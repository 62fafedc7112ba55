/**
 * Task `scores` with `--repeat-field`: the error rule applied to each row before an id's repeats are averaged
 * (docs/repeats-and-clusters.md, docs/errors.md).
 *
 * A scores file is collapsed to one row per id (the mean of its repeats) before pairing. The error flags are the
 * rows' own, so they are settled here, row by row, before the mean is taken:
 * - `errors: wrong`: each error row's value (a number, or none: a null score) is the field's worst value observed
 *   on the non-error rows of both files (src/tasks/errorFill.ts, the same rule as without repeats); the id's value
 *   is then the mean of its rows.
 * - `errors: exclude`: an id with an error row is left out of both models (its other repeats too: the id is the
 *   example).
 * - `counts.errors`: the error rows of the compared ids, per side.
 * - `error_rate`: per compared id, the share of its rows that are errors (the mean over its repeats, like every
 *   other value), so with k repeats per id it is the share of error rows.
 * The counts are those of src/pair/repeatPairing.ts `meanOfRepeats`; without `--repeat-field` nothing is collapsed and
 * `settle` is src/tasks/errorFill.ts `fillScores`.
 * Cost: O(rows · fields).
 *
 * @example const repeats = repeatMeans(options); // collapse: each file, read; settle: once both are paired
 */
import type { ErrorOutcome } from '../pair/errorRule.js'
import { collapseRepeats, repeatIds } from '../pair/repeats.js'
import type { NumericFile } from '../read/numericRows.js'
import type { Report } from '../report/schema.js'
import type { Direction } from '../stats/direction.js'
import { fillScores } from './errorFill.js'

/** One file's rows before its repeats were averaged, and the id each belongs to. */
interface RawRows {
  /** The collapsed file's value columns (one per field, one value per id), filled in place under `wrong`. */
  means: Float64Array[]
  rows: NumericFile
  idOf: Uint32Array
  /** Per id: its rows, and its error rows. */
  k: Float64Array
  errorRows: Float64Array
}

export interface RepeatMeans {
  /** Each file after reading: one row per id, flagged as an error when any of its rows is one. */
  collapse: (file: NumericFile) => NumericFile
  /**
   * Once the files are paired and the error rule has chosen the compared ids: fills the error rows under
   * `wrong` and averages again, and gives the outcome with `counts.errors` in rows and the per-id error shares.
   */
  settle: (read: { candidate: NumericFile; baseline: NumericFile | null; errors: ErrorOutcome }, directions: readonly Direction[]) => ErrorOutcome
  /** The files' rows as read (before the repeats were averaged; the files themselves without repeats). */
  rows: (candidate: NumericFile, baseline: NumericFile | null) => [NumericFile, NumericFile | null]
  /** `counts.repeats`, and the files' rows as `counts.candidate` / `counts.baseline`. */
  counts: (counts: Report['counts']) => Report['counts']
}

/** The repeats of the scores task with the error rule applied per row. */
export function repeatMeans(options: { repeatField?: string; clusterField?: string }): RepeatMeans {
  const field = options.repeatField
  const seen: RawRows[] = []
  return {
    collapse(file) {
      if (field === undefined) return file
      const repeats = repeatIds(file, field)
      const collapsed = collapseRepeats(file, repeats, file.values, options.clusterField)
      const k = new Float64Array(repeats.ids)
      const errorRows = new Float64Array(repeats.ids)
      for (let i = 0; i < file.n; i++) {
        k[repeats.idOf[i]]++
        if (file.errors && file.errors[i]) errorRows[repeats.idOf[i]]++
      }
      seen.push({ means: collapsed.columns, rows: file, idOf: repeats.idOf, k, errorRows })
      const errors = file.errors ? Uint8Array.from(errorRows, (e) => (e > 0 ? 1 : 0)) : null
      return { ...collapsed.file, values: collapsed.columns, errors }
    },
    settle(read, directions) {
      if (field === undefined || seen.length === 0) {
        if (read.errors.mode === 'wrong') fillScores(read.candidate, read.baseline, directions)
        return read.errors
      }
      const [c, b] = [seen[0], seen[1] ?? null]
      if (read.errors.mode === 'wrong' && (c.rows.errors || b?.rows.errors)) {
        fillScores(c.rows, b ? b.rows : null, directions)
        for (const raw of [c, b]) if (raw) averageAgain(raw)
      }
      return withRowCounts(read.errors, c, b)
    },
    rows(candidate, baseline) {
      if (field === undefined || seen.length === 0) return [candidate, baseline]
      return [seen[0].rows, seen[1] ? seen[1].rows : null]
    },
    counts(counts) {
      if (field === undefined || seen.length === 0) return counts
      const [c, b] = [seen[0], seen[1] ?? null]
      const meanK = (raw: RawRows): number => (raw.k.length === 0 ? 0 : raw.rows.n / raw.k.length)
      return { ...counts, candidate: c.rows.n, baseline: b ? b.rows.n : null, repeats: { candidate: meanK(c), baseline: b ? meanK(b) : null } }
    }
  }
}

/** The id means of the (filled) rows, written into the collapsed file's columns. */
function averageAgain(raw: RawRows): void {
  raw.means.forEach((mean, f) => {
    mean.fill(0)
    const values = raw.rows.values[f]
    for (let i = 0; i < raw.rows.n; i++) mean[raw.idOf[i]] += values[i]
    for (let id = 0; id < mean.length; id++) mean[id] /= raw.k[id]
  })
}

/**
 * The outcome with `counts.errors` in rows and `shares` (per compared id, error rows / rows), both over the
 * compared ids before exclusion: the original pairing's ids, or every candidate id without a baseline.
 */
function withRowCounts(e: ErrorOutcome, c: RawRows, b: RawRows | null): ErrorOutcome {
  const pairing = e.original
  const n = e.flags.candidate.length
  const cShare = new Float64Array(n)
  const bShare = b && pairing ? new Float64Array(n) : null
  let cRows = 0
  let bRows = 0
  for (let p = 0; p < n; p++) {
    const ci = pairing ? pairing.cand[p] : p
    cRows += c.errorRows[ci]
    cShare[p] = c.errorRows[ci] / c.k[ci]
    if (bShare && b && pairing) {
      const bi = pairing.base[p]
      bRows += b.errorRows[bi]
      bShare[p] = b.errorRows[bi] / b.k[bi]
    }
  }
  return { ...e, counts: { candidate: cRows, baseline: e.counts.baseline === null ? null : bRows }, shares: { candidate: cShare, baseline: bShare } }
}
