/**
 * One standardized scale for how far a gate is from failing (docs/gates.md, "Closest to failing"): standard errors
 * of the gate's own statistic, the unit a z-test reads its evidence in.
 *
 * - a test with (adjusted) one-sided p against alpha: z(1 − alpha) − z(1 − p), z = Φ⁻¹. The observed statistic
 *   sits z(1 − p) standard errors beyond "no change" in the worse direction, and the gate fails at z(1 − alpha).
 * - a bound against a margin, a value against a threshold: their difference over the standard error of the
 *   estimate, read off the one-sided (1 − alpha) bound (|estimate − bound| / z(1 − alpha)) or off the two-sided
 *   (1 − alpha) interval (its width / 2·z(1 − alpha/2)).
 *
 * And the minimum detectable effect of a z-test from a standard error: (z(1 − alpha) + z(power))·SE, the form of
 * src/stats/power.ts with the standard error given. Pure; each O(1).
 */
import { normalQuantile } from './normal.js'

/** p-values are held inside [P_FLOOR, 1 − P_FLOOR], so that p = 0 or 1 gives a finite (and JSON-writable) distance. */
const P_FLOOR = 1e-12

/** Φ⁻¹(1 − p), with p clamped to [1e-12, 1 − 1e-12]. @example upperZ(0.05) // 1.6448536269514729 */
export function upperZ(p: number): number {
  return normalQuantile(1 - Math.min(1 - P_FLOOR, Math.max(P_FLOOR, p)))
}

/**
 * A test's distance from failing in standard errors: z(1 − alpha) − z(1 − p); ≥ 0 when p ≥ alpha.
 * @example testDistance(0.5, 0.05) // 1.6448536269514729
 * @example testDistance(0.125, 0.05) // 0.4945… (1.6449 − 1.1503)
 */
export function testDistance(p: number, alpha: number): number {
  return upperZ(alpha) - upperZ(p)
}

/**
 * The standard error behind a one-sided (1 − alpha) bound of an estimate: |estimate − bound| / z(1 − alpha); null
 * when it cannot be read (missing or not finite).
 * @example seFromBound(-0.017, -0.037, 0.05) // 0.01216 (0.020 / 1.6449)
 */
export function seFromBound(estimate: number | null, bound: number | null, alpha: number): number | null {
  if (estimate === null || bound === null) return null
  const se = Math.abs(estimate - bound) / upperZ(alpha)
  return Number.isFinite(se) ? se : null
}

/**
 * The standard error behind a two-sided (1 − alpha) interval: its width / (2·z(1 − alpha/2)) (for an asymmetric
 * interval, Wilson's or a percentile one, the mean of its two halves); null without an interval.
 * @example seFromInterval([0.84, 0.94], 0.05) // 0.02551 (0.10 / 3.9199)
 */
export function seFromInterval(ci: readonly [number, number] | null, alpha: number): number | null {
  if (ci === null) return null
  const se = (ci[1] - ci[0]) / (2 * upperZ(alpha / 2))
  return Number.isFinite(se) ? se : null
}

/**
 * The minimum detectable effect of a one-sided z-test at `alpha` with the given power: (z(1 − alpha) + z(power))·SE.
 * @example mdeFromSe(0.01, 0.05, 0.8) // 0.024865 (2.4865 · 0.01)
 */
export function mdeFromSe(se: number, alpha: number, power = 0.8): number {
  return (upperZ(alpha) + normalQuantile(power)) * se
}
