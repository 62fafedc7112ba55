/**
 * Student's t distribution: CDF through the regularized incomplete beta, P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2)
 * (Abramowitz & Stegun 26.7.1), or Hill's expansion for large ν, and its quantile by Newton's method.
 * Cost: O(1) per call (a continued fraction; a few Newton steps).
 *
 * @example studentTCdf(2.015048372669157, 5) // 0.95
 */
import { incompleteBeta } from './beta.js'
import { logGamma } from './gamma.js'
import { normalCdf, normalQuantile, normalSf } from './normal.js'

/** P(T ≤ t) for T ~ t(ν): the incomplete beta up to ν = 200, Hill's expansion above. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t)) return NaN
  if (!Number.isFinite(df) || df > 1e12) return normalCdf(t)
  const tail = df >= HILL_FROM ? hillTail(Math.abs(t), df) : studentTTailBeta(Math.abs(t), df)
  return t > 0 ? 1 - tail : tail
}

/** Above this many degrees of freedom the CDF uses Hill's expansion (its error is far below 1e-15 there). */
const HILL_FROM = 200

/** P(T > t), t ≥ 0, by the incomplete beta: ½·I_{ν/(ν+t²)}(ν/2, ½). */
export function studentTTailBeta(t: number, df: number): number {
  const t2 = t * t
  return 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2))
}

/**
 * P(T > t), t ≥ 0, for large ν by Hill's normalising expansion (G. W. Hill 1970, "Algorithm 395: Student's
 * t-distribution", Comm. ACM 13, 617–619): y = (ν − ½)·ln(1 + t²/ν), z = √y·(1 + (y + 3 + (−0.4y³ − 3.3y² − 24y
 * − 85.5)/(0.8y² + 100 + b))/b), b = 48(ν − ½)², P = 1 − Φ(z). Agrees with the beta form to ~1e-15 from ν = 100,
 * where the continued fraction starts to lose digits as ν grows.
 */
export function hillTail(t: number, df: number): number {
  const a = df - 0.5
  const b = 48 * a * a
  const y = a * Math.log1p((t * t) / df)
  const z = (((((-0.4 * y - 3.3) * y - 24) * y - 85.5) / (0.8 * y * y + 100 + b) + y + 3) / b + 1) * Math.sqrt(y)
  return normalSf(z)
}

/** P(T > t), accurate in the upper tail. */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df)
}

function density(t: number, df: number): number {
  return Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df))
}

/**
 * The p-quantile of t(ν).
 * @example studentTQuantile(0.975, 10) // 2.2281388519649385
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN
  if (p < 0.5) return -studentTQuantile(1 - p, df)
  if (!Number.isFinite(df) || df > 1e12) return normalQuantile(p)
  if (df === 1) return Math.tan(Math.PI * (p - 0.5))
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p))
  let t = normalQuantile(p)
  // Cornish–Fisher start (A&S 26.7.5), then Newton on the upper tail.
  const g1 = (t ** 3 + t) / 4
  const g2 = (5 * t ** 5 + 16 * t ** 3 + 3 * t) / 96
  t = t + g1 / df + g2 / (df * df)
  for (let i = 0; i < 50; i++) {
    const step = (studentTSf(t, df) - (1 - p)) / density(t, df)
    t += step
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(t))) break
  }
  return t
}
