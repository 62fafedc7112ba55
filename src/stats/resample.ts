/**
 * Paired bootstrap and paired approximate randomization over the cells of a comparison.
 *
 * Method (METHODS.md, "the cell reduction"): every example is a cell (true label t, baseline prediction b,
 * candidate prediction c). Every confusion-matrix metric of both models is a function of the K³ cell counts, so
 * - a bootstrap resample of the n examples is a draw of the cell counts from Multinomial(n, nⱼ / n), and
 * - a permutation (swap the two predictions of each example with probability 1/2) moves Bin(n_tbc, 1/2) examples
 *   of cell (t, b, c) to cell (t, c, b), independently across cells.
 * Both are exact: they give the same distribution as resampling the examples one by one.
 *
 * Cost per resample: O(cells + K² + metrics) instead of O(n). One seeded stream per family of cells
 * (`bootstrap:NAME`, `permutation:NAME`), so adding a metric changes no other number.
 *
 * References: Efron & Tibshirani (1993), ch. 13 (percentile interval); Noreen (1989) and Riezler & Maxwell
 * (2005) (approximate randomization); Phipson & Smyth (2010) (p = (hits + 1) / (R + 1)).
 */
import type { Direction } from '../types.js'
import { classSums, type ClassSums } from '../metrics/confusion.js'
import type { NamedCmMetric } from '../metrics/classification.js'
import { binomial } from './binomial.js'
import { multinomial } from './multinomial.js'
import { percentileInterval, quantileSorted7 } from './quantile.js'
import { streamFor } from './random.js'

/** Cell counts over (true, baseline, candidate), index (t·k + b)·k + c, with the metrics that depend on them. */
export interface CellFamily {
  /** Names the random streams: `table` for the full table, `class:L` for class L against the rest. */
  name: string
  k: number
  counts: Float64Array
  metrics: readonly NamedCmMetric[]
}

export interface ResampleSettings {
  resamples: number
  alpha: number
  seed: number
}

/** What resampling gives for one metric. Null where the metric is undefined (NaN) in the data. */
export interface ResampledMetric {
  /** Two-sided (1 − alpha) percentile interval of candidate − baseline. */
  ci: [number, number] | null
  /** (1 − alpha) percentile interval of the candidate's value. */
  candidateCi: [number, number] | null
  /** One-sided (1 − alpha) bound of the delta on the worse side. */
  worseBound: number | null
  /** Two-sided approximate randomization p-value, (hits + 1) / (R + 1). */
  pValue: number | null
  /** One-sided p-value for a change in the worse direction. */
  pValueWorse: number | null
}

/** Baseline and candidate confusion matrices (K×K, rows true) of a cell table. */
export function confusionMatrices(counts: ArrayLike<number>, k: number): { baseline: Float64Array; candidate: Float64Array } {
  const baseline = new Float64Array(k * k)
  const candidate = new Float64Array(k * k)
  for (let t = 0; t < k; t++) {
    for (let b = 0; b < k; b++) {
      for (let c = 0; c < k; c++) {
        const x = counts[(t * k + b) * k + c]
        if (x === 0) continue
        baseline[t * k + b] += x
        candidate[t * k + c] += x
      }
    }
  }
  return { baseline, candidate }
}

/**
 * Bootstrap interval and permutation p-value of every metric of a family.
 * @param directions which way each metric is better
 */
export function resampleFamily(
  family: CellFamily,
  directions: (name: string) => Direction,
  settings: ResampleSettings,
  /** False without a baseline: the permutation test has nothing to swap and is skipped (p-values null). */
  withTest = true
): Map<string, ResampledMetric> {
  const { metrics } = family
  const R = settings.resamples
  const observed = observe(family)
  const boot = bootstrapDraws(family, R, settings.seed)
  const perm = withTest ? permutationHits(family, observed, directions, R, settings.seed) : null
  const out = new Map<string, ResampledMetric>()
  metrics.forEach((m, i) => {
    const obs = observed[i]
    const worseHigh = directions(m.name) === 'lower'
    if (Number.isNaN(obs)) {
      out.set(m.name, { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null })
      return
    }
    const deltas = finite(boot.deltas[i])
    const cands = finite(boot.candidates[i])
    const ci = deltas.length > 0 ? percentileInterval(deltas, settings.alpha) : null
    // percentileInterval sorted `deltas` in place.
    const worseBound = deltas.length > 0 ? quantileSorted7(deltas, worseHigh ? 1 - settings.alpha : settings.alpha) : null
    out.set(m.name, {
      ci,
      candidateCi: cands.length > 0 ? percentileInterval(cands, settings.alpha) : null,
      worseBound,
      pValue: perm ? (perm.twoSided[i] + 1) / (R + 1) : null,
      pValueWorse: perm ? (perm.worse[i] + 1) / (R + 1) : null
    })
  })
  return out
}

/** Observed candidate − baseline of each metric. */
function observe(family: CellFamily): Float64Array {
  const { baseline, candidate } = confusionMatrices(family.counts, family.k)
  const sb = classSums(baseline, family.k)
  const sc = classSums(candidate, family.k)
  return Float64Array.from(family.metrics, (m) => m.fn(candidate, sc) - m.fn(baseline, sb))
}

