/**
 * Holm's step-down adjustment of p-values (Holm 1979, "A simple sequentially rejective multiple test
 * procedure", Scand. J. Statist. 6, 65–70): sort ascending; adjusted p(i) = max over j ≤ i of
 * min(1, (m − j + 1)·p(j)). Controls the family-wise error rate without assuming independence.
 * (statsmodels `multipletests(method="holm")`; its default is Holm–Šidák, which is not this.)
 * Cost: O(m log m).
 *
 * @example holm([0.01, 0.04, 0.03, 0.005]) // [0.03, 0.06, 0.06, 0.02]
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b)
  const adjusted = new Array<number>(m)
  let running = 0
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]))
    adjusted[index] = running
  })
  return adjusted
}
