/**
 * Paired bootstrap and paired approximate randomization over the cells of a comparison.
 *
 * Method (docs/statistics.md, "the cell reduction"): every example is a cell (true label t, baseline prediction b,
 * candidate prediction c). Every confusion-matrix metric of both models is a function of the K³ cell counts, so
 * - a bootstrap resample of the n examples is a draw of the cell counts from Multinomial(n, nⱼ / n), and
 * - a permutation (swap the two predictions of each example with probability 1/2) moves Bin(n_tbc, 1/2) examples
 *   of cell (t, b, c) to cell (t, c, b), independently across cells.
 * Both are exact: they give the same distribution as resampling the examples one by one.
 *
 * The cells are sparse (src/pair/cellTable.ts): only the non-empty ones are visited, in the order of the dense index, and
 * the random numbers are drawn for them in the order the dense table would have drawn them (the bootstrap over
 * the non-empty cells largest first, the permutation one binomial per non-empty off-diagonal cell in index
 * order; empty cells never consumed a number), so the numbers do not depend on how the table is stored.
 *
 * Cost per resample: O(non-empty cells + K·metrics) instead of O(n): the metrics need only the row, column and
 * diagonal sums of the two confusion matrices, which a resample updates cell by cell. One seeded stream per
 * family of cells (`bootstrap:NAME`, `permutation:NAME`), so adding a metric changes no other number.
 *
 * References: Efron & Tibshirani (1993), ch. 13 (percentile interval); Noreen (1989) and Riezler & Maxwell
 * (2005) (approximate randomization); Phipson & Smyth (2010) (p = (hits + 1) / (R + 1)).
 */
import type { CellTable } from '../../pair/cellTable.js'
import type { Direction } from '../../stats/direction.js'
import type { ClassSums } from '../../metrics/confusion.js'
import { evaluator, type NamedCmMetric } from '../../metrics/classification.js'
import { binomialHalves } from '../../stats/binomial.js'
import { multinomial } from '../../stats/multinomial.js'
import { streamFor } from '../../stats/random.js'
import { blockMultinomial, blockPlan } from '../../stats/blockMultinomial.js'
import { quantiles } from '../../stats/quantile.js'
import type { ResampledMetric } from '../../stats/resampledMetric.js'

/** Sparse cell counts over (true, baseline, candidate), with the metrics that depend on them. */
export interface CellFamily {
  /** Names the random streams: `table` for the full table, `class:L` for class L against the rest. */
  name: string
  cells: CellTable
  metrics: readonly NamedCmMetric[]
  /**
   * Set for the table of one class against the rest (k = 2, the class is index 1) whose metrics are
   * `perClassMetrics(label)`: precision, recall, f1, support of class 1. Resampled by a scalar path (same draws,
   * same values, no per-metric calls); `support` is a count and is not resampled, and only F1 gets a bootstrap
   * interval of its own value (precision's and recall's are Wilson intervals, made by the caller).
   */
  perClass?: boolean
  /**
   * Set for the full table of a task with more than 4 classes: its bootstrap is drawn in chunks of
   * BOOTSTRAP_CHUNK resamples, chunk i from its own stream `bootstrap:NAME/i` (see {@link chunkedBootstrap}),
   * so that two threads can draw it and give the same numbers.
   */
  chunked?: boolean
}

export interface ResampleSettings {
  resamples: number
  alpha: number
  seed: number
}

/** Empty sums for k classes. */
export function newClassSums(k: number): ClassSums {
  return { k, total: 0, correct: 0, truth: new Float64Array(k), predicted: new Float64Array(k), tp: new Float64Array(k) }
}

/**
 * Row, column and diagonal sums of one model's confusion matrix (`baseline` or `candidate`), straight from the
 * cells. Cost O(cells + K); the counts are integers, so the sums are exact in any order.
 * @example classSumsOfCells(fromDense(2, [3, 0, 0, 0, 0, 0, 0, 2]), 'candidate').tp // [3, 2]
 */
