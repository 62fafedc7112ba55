/**
 * MOVER (method of variance estimates recovery): a confidence interval for the difference a − b of two
 * independent estimates, from each one's own (1 − alpha) interval, (la, ua) around a and (lb, ub) around b:
 *
 *   L = (a − b) − √((a − la)² + (ub − b)²)
 *   U = (a − b) + √((ua − a)² + (b − lb)²)
 *
 * Each side's distance to its interval's ends stands in for its variance on that side, so a skewed interval
 * (Wilson near 0 or 1, a bootstrap percentile interval of a bounded metric) keeps its skew in the difference.
 * With Wilson score intervals on both sides this is exactly Newcombe's hybrid score interval for a difference of
 * independent proportions (Newcombe 1998, method 10; statsmodels `confint_proportions_2indep(method="newcomb")`).
 * References: Newcombe, R. G. (1998), "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17, 873–890; Zou, G. Y. & Donner, A. (2008),
 * "Construction of confidence limits about effect measures: a general approach", Statistics in Medicine 27,
 * 1693–1702. Cost O(1).
 *
 * @example moverDifference(0.8, [0.6918335550374695, 0.8769526075163705], 0.6, [0.4904546500516038, 0.7003817240412906])
 * // [0.0524314724…, 0.3338726540…] (56/70 − 48/80, Newcombe's example (a): 0.0524 to 0.3339)
 */
export function moverDifference(a: number, ciA: readonly [number, number], b: number, ciB: readonly [number, number]): [number, number] {
  const d = a - b
  const lower = d - Math.hypot(a - ciA[0], ciB[1] - b)
  const upper = d + Math.hypot(ciA[1] - a, b - ciB[0])
  return [lower, upper]
}
