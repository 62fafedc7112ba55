/**
 * Cluster bootstrap and cluster randomization over {@link Patterns} (docs/repeats-and-clusters.md, `--cluster-field`).
 *
 * - Bootstrap: draw G clusters with replacement (a Multinomial(G, w_p / G) draw over the patterns), sum their
 *   vectors, evaluate each metric for both models: the deltas give the percentile interval and the worse-side
 *   bound, the candidate's values its own interval (Davison & Hinkley 1997, docs/metrics.md.8; Field & Welsh 2007).
 * - Randomization: in each cluster swap the two models' predictions with probability 1/2 (Bin(w_p, 1/2) of the
 *   clusters of pattern p); p = (hits + 1) / (R + 1), hits as in src/significance/classification/classificationResample.ts (ties within
 *   γ = max(1e-14, 1e-14·|δ|) count).
 * Cost per resample: O(Σ pattern lengths + metric evaluation). One seeded stream per family.
 */
import { binomial } from '../../stats/binomial.js'
import { multinomial } from '../../stats/multinomial.js'
import { type ResampledMetric } from '../../stats/resampledMetric.js'
import { quantiles } from '../../stats/quantile.js'
import { streamFor } from '../../stats/random.js'
import { uniformBelow } from '../../stats/cellResample.js'
import { patternTotals, restrictPatterns, type Patterns } from './patterns.js'

/** Writes each metric's candidate and baseline value for a vector of totals. */
export type Evaluate = (totals: Float64Array, candidate: Float64Array, baseline: Float64Array) => void

export interface ClusterFamily {
  /** Names the random streams: `cluster-bootstrap:NAME`, `cluster-permutation:NAME`. */
  name: string
  patterns: Patterns
  /** Number of metrics evaluated. */
  metrics: number
  evaluate: Evaluate
  /** Dimension each dimension moves to when the models are swapped; null: no randomization test. */
  swap: Int32Array | null
  /** Per metric: true when lower is better. */
  lowerBetter: readonly boolean[]
}

/** Observed totals, values and deltas of a family. */
export function observeFamily(f: ClusterFamily): { candidate: Float64Array; baseline: Float64Array; delta: Float64Array } {
  const totals = new Float64Array(f.patterns.dims)
  patternTotals(f.patterns, f.patterns.weight, totals)
  const candidate = new Float64Array(f.metrics)
  const baseline = new Float64Array(f.metrics)
  f.evaluate(totals, candidate, baseline)
  return { candidate, baseline, delta: candidate.map((c, i) => c - baseline[i]) }
}

/**
 * Above this many patterns per cluster (most clusters unique), a resample draws G cluster indices uniformly
 * (one 32-bit number each) instead of one binomial per pattern: the same multinomial, at less cost.
 */
const INDEX_DRAWS = 1 / 8

/** R cluster bootstrap resamples: per metric, the deltas and the candidate's values. */
export function clusterBootstrap(f: ClusterFamily, R: number, seed: number): { deltas: Float64Array[]; candidates: Float64Array[] } {
  const rng = streamFor(seed, `cluster-bootstrap:${f.name}`)
  const { patterns } = f
  const G = patterns.clusters
  const draw = new Float64Array(patterns.size)
  // Many distinct patterns: draw clusters by index (patternOf[g] is the pattern of the g-th cluster).
  let patternOf: Uint32Array | null = null
  if (patterns.size > G * INDEX_DRAWS) {
    patternOf = new Uint32Array(G)
    let g = 0
    for (let q = 0; q < patterns.size; q++) for (let w = 0; w < patterns.weight[q]; w++) patternOf[g++] = q
  }
  const totals = new Float64Array(patterns.dims)
  const vC = new Float64Array(f.metrics)
  const vB = new Float64Array(f.metrics)
  const deltas = Array.from({ length: f.metrics }, () => new Float64Array(R))
  const candidates = Array.from({ length: f.metrics }, () => new Float64Array(R))
  for (let r = 0; r < R; r++) {
    if (patternOf) {
      draw.fill(0)
      for (let i = 0; i < G; i++) draw[patternOf[uniformBelow(rng, G)]]++
    } else multinomial(rng, G, patterns.weight, draw)
    patternTotals(patterns, draw, totals)
    f.evaluate(totals, vC, vB)
    for (let i = 0; i < f.metrics; i++) {
      deltas[i][r] = vC[i] - vB[i]
      candidates[i][r] = vC[i]
    }
  }
  return { deltas, candidates }
}

