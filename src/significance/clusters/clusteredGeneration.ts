/**
 * Clustered statistics of the generation metrics (docs/tasks.md with docs/repeats-and-clusters.md), laid over the unclustered report:
 * - `exact_match`, `token_f1`: per-example values as clustered means (src/significance/clusters/clusteredMeans.ts): the clustered
 *   McNemar (`mcnemar-cluster`) and the cluster paired t (`paired-t-cluster`);
 * - `bleu`, `chrf`: each cluster is the sum of its examples' sufficient statistics (n-gram matches and lengths)
 *   for both models; a resample's corpus score comes from the summed rows; p by cluster randomization
 *   (`permutation-cluster`: a swap exchanges the two models' rows of a whole cluster);
 * - `loss`, `perplexity`: clusters of (Σ loss·tokens, Σ tokens) per model, the same way.
 * Every interval is the cluster bootstrap percentile interval. Cost O(n · columns) once, then O(distinct cluster
 * vectors · columns) per resample.
 */
import { corpusStatistics } from '../../metrics/generation/corpus.js'
import { exactMatch } from '../../metrics/generation/exactMatch.js'
import { tokenF1 } from '../../metrics/generation/tokenF1.js'
import type { MetricReport } from '../../report/schema.js'
import type { PairClusters } from './clusterCells.js'
import { clusteredMean } from './clusteredMeans.js'
import { densePatterns } from './patterns.js'
import { cappedClustersWarning, resampleClusterFamily } from './clusterResample.js'

export interface ClusteredGenerationInput {
  references: readonly (readonly string[])[]
  candidate: readonly string[]
  baseline: readonly string[] | null
  loss?: { candidate: { loss: Float64Array; tokens: Float64Array }; baseline: { loss: Float64Array; tokens: Float64Array } | null }
  clusters: PairClusters
}

type Settings = { alpha: number; resamples: number; seed: number }

/** The statistics fields of each generation metric under clusters. */
export function clusteredGeneration(input: ClusteredGenerationInput, settings: Settings, warnings: string[]): Map<string, Partial<MetricReport>> {
  const { references, candidate, baseline, clusters } = input
  const n = references.length
  const out = new Map<string, Partial<MetricReport>>()
  const perExample = (fn: (prediction: string, refs: readonly string[]) => number) => ({
    c: Float64Array.from({ length: n }, (_, i) => fn(candidate[i], references[i])),
    b: baseline ? Float64Array.from({ length: n }, (_, i) => fn(baseline[i], references[i])) : null
  })
  const em = perExample((p, r) => (exactMatch(p, r) ? 1 : 0))
  out.set('exact_match', clusteredMean({ name: 'exact_match', direction: 'higher', candidate: em.c, baseline: em.b, clusters, passRate: true }, settings, warnings))
  const f1 = perExample(tokenF1)
  out.set('token_f1', clusteredMean({ name: 'token_f1', direction: 'higher', candidate: f1.c, baseline: f1.b, clusters, passRate: false }, settings, warnings))
  for (const stats of corpusStatistics({ references, candidate, baseline })) {
    const k = stats.k
    out.set(stats.name, sums(stats.name, k, (i, j) => stats.candidate[i * k + j], stats.baseline ? (i, j) => (stats.baseline as Float64Array)[i * k + j] : null, (t, o) => stats.score(t, o), 'higher', n, clusters, settings, warnings))
  }
  if (input.loss) {
    const { candidate: lc, baseline: lb } = input.loss
    const row = (m: { loss: Float64Array; tokens: Float64Array }) => (i: number, j: number) => (j === 0 ? m.loss[i] * m.tokens[i] : m.tokens[i])
    const lossOf = (t: ArrayLike<number>, o = 0): number => (t[o + 1] === 0 ? NaN : t[o] / t[o + 1])
    out.set('loss', sums('loss', 2, row(lc), lb ? row(lb) : null, lossOf, 'lower', n, clusters, settings, warnings))
    out.set('perplexity', sums('perplexity', 2, row(lc), lb ? row(lb) : null, (t, o) => Math.exp(lossOf(t, o)), 'lower', n, clusters, settings, warnings))
  }
  return out
}

/** A metric of summed per-example rows (k columns per model), by cluster bootstrap and cluster randomization. */
function sums(
  name: string,
  k: number,
  cand: (i: number, j: number) => number,
  base: ((i: number, j: number) => number) | null,
  score: (totals: ArrayLike<number>, offset: number) => number,
  direction: 'higher' | 'lower',
  n: number,
  clusters: PairClusters,
  settings: Settings,
  warnings: string[]
): Partial<MetricReport> {
  const vectors = new Float64Array(clusters.clusters * 2 * k)
  for (let i = 0; i < n; i++) {
    const o = clusters.clusterOf[i] * 2 * k
    for (let j = 0; j < k; j++) {
      vectors[o + j] += cand(i, j)
      vectors[o + k + j] += base ? base(i, j) : cand(i, j)
    }
  }
  const patterns = densePatterns(vectors, 2 * k)
  const swap = Int32Array.from({ length: 2 * k }, (_, d) => (d < k ? d + k : d - k))
  const boot = resampleClusterFamily(
    {
      name: `generation:${name}`,
      patterns,
      metrics: 1,
      swap,
      lowerBetter: [direction === 'lower'],
      evaluate: (t, vC, vB) => {
        vC[0] = score(t, 0)
        vB[0] = score(t, k)
      }
    },
    settings,
    base !== null
  )
  if (boot.resamples < settings.resamples) warnings.push(cappedClustersWarning(`\`${name}\``, boot.resamples, settings.resamples, patterns))
  const r = boot.metrics[0]
  if (!base) return { candidateCi: r.candidateCi }
  return {
    candidateCi: r.candidateCi,
    ci: r.ci,
    worseBound: r.worseBound,
    ciMethod: r.ci ? 'cluster-bootstrap-percentile' : null,
    pValue: r.pValue,
    pValueWorse: r.pValueWorse,
    test: r.pValue !== null ? 'permutation-cluster' : null
  }
}
