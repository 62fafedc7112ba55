/**
 * The standard normal distribution: Φ, its upper tail and Φ⁻¹, to about 1e-15.
 *
 * erfc: for x < 2.5 the everywhere-positive series erf(x) = (2/√π)·e^{−x²}·Σ 2ⁿx^{2n+1}/(1·3···(2n+1))
 * (Abramowitz & Stegun 7.1.6), which has no cancellation; for x ≥ 2.5 the continued fraction
 * erfc(x) = (e^{−x²}/√π)·1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (A&S 7.1.14) by the modified Lentz method.
 * Φ⁻¹: Acklam's rational start (relative error 1.15e-9), then one Halley step on Φ, which gives full precision.
 * Cost: O(1) (at most ~60 series or fraction terms).
 *
 * simple-statistics' `cumulativeStdNormalProbability` is a 4-decimal table and its `probit(0.975)` is 1.95716:
 * not accurate enough for p-values and quantiles.
 */

const SQRT_PI = Math.sqrt(Math.PI)

/**
 * The complementary error function.
 * @example erfc(1) // 0.15729920705028513
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN
  if (x < 0) return 2 - erfc(-x)
  if (x < 2.5) return 1 - erfSeries(x)
  if (x > 27) return 0
  // Modified Lentz for 1/(x + a1/(x + a2/(x + …))) with a_k = k/2.
  const tiny = 1e-300
  let f = x
  let C = x
  let D = 0
  for (let k = 1; k < 200; k++) {
    const a = k / 2
    D = x + a * D
    D = D === 0 ? tiny : D
    C = x + a / C
    C = C === 0 ? tiny : C
    D = 1 / D
    const delta = C * D
    f *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return Math.exp(-x * x) / (SQRT_PI * f)
}

function erfSeries(x: number): number {
  const x2 = x * x
  let term = x
  let sum = x
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1)
    sum += term
    if (term < 1e-17 * sum) break
  }
  return ((2 / SQRT_PI) * Math.exp(-x2) * sum)
}

/**
 * Φ(z), the standard normal CDF.
 * @example normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2)
}

/**
 * 1 − Φ(z), accurate in the upper tail.
 * @example normalSf(8) // 6.22096057427178e-16
 */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2)
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]

/**
 * Φ⁻¹(p), the standard normal quantile.
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN
  let x: number
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p))
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
  } else if (p <= 1 - 0.02425) {
    const q = p - 0.5
    const r = q * q
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p))
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
  }
  // One Halley step on Φ(x) − p (on the upper tail for p > 1/2, to keep precision).
  const e = p <= 0.5 ? normalCdf(x) - p : 1 - p - normalSf(x)
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2)
  return x - u / (1 + (x * u) / 2)
}