/** R cluster randomizations: per metric, two-sided and worse-side hits against the observed deltas. */
export function clusterRandomization(f: ClusterFamily, observed: Float64Array, R: number, seed: number): { twoSided: Float64Array; worse: Float64Array } {
  const swap = f.swap
  if (!swap) throw new Error('clusterRandomization: the family has no swap')
  const rng = streamFor(seed, `cluster-permutation:${f.name}`)
  // Dimensions a swap leaves in place (both models predict the same) are a constant: only the rest is drawn.
  const { patterns, fixed } = restrictPatterns(f.patterns, (d) => swap[d] !== d)
  const kept = new Float64Array(patterns.size)
  const swapped = new Float64Array(patterns.size)
  const totals = new Float64Array(patterns.dims)
  const vC = new Float64Array(f.metrics)
  const vB = new Float64Array(f.metrics)
  const twoSided = new Float64Array(f.metrics)
  const worse = new Float64Array(f.metrics)
  const gamma = observed.map((d) => Math.max(1e-14, 1e-14 * Math.abs(d)))
  // A pattern equal to its own swap never changes anything: no draw for it.
  const symmetric = Uint8Array.from({ length: patterns.size }, (_, q) => (isSymmetric(patterns, q, swap) ? 1 : 0))
  for (let r = 0; r < R; r++) {
    for (let q = 0; q < patterns.size; q++) {
      const w = patterns.weight[q]
      const s = symmetric[q] ? 0 : binomial(rng, w, 0.5)
      kept[q] = w - s
      swapped[q] = s
    }
    patternTotals(patterns, kept, totals, swapped, swap)
    for (let d = 0; d < totals.length; d++) totals[d] += fixed[d]
    f.evaluate(totals, vC, vB)
    for (let i = 0; i < f.metrics; i++) {
      const d = vC[i] - vB[i]
      const obs = observed[i]
      if (Math.abs(d) >= Math.abs(obs) - gamma[i]) twoSided[i]++
      if (f.lowerBetter[i] ? d >= obs - gamma[i] : d <= obs + gamma[i]) worse[i]++
    }
  }
  return { twoSided, worse }
}

function isSymmetric(p: Patterns, q: number, swap: Int32Array): boolean {
  const values = new Map<number, number>()
  for (let j = p.start[q]; j < p.start[q + 1]; j++) values.set(p.dim[j], p.value[j])
  for (const [d, v] of values) if ((values.get(swap[d]) ?? 0) !== v) return false
  return true
}

/**
 * The most cluster draws (or pattern draws) a family's bootstrap may make in all: above, it is resampled fewer
 * times (at least {@link MIN_CLUSTER_RESAMPLES}) and a warning says so, as the unclustered cells are
 * (src/significance/classification/classificationStatistics.ts). 2·10⁸ is about 10 s on one core.
 */
export const CLUSTER_WORK_CAP = 200_000_000
export const MIN_CLUSTER_RESAMPLES = 1000

/** The cost of one bootstrap resample of the patterns: the draws and the pass over the patterns. */
export function bootstrapCost(p: Patterns): number {
  return (p.size > p.clusters * INDEX_DRAWS ? p.clusters : p.size) + p.start[p.size]
}

/** How many times a family is resampled: `resamples`, or fewer when that would pass {@link CLUSTER_WORK_CAP}. */
export function clusterResamples(p: Patterns, resamples: number, cap = CLUSTER_WORK_CAP): number {
  const cost = bootstrapCost(p)
  return cost * resamples > cap ? Math.min(resamples, Math.max(MIN_CLUSTER_RESAMPLES, Math.floor(cap / cost))) : resamples
}

/**
 * Bootstrap intervals and (with a swap and `withTest`) randomization p-values of every metric of a family,
 * as src/significance/classification/classificationResample.ts `resampleFamily` gives them for unclustered cells. Null where a metric is NaN.
 * `resamples` is how many were made (fewer than asked above the work cap).
 */
export function resampleClusterFamily(
  f: ClusterFamily,
  settings: { resamples: number; alpha: number; seed: number },
  withTest: boolean
): { metrics: ResampledMetric[]; resamples: number } {
  const R = clusterResamples(f.patterns, settings.resamples)
  const { alpha } = settings
  const observed = observeFamily(f).delta
  const boot = clusterBootstrap(f, R, settings.seed)
  const perm = withTest && f.swap ? clusterRandomization(f, observed, R, settings.seed) : null
  const metrics = Array.from({ length: f.metrics }, (_, i): ResampledMetric => {
    if (Number.isNaN(observed[i])) return { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null }
    const deltas = boot.deltas[i].filter(Number.isFinite)
    const cands = boot.candidates[i].filter(Number.isFinite)
    const d = deltas.length > 0 ? quantiles(deltas, [alpha / 2, 1 - alpha / 2, f.lowerBetter[i] ? 1 - alpha : alpha]) : null
    const own = cands.length > 0 ? quantiles(cands, [alpha / 2, 1 - alpha / 2]) : null
    return {
      ci: d ? [d[0], d[1]] : null,
      candidateCi: own ? [own[0], own[1]] : null,
      worseBound: d ? d[2] : null,
      pValue: perm ? (perm.twoSided[i] + 1) / (R + 1) : null,
      pValueWorse: perm ? (perm.worse[i] + 1) / (R + 1) : null
    }
  })
  return { metrics, resamples: R }
}

/** The warning for a family resampled fewer times than asked. */
export function cappedClustersWarning(what: string, made: number, asked: number, p: Patterns): string {
  const f = (x: number): string => x.toLocaleString('en-US')
  return (
    `${what} resampled ${f(made)} times by cluster, not ${f(asked)}: its ${f(p.clusters)} clusters have ${f(p.size)} distinct patterns, ` +
    `and one resample costs ${f(bootstrapCost(p))} steps (cluster draws and pattern entries; at most ${f(CLUSTER_WORK_CAP)} in all).`
  )
}
