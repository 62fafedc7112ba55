/**
 * Bootstrap intervals and randomization p-values of the generation metrics, from their per-example rows.
 *
 * - Every metric gets the paired bootstrap: R resamples of the examples (bootstrap.ts), the same draws for all
 *   metrics and both models (seeded streams `bootstrap:generation/c`, one per chunk of 512 resamples); `ci` is
 *   the type-7 percentile interval of candidate − baseline, `candidateCi` that of the candidate's own value,
 *   `worseBound` the one-sided bound.
 * - Corpus metrics (BLEU, chrF) get the approximate randomization test (randomization.ts, streams
 *   `permutation:generation/c`, one per chunk of 2,048 trials): `pValue` = (hits + 1)/(R + 1) with a hit when |δ*| ≥ |δ| (up to 1e-14 relative,
 *   so ties in floating point count, as in the rest of Eval Gate), `pValueWorse` one-sided. Also sacrebleu's
 *   own numbers, for comparison with `sacrebleu --paired-ar` and `--paired-bs`: `sacrebleuAR`, where only
 *   |δ*| > |δ| strictly is a hit (significance.py `_compute_p_value`), and `sacrebleuBs`: the mean of the
 *   candidate's bootstrap scores, the half-width of sacrebleu's 95% interval (sorted scores at ⌊R/40⌋ and
 *   R − ⌊R/40⌋ − 1), and its p-value, hits of |Δ*| − mean|Δ*| > |δ| over the resamples.
 * - Ratio metrics (loss, perplexity: Σ loss·tokens / Σ tokens; means such as exact_match and token_f1 with a
 *   denominator of 1) get the bootstrap p-value of the shift method: the resampled deltas centred on their mean
 *   stand for the null distribution, p = (#{|δ* − mean δ*| ≥ |δ|} + 1)/(R + 1).
 * The chunks run on this thread, or shared with a helper thread (`settings.helper`; jobs.ts, worker.ts): the
 * numbers are the same either way.
 * Cost: O(R · n · packed width) for the bootstrap, O(R · m/b · width) for the randomization (see there), plus
 * O(R) metric evaluations and O(R log R) to sort.
 */
import type { Direction } from '../../stats/direction.js'
import { quantileSorted7 } from '../../stats/quantile.js'
import { prepareBootstrap, type ColumnBlock } from './bootstrap.js'
import { metricValue, TRIALS, type GenerationJob, type MetricSpec } from './jobs.js'
import { prepareRandomization } from './randomization.js'
import { columnSums, type CorpusMetricStats } from '../../metrics/generation/corpus.js'
import { runJob, sharedArray, sharedInts, type GenerationHelper } from './generationWorker.js'

export interface ResampleSettings {
  resamples: number
  alpha: number
  seed: number
  /** A helper thread for half the resampling (worker.ts); the numbers are the same without. */
  helper?: GenerationHelper | null
}

/** A metric that is Σ numerator / Σ denominator over examples, maybe through a transform (perplexity = exp). */
export interface RatioMetricStats {
  name: string
  direction: Direction
  /** n × 2 per model: [numerator, denominator] per example. */
  candidate: Float64Array
  baseline: Float64Array | null
  /** Every entry a non-negative integer (exact_match): the bootstrap may pack it. */
  integer: boolean
  /** 'exp': the metric is exp(ratio) (perplexity). */
  transform?: 'exp'
}

export interface GenerationResampled {
  candidate: number
  baseline: number | null
  delta: number | null
  ci: [number, number] | null
  candidateCi: [number, number] | null
  worseBound: number | null
  /** Two-sided: randomization for corpus metrics, bootstrap (shift) for ratio metrics. */
  pValue: number | null
  pValueWorse: number | null
  test: 'permutation' | 'bootstrap' | null
  /** Corpus metrics only. */
  sacrebleuAR?: number | null
  sacrebleuBs?: { candidateMean: number; candidateCi: number; pValue: number | null }
}

/** Floating-point tolerance of a tie with the observed delta. */
function tolerance(observed: number): number {
  return Math.max(1e-14, 1e-14 * Math.abs(observed))
}