export function classSumsOfCells(cells: CellTable, model: 'baseline' | 'candidate', out = newClassSums(cells.k)): ClassSums {
  const pred = model === 'baseline' ? cells.b : cells.c
  out.truth.fill(0)
  out.predicted.fill(0)
  out.tp.fill(0)
  let correct = 0
  for (let j = 0; j < cells.size; j++) {
    const x = cells.count[j]
    const t = cells.t[j]
    const p = pred[j]
    out.truth[t] += x
    out.predicted[p] += x
    if (p === t) {
      out.tp[t] += x
      correct += x
    }
  }
  out.total = cells.total
  out.correct = correct
  return out
}

/**
 * Baseline and candidate confusion matrices (dense K×K, rows true) of a cell table. Cost O(cells + K²): for
 * reports and tests, never inside a resampling loop.
 */
export function confusionMatrices(cells: CellTable): { baseline: Float64Array; candidate: Float64Array } {
  const { k } = cells
  const baseline = new Float64Array(k * k)
  const candidate = new Float64Array(k * k)
  for (let j = 0; j < cells.size; j++) {
    const x = cells.count[j]
    baseline[cells.t[j] * k + cells.b[j]] += x
    candidate[cells.t[j] * k + cells.c[j]] += x
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
  withTest = true,
  /** Gives the permutation counts made elsewhere ({@link familyPermutation} on a helper thread); called after the bootstrap. */
  permutation?: () => PermutationCounts,
  /** Gives a chunked family's bootstrap drawn by two threads (src/significance/classification/statsWorker.ts); else this thread draws every chunk. */
  bootstrap?: () => BootstrapDraws
): Map<string, ResampledMetric> {
  const { metrics } = family
  const R = settings.resamples
  const observed = observe(family)
  const perClass = family.perClass === true
  const boot = perClass
    ? bootstrapClass(family, R, settings.seed)
    : family.chunked
      ? (bootstrap ? bootstrap() : drawEveryChunk(family, R, settings.seed))
      : bootstrapDraws(family, R, settings.seed)
  const perm = withTest ? (permutation ? permutation() : (perClass ? permutationClass : permutationHits)(family, observed, directions, R, settings.seed)) : null
  const out = new Map<string, ResampledMetric>()
  const { alpha } = settings
  metrics.forEach((m, i) => {
    const obs = observed[i]
    const worseHigh = directions(m.name) === 'lower'
    if (Number.isNaN(obs) || (perClass && i === CLASS_SUPPORT)) {
      out.set(m.name, { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null })
      return
    }
    const deltas = finite(boot.deltas[i])
    const cands = finite(boot.candidates[i])
    // The same order statistics a sort would give (quantileSorted7 of the sorted values), found by selection.
    const d = deltas.length > 0 ? quantiles(deltas, [alpha / 2, 1 - alpha / 2, worseHigh ? 1 - alpha : alpha]) : null
    const own = cands.length > 0 && (!perClass || i === CLASS_F1) ? quantiles(cands, [alpha / 2, 1 - alpha / 2]) : null
    out.set(m.name, {
      ci: d ? [d[0], d[1]] : null,
      candidateCi: own ? [own[0], own[1]] : null,
      worseBound: d ? d[2] : null,
      pValue: perm ? (perm.twoSided[i] + 1) / (R + 1) : null,
      pValueWorse: perm ? (perm.worse[i] + 1) / (R + 1) : null
    })
  })
  return out
}

/** Per metric, how many permutation resamples were as extreme as observed (two-sided) and as bad (worse side). */
export interface PermutationCounts {
  twoSided: Float64Array
  worse: Float64Array
}

/**
 * The permutation counts of a family exactly as {@link resampleFamily} makes them (its own stream
 * `permutation:NAME`, independent of the bootstrap's): what a helper thread runs while this thread draws the
 * bootstrap. Cost: see permutationHits.
 */
export function familyPermutation(family: CellFamily, directions: (name: string) => Direction, settings: ResampleSettings): PermutationCounts {
  return (family.perClass ? permutationClass : permutationHits)(family, observe(family), directions, settings.resamples, settings.seed)
}

/** Observed candidate − baseline of each metric. */
function observe(family: CellFamily): Float64Array {
  const sb = classSumsOfCells(family.cells, 'baseline')
  const sc = classSumsOfCells(family.cells, 'candidate')
  return Float64Array.from(family.metrics, (m) => m.fn(sc) - m.fn(sb))
}

/** Positions of the cells, largest count first, ties in index order (the order the conditional binomial method wants). */
function largestFirst(cells: CellTable): Int32Array {
  const order = Int32Array.from({ length: cells.size }, (_, j) => j)
  const { count } = cells
  order.sort((a, b) => count[b] - count[a] || a - b)
  return order
}

/** R bootstrap resamples: per metric, the deltas and the candidate's values. */
function bootstrapDraws(family: CellFamily, R: number, seed: number): { deltas: Float64Array[]; candidates: Float64Array[] } {
  const { cells, metrics } = family
  const rng = streamFor(seed, `bootstrap:${family.name}`)
  const order = largestFirst(cells)
  const m = order.length
  const weights = Float64Array.from(order, (j) => cells.count[j])
  const ts = Int32Array.from(order, (j) => cells.t[j])
  const bs = Int32Array.from(order, (j) => cells.b[j])
  const cs = Int32Array.from(order, (j) => cells.c[j])
  let n = 0
  for (const w of weights) n += w
  const draw = new Float64Array(m)
  const sB = newClassSums(cells.k)
  const sC = newClassSums(cells.k)
  const deltas = metrics.map(() => new Float64Array(R))
  const candidates = metrics.map(() => new Float64Array(R))
  const evaluate = evaluator(metrics, cells.k)
  const vB = new Float64Array(metrics.length)
  const vC = new Float64Array(metrics.length)
  for (let r = 0; r < R; r++) {
    multinomial(rng, n, weights, draw)
    sB.truth.fill(0)
    sB.predicted.fill(0)
    sB.tp.fill(0)
    sC.predicted.fill(0)
    sC.tp.fill(0)
    let total = 0
    let correctB = 0
    let correctC = 0
    for (let j = 0; j < m; j++) {
      const x = draw[j]
      if (x === 0) continue
      const t = ts[j]
      const b = bs[j]
      const c = cs[j]
      total += x
      sB.truth[t] += x
      sB.predicted[b] += x
      sC.predicted[c] += x
      if (b === t) {
        sB.tp[t] += x
        correctB += x
      }
      if (c === t) {
        sC.tp[t] += x
        correctC += x
      }
    }
    sC.truth.set(sB.truth)
    sB.total = sC.total = total
    sB.correct = correctB
    sC.correct = correctC
    evaluate(sB, vB)
    evaluate(sC, vC)
    for (let i = 0; i < metrics.length; i++) {
      deltas[i][r] = vC[i] - vB[i]
      candidates[i][r] = vC[i]
    }
  }
  return { deltas, candidates }
}

/** Per metric, the R bootstrap deltas (candidate − baseline) and the candidate's values. */
export interface BootstrapDraws {
  deltas: Float64Array[]
  candidates: Float64Array[]
}

/** Resamples per chunk of a chunked bootstrap ({@link CellFamily.chunked}). */
export const BOOTSTRAP_CHUNK = 16

/**
 * A chunked family's bootstrap: resample r belongs to chunk ⌊r / BOOTSTRAP_CHUNK⌋, and chunk i is drawn from its
 * own stream `bootstrap:NAME/i`, so any thread can draw any chunk and the numbers depend only on (seed, NAME, i),
 * never on which thread drew it or how many there were.
 *
 * A resample's cell counts are Multinomial(n, wⱼ / n) (the cells largest first), drawn in blocks
 * (src/stats/blockMultinomial.ts: block totals by conditional binomials, then within a block of small cells the
 * examples one by one into its slots, else conditional binomials): the same distribution as the conditional
 * binomial method over all cells, with about one 32-bit random number per example instead of a binomial (an exp
 * and a log) per cell where the cells hold one or two examples (a table of many classes). The sums of the two
 * confusion matrices are updated cell by cell, as {@link bootstrapDraws} does.
 * Cost per chunk: BOOTSTRAP_CHUNK × (the draw: at most min(cells, n) binomials or n uniform integers; + cells +
 * K·metrics). Setup O(cells log cells).
 * @example chunkedBootstrap(family, 1000, 0).chunks // 63
 */
export function chunkedBootstrap(family: CellFamily, R: number, seed: number): { chunks: number; draw(chunk: number, out: BootstrapDraws): void } {
  const { cells, metrics } = family
  const order = largestFirst(cells)
  const m = order.length
  // Plain loops: TypedArray.from with a mapping function is several times slower on 10⁵–10⁶ cells.
  const weights = new Float64Array(m)
  const ts = new Int32Array(m)
  const bs = new Int32Array(m)
  const cs = new Int32Array(m)
  const right = new Uint8Array(m)
  let n = 0
  for (let i = 0; i < m; i++) {
    const j = order[i]
    weights[i] = cells.count[j]
    ts[i] = cells.t[j]
    bs[i] = cells.b[j]
    cs[i] = cells.c[j]
    right[i] = (cells.b[j] === cells.t[j] ? 1 : 0) | (cells.c[j] === cells.t[j] ? 2 : 0)
    n += weights[i]
  }
  const plan = blockPlan(weights)
  const draw = new Float64Array(m)
  const sB = newClassSums(cells.k)
  const sC = newClassSums(cells.k)
  const evaluate = evaluator(metrics, cells.k)
  const vB = new Float64Array(metrics.length)
  const vC = new Float64Array(metrics.length)
  return {
    chunks: Math.ceil(R / BOOTSTRAP_CHUNK),
    draw(chunk: number, out: BootstrapDraws): void {
      const rng = streamFor(seed, `bootstrap:${family.name}/${chunk}`)
      const end = Math.min(R, (chunk + 1) * BOOTSTRAP_CHUNK)
      for (let r = chunk * BOOTSTRAP_CHUNK; r < end; r++) {
        blockMultinomial(rng, n, plan, draw)
        addCells(draw, ts, bs, cs, right, sB, sC)
        evaluate(sB, vB)
        evaluate(sC, vC)
        for (let i = 0; i < metrics.length; i++) {
          out.deltas[i][r] = vC[i] - vB[i]
          out.candidates[i][r] = vC[i]
        }
      }
    }
  }
}

/**
 * The two models' class sums of drawn cell counts `x` (cells t, b, c; `right` bit 1 where the baseline is
 * right, bit 2 where the candidate is) into sB and sC. Without branches (a count is 0 about a third of the time in a table of small cells, and
 * whether a model is right varies from cell to cell): integer sums, so adding zeros changes nothing. A function
 * of its own, its arrays in arguments, so that the loop keeps them in registers; the flags in one byte, as the
 * pass is bound by memory (21 bytes a cell).
 */
function addCells(x: Float64Array, ts: Int32Array, bs: Int32Array, cs: Int32Array, right: Uint8Array, sB: ClassSums, sC: ClassSums): void {
  const { truth, predicted: predB, tp: tpB } = sB
  const { predicted: predC, tp: tpC } = sC
  truth.fill(0)
  predB.fill(0)
  tpB.fill(0)
  predC.fill(0)
  tpC.fill(0)
  let total = 0
  let correctB = 0
  let correctC = 0
  const m = x.length
  for (let j = 0; j < m; j++) {
    const v = x[j]
    const t = ts[j]
    total += v
    truth[t] += v
    predB[bs[j]] += v
    predC[cs[j]] += v
    const f = right[j]
    const vB = v * (f & 1)
    const vC = v * (f >> 1)
    tpB[t] += vB
    tpC[t] += vC
    correctB += vB
    correctC += vC
  }
  sC.truth.set(truth)
  sB.total = sC.total = total
  sB.correct = correctB
  sC.correct = correctC
}

/** Every chunk of a chunked family's bootstrap, on this thread. */
function drawEveryChunk(family: CellFamily, R: number, seed: number): BootstrapDraws {
  const out = { deltas: family.metrics.map(() => new Float64Array(R)), candidates: family.metrics.map(() => new Float64Array(R)) }
  const boot = chunkedBootstrap(family, R, seed)
  for (let chunk = 0; chunk < boot.chunks; chunk++) boot.draw(chunk, out)
  return out
}

/**
 * R random swaps: per metric, how often |δ*| ≥ |δ| − γ (two-sided) and δ* is at least as far on the worse
 * side as δ (one-sided), with γ = max(1e-14, 1e-14·|δ|) so that ties in floating point count as hits.
 * A swap of s of the examples of cell (t, b, c) moves them to (t, c, b): the baseline predicts c instead of b
 * and the candidate b instead of c, so only the predicted and diagonal sums of classes b and c change.
 */
function permutationHits(
  family: CellFamily,
  observed: Float64Array,
  directions: (name: string) => Direction,
  R: number,
  seed: number
): { twoSided: Float64Array; worse: Float64Array } {
  const { cells, metrics } = family
  const rng = streamFor(seed, `permutation:${family.name}`)
  // The off-diagonal (b ≠ c) non-empty cells, in index order: one binomial each per resample.
  const source: number[] = []
  for (let j = 0; j < cells.size; j++) if (cells.b[j] !== cells.c[j]) source.push(j)
  const ts = Int32Array.from(source, (j) => cells.t[j])
  const bs = Int32Array.from(source, (j) => cells.b[j])
  const cs = Int32Array.from(source, (j) => cells.c[j])
  const ns = Float64Array.from(source, (j) => cells.count[j])
  const b0 = classSumsOfCells(cells, 'baseline')
  const c0 = classSumsOfCells(cells, 'candidate')
  const sB = classSumsOfCells(cells, 'baseline')
  const sC = classSumsOfCells(cells, 'candidate')
  const twoSided = new Float64Array(metrics.length)
  const worse = new Float64Array(metrics.length)
  const gamma = Float64Array.from(observed, (d) => Math.max(1e-14, 1e-14 * Math.abs(d)))
  const lowerBetter = metrics.map((m) => directions(m.name) === 'lower')
  const evaluate = evaluator(metrics, cells.k)
  const vB = new Float64Array(metrics.length)
  const vC = new Float64Array(metrics.length)
  const swaps = new Float64Array(ns.length)
  // +1: a swap moves a right answer from the baseline to the candidate (b = t); −1 the other way (c = t).
  const toCandidate = Float64Array.from(source, (j) => (cells.b[j] === cells.t[j] ? 1 : cells.c[j] === cells.t[j] ? -1 : 0))
  const { predicted: predB, tp: tpB } = sB
  const { predicted: predC, tp: tpC } = sC
  for (let r = 0; r < R; r++) {
    sB.predicted.set(b0.predicted)
    sB.tp.set(b0.tp)
    sC.predicted.set(c0.predicted)
    sC.tp.set(c0.tp)
    let correctB = b0.correct
    let correctC = c0.correct
    // The swap counts of every cell, drawn in cell order (the draws of binomialHalf cell by cell).
    binomialHalves(rng, ns, swaps)
    // Without branches (half the swap counts are 0): integer sums, so adding zeros changes nothing.
    for (let j = 0; j < ns.length; j++) {
      const s = swaps[j]
      const t = ts[j]
      const b = bs[j]
      const c = cs[j]
      predB[b] -= s
      predB[c] += s
      predC[c] -= s
      predC[b] += s
      const moved = s * toCandidate[j]
      tpB[t] -= moved
      tpC[t] += moved
      correctB -= moved
      correctC += moved
    }
    sB.correct = correctB
    sC.correct = correctC
    evaluate(sB, vB)
    evaluate(sC, vC)
    for (let i = 0; i < metrics.length; i++) {
      const d = vC[i] - vB[i]
      const obs = observed[i]
      if (Math.abs(d) >= Math.abs(obs) - gamma[i]) twoSided[i]++
      if (lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i]) worse[i]++
    }
  }
  return { twoSided, worse }
}

