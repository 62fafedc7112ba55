/**
 * Clustered statistics of a mean (docs/tasks.md with docs/repeats-and-clusters.md's `--cluster-field`): the per-example values of a score
 * field, resampled and tested by cluster.
 *
 * - `ci`, `worseBound`, `candidateCi`: cluster bootstrap percentile intervals (src/significance/clusters/clusterResample.ts) over the
 *   clusters' vectors (Σ candidate, Σ baseline, size): a resample's mean is Σ sums / Σ sizes.
 * - `pValue`: a 0/1 field: the clustered McNemar test (Durkalski et al. 2003, `mcnemar-cluster`) on
 *   d_g = Σ_{i∈g} (c_i − b_i); any other: the cluster-robust paired t (`paired-t-cluster`, G − 1 df).
 * Cost: O(n) for the vectors and the test, O(distinct cluster vectors) per resample.
 */
import type { MetricReport } from '../../report/schema.js'
import type { Direction } from '../../stats/direction.js'
import type { PairClusters } from './clusterCells.js'
import { mcnemarCluster } from '../../stats/mcnemarCluster.js'
import { pairedTCluster } from '../../stats/pairedTCluster.js'
import { mdeFromSe } from '../../stats/standardized.js'
import { densePatterns } from './patterns.js'
import { cappedClustersWarning, resampleClusterFamily } from './clusterResample.js'

export interface ClusteredMeanInput {
  name: string
  direction: Direction
  /** Per pair, in pair order; baseline null without one. */
  candidate: Float64Array
  baseline: Float64Array | null
  clusters: PairClusters
  /** The field is a pass rate (every value 0 or 1). */
  passRate: boolean
}

/** The statistics fields of a clustered mean, to lay over the unclustered MetricReport (values unchanged). */
export function clusteredMean(input: ClusteredMeanInput, settings: { alpha: number; resamples: number; seed: number }, warnings: string[] = []): Partial<MetricReport> {
  const { candidate: c, baseline: b, clusters } = input
  const G = clusters.clusters
  const vectors = new Float64Array(G * 3)
  const d = new Float64Array(G)
  for (let p = 0; p < c.length; p++) {
    const g = clusters.clusterOf[p]
    vectors[g * 3] += c[p]
    vectors[g * 3 + 1] += b ? b[p] : c[p]
    vectors[g * 3 + 2]++
    if (b) d[g] += c[p] - b[p]
  }
  const patterns = densePatterns(vectors, 3)
  const boot = resampleClusterFamily(
    {
      name: `score:${input.name}`,
      patterns,
      metrics: 1,
      swap: null,
      lowerBetter: [input.direction === 'lower'],
      evaluate: (totals, vC, vB) => {
        vC[0] = totals[0] / totals[2]
        vB[0] = totals[1] / totals[2]
      }
    },
    settings,
    false
  )
  const r = boot.metrics[0]
  if (boot.resamples < settings.resamples) warnings.push(cappedClustersWarning(`\`${input.name}\``, boot.resamples, settings.resamples, patterns))
  const own: Partial<MetricReport> = { candidateCi: r.candidateCi }
  if (!b) return own
  const stats: Partial<MetricReport> = { ...own, ci: r.ci, worseBound: r.worseBound, ciMethod: r.ci ? 'cluster-bootstrap-percentile' : null }
  if (input.passRate) {
    const test = mcnemarCluster(d)
    // docs/gates.md: the clustered McNemar test's minimum detectable effect, (z + z)·√(Σ d_g²) / N (clusterPower.ts).
    let squares = 0
    for (let g = 0; g < G; g++) squares += d[g] * d[g]
    const mde = mdeFromSe(Math.sqrt(squares) / c.length, settings.alpha, 0.8)
    return { ...stats, pValue: test.pValue, pValueWorse: input.direction === 'higher' ? test.pLess : test.pGreater, test: 'mcnemar-cluster', mde }
  }
  const diff = new Float64Array(c.length)
  for (let p = 0; p < c.length; p++) diff[p] = c[p] - b[p]
  const t = pairedTCluster(diff, clusters.clusterOf, G, settings.alpha)
  if (!t) return { ...stats, pValue: null, pValueWorse: null, test: null, mde: undefined }
  return { ...stats, pValue: t.pValue, pValueWorse: input.direction === 'higher' ? t.pLess : t.pGreater, test: 'paired-t-cluster', mde: mdeFromSe(t.se, settings.alpha, 0.8) }
}
