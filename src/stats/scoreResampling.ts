/**
 * Paired bootstrap and approximate randomization for average precision, which has neither a closed-form test nor
 * a cell reduction (it depends on every example's score).
 *
 * Each model's examples are sorted once; a bootstrap resample is a vector of integer weights (how often each
 * example was drawn: n uniform draws), and AP of the weighted sample is one pass over the sorted order. A
 * permutation swaps the two models' scores per example with probability 1/2; with both models' entries merged
 * into one sorted list of 2n, each permuted model's ranking is a subsequence of it, so one pass gives both APs.
 * Cost: O(n) per resample, after O(n log n) once. Because that is a pass over every example per resample, the
 * number of resamples is capped at WORK / n (see `resamplesFor`); below 1,000 resamples the interval and the test
 * use the normal approximation with the bootstrap standard error.
 */
import { ascendingOrder, averagePrecision } from '../metrics/scores.js'
import { normalCdf, normalQuantile } from './normal.js'
import { percentileInterval, quantileSorted7 } from './quantile.js'
import type { Xoshiro128 } from './random.js'

/** Example-resamples of work allowed for one per-example metric (resamples × n). */
export const WORK = 50_000_000

/** The resamples a per-example metric gets: all of them up to n = WORK / resamples, then fewer (at least 20). */
export function resamplesFor(resamples: number, n: number): number {
  return Math.min(resamples, Math.max(20, Math.floor(WORK / Math.max(1, n))))
}

export interface ApStatistics {
  resamples: number
  method: 'bootstrap-percentile' | 'bootstrap-normal'
  ci: [number, number]
  candidateCi: [number, number]
  worseBound: number
  pValue: number
  pValueWorse: number
  test: 'permutation' | 'bootstrap-normal'
}

export function apStatistics(
  positive: Uint8Array,
  scoreA: Float64Array,
  scoreB: Float64Array,
  observedDelta: number,
  resamples: number,
  alpha: number,
  rngBoot: Xoshiro128,
  rngPerm: Xoshiro128
): ApStatistics | null {
  const n = positive.length
  const R = resamplesFor(resamples, n)
  const orderA = ascendingOrder(scoreA)
  const orderB = ascendingOrder(scoreB)
  const weights = new Uint32Array(n)
  const deltas = new Float64Array(R)
  const cands = new Float64Array(R)
  let kept = 0
  for (let r = 0; r < R; r++) {
    weights.fill(0)
    for (let i = 0; i < n; i++) weights[Math.floor(rngBoot.nextDouble() * n)]++
    const a = averagePrecision(positive, scoreA, orderA, weights)
    const b = averagePrecision(positive, scoreB, orderB, weights)
    if (a === null || b === null) continue
    deltas[kept] = b - a
    cands[kept] = b
    kept++
  }
  if (kept < 2) return null
  const d = deltas.subarray(0, kept)
  const c = cands.subarray(0, kept)
  if (R >= 1000) {
    const ci = percentileInterval(d, alpha)
    const worseBound = quantileSorted7(d, alpha)
    const perm = permutationP(positive, scoreA, scoreB, orderA, orderB, observedDelta, R, rngPerm)
    return { resamples: R, method: 'bootstrap-percentile', ci, candidateCi: percentileInterval(c, alpha), worseBound, ...perm, test: 'permutation' }
  }
  const se = sd(d)
  const seC = sd(c)
  const z2 = normalQuantile(1 - alpha / 2)
  const z1 = normalQuantile(1 - alpha)
  const candidate = mean(c)
  const z = se > 0 ? observedDelta / se : 0
  return {
    resamples: R,
    method: 'bootstrap-normal',
    ci: [observedDelta - z2 * se, observedDelta + z2 * se],
    candidateCi: [candidate - z2 * seC, candidate + z2 * seC],
    worseBound: observedDelta - z1 * se,
    pValue: se > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : 1,
    pValueWorse: se > 0 ? normalCdf(z) : 1,
    test: 'bootstrap-normal'
  }
}

function mean(x: Float64Array): number {
  let s = 0
  for (const v of x) s += v
  return s / x.length
}

function sd(x: Float64Array): number {
  const m = mean(x)
  let s = 0
  for (const v of x) s += (v - m) ** 2
  return Math.sqrt(s / (x.length - 1))
}

/** Approximate randomization p-values of AP_B − AP_A, two-sided and one-sided for B worse. */
function permutationP(
  positive: Uint8Array,
  scoreA: Float64Array,
  scoreB: Float64Array,
  orderA: Uint32Array,
  orderB: Uint32Array,
  observed: number,
  R: number,
  rng: Xoshiro128
): { pValue: number; pValueWorse: number } {
  const n = positive.length
  // Merge the two ascending orders into one list of 2n entries: e < n is (example e, model A), e ≥ n is (e − n, B).
  const merged = new Uint32Array(2 * n)
  const scoreOf = (e: number): number => (e < n ? scoreA[e] : scoreB[e - n])
  for (let i = 0, j = 0, k = 0; k < 2 * n; k++) {
    if (j >= n || (i < n && scoreA[orderA[i]] <= scoreB[orderB[j]])) merged[k] = orderA[i++]
    else merged[k] = orderB[j++] + n
  }
  let totalPos = 0
  for (let i = 0; i < n; i++) totalPos += positive[i]
  const swap = new Uint8Array(n)
  const gamma = Math.max(1e-14, 1e-14 * Math.abs(observed))
  let hits = 0
  let worse = 0
  for (let r = 0; r < R; r++) {
    for (let i = 0; i < n; i += 32) {
      const bits = rng.nextUint32()
      for (let b = 0; b < 32 && i + b < n; b++) swap[i + b] = (bits >>> b) & 1
    }
    // Walk from the highest score down, in tie groups; an entry belongs to model B when (is B) xor (swapped).
    let tpA = 0
    let fpA = 0
    let tpB = 0
    let fpB = 0
    let apA = 0
    let apB = 0
    for (let k = 2 * n - 1; k >= 0; ) {
      const s = scoreOf(merged[k])
      let gA = 0
      let gB = 0
      while (k >= 0 && scoreOf(merged[k]) === s) {
        const e = merged[k]
        const i = e < n ? e : e - n
        const toB = (e >= n ? 1 : 0) ^ swap[i]
        if (toB) {
          if (positive[i]) gB++
          else fpB++
        } else if (positive[i]) gA++
        else fpA++
        k--
      }
      tpA += gA
      tpB += gB
      if (gA > 0) apA += (gA / totalPos) * (tpA / (tpA + fpA))
      if (gB > 0) apB += (gB / totalPos) * (tpB / (tpB + fpB))
    }
    const d = apB - apA
    if (Math.abs(d) >= Math.abs(observed) - gamma) hits++
    if (d <= observed + gamma) worse++
  }
  return { pValue: (hits + 1) / (R + 1), pValueWorse: (worse + 1) / (R + 1) }
}
