/**
 * Paired bootstrap and paired approximate randomization over weighted value cells (src/stats/valueCells.ts), for
 * any statistic that is a function of weighted sums over the examples (means, mean absolute and squared errors,
 * R², a weighted maximum).
 *
 * - Bootstrap: the cell counts of a resample of the n examples are exactly Multinomial(n, wⱼ / n), drawn by the
 *   conditional binomial method (src/stats/multinomial.ts), cells largest first — or, when the cells hold at
 *   most 8 examples on average (continuous values), by n uniform draws of an example (Lemire's exact method),
 *   which is the same distribution at a tenth of the cost there. `ci` is the type-7 percentile
 *   interval of candidate − baseline (Efron & Tibshirani 1993, ch. 13), `candidateCi` that of the candidate's
 *   value, `worseBound` the one-sided (1 − alpha) percentile on the worse side.
 * - Approximate randomization (Noreen 1989): swapping the baseline's and the candidate's value of an example with
 *   probability 1/2 swaps Sⱼ ~ Bin(wⱼ, 1/2) of the examples of cell j, independently across cells; only cells
 *   whose two values differ (`swappable`) can change anything. p = (hits + 1)/(R + 1) (Phipson & Smyth 2010),
 *   a hit when |δ*| ≥ |δ| − γ, and one-sided when δ* is at least as far on the worse side, γ = max(1e-14,
 *   1e-14·|δ|) so that ties in floating point count — as src/significance/classification/classificationResample.ts does for classification.
 *   Bin(w, 1/2) with w ≤ 32 is the popcount of w random bits (exact); above, the project's binomial sampler.
 * - One seeded stream per family: `bootstrap:NAME` and `permutation:NAME` (src/stats/random.ts), so adding a
 *   family changes no other number.
 * - Work cap: at most `workCap` (default 2·10⁷) cell-resamples per family, as average_precision's cap
 *   (src/stats/scoreResampling.ts): resamples = min(R, max(20, ⌊cap / cells⌋)). Below 1,000 resamples the
 *   interval is the normal one from the bootstrap standard error, θ̂ ± z·se, and the test the matching z-test
 *   (`bootstrap-normal`); the result says how many resamples were made, for the caller's warning.
 * Cost: O(min(cells, n)) per resample for the draws, plus what the statistic costs per resample (O(cells) for sums);
 * O(R) memory per metric; O(cells log cells) once to order the cells.
 *
 * @example
 * // the mean of a 0/1 field of both models: 4 cells whatever n is
 * const cells = valueCells([baseline, candidate])
 * resampleCells(cells, meansOf, { name: 'score:passed', directions: ['higher'], resamples: 10000, alpha: 0.05, seed: 0, withTest: false })
 */
import type { Direction } from './direction.js'
import { binomial } from './binomial.js'
import { multinomial } from './multinomial.js'
import { normalCdf, normalQuantile } from './normal.js'
import { streamFor, type Xoshiro128 } from './random.js'
import { type ResampledMetric } from './resampledMetric.js'
import { quantiles } from './quantile.js'
import { largestFirst, type ValueCells } from './valueCells.js'

/** Cell-resamples allowed per family (resamples × cells). */
export const CELL_WORK_CAP = 20_000_000

/** Below this many resamples (after the cap) the interval and test are the normal approximation. */
export const PERCENTILE_MIN_RESAMPLES = 1000

/** A statistic of weighted cells: several metrics, each with a baseline and a candidate value. */
export interface CellStatistic {
  /** Number of metrics. */
  count: number
  /** The metrics of both models when cell j stands for x[j] examples. NaN where a metric is undefined. */
  weighted(x: Float64Array, base: Float64Array, cand: Float64Array): void
  /**
   * The metrics of both models when s[j] of the examples of cell j have their two values swapped (only the
   * cells in `swappable` are ever non-zero). Absent: no randomization test.
   */
  swapped?(s: Float64Array, base: Float64Array, cand: Float64Array): void
  /** The cells whose swap can change a metric (baseline value ≠ candidate value), ascending. */
  swappable?: Int32Array
}

