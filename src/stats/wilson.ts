/**
 * Wilson score interval for a proportion k/n (Wilson 1927), as statsmodels
 * `proportion_confint(k, n, alpha, method="wilson")`:
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − α/2).
 * Cost: O(1).
 *
 * @example wilson(81, 100, 0.05) // [0.7222115462093562, 0.8748524849023126]
 * @returns null when n = 0 (no interval)
 */
import { normalQuantile } from './normal.js'

export function wilson(k: number, n: number, alpha: number): [number, number] | null {
  if (n === 0) return null
  const z = normalQuantile(1 - alpha / 2)
  const z2 = z * z
  const p = k / n
  const denom = 1 + z2 / n
  const center = (p + z2 / (2 * n)) / denom
  const dist = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom
  return [center - dist, center + dist]
}
