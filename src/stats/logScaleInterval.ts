/**
 * A (1 − alpha) interval of the mean of positive, right-skewed values (per-example log losses), made on the log
 * scale and transformed back: log x̄ ± t(1 − alpha/2, n − 1)·se/x̄, with se = s/√n (delta method: the standard
 * error of log x̄ is se/x̄). The interval is x̄·exp(∓ t·se/x̄): longer above the mean than below, as the sampling
 * distribution of a mean of skewed losses is, where the symmetric t interval misses mostly on the upper side
 * (a sample that drew few of the rare large losses has both a low mean and a low s). Always positive.
 * Cost: O(n) (two passes, as pairedT).
 *
 * @example logScaleTInterval(Float64Array.of(0.1, 0.2, 0.3, 1.4), 0.05)
 * // [0.0728, 3.4347]: x̄ = 0.5, se = 0.3028, t(0.975, 3) = 3.1824, 0.5·exp(∓3.1824·0.3028/0.5)
 */
import { pairedT } from './pairedT.js'

export function logScaleTInterval(values: ArrayLike<number>, alpha: number): [number, number] | null {
  const t = pairedT(values, alpha)
  if (!t) return null
  if (!(t.mean > 0) || t.se === 0) return t.ci
  // pairedT's half-width is q·se; the same quantile on the log scale.
  const q = (t.ci[1] - t.mean) / t.se
  const half = (q * t.se) / t.mean
  return [t.mean * Math.exp(-half), t.mean * Math.exp(half)]
}
