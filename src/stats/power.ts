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

/**
 * The discordant rate a power statement may assume (docs/statistics.md): the observed (b + c)/n, or, when no pair
 * of n is discordant, the rule of three's one-sided 95% upper bound 3/n (Hanley & Lippman-Hand 1983, "If nothing
 * goes wrong, is everything all right?", JAMA 249, 1743–1745): no disagreement seen in n pairs does not show that
 * there is none, and an MDE of 0 would claim that it does. Cost: O(1).
 *
 * @example powerDiscordance(0, 20) // 0.15 — so minimumDetectableEffect(0.15, 20, 0.05) = 0.2153…
 * @example powerDiscordance(6, 200) // 0.03
 */
export function powerDiscordance(discordant: number, n: number): number {
  if (n <= 0) return 0
  return discordant > 0 ? discordant / n : Math.min(1, 3 / n)
}
