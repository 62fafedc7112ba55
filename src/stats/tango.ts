/**
 * Tango's score test and interval for a difference of paired proportions (Tango 1998, "Equivalence test and
 * confidence interval for the difference in proportions for the paired-sample design", Stat. Med. 17, 891–908).
 *
 * With b = baseline-only right, c = candidate-only right, Δ = (c − b)/n:
 * Z(Δ₀) = (c − b − nΔ₀) / √(n(2q̃ + Δ₀(1 − Δ₀))), q̃ = (√(B² − 8nC) − B)/(4n), B = −b − c + (2n − c + b)Δ₀,
 * C = −bΔ₀(1 − Δ₀) (the restricted maximum-likelihood estimate of the baseline-only rate under Δ = Δ₀).
 * The interval solves |Z| = z by bisection; the non-inferiority test of margin M is Z(−M), one-sided.
 * Cost: O(1) per Z, ~60 bisection steps per limit.
 *
 * @example tangoInterval(1, 7, 21, 0.05) // [0.026003…, 0.517232…]
 */
import { normalQuantile, normalSf } from './normal.js'

export function tangoZ(b: number, c: number, n: number, delta0: number): number {
  const B = -b - c + (2 * n - c + b) * delta0
  const C = -b * delta0 * (1 - delta0)
  const q = (Math.sqrt(Math.max(0, B * B - 8 * n * C)) - B) / (4 * n)
  const variance = n * (2 * q + delta0 * (1 - delta0))
  const numerator = c - b - n * delta0
  if (variance <= 0) return numerator === 0 ? 0 : Math.sign(numerator) * Infinity
  return numerator / Math.sqrt(variance)
}

/** Two-sided (1 − alpha) Tango interval of Δ = (c − b)/n. */
export function tangoInterval(b: number, c: number, n: number, alpha: number): [number, number] {
  const z = normalQuantile(1 - alpha / 2)
  const observed = (c - b) / n
  // Z falls as Δ₀ rises: the lower limit has Z = z, the upper Z = −z.
  const solve = (target: number, lo: number, hi: number): number => {
    for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
      const mid = (lo + hi) / 2
      if (tangoZ(b, c, n, mid) > target) lo = mid
      else hi = mid
    }
    return (lo + hi) / 2
  }
  return [solve(z, -1, observed), solve(-z, observed, 1)]
}

/** One-sided p of the non-inferiority test H₀: Δ ≤ −margin, by Tango's Z at Δ₀ = −margin. */
export function tangoNonInferiority(b: number, c: number, n: number, margin: number): { z: number; pValue: number } {
  const z = tangoZ(b, c, n, -margin)
  return { z, pValue: normalSf(z) }
}