/**
 * Resamples every metric. Corpus metrics are higher-is-better (BLEU, chrF); ratio metrics say their direction.
 * Without a baseline only the candidate's intervals are given.
 */
export function resampleGeneration(
  n: number,
  corpus: readonly CorpusMetricStats[],
  ratios: readonly RatioMetricStats[],
  settings: ResampleSettings
): Map<string, GenerationResampled> {
  const R = settings.resamples
  const paired = corpus.every((c) => c.baseline !== null) && ratios.every((c) => c.baseline !== null)
  const blocks: ColumnBlock[] = []
  for (const c of corpus) {
    blocks.push({ data: c.candidate, k: c.k, integer: true })
    if (paired) blocks.push({ data: c.baseline as Float64Array, k: c.k, integer: true })
  }
  // Ratio metrics over the same rows (loss and perplexity) share their blocks.
  const blockOf = new Map<Float64Array, number>()
  const ratioBlocks = ratios.map((q) => {
    const sides = paired ? [q.candidate, q.baseline as Float64Array] : [q.candidate]
    return sides.map((data) => {
      let b = blockOf.get(data)
      if (b === undefined) {
        b = blocks.length
        blocks.push({ data, k: 2, integer: q.integer })
        blockOf.set(data, b)
      }
      return b
    })
  })
  const metrics = corpus.length + ratios.length
  const specs: MetricSpec[] = [
    ...corpus.map((c, x): MetricSpec => ({ score: c.name, exp: false, c: paired ? 2 * x : x, b: paired ? 2 * x + 1 : -1 })),
    ...ratios.map((q, y): MetricSpec => ({ score: 'ratio', exp: q.transform === 'exp', c: ratioBlocks[y][0], b: paired ? ratioBlocks[y][1] : -1 }))
  ]
  const observedC: number[] = []
  const observedB: (number | null)[] = []
  specs.forEach((spec) => {
    const k = blocks[spec.c].k
    observedC.push(metricValue(spec, columnSums(blocks[spec.c].data, k)))
    observedB.push(spec.b >= 0 ? metricValue(spec, columnSums(blocks[spec.b].data, k)) : null)
  })
  const helper = settings.helper ?? null
  const shared = helper !== null
  const withAr = paired && corpus.length > 0
  const observed = corpus.map((_, x) => observedC[x] - (observedB[x] as number))
  const job: GenerationJob = {
    kind: 'resample',
    seed: settings.seed,
    resamples: R,
    boot: prepareBootstrap(n, blocks),
    metrics: specs,
    cand: specs.map(() => sharedArray(R, shared)),
    base: specs.map(() => sharedArray(paired ? R : 0, shared)),
    perm: withAr ? prepareRandomization(n, corpus.map((c) => ({ a: c.baseline as Float64Array, b: c.candidate, k: c.k }))) : null,
    permScores: corpus.map((c) => c.name),
    observed,
    gamma: observed.map(tolerance),
    hits: sharedInts(withAr ? 3 * corpus.length * Math.ceil(R / TRIALS) : 0, shared)
  }
  runJob(job, helper)
  const { cand, base } = job
  const ar = withAr ? sumHits(job.hits, corpus.length) : null
  const out = new Map<string, GenerationResampled>()
  const { alpha } = settings
  for (let x = 0; x < metrics; x++) {
    const isCorpus = x < corpus.length
    const name = isCorpus ? corpus[x].name : ratios[x - corpus.length].name
    const direction: Direction = isCorpus ? 'higher' : ratios[x - corpus.length].direction
    const c = observedC[x]
    const b = observedB[x]
    const delta = b === null ? null : c - b
    const candSorted = finiteSorted(cand[x])
    const result: GenerationResampled = {
      candidate: c,
      baseline: b,
      delta,
      ci: null,
      candidateCi: candSorted.length > 0 ? [quantileSorted7(candSorted, alpha / 2), quantileSorted7(candSorted, 1 - alpha / 2)] : null,
      worseBound: null,
      pValue: null,
      pValueWorse: null,
      test: null
    }
    let deltas: Float64Array | null = null
    if (paired && delta !== null && Number.isFinite(delta)) {
      deltas = new Float64Array(R)
      for (let r = 0; r < R; r++) deltas[r] = cand[x][r] - base[x][r]
      const sorted = finiteSorted(deltas)
      if (sorted.length > 0) {
        result.ci = [quantileSorted7(sorted, alpha / 2), quantileSorted7(sorted, 1 - alpha / 2)]
        result.worseBound = quantileSorted7(sorted, direction === 'higher' ? alpha : 1 - alpha)
      }
    }
    if (isCorpus) {
      const hits = ar?.[x]
      if (hits) {
        result.pValue = (hits.twoSided + 1) / (R + 1)
        result.pValueWorse = (hits.worse + 1) / (R + 1)
        result.test = 'permutation'
      }
      result.sacrebleuAR = hits ? (hits.strict + 1) / (R + 1) : null
      result.sacrebleuBs = sacrebleuBootstrap(cand[x], paired ? base[x] : null, delta)
    } else if (deltas !== null && delta !== null) {
      Object.assign(result, shiftPValues(deltas, delta, direction), { test: 'bootstrap' })
    }
    out.set(name, result)
  }
  return out
}