export interface CellResampleOptions {
  /** Names the random streams: `bootstrap:NAME`, `permutation:NAME`. */
  name: string
  /** Which way each metric is better. */
  directions: readonly Direction[]
  resamples: number
  alpha: number
  seed: number
  /** Run the randomization test (needs `swapped`); false without a baseline. */
  withTest: boolean
  /** Cell-resamples allowed (default CELL_WORK_CAP). */
  workCap?: number
}

export interface CellResampleResult {
  /** Resamples made (fewer than asked when capped). */
  resamples: number
  /** How `ci`, `candidateCi` and `worseBound` were made. */
  method: 'bootstrap-percentile' | 'bootstrap-normal'
  /** How the p-values were made (null without a test). */
  test: 'permutation' | 'bootstrap-normal' | null
  /** Observed baseline and candidate values, per metric (from the cells). */
  baseline: Float64Array
  candidate: Float64Array
  /** Per metric, in the statistic's order. */
  metrics: ResampledMetric[]
}

/**
 * Resamples to make for `cells` cells: all of them up to the work cap, then ⌊cap / cells⌋, at least 20.
 * @example resamplesForCells(10000, 1_000_000) // 20
 * @example resamplesForCells(10000, 25) // 10000
 */
export function resamplesForCells(resamples: number, cells: number, workCap = CELL_WORK_CAP): number {
  return Math.min(resamples, Math.max(20, Math.floor(workCap / Math.max(1, cells))))
}

/**
 * Bootstrap intervals (and, with `withTest`, randomization p-values) of every metric of a statistic.
 * @param build makes the statistic for the cells in the order they will be drawn (largest first)
 */
export function resampleCells(cells: ValueCells, build: (ordered: ValueCells) => CellStatistic, options: CellResampleOptions): CellResampleResult {
  const ordered = largestFirst(cells)
  const stat = build(ordered)
  const k = stat.count
  const baseline = new Float64Array(k)
  const candidate = new Float64Array(k)
  stat.weighted(ordered.weight, baseline, candidate)
  const observed = candidate.map((c, i) => c - baseline[i])
  const R = resamplesFor(options, ordered.size)
  const { alpha } = options
  const boot = bootstrapCells(ordered, stat, R, streamFor(options.seed, `bootstrap:${options.name}`))
  const testable = options.withTest && stat.swapped !== undefined
  const normal = R < PERCENTILE_MIN_RESAMPLES
  let perm: { twoSided: Float64Array; worse: Float64Array } | null = null
  if (testable && !normal && stat.swapped) {
    // The observed delta as the swap path sums it (no swap), so that a draw that swaps nothing is a tie exactly.
    const vB = new Float64Array(k)
    const vC = new Float64Array(k)
    stat.swapped(new Float64Array(ordered.size), vB, vC)
    const unswapped = vC.map((c, i) => c - vB[i])
    perm = randomizeCells(ordered, stat, unswapped, options.directions, R, streamFor(options.seed, `permutation:${options.name}`))
  }
  const z2 = normalQuantile(1 - alpha / 2)
  const z1 = normalQuantile(1 - alpha)
  const metrics: ResampledMetric[] = []
  for (let i = 0; i < k; i++) {
    const obs = observed[i]
    const worseHigh = options.directions[i] === 'lower'
    const deltas = finite(boot.deltas[i])
    const cands = finite(boot.candidates[i])
    const candidateCi = cands.length >= 2 ? candidateInterval(cands, candidate[i], normal, alpha, z2) : null
    if (Number.isNaN(obs) || deltas.length < 2) {
      metrics.push({ ci: null, candidateCi, worseBound: null, pValue: null, pValueWorse: null })
      continue
    }
    if (!normal) {
      const d = quantiles(deltas, [alpha / 2, 1 - alpha / 2, worseHigh ? 1 - alpha : alpha])
      metrics.push({
        ci: [d[0], d[1]],
        candidateCi,
        worseBound: d[2],
        pValue: perm ? (perm.twoSided[i] + 1) / (R + 1) : null,
        pValueWorse: perm ? (perm.worse[i] + 1) / (R + 1) : null
      })
      continue
    }
    const se = sd(deltas)
    let pValue: number | null = null
    let pValueWorse: number | null = null
    if (testable) {
      if (se > 0) {
        const z = obs / se
        pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)))
        pValueWorse = normalCdf(worseHigh ? -z : z)
      } else {
        pValue = obs === 0 ? 1 : 0
        pValueWorse = (worseHigh ? obs > 0 : obs < 0) ? 0 : 1
      }
    }
    metrics.push({
      ci: [obs - z2 * se, obs + z2 * se],
      candidateCi,
      worseBound: worseHigh ? obs + z1 * se : obs - z1 * se,
      pValue,
      pValueWorse
    })
  }
  return {
    resamples: R,
    method: normal ? 'bootstrap-normal' : 'bootstrap-percentile',
    test: testable ? (normal ? 'bootstrap-normal' : 'permutation') : null,
    baseline,
    candidate,
    metrics
  }
}

