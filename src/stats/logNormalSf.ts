import { normalSf } from './normal.js'

/**
 * log(1 − Φ(z)), the log of the standard normal upper tail, without underflow: log(normalSf(z)) while the tail
 * is above 1e-300 (z < 37), beyond it the asymptotic series of Mills' ratio (Abramowitz & Stegun 26.2.12):
 * log φ(z) − log z + log(1 − 1/z² + 3/z⁴ − 15/z⁶), whose error there is below 1e-9 relative. −∞ gives 0, +∞
 * gives −∞. Cost: O(1).
 *
 * @example logNormalSf(40) // -804.6084420137697 (the tail is 3.66e-350)
 */
export function logNormalSf(z: number): number {
  if (z === -Infinity) return 0
  if (z === Infinity) return -Infinity
  if (z < 37) return Math.log(normalSf(z))
  const z2 = z * z
  return -0.5 * z2 - Math.log(z) - 0.5 * Math.log(2 * Math.PI) + Math.log(1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2))
}
