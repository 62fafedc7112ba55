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
 * use the normal approximation with the bootstrap standard error, and the weights are Poisson(1) draws made in
 * order (the Poisson bootstrap) rather than an exact multinomial, which would write memory at random.
 */
import { normalCdf, normalQuantile } from './normal.js'
import { percentileInterval, quantileSorted7 } from './quantile.js'
import { poissonWeights } from './poissonWeights.js'
import type { Xoshiro128 } from './random.js'

/** Example-resamples of work allowed for one per-example metric (resamples × n). */
export const WORK = 20_000_000

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

/** One model's examples in score order, with what the weighted AP pass needs, read sequentially. */
export interface Ranked {
  /** positive[order[k]] */
  pos: Uint8Array
  /** 1 where position k starts a group of equal scores (walking down from the top, a group ends there). */
  start: Uint8Array
  /** How many positions tie with the one below (start 0). */
  ties: number
}

export function ranked(positive: Uint8Array, score: Float64Array, order: Uint32Array): Ranked {
  const n = order.length
  const pos = new Uint8Array(n)
  const start = new Uint8Array(n)
  let ties = 0
  for (let k = 0; k < n; k++) {
    pos[k] = positive[order[k]]
    start[k] = k === 0 || score[order[k - 1]] !== score[order[k]] ? 1 : 0
    ties += 1 - start[k]
  }
  return { pos, start, ties }
}

/**
 * Weighted AP from the top down: position k has weight w[map[k]] (map null: w[k]); `total` is the positive weight
 * (the same for both models: the same examples are drawn). Null without positive weight. Written without
 * callbacks and with one loop per case: it runs n steps per resample. `pos` is 0 or 1: a weight goes to the
 * group (positive) or to fp by masks, not by a branch that the examples' order makes unpredictable.
 *
 * A group is closed where a score ends (start) if it has positive weight. When many scores tie (more than a
 * quarter of the positions), whether that happens is a coin toss per position, and a mispredicted branch costs
 * more than computing the term at every position: there the term is added everywhere, with the group's weight g
 * set to 0 where no group closes; it then adds (0 / total) · x = +0 to a sum that is ≥ +0, which leaves it the
 * same double, so both loops give the same value bit for bit (tested). `everywhere` picks the loop; it masks the
 * group's weight as an int32, so it is kept to n < 2²³ (a group weighs at most 255·n < 2³¹).
 */
export function weightedAp(r: Ranked, w: Uint8Array, map: Uint32Array | null, total: number, everywhere = r.ties * 4 > r.pos.length && r.pos.length < 2 ** 23): number | null {
  if (total === 0) return null
  const n = r.pos.length
  if (everywhere) return weightedApEverywhere(r, w, map, total)
  const { pos, start } = r
  let tp = 0
  let fp = 0
  let group = 0
  let ap = 0
  if (map === null) {
    for (let k = n - 1; k >= 0; k--) {
      const weight = w[k]
      const p = pos[k]
      group += weight & -p
      fp += weight & (p - 1)
      if (start[k] && group > 0) {
        tp += group
        ap += (group / total) * (tp / (tp + fp))
        group = 0
      }
    }
  } else {
    for (let k = n - 1; k >= 0; k--) {
      const weight = w[map[k]]
      const p = pos[k]
      group += weight & -p
      fp += weight & (p - 1)
      if (start[k] && group > 0) {
        tp += group
        ap += (group / total) * (tp / (tp + fp))
        group = 0
      }
    }
  }
  return ap
}

/** {@link weightedAp} with the term computed at every position (many ties); the same double. */
function weightedApEverywhere(r: Ranked, w: Uint8Array, map: Uint32Array | null, total: number): number | null {
  if (total === 0) return null
  const n = r.pos.length
  const { pos, start } = r
  let tp = 0
  let fp = 0
  let group = 0
  let ap = 0
  if (map === null) {
    for (let k = n - 1; k >= 0; k--) {
      const weight = w[k]
      const p = pos[k]
      group += weight & -p
      fp += weight & (p - 1)
      // tp + fp is 0 only above the first weight, where g is 0 too: the || 1 keeps 0 / 0 out.
      const g = group & -start[k]
      tp += g
      ap += (g / total) * (tp / (tp + fp || 1))
      group -= g
    }
  } else {
    for (let k = n - 1; k >= 0; k--) {
      const weight = w[map[k]]
      const p = pos[k]
      group += weight & -p
      fp += weight & (p - 1)
      const g = group & -start[k]
      tp += g
      ap += (g / total) * (tp / (tp + fp || 1))
      group -= g
    }
  }
  return ap
}

/** Both models' examples in score order, and B's positions in A's order (where a resample's weights live). */
export interface ApPlan {
  a: Ranked
  b: Ranked
  mapB: Uint32Array
}