function resamplesFor(options: CellResampleOptions, cells: number): number {
  return resamplesForCells(options.resamples, cells, options.workCap ?? CELL_WORK_CAP)
}

/** The candidate's own interval: percentile, or θ̂ ± z·se below PERCENTILE_MIN_RESAMPLES. */
function candidateInterval(cands: Float64Array, observed: number, normal: boolean, alpha: number, z2: number): [number, number] | null {
  if (Number.isNaN(observed)) return null
  if (!normal) {
    const q = quantiles(cands, [alpha / 2, 1 - alpha / 2])
    return [q[0], q[1]]
  }
  const se = sd(cands)
  return [observed - z2 * se, observed + z2 * se]
}

/**
 * R bootstrap resamples of the (largest-first) cells: per metric, candidate − baseline and the candidate's value.
 * @example bootstrapCells(cells, stat, 1000, streamFor(0, 'bootstrap:x')).deltas[0].length // 1000
 */
export function bootstrapCells(cells: ValueCells, stat: CellStatistic, R: number, rng: Xoshiro128): { deltas: Float64Array[]; candidates: Float64Array[] } {
  const k = stat.count
  const n = cells.total
  const x = new Float64Array(cells.size)
  const vB = new Float64Array(k)
  const vC = new Float64Array(k)
  const deltas = Array.from({ length: k }, () => new Float64Array(R))
  const candidates = Array.from({ length: k }, () => new Float64Array(R))
  // Cells of a few examples each (continuous values): n uniform draws of an example, each counted in its cell,
  // cost less than a binomial per cell. Both give Multinomial(n, wⱼ/n) exactly.
  // The examples of cell j are the slots start[j] … start[j] + wⱼ − 1: the draws are counted per slot (one
  // random write each), then each cell sums its slots in one sequential pass.
  const bySlot = n <= EXAMPLES_PER_CELL * cells.size ? new Uint32Array(n) : null
  for (let r = 0; r < R; r++) {
    if (bySlot) {
      bySlot.fill(0)
      for (let i = 0; i < n; i++) bySlot[uniformBelow(rng, n)]++
      for (let j = 0, slot = 0; j < cells.size; j++) {
        let sum = 0
        for (const end = slot + cells.weight[j]; slot < end; slot++) sum += bySlot[slot]
        x[j] = sum
      }
    } else {
      multinomial(rng, n, cells.weight, x)
    }
    stat.weighted(x, vB, vC)
    for (let i = 0; i < k; i++) {
      deltas[i][r] = vC[i] - vB[i]
      candidates[i][r] = vC[i]
    }
  }
  return { deltas, candidates }
}