/** Positions of precision, recall, f1 and support in `perClassMetrics`. */
const CLASS_PRECISION = 0
const CLASS_RECALL = 1
const CLASS_F1 = 2
const CLASS_SUPPORT = 3

/** Precision, recall and F1 of a class from its counts, as precisionOf, recallOf and f1Of compute them. */
function classMetrics(truth: number, predicted: number, tp: number, out: Float64Array): void {
  const p = predicted === 0 ? 0 : tp / predicted
  const r = truth === 0 ? 0 : tp / truth
  const denom = p + r
  out[CLASS_PRECISION] = p
  out[CLASS_RECALL] = r
  out[CLASS_F1] = denom === 0 ? 0 : (2 * p * r) / denom
}

/** {@link bootstrapDraws} of a `perClass` family: the counts of class 1 only, no support. */
function bootstrapClass(family: CellFamily, R: number, seed: number): { deltas: Float64Array[]; candidates: Float64Array[] } {
  const { cells } = family
  const rng = streamFor(seed, `bootstrap:${family.name}`)
  const order = largestFirst(cells)
  const m = order.length
  const weights = Float64Array.from(order, (j) => cells.count[j])
  const isT = Uint8Array.from(order, (j) => cells.t[j])
  const isB = Uint8Array.from(order, (j) => cells.b[j])
  const isC = Uint8Array.from(order, (j) => cells.c[j])
  let n = 0
  for (const w of weights) n += w
  const draw = new Float64Array(m)
  const deltas = [new Float64Array(R), new Float64Array(R), new Float64Array(R), new Float64Array(0)]
  const candidates = [new Float64Array(R), new Float64Array(R), new Float64Array(R), new Float64Array(0)]
  const vB = new Float64Array(3)
  const vC = new Float64Array(3)
  for (let r = 0; r < R; r++) {
    multinomial(rng, n, weights, draw)
    let truth = 0
    let predB = 0
    let predC = 0
    let tpB = 0
    let tpC = 0
    for (let j = 0; j < m; j++) {
      const x = draw[j]
      if (x === 0) continue
      if (isB[j]) predB += x
      if (isC[j]) predC += x
      if (isT[j]) {
        truth += x
        if (isB[j]) tpB += x
        if (isC[j]) tpC += x
      }
    }
    classMetrics(truth, predB, tpB, vB)
    classMetrics(truth, predC, tpC, vC)
    for (let i = 0; i < 3; i++) {
      deltas[i][r] = vC[i] - vB[i]
      candidates[i][r] = vC[i]
    }
  }
  return { deltas, candidates }
}