/** The {@link ApPlan} of models A and B from their ascending score orders. Cost O(n). */
export function apPlan(positive: Uint8Array, scoreA: Float64Array, scoreB: Float64Array, orderA: Uint32Array, orderB: Uint32Array): ApPlan {
  const n = positive.length
  const a = ranked(positive, scoreA, orderA)
  const b = ranked(positive, scoreB, orderB)
  // Weights live in A's order (a resample draws positions, which is drawing examples); B reads them through mapB.
  const rankA = new Uint32Array(n)
  for (let k = 0; k < n; k++) rankA[orderA[k]] = k
  const mapB = new Uint32Array(n)
  for (let k = 0; k < n; k++) mapB[k] = rankA[orderB[k]]
  return { a, b, mapB }
}

/**
 * AP of A and B from the plan: the weighted pass with every weight 1, which sums the same terms in the same order
 * as src/metrics/scores.ts `averagePrecision` (the same doubles), without its reads at random through the order.
 * Null for a model without positives. Cost O(n).
 */
export function apValues(plan: ApPlan): [number | null, number | null] {
  const ones = new Uint8Array(plan.a.pos.length).fill(1)
  let total = 0
  for (const p of plan.a.pos) total += p
  return [weightedAp(plan.a, ones, null, total), weightedAp(plan.b, ones, null, total)]
}

/**
 * Bootstrap interval, candidate interval, worse-side bound and p-values of AP_B − AP_A (B the candidate).
 * `orderA`/`orderB` are the ascending score orders (src/metrics/scores.ts `ascendingOrder`).
 */
export function apStatistics(
  positive: Uint8Array,
  scoreA: Float64Array,
  scoreB: Float64Array,
  orderA: Uint32Array,
  orderB: Uint32Array,
  observedDelta: number,
  resamples: number,
  alpha: number,
  rngBoot: Xoshiro128,
  rngPerm: Xoshiro128,
  plan: ApPlan = apPlan(positive, scoreA, scoreB, orderA, orderB)
): ApStatistics | null {
  const n = positive.length
  const R = resamplesFor(resamples, n)
  const { a, b, mapB } = plan
  // Weights as bytes (a Poisson(1) weight is at most 30): B's pass reads them at random through mapB, and n bytes
  // stay in cache where 4n do not.
  const w = new Uint8Array(n)
  const deltas = new Float64Array(R)
  const cands = new Float64Array(R)
  let kept = 0
  const poisson = R < 1000
  for (let r = 0; r < R; r++) {
    let total = 0
    if (poisson) {
      // Large n: Poisson(1) weights, drawn in order (Hanley & MacGibbon 2006) — the multinomial bootstrap
      // conditioned on nothing; at this n the two agree, and this one reads and writes memory in sequence.
      total = poissonWeights(rngBoot, w, a.pos)
    } else {
      w.fill(0)
      for (let i = 0; i < n; i++) {
        const j = Math.floor(rngBoot.nextDouble() * n)
        // One example drawn 256 times of n ≤ WORK/1000 draws (probability below 10⁻⁴⁰⁰) would wrap the byte.
        if (++w[j] === 0) throw new Error('apStatistics: a bootstrap weight above 255')
      }
      const apos = a.pos
      for (let k = 0; k < n; k++) if (apos[k]) total += w[k]
    }
    const apA = weightedAp(a, w, null, total)
    const apB = weightedAp(b, w, mapB, total)
    if (apA === null || apB === null) continue
    deltas[kept] = apB - apA
    cands[kept] = apB
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
  // Merge the two ascending orders into one list of 2n entries (example, is-B), with group starts by score.
  const example = new Uint32Array(2 * n)
  const isB = new Uint8Array(2 * n)
  const pos = new Uint8Array(2 * n)
  const start = new Uint8Array(2 * n)
  let previous = NaN
  for (let i = 0, j = 0, k = 0; k < 2 * n; k++) {
    let s: number
    if (j >= n || (i < n && scoreA[orderA[i]] <= scoreB[orderB[j]])) {
      example[k] = orderA[i]
      s = scoreA[orderA[i++]]
    } else {
      example[k] = orderB[j]
      isB[k] = 1
      s = scoreB[orderB[j++]]
    }
    pos[k] = positive[example[k]]
    start[k] = s !== previous ? 1 : 0
    previous = s
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
    // Walk from the highest score down; an entry belongs to model B when (is B) xor (swapped).
    let tpA = 0
    let fpA = 0
    let tpB = 0
    let fpB = 0
    let gA = 0
    let gB = 0
    let apA = 0
    let apB = 0
    for (let k = 2 * n - 1; k >= 0; k--) {
      const toB = isB[k] ^ swap[example[k]]
      if (toB) {
        if (pos[k]) gB++
        else fpB++
      } else if (pos[k]) gA++
      else fpA++
      if (start[k]) {
        if (gA > 0) {
          tpA += gA
          apA += (gA / totalPos) * (tpA / (tpA + fpA))
          gA = 0
        }
        if (gB > 0) {
          tpB += gB
          apB += (gB / totalPos) * (tpB / (tpB + fpB))
          gB = 0
        }
      }
    }
    const d = apB - apA
    if (Math.abs(d) >= Math.abs(observed) - gamma) hits++
    if (d <= observed + gamma) worse++
  }
  return { pValue: (hits + 1) / (R + 1), pValueWorse: (worse + 1) / (R + 1) }
}
