/**
 * `--errors wrong` (docs/errors.md) for the tasks without classes: what an error row's prediction counts as. Each fill
 * overwrites the error rows of both files in place, before any statistic; "worst" is taken over the non-error rows
 * of both files (all their rows, paired or not), so it is a value a model actually produced.
 *
 * - scores: each field's worst value: the minimum observed when higher is better, the maximum when lower is better;
 *   a pass rate (a field of 0/1 values) gets 0 (or 1 when lower is better), which is the same rule.
 * - regression: the worst observed absolute error: prediction = label + max |label − prediction|. Every metric
 *   (`mae`, `rmse`, `r2`, `max_error`) depends on the error's size only, so its sign does not matter.
 * - generation: the empty text (it matches no non-empty reference: exact match 0, token F1 0, no n-gram matches);
 *   with `loss`/`tokens`, the row's own loss and tokens when it has them (the loss measures the reference, not the
 *   generated text: docs/errors.md); a row without them gets the worst observed loss, and the row's own token
 *   count when given, else the mean token count of the non-error rows.
 * With no non-error row to take a worst value from, the run stops with a message.
 * Cost: O(n) per field.
 *
 * @example worst(Float64Array.of(3, 1, 5), null, 'higher') // 1
 */
import { InputError } from '../common/errors.js'
import type { NumericFile } from '../read/numericRows.js'
import type { TextFile } from '../read/textRows.js'
import type { Direction } from '../stats/direction.js'

type Rows = { name: string; n: number; errors?: Uint8Array | null }

/** The least (higher better) or greatest (lower better) value of `values` on non-error rows of the files. */
function extreme(files: readonly (Rows | null)[], values: (f: Rows, i: number) => number, largest: boolean): number {
  let best = NaN
  for (const f of files) {
    if (!f) continue
    for (let i = 0; i < f.n; i++) {
      if (f.errors && f.errors[i]) continue
      const v = values(f, i)
      if (Number.isNaN(best) || (largest ? v > best : v < best)) best = v
    }
  }
  return best
}

function noneLeft(files: readonly (Rows | null)[], what: string): never {
  const f = files[0] as Rows
  throw new InputError(f.name, null, null, `has only error rows (and so has the baseline): there is no observed ${what} to count the errors as (errors: wrong); fix the runs, or use errors: exclude`)
}

const each = (files: readonly (Rows | null)[], fn: (f: Rows, i: number) => void): void => {
  for (const f of files) if (f && f.errors) for (let i = 0; i < f.n; i++) if (f.errors[i]) fn(f, i)
}

/** Task scores: every field of an error row gets the field's worst observed value. */
export function fillScores(candidate: NumericFile, baseline: NumericFile | null, directions: readonly Direction[]): void {
  const files = [candidate, baseline]
  if (!files.some((f) => f?.errors)) return
  directions.forEach((direction, k) => {
    // A pass rate (every non-error value 0 or 1) gets 0 (1 when lower is better) even when no row observed it:
    // an errored call is never a pass (docs/tools.md: a promptfoo provider error where every other test passed).
    const worst = passRate(files, k) ? (direction === 'lower' ? 1 : 0) : extreme(files, (f, i) => (f as NumericFile).values[k][i], direction === 'lower')
    if (Number.isNaN(worst)) noneLeft(files, 'value')
    each(files, (f, i) => ((f as NumericFile).values[k][i] = worst))
  })
}

/** True when field k holds only 0 and 1 on the non-error rows of the files (and some row has a value). */
function passRate(files: readonly (NumericFile | null)[], k: number): boolean {
  let seen = false
  for (const f of files) {
    if (!f) continue
    const v = f.values[k]
    for (let i = 0; i < f.n; i++) {
      if (f.errors && f.errors[i]) continue
      if (v[i] !== 0 && v[i] !== 1) return false
      seen = true
    }
  }
  return seen
}

/** Task regression (values [label, prediction]): an error row's prediction is its label plus the worst absolute error. */
export function fillRegression(candidate: NumericFile, baseline: NumericFile | null): void {
  const files = [candidate, baseline]
  if (!files.some((f) => f?.errors)) return
  const worst = extreme(files, (f, i) => Math.abs((f as NumericFile).values[0][i] - (f as NumericFile).values[1][i]), true)
  if (Number.isNaN(worst)) noneLeft(files, 'error')
  each(files, (f, i) => {
    const v = (f as NumericFile).values
    v[1][i] = v[0][i] + worst
  })
}

/** Task generation: an error row's text is empty; its loss its own, else the worst observed (tokens its own or the mean). */
export function fillGeneration(candidate: TextFile, baseline: TextFile | null): void {
  const files = [candidate, baseline]
  if (!files.some((f) => f?.errors)) return
  const hasLoss = candidate.loss !== null
  let worst = NaN
  let meanTokens = NaN
  // Only the error rows without a loss of their own need the worst observed one.
  let lossless = false
  each(files, (f, i) => {
    if (!Number.isFinite((f as TextFile).loss?.[i] ?? NaN)) lossless = true
  })
  if (hasLoss && lossless) {
    worst = extreme(files, (f, i) => ((f as TextFile).loss as Float64Array)[i], true)
    if (Number.isNaN(worst)) noneLeft(files, 'loss')
    let sum = 0
    let count = 0
    for (const f of files) {
      if (!f || !f.tokens) continue
      for (let i = 0; i < f.n; i++) {
        if (f.errors && f.errors[i]) continue
        sum += f.tokens[i]
        count++
      }
    }
    meanTokens = sum / count
  }
  each(files, (f, i) => {
    const t = f as TextFile
    t.predictions[i] = ''
    if (hasLoss && t.loss && t.tokens) {
      if (!Number.isFinite(t.loss[i])) {
        t.loss[i] = worst
        if (!(t.tokens[i] > 0)) t.tokens[i] = meanTokens
      }
    }
  })
}
