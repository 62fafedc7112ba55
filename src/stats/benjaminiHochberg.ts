/**
 * Benjamini–Hochberg adjusted p-values ("q-values") controlling the false discovery rate (Benjamini & Hochberg
 * 1995, "Controlling the false discovery rate", J. R. Statist. Soc. B 57, 289–300): sort ascending;
 * q(i) = min over j ≥ i of min(1, m·p(j) / j). As statsmodels `multipletests(p, method="fdr_bh")[1]`.
 * Cost: O(m log m).
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.005]) // [0.02, 0.04, 0.04, 0.02]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b)
  const adjusted = new Array<number>(m)
  let running = 1
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank]
    running = Math.min(running, (m * pValues[index]) / (rank + 1))
    adjusted[index] = running
  }
  return adjusted
}
