/**
 * Exact binomial sampling: X ~ Bin(n, p).
 *
 * Method: inversion (sequential search from 0) when n·min(p, 1 − p) < 30, else BTPE, the triangle–parallelogram–
 * exponential acceptance/rejection of Kachitvichyanukul & Schmeiser (1988), "Binomial random variate generation",
 * Comm. ACM 31(2), 216–222, as numpy implements it. Both are exact (no normal approximation).
 * Cost: O(n·p) expected for inversion (≤ 30 steps), O(1) expected for BTPE; no allocation.
 *
 * @example binomial(streamFor(0, 'x'), 10, 0) // 0
 */
import type { RandomSource, Xoshiro128 } from './random.js'

export function binomial(rng: RandomSource, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0
  if (p >= 1) return n
  const r = p <= 0.5 ? p : 1 - p
  const x = n * r < 30 ? inversion(rng, n, r) : btpe(rng, n, r)
  return p <= 0.5 ? x : n - x
}

/**
 * Bin(n, 1/2), the swap count of a permutation test: the same draws and values as `binomial(rng, n, 0.5)`, with
 * the inversion's start P(X = 0) and search bound computed once per n (n < 60) instead of once per draw.
 * @example binomialHalf(streamFor(0, 'x'), 1) === binomial(streamFor(0, 'x'), 1, 0.5) // true
 */
export function binomialHalf(rng: RandomSource, n: number): number {
  if (n >= 60 || !Number.isInteger(n)) return binomial(rng, n, 0.5)
  if (n <= 0) return 0
  let qn = HALF_QN[n]
  if (qn === 0) {
    qn = HALF_QN[n] = Math.exp(n * Math.log1p(-0.5))
    const np = n * 0.5
    HALF_BOUND[n] = Math.min(n, np + 10 * Math.sqrt(np * 0.5 + 1))
  }
  return search(rng, n, 0.5, 0.5, qn, HALF_BOUND[n])
}

const HALF_QN = new Float64Array(60)
const HALF_BOUND = new Float64Array(60)

/**
 * Bin(counts[j], 1/2) for j = 0, 1, … into out[j]: the same random numbers and values as calling
 * `binomialHalf(rng, counts[j])` in that order, about twice as fast for counts below 60 (the usual cells of a
 * permutation test): the generator's state is stepped in local variables (xoshiro128** inline) and the
 * inversion's start and bound come from per-count arrays filled once. Counts of 60 or more go to
 * {@link binomialHalf} with the state put back. `counts` are integers ≥ 0.
 * Cost: as binomialHalf per count.
 * @example binomialHalves(streamFor(0, 'x'), Float64Array.of(1, 2), out) // out as binomialHalf twice
 */
export function binomialHalves(rng: Xoshiro128, counts: Float64Array, out: Float64Array): void {
  const state = STATE
  rng.getState(state)
  let s0 = state[0]
  let s1 = state[1]
  let s2 = state[2]
  let s3 = state[3]
  for (let j = 0; j < counts.length; j++) {
    const n = counts[j]
    if (n >= 60 || !Number.isInteger(n)) {
      state[0] = s0
      state[1] = s1
      state[2] = s2
      state[3] = s3
      rng.setState(state)
      out[j] = binomialHalf(rng, n)
      rng.getState(state)
      s0 = state[0]
      s1 = state[1]
      s2 = state[2]
      s3 = state[3]
      continue
    }
    if (n <= 0) {
      out[j] = 0
      continue
    }
    let qn = HALF_QN[n]
    if (qn === 0) {
      qn = HALF_QN[n] = Math.exp(n * Math.log1p(-0.5))
      const np = n * 0.5
      HALF_BOUND[n] = Math.min(n, np + 10 * Math.sqrt(np * 0.5 + 1))
    }
    const bound = HALF_BOUND[n]
    // search(rng, n, 0.5, 0.5, qn, bound), each nextDouble() written out: two steps of xoshiro128**.
    let x = 0
    let px = qn
    let u = 0
    for (let restart = true; ; ) {
      if (restart) {
        let t = s1 << 9
        let r = Math.imul(s1, 5)
        const a = Math.imul((r << 7) | (r >>> 25), 9) >>> 0
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 11) | (s3 >>> 21)
        t = s1 << 9
        r = Math.imul(s1, 5)
        const b = Math.imul((r << 7) | (r >>> 25), 9) >>> 0
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 11) | (s3 >>> 21)
        u = ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992
        restart = false
      }
      if (!(u > px)) break
      x++
      if (x > bound) {
        x = 0
        px = qn
        restart = true
      } else {
        u -= px
        px = ((n - x + 1) * 0.5 * px) / (x * 0.5)
      }
    }
    out[j] = x
  }
  state[0] = s0
  state[1] = s1
  state[2] = s2
  state[3] = s3
  rng.setState(state)
}

