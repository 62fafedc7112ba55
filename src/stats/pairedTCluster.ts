/**
 * The paired t-test with clusters (docs/repeats-and-clusters.md, `test: "paired-t-cluster"`): the mean per-example difference d̄ of
 * N examples in G clusters, with the cluster-robust (sandwich) variance of the mean (Liang & Zeger 1986; Cameron
 * & Miller 2015, "A practitioner's guide to cluster-robust inference", J. Human Resources 50:317, eq. 11 with the
 * small-sample factor G/(G − 1)):
 *
 *   E_g = Σ_{i∈g} (d_i − d̄),  se² = G/(G − 1) · Σ_g E_g² / N²,  t = d̄ / se,  df = G − 1
 *
 * as statsmodels `OLS(d, ones).fit(cov_type="cluster", cov_kwds={"groups": g})` gives the standard error (its
 * default correction G/(G − 1)·(N − 1)/(N − 1) for one regressor), with the t distribution on G − 1 degrees of
 * freedom. With every cluster of one example it is the paired t-test (scipy `ttest_rel`). Cost O(N + G).
 *
 * @example pairedTCluster(Float64Array.of(1, 2, 3, 4), Uint32Array.of(0, 0, 1, 1), 2, 0.05).t // 2.5
 */
import { tResult, type PairedTResult } from './pairedT.js'

/** @returns null with fewer than two clusters. */
export function pairedTCluster(d: ArrayLike<number>, clusterOf: ArrayLike<number>, clusters: number, alpha: number): PairedTResult | null {
  const n = d.length
  if (clusters < 2 || n < 2) return null
  let sum = 0
  for (let i = 0; i < n; i++) sum += d[i]
  const mean = sum / n
  const e = new Float64Array(clusters)
  for (let i = 0; i < n; i++) e[clusterOf[i]] += d[i] - mean
  let ss = 0
  for (let g = 0; g < clusters; g++) ss += e[g] * e[g]
  const se = Math.sqrt(((clusters / (clusters - 1)) * ss) / (n * n))
  const df = clusters - 1
  return tResult(n, mean, se, df, alpha)
}