/** {@link permutationHits} of a `perClass` family: a swap in cell (t, b, c), b ≠ c, moves class-1 counts between the models. */
function permutationClass(
  family: CellFamily,
  observed: Float64Array,
  directions: (name: string) => Direction,
  R: number,
  seed: number
): { twoSided: Float64Array; worse: Float64Array } {
  const { cells, metrics } = family
  const rng = streamFor(seed, `permutation:${family.name}`)
  const source: number[] = []
  for (let j = 0; j < cells.size; j++) if (cells.b[j] !== cells.c[j]) source.push(j)
  const ns = Float64Array.from(source, (j) => cells.count[j])
  // +1: the baseline predicted the class and the candidate did not (b = 1, c = 0); −1 the other way.
  const dir = Int8Array.from(source, (j) => (cells.b[j] === 1 ? 1 : -1))
  const isT = Uint8Array.from(source, (j) => cells.t[j])
  const sB = classSumsOfCells(cells, 'baseline')
  const sC = classSumsOfCells(cells, 'candidate')
  const truth = sB.truth[1]
  const twoSided = new Float64Array(metrics.length)
  const worse = new Float64Array(metrics.length)
  const gamma = Float64Array.from(observed, (d) => Math.max(1e-14, 1e-14 * Math.abs(d)))
  const lowerBetter = metrics.map((m) => directions(m.name) === 'lower')
  const vB = new Float64Array(3)
  const vC = new Float64Array(3)
  const swaps = new Float64Array(ns.length)
  for (let r = 0; r < R; r++) {
    let predB = sB.predicted[1]
    let predC = sC.predicted[1]
    let tpB = sB.tp[1]
    let tpC = sC.tp[1]
    binomialHalves(rng, ns, swaps)
    for (let j = 0; j < ns.length; j++) {
      const s = swaps[j]
      if (s === 0) continue
      const moved = dir[j] * s
      predB -= moved
      predC += moved
      if (isT[j]) {
        tpB -= moved
        tpC += moved
      }
    }
    classMetrics(truth, predB, tpB, vB)
    classMetrics(truth, predC, tpC, vC)
    for (let i = 0; i < 3; i++) {
      const d = vC[i] - vB[i]
      const obs = observed[i]
      if (Math.abs(d) >= Math.abs(obs) - gamma[i]) twoSided[i]++
      if (lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i]) worse[i]++
    }
  }
  return { twoSided, worse }
}

function finite(values: Float64Array): Float64Array {
  const n = values.length
  let m = 0
  for (let i = 0; i < n; i++) if (values[i] === values[i]) m++
  if (m === n) return values
  const out = new Float64Array(m)
  let j = 0
  for (let i = 0; i < n; i++) if (values[i] === values[i]) out[j++] = values[i]
  return out
}