const STATE = new Int32Array(4)

function inversion(rng: RandomSource, n: number, p: number): number {
  const q = 1 - p
  const qn = Math.exp(n * Math.log1p(-p))
  const np = n * p
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1))
  return search(rng, n, p, q, qn, bound)
}

/** The inversion's sequential search from 0: P(X = 0) = qn, restarted past `bound`. */
function search(rng: RandomSource, n: number, p: number, q: number, qn: number, bound: number): number {
  let x = 0
  let px = qn
  let u = rng.nextDouble()
  while (u > px) {
    x++
    if (x > bound) {
      x = 0
      px = qn
      u = rng.nextDouble()
    } else {
      u -= px
      px = ((n - x + 1) * p * px) / (x * q)
    }
  }
  return x
}

const stirlingTail = (x2: number, x: number): number =>
  (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320

function btpe(rng: RandomSource, n: number, r: number): number {
  const q = 1 - r
  const fm = n * r + r
  const m = Math.floor(fm)
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5
  const xm = m + 0.5
  const xl = xm - p1
  const xr = xm + p1
  const c = 0.134 + 20.5 / (15.3 + m)
  let a = (fm - xl) / (fm - xl * r)
  const laml = a * (1 + a / 2)
  a = (xr - fm) / (xr * q)
  const lamr = a * (1 + a / 2)
  const p2 = p1 * (1 + 2 * c)
  const p3 = p2 + c / laml
  const p4 = p3 + c / lamr
  const nrq = n * r * q
  for (;;) {
    const u = rng.nextDouble() * p4
    let v = rng.nextDouble()
    let y: number
    if (u <= p1) {
      // Triangle: accept at once.
      return Math.floor(xm - p1 * v + u)
    }
    if (u <= p2) {
      const x = xl + (u - p1) / c
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1
      if (v > 1) continue
      y = Math.floor(x)
    } else if (u <= p3) {
      y = Math.floor(xl + Math.log(v) / laml)
      if (y < 0 || v === 0) continue
      v = v * (u - p2) * laml
    } else {
      y = Math.floor(xr - Math.log(v) / lamr)
      if (y > n || v === 0) continue
      v = v * (u - p3) * lamr
    }
    const k = Math.abs(y - m)
    if (k <= 20 || k >= nrq / 2 - 1) {
      // Explicit evaluation of f(y) / f(m) by the recurrence.
      const s = r / q
      const aa = s * (n + 1)
      let f = 1
      if (m < y) for (let i = m + 1; i <= y; i++) f *= aa / i - s
      else if (m > y) for (let i = y + 1; i <= m; i++) f /= aa / i - s
      if (v > f) continue
      return y
    }
    // Squeeze on log f(y) / f(m), then the exact bound with Stirling's formula.
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5)
    const t = (-k * k) / (2 * nrq)
    const A = Math.log(v)
    if (A < t - rho) return y
    if (A > t + rho) continue
    const x1 = y + 1
    const f1 = m + 1
    const z = n + 1 - m
    const w = n - y + 1
    const bound =
      xm * Math.log(f1 / x1) +
      (n - m + 0.5) * Math.log(z / w) +
      (y - m) * Math.log((w * r) / (x1 * q)) +
      stirlingTail(f1 * f1, f1) +
      stirlingTail(z * z, z) +
      stirlingTail(x1 * x1, x1) +
      stirlingTail(w * w, w)
    if (A > bound) continue
    return y
  }
}