/**
 * Up to this many examples per cell on average, a bootstrap resample draws n examples uniformly (about 5 ns each)
 * rather than a binomial per cell (about 60–90 ns each, an exp and a log).
 */
export const EXAMPLES_PER_CELL = 8

const TWO32 = 4294967296

/**
 * A uniform integer in [0, n): Lemire (2019), "Fast random integer generation in an interval" (multiply and
 * reject; exact), for n ≤ 2²¹ so that the product stays below 2⁵³; above, ⌊u·n⌋ from a 53-bit double (bias
 * below n/2⁵³). Cost O(1), one 32-bit number nearly always.
 * @example uniformBelow(streamFor(0, 'x'), 1) // 0
 */
export function uniformBelow(rng: Xoshiro128, n: number): number {
  if (n > 2097152) return Math.floor(rng.nextDouble() * n)
  // The 64-bit product x·n: its low word by Math.imul, its high word from the exact double product (< 2⁵³);
  // no floating-point remainder (fmod is slow).
  let x = rng.nextUint32()
  let low = Math.imul(x, n) >>> 0
  if (low < n) {
    const threshold = (TWO32 - n) % n
    while (low < threshold) {
      x = rng.nextUint32()
      low = Math.imul(x, n) >>> 0
    }
  }
  return Math.floor((x * n) / TWO32)
}

/**
 * R random swaps: per metric, the two-sided hits |δ*| ≥ |δ| − γ and the one-sided hits (δ* at least as far on
 * the worse side as δ).
 */
export function randomizeCells(
  cells: ValueCells,
  stat: CellStatistic,
  observed: Float64Array,
  directions: readonly Direction[],
  R: number,
  rng: Xoshiro128
): { twoSided: Float64Array; worse: Float64Array } {
  const k = stat.count
  const swapped = stat.swapped
  if (!swapped) throw new Error('randomizeCells: the statistic has no swapped()')
  const swappable = stat.swappable ?? Int32Array.from({ length: cells.size }, (_, j) => j)
  const s = new Float64Array(cells.size)
  const vB = new Float64Array(k)
  const vC = new Float64Array(k)
  const twoSided = new Float64Array(k)
  const worse = new Float64Array(k)
  const gamma = observed.map((d) => Math.max(1e-14, 1e-14 * Math.abs(d)))
  const lowerBetter = directions.map((d) => d === 'lower')
  const { weight } = cells
  for (let r = 0; r < R; r++) {
    for (let q = 0; q < swappable.length; q++) {
      const j = swappable[q]
      s[j] = halfBinomial(rng, weight[j])
    }
    swapped.call(stat, s, vB, vC)
    for (let i = 0; i < k; i++) {
      const d = vC[i] - vB[i]
      const obs = observed[i]
      if (Math.abs(d) >= Math.abs(obs) - gamma[i]) twoSided[i]++
      if (lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i]) worse[i]++
    }
  }
  return { twoSided, worse }
}

/**
 * X ~ Bin(w, 1/2): the number of ones among w random bits for w ≤ 32 (exact, one 32-bit number), else the
 * project's exact sampler (src/stats/binomial.ts).
 * @example halfBinomial(streamFor(0, 'x'), 0) // 0
 */
export function halfBinomial(rng: Xoshiro128, w: number): number {
  if (w > 32) return binomial(rng, w, 0.5)
  if (w <= 0) return 0
  let v = rng.nextUint32()
  if (w < 32) v &= (1 << w) - 1
  v -= (v >>> 1) & 0x55555555
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0
}

function finite(values: Float64Array): Float64Array {
  let m = 0
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) m++
  if (m === values.length) return values
  const out = new Float64Array(m)
  let j = 0
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[j++] = values[i]
  return out
}

/** Sample standard deviation (n − 1), two passes. */
function sd(x: Float64Array): number {
  let m = 0
  for (let i = 0; i < x.length; i++) m += x[i]
  m /= x.length
  let s = 0
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2
  return Math.sqrt(s / (x.length - 1))
}
