/**
 * Clustered statistics of the regression metrics (docs/tasks.md with docs/repeats-and-clusters.md): `mae`, `rmse`, `r2`, `max_error` resampled
 * and tested by cluster. A cluster's vector is (size, Σy, Σy², Σ|e_c|, Σ|e_b|, Σe_c², Σe_b², max|e_c|, max|e_b|)
 * (e = y − prediction), so every metric of a resample is a function of the summed vectors (the maxima taken as
 * maxima), and swapping the models in a cluster exchanges the candidate's and the baseline's entries.
 *
 * - `ci`, `worseBound`, `candidateCi`: cluster bootstrap percentile intervals (`cluster-bootstrap-percentile`).
 * - `pValue`: `mae` and `rmse`: the cluster-robust paired t (`paired-t-cluster`) on per-example |error| and
 *   squared error; `r2` and `max_error`: cluster randomization (`permutation-cluster`).
 * Cost: O(n) for the vectors and tests, O(distinct cluster vectors) per resample.
 */
import { REGRESSION_METRICS, regressionDirection } from '../../metrics/regression.js'
import type { MetricReport } from '../../report/schema.js'
import type { PairClusters } from './clusterCells.js'
import { pairedTCluster } from '../../stats/pairedTCluster.js'
import { densePatterns } from './patterns.js'
import { cappedClustersWarning, resampleClusterFamily } from './clusterResample.js'

const DIMS = 9
/** The candidate's and the baseline's entries exchange under a swap: |e| 3↔4, e² 5↔6, max 7↔8. */
const SWAP = Int32Array.of(0, 1, 2, 4, 3, 6, 5, 8, 7)

/** r² from the sums, as scikit-learn's force_finite: a constant y gives 1 for exact predictions, else 0. */
function r2(n: number, sy: number, syy: number, sse: number): number {
  if (n < 2) return NaN
  const sst = syy - (sy * sy) / n
  if (!(sst > 1e-12 * Math.max(1, syy))) return sse === 0 ? 1 : 0
  return 1 - sse / sst
}

/** The statistics fields of each regression metric under clusters, to lay over the unclustered reports. */
export function clusteredRegression(
  input: { y: Float64Array; candidate: Float64Array; baseline: Float64Array | null; clusters: PairClusters },
  settings: { alpha: number; resamples: number; seed: number },
  warnings: string[]
): Map<string, Partial<MetricReport>> {
  const { y, candidate: c, clusters } = input
  const b = input.baseline ?? c
  const G = clusters.clusters
  const vectors = new Float64Array(G * DIMS)
  for (let i = 0; i < y.length; i++) {
    const o = clusters.clusterOf[i] * DIMS
    const ec = y[i] - c[i]
    const eb = y[i] - b[i]
    vectors[o]++
    vectors[o + 1] += y[i]
    vectors[o + 2] += y[i] * y[i]
    vectors[o + 3] += Math.abs(ec)
    vectors[o + 4] += Math.abs(eb)
    vectors[o + 5] += ec * ec
    vectors[o + 6] += eb * eb
    vectors[o + 7] = Math.max(vectors[o + 7], Math.abs(ec))
    vectors[o + 8] = Math.max(vectors[o + 8], Math.abs(eb))
  }
  const patterns = { ...densePatterns(vectors, DIMS), maxDims: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 1, 1) }
  const directions = REGRESSION_METRICS.map(regressionDirection)
  const boot = resampleClusterFamily(
    {
      name: 'regression',
      patterns,
      metrics: 4,
      swap: SWAP,
      lowerBetter: directions.map((d) => d === 'lower'),
      evaluate: (t, vC, vB) => {
        const n = t[0]
        vC[0] = t[3] / n
        vB[0] = t[4] / n
        vC[1] = Math.sqrt(t[5] / n)
        vB[1] = Math.sqrt(t[6] / n)
        vC[2] = r2(n, t[1], t[2], t[5])
        vB[2] = r2(n, t[1], t[2], t[6])
        vC[3] = t[7]
        vB[3] = t[8]
      }
    },
    settings,
    input.baseline !== null
  )
  if (boot.resamples < settings.resamples) warnings.push(cappedClustersWarning('The regression metrics', boot.resamples, settings.resamples, patterns))
  const out = new Map<string, Partial<MetricReport>>()
  REGRESSION_METRICS.forEach((name, i) => {
    const r = boot.metrics[i]
    if (!input.baseline) {
      out.set(name, { candidateCi: r.candidateCi })
      return
    }
    const stats: Partial<MetricReport> = { candidateCi: r.candidateCi, ci: r.ci, worseBound: r.worseBound, ciMethod: r.ci ? 'cluster-bootstrap-percentile' : null }
    if (name === 'r2' || name === 'max_error') {
      out.set(name, { ...stats, pValue: r.pValue, pValueWorse: r.pValueWorse, test: r.pValue !== null ? 'permutation-cluster' : null })
      return
    }
    const d = new Float64Array(y.length)
    for (let k = 0; k < y.length; k++) {
      const ec = y[k] - c[k]
      const eb = y[k] - b[k]
      d[k] = name === 'mae' ? Math.abs(ec) - Math.abs(eb) : ec * ec - eb * eb
    }
    const t = pairedTCluster(d, clusters.clusterOf, G, settings.alpha)
    out.set(name, t ? { ...stats, pValue: t.pValue, pValueWorse: t.pGreater, test: 'paired-t-cluster' } : { ...stats, pValue: null, pValueWorse: null, test: null })
  })
  return out
}