/** The non-zero cells, largest first (the order the conditional binomial method wants). */
function nonZeroCells(counts: Float64Array): Int32Array {
  const cells: number[] = []
  for (let j = 0; j < counts.length; j++) if (counts[j] > 0) cells.push(j)
  cells.sort((a, b) => counts[b] - counts[a] || a - b)
  return Int32Array.from(cells)
}

interface Accumulator {
  k: number
  cmB: Float64Array
  cmC: Float64Array
  sB: ClassSums
  sC: ClassSums
}

function accumulator(k: number): Accumulator {
  const cmB = new Float64Array(k * k)
  const cmC = new Float64Array(k * k)
  return { k, cmB, cmC, sB: classSums(cmB, k), sC: classSums(cmC, k) }
}

/** Fills both confusion matrices and their sums from the counts of the listed cells. */
function fill(acc: Accumulator, cells: Int32Array, values: ArrayLike<number>, valueAtCell: boolean): void {
  const { k, cmB, cmC } = acc
  cmB.fill(0)
  cmC.fill(0)
  const kk = k * k
  for (let j = 0; j < cells.length; j++) {
    const x = valueAtCell ? values[cells[j]] : values[j]
    if (x === 0) continue
    const cell = cells[j]
    const t = (cell / kk) | 0
    const b = ((cell / k) | 0) % k
    const c = cell % k
    cmB[t * k + b] += x
    cmC[t * k + c] += x
  }
  classSums(cmB, k, acc.sB)
  classSums(cmC, k, acc.sC)
}

/** R bootstrap resamples: per metric, the deltas and the candidate's values. */
function bootstrapDraws(family: CellFamily, R: number, seed: number): { deltas: Float64Array[]; candidates: Float64Array[] } {
  const { k, counts, metrics } = family
  const rng = streamFor(seed, `bootstrap:${family.name}`)
  const cells = nonZeroCells(counts)
  const weights = Float64Array.from(cells, (j) => counts[j])
  let n = 0
  for (const w of weights) n += w
  const draw = new Float64Array(cells.length)
  const acc = accumulator(k)
  const deltas = metrics.map(() => new Float64Array(R))
  const candidates = metrics.map(() => new Float64Array(R))
  for (let r = 0; r < R; r++) {
    multinomial(rng, n, weights, draw)
    fill(acc, cells, draw, false)
    for (let i = 0; i < metrics.length; i++) {
      const vc = metrics[i].fn(acc.cmC, acc.sC)
      deltas[i][r] = vc - metrics[i].fn(acc.cmB, acc.sB)
      candidates[i][r] = vc
    }
  }
  return { deltas, candidates }
}

/**
 * R random swaps: per metric, how often |δ*| ≥ |δ| − γ (two-sided) and δ* is at least as far on the worse
 * side as δ (one-sided), with γ = max(1e-14, 1e-14·|δ|) so that ties in floating point count as hits.
 */
function permutationHits(
  family: CellFamily,
  observed: Float64Array,
  directions: (name: string) => Direction,
  R: number,
  seed: number
): { twoSided: Float64Array; worse: Float64Array } {
  const { k, counts, metrics } = family
  const rng = streamFor(seed, `permutation:${family.name}`)
  const swapOf = (j: number): number => {
    const c = j % k
    const b = ((j / k) | 0) % k
    return j - b * k - c + c * k + b
  }
  const source = nonZeroCells(counts).filter((j) => swapOf(j) !== j)
  source.sort((a, b) => a - b)
  const active = Int32Array.from(new Set([...nonZeroCells(counts), ...Array.from(source, swapOf)]))
  const moved = new Float64Array(counts.length)
  const acc = accumulator(k)
  const twoSided = new Float64Array(metrics.length)
  const worse = new Float64Array(metrics.length)
  const gamma = Float64Array.from(observed, (d) => Math.max(1e-14, 1e-14 * Math.abs(d)))
  const lowerBetter = metrics.map((m) => directions(m.name) === 'lower')
  for (let r = 0; r < R; r++) {
    for (const j of active) moved[j] = counts[j]
    for (const j of source) {
      const s = binomial(rng, counts[j], 0.5)
      moved[j] -= s
      moved[swapOf(j)] += s
    }
    fill(acc, active, moved, true)
    for (let i = 0; i < metrics.length; i++) {
      const d = metrics[i].fn(acc.cmC, acc.sC) - metrics[i].fn(acc.cmB, acc.sB)
      const obs = observed[i]
      if (Math.abs(d) >= Math.abs(obs) - gamma[i]) twoSided[i]++
      if (lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i]) worse[i]++
    }
  }
  return { twoSided, worse }
}

function finite(values: Float64Array): Float64Array {
  let m = 0
  for (const v of values) if (!Number.isNaN(v)) m++
  if (m === values.length) return values
  const out = new Float64Array(m)
  let i = 0
  for (const v of values) if (!Number.isNaN(v)) out[i++] = v
  return out
}
