/**
 * Minimum detectable effect of a paired comparison of proportions (McNemar), Connor (1987), "Sample size for
 * testing differences in proportions for the paired-sample design", Biometrics 43, 207–211:
 * δ ≈ (z_{1−α} + z_{power})·√(ψ / n), ψ the discordant rate, one-sided α. Cost: O(1).
 *
 * @example minimumDetectableEffect(0.05, 1000, 0.05, 0.8) // 0.01758… — such a test set cannot see a 1-point drop
 */
import { normalQuantile } from './normal.js'

export function minimumDetectableEffect(psi: number, n: number, alpha: number, power = 0.8): number {
  if (n <= 0) return Infinity
  return (normalQuantile(1 - alpha) + normalQuantile(power)) * Math.sqrt(psi / n)
}
