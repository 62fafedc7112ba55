/**
 * Poisson(1) bootstrap weights (Hanley & MacGibbon 2006, "Creating non-parametric bootstrap samples using Poisson
 * frequencies", Comput. Methods Programs Biomed. 83): n independent Poisson(1) counts, one per example, in order,
 * each by inversion of the Poisson(1) CDF from one 32-bit draw of xoshiro128** stepped in local variables.
 *
 * A draw x (uniform on 0 … 2³² − 1) gives the smallest k with x < ⌊F(k)·2³²⌋, F the Poisson(1) CDF (k capped at
 * 30, where 1 − F(30) < 10⁻³³): P(k) is within 2⁻³² of the Poisson probability. One generator step per weight
 * (nextDouble takes two) and a table of the draw's top 12 bits instead of a double per weight searched in the CDF.
 * Cost: O(n), one step of the generator per example.
 *
 * @example poissonWeights(streamFor(0, 'x'), w, positive) // fills w with Poisson(1) counts; returns Σ w where positive
 */
import type { Xoshiro128 } from './random.js'

/** ⌊F(k)·2³²⌋ for k = 0 … 29 (the last, 30, takes every draw left), F summed as e^−1, then p /= k, F += p. */
const THRESHOLDS = ((): Float64Array => {
  const t = new Float64Array(30)
  let p = Math.exp(-1)
  let F = p
  for (let k = 0; k < 30; k++) {
    t[k] = Math.min(4294967296, Math.floor(F * 4294967296))
    p /= k + 1
    F += p
  }
  return t
})()

/**
 * The weight of every draw x by its top 12 bits: bucket b holds x in [b·2²⁰, (b + 1)·2²⁰), and gets its weight
 * when the whole bucket has one (no threshold inside it), else 255: the draw is then searched against the
 * thresholds. 5 of the 4,096 buckets hold a threshold (k ≥ 5 share the last), so a draw almost never searches: one
 * load from a 4 KiB table instead of a chain of unpredictable comparisons (about half the time per weight).
 */
const BUCKETS = ((): Uint8Array => {
  const search = (x: number): number => {
    let v = 0
    while (v < 30 && x >= THRESHOLDS[v]) v++
    return v
  }
  const table = new Uint8Array(4096)
  for (let b = 0; b < 4096; b++) {
    const low = search(b * 1048576)
    table[b] = low === search(b * 1048576 + 1048575) ? low : 255
  }
  return table
})()

const STATE = new Int32Array(4)

/** Fills `w` with n = w.length Poisson(1) weights and returns their sum over the examples where `positive` is 1. */
export function poissonWeights(rng: Xoshiro128, w: Uint8Array, positive: Uint8Array): number {
  const state = STATE
  rng.getState(state)
  let s0 = state[0]
  let s1 = state[1]
  let s2 = state[2]
  let s3 = state[3]
  const buckets = BUCKETS
  let total = 0
  for (let k = 0; k < w.length; k++) {
    // xoshiro128** (Random.nextUint32), written out; y is the draw as an int32 (its bits).
    const r = Math.imul(s1, 5)
    const y = Math.imul((r << 7) | (r >>> 25), 9)
    const t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 11) | (s3 >>> 21)
    let v = buckets[y >>> 20]
    if (v === 255) {
      const x = y >>> 0
      v = 0
      while (v < 30 && x >= THRESHOLDS[v]) v++
    }
    w[k] = v
    total += v & -positive[k]
  }
  state[0] = s0
  state[1] = s1
  state[2] = s2
  state[3] = s3
  rng.setState(state)
  return total
}
