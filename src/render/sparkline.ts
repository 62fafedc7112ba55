/**
 * A sparkline (docs/history.md): one Unicode block character per value, ▁ for the smallest value of the series and █
 * for the largest, in eight steps; `·` where a value is missing; ▄ throughout when every value is the same. Cost O(n).
 *
 * @example sparkline([0.90, 0.91, 0.93, null, 0.92, 0.88]) // '▄▅█·▇▁'
 */
export const BLOCKS = '▁▂▃▄▅▆▇█'

export function sparkline(values: readonly (number | null)[]): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v))
  if (finite.length === 0) return values.map(() => '·').join('')
  const lo = Math.min(...finite)
  const hi = Math.max(...finite)
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return '·'
      if (hi === lo) return BLOCKS[3]
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BLOCKS.length))]
    })
    .join('')
}
