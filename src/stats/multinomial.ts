/**
 * Exact multinomial sampling by the conditional binomial method: with N_left draws and R_left weight left,
 * X_j ~ Bin(N_left, w_j / R_left), then N_left −= X_j and R_left −= w_j (Davis 1993, "The computer generation of
 * multinomial random variates", Comp. Stat. & Data Analysis 16, 205–217). Integer weights keep R_left exact, so
 * nothing drifts; pass the cells largest first so N_left reaches 0 early.
 * Cost: at most one binomial draw per cell. `from`/`to` draw the cells of a range only (src/stats/blockMultinomial.ts).
 *
 * @example multinomial(rng, 10, [10], out) // out = [10]
 */
import { binomial } from './binomial.js'
import type { RandomSource } from './random.js'

export function multinomial(
  rng: RandomSource,
  n: number,
  weights: ArrayLike<number>,
  out: { [i: number]: number; length: number },
  /** Only the cells from … to − 1 (the others of `out` are left as they are). */
  from = 0,
  to = weights.length
): void {
  let left = n
  let rest = 0
  for (let j = from; j < to; j++) rest += weights[j]
  for (let j = from; j < to; j++) {
    const w = weights[j]
    if (left === 0 || w === 0) {
      out[j] = 0
    } else if (w >= rest) {
      out[j] = left
      left = 0
    } else {
      const x = binomial(rng, left, w / rest)
      out[j] = x
      left -= x
    }
    rest -= w
  }
}