interface Hits {
  twoSided: number
  worse: number
  strict: number
}

/** Randomization hits per corpus metric, summed over the chunks ([two-sided, worse, strict] per chunk and metric). */
function sumHits(hits: Int32Array, metrics: number): Hits[] {
  const out = Array.from({ length: metrics }, () => ({ twoSided: 0, worse: 0, strict: 0 }))
  for (let o = 0; o < hits.length; o += 3 * metrics) {
    for (let x = 0; x < metrics; x++) {
      out[x].twoSided += hits[o + 3 * x]
      out[x].worse += hits[o + 3 * x + 1]
      out[x].strict += hits[o + 3 * x + 2]
    }
  }
  return out
}

/** sacrebleu `--paired-bs`: the candidate's bootstrap mean and 95% half-width, and its p-value. */
function sacrebleuBootstrap(
  cand: Float64Array,
  base: Float64Array | null,
  delta: number | null
): { candidateMean: number; candidateCi: number; pValue: number | null } {
  const R = cand.length
  const sorted = Float64Array.from(cand).sort()
  const lower = Math.floor(R / 40)
  const upper = R - lower - 1
  let sum = 0
  for (let r = 0; r < R; r++) sum += cand[r]
  let pValue: number | null = null
  if (base !== null && delta !== null) {
    const diffs = new Float64Array(R)
    let mean = 0
    for (let r = 0; r < R; r++) {
      diffs[r] = Math.abs(cand[r] - base[r])
      mean += diffs[r]
    }
    mean /= R
    let c = 0
    for (let r = 0; r < R; r++) if (diffs[r] - mean > Math.abs(delta)) c++
    pValue = (c + 1) / (R + 1)
  }
  return { candidateMean: sum / R, candidateCi: 0.5 * (sorted[upper] - sorted[lower]), pValue }
}

/** Bootstrap p-values by the shift method: the deltas centred on their mean as the null distribution. */
function shiftPValues(deltas: Float64Array, observed: number, direction: Direction): { pValue: number; pValueWorse: number } {
  const finite = finiteSorted(deltas)
  const R = finite.length
  let mean = 0
  for (let r = 0; r < R; r++) mean += finite[r]
  mean /= R
  const gamma = tolerance(observed)
  let two = 0
  let worse = 0
  for (let r = 0; r < R; r++) {
    const centred = finite[r] - mean
    if (Math.abs(centred) >= Math.abs(observed) - gamma) two++
    if (direction === 'higher' ? centred <= observed + gamma : centred >= observed - gamma) worse++
  }
  return { pValue: (two + 1) / (R + 1), pValueWorse: (worse + 1) / (R + 1) }
}

/** The finite values, ascending (a copy). */
function finiteSorted(values: Float64Array): Float64Array {
  let m = 0
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) m++
  const out = new Float64Array(m)
  let j = 0
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[j++] = values[i]
  return out.sort()
}
