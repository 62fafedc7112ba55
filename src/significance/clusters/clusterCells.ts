/**
 * Clustered confusion-matrix statistics (docs/repeats-and-clusters.md): the pairs of a classification comparison grouped in clusters
 * (the `--cluster-field` value, or the id with `--repeat-field`), each cluster a vector of (true, baseline,
 * candidate) cell counts (src/significance/clusters/patterns.ts). src/significance/classification/classificationStatistics.ts asks it, in place of the per-example
 * resampling and McNemar, for
 * - each family's cluster bootstrap intervals and cluster randomization p-values (`test: "permutation-cluster"`,
 *   `ciMethod: "cluster-bootstrap-percentile"`), and
 * - the clustered McNemar test of accuracy and recall (`test: "mcnemar-cluster"`, src/stats/mcnemarCluster.ts).
 * Precision, recall and accuracy keep the bootstrap interval of their own value (a Wilson interval assumes
 * independent examples).
 */
import type { CellTable } from '../../pair/cellTable.js'
import { InputError, quote } from '../../common/errors.js'
import { evaluator } from '../../metrics/classification.js'
import type { ClassSums } from '../../metrics/confusion.js'
import type { Pairing } from '../../pair/pairByIds.js'
import { keyColumn } from '../../read/keys.js'
import { classSumsOfCells, newClassSums, type CellFamily, type ResampleSettings } from '../classification/classificationResample.js'
import { type ResampledMetric } from '../../stats/resampledMetric.js'
import type { Direction } from '../../stats/direction.js'
import type { PredictionFile } from '../../read/predictionFile.js'
import { mcnemarCluster, type ClusterTest } from '../../stats/mcnemarCluster.js'
import { countPatterns } from './patterns.js'
import { cappedClustersWarning, resampleClusterFamily } from './clusterResample.js'
import type { Repeats } from '../../pair/repeats.js'

/** The cluster of every compared pair, numbered 0 … G − 1 in first-seen order. */
export interface PairClusters {
  clusterOf: Uint32Array
  clusters: number
  /** What the clusters are, for messages: the cluster field, or `id` (repeats). */
  what: string
}

/**
 * The cluster of each pair: the candidate row's `--cluster-field` value (the baseline row must have the same
 * value: a different one names the baseline's file, line and field), else, with repeats, the pair's id.
 * Null when there is no cluster field and no repeats, or when every cluster holds a single pair (then the
 * clustered methods are the plain ones and the plain path is used). Cost O(n).
 */
export function pairClusters(
  options: { clusterField?: string; repeatField?: string },
  candidate: Pick<PredictionFile, 'name' | 'n' | 'line' | 'keys'>,
  baseline: Pick<PredictionFile, 'name' | 'n' | 'line' | 'keys'> | null,
  pairing: Pairing | null,
  repeats: { candidate: Repeats } | null
): PairClusters | null {
  const n = pairing ? pairing.n : candidate.n
  const row = (p: number): number => (pairing ? pairing.cand[p] : p)
  let code: (p: number) => number
  let what: string
  if (options.clusterField !== undefined) {
    const field = options.clusterField
    const cc = keyColumn(candidate.keys, field)
    if (!cc) throw new Error(`pairClusters: the key field "${field}" was not read`)
    const bc = baseline ? keyColumn(baseline.keys, field) : undefined
    if (baseline && pairing && bc) {
      for (let p = 0; p < n; p++) {
        const a = cc.values[cc.codes[pairing.cand[p]]]
        const b = bc.values[bc.codes[pairing.base[p]]]
        if (a !== b) {
          throw new InputError(baseline.name, baseline.line[pairing.base[p]], field, `is ${quote(b)}, but the candidate's row of the same example (line ${candidate.line[pairing.cand[p]]}) has ${quote(a)}: both files must put an example in the same cluster`)
        }
      }
    }
    if (repeats) checkOneClusterPerId(candidate, repeats.candidate, field)
    code = (p) => cc.codes[row(p)]
    what = field
  } else if (repeats) {
    code = (p) => repeats.candidate.idOf[row(p)]
    what = 'id'
  } else return null
  const renumber = new Map<number, number>()
  const clusterOf = new Uint32Array(n)
  for (let p = 0; p < n; p++) {
    const c = code(p)
    let g = renumber.get(c)
    if (g === undefined) {
      g = renumber.size
      renumber.set(c, g)
    }
    clusterOf[p] = g
  }
  if (renumber.size === n) return null
  return { clusterOf, clusters: renumber.size, what }
}

/** The repeats of an id are one example: they must share the cluster value. */
function checkOneClusterPerId(file: Pick<PredictionFile, 'name' | 'n' | 'line' | 'keys'>, repeats: Repeats, field: string): void {
  const column = keyColumn(file.keys, field)
  if (!column) return
  const first = new Int32Array(repeats.ids).fill(-1)
  for (let i = 0; i < file.n; i++) {
    const id = repeats.idOf[i]
    if (first[id] < 0) first[id] = i
    else if (column.codes[i] !== column.codes[first[id]]) {
      throw new InputError(file.name, file.line[i], field, `is ${quote(column.values[column.codes[i]])}, but an earlier repeat of the same id (line ${file.line[first[id]]}) has ${quote(column.values[column.codes[first[id]]])}: the repeats of an id belong to one cluster`)
    }
  }
}

/** The pairs' report indices (true, baseline, candidate) and clusters, and the clustered statistics over them. */
export class ClusteredCells {
  readonly test = 'mcnemar-cluster'
  readonly permutationTest = 'permutation-cluster'
  readonly ciMethod = 'cluster-bootstrap-percentile'
  /** Families resampled fewer times than asked (the work cap). */
  readonly warnings: string[] = []

  constructor(
    readonly k: number,
    readonly labels: readonly string[],
    private readonly t: Int32Array,
    private readonly b: Int32Array,
    private readonly c: Int32Array,
    readonly clusters: PairClusters
  ) {}

  /** From the files and the pairing (`remap[code]`: report index of a dictionary code). Cost O(n). */
  static of(k: number, labels: readonly string[], remap: Int32Array, candidate: PredictionFile, baseline: PredictionFile | null, pairing: Pairing | null, clusters: PairClusters): ClusteredCells {
    const n = clusters.clusterOf.length
    const t = new Int32Array(n)
    const b = new Int32Array(n)
    const c = new Int32Array(n)
    for (let p = 0; p < n; p++) {
      const i = pairing ? pairing.cand[p] : p
      t[p] = remap[candidate.truth[i]]
      c[p] = remap[candidate.pred[i]]
      b[p] = baseline && pairing ? remap[baseline.pred[pairing.base[p]]] : c[p]
    }
    return new ClusteredCells(k, labels, t, b, c, clusters)
  }

  /**
   * A family's metrics by cluster bootstrap and cluster randomization (the family `table`, or `class:L` of one
   * class against the rest), in the shape `resampleFamily` gives. Support is not resampled.
   */
  resample(family: CellFamily, directions: (name: string) => Direction, settings: ResampleSettings, withTest: boolean): Map<string, ResampledMetric> {
    const n = this.t.length
    const dimOf = new Int32Array(n)
    let cells: { k: number; t: number[]; b: number[]; c: number[] }
    if (family.perClass) {
      const L = this.labels.indexOf(family.name.slice('class:'.length))
      for (let p = 0; p < n; p++) dimOf[p] = (this.t[p] === L ? 4 : 0) + (this.b[p] === L ? 2 : 0) + (this.c[p] === L ? 1 : 0)
      const bits = [0, 1, 2, 3, 4, 5, 6, 7]
      cells = { k: 2, t: bits.map((d) => d >> 2), b: bits.map((d) => (d >> 1) & 1), c: bits.map((d) => d & 1) }
    } else {
      // The non-empty cells and their swaps, numbered in first-seen order.
      const k = this.k
      const index = new Map<number, number>()
      cells = { k, t: [], b: [], c: [] }
      const dim = (t: number, b: number, c: number): number => {
        const key = (t * k + b) * k + c
        let d = index.get(key)
        if (d === undefined) {
          d = index.size
          index.set(key, d)
          cells.t.push(t)
          cells.b.push(b)
          cells.c.push(c)
        }
        return d
      }
      for (let p = 0; p < n; p++) {
        dimOf[p] = dim(this.t[p], this.b[p], this.c[p])
        dim(this.t[p], this.c[p], this.b[p])
      }
    }
    const dims = cells.t.length
    const swap = new Int32Array(dims)
    const where = new Map<string, number>()
    for (let d = 0; d < dims; d++) where.set(`${cells.t[d]},${cells.b[d]},${cells.c[d]}`, d)
    for (let d = 0; d < dims; d++) swap[d] = where.get(`${cells.t[d]},${cells.c[d]},${cells.b[d]}`) as number
    const table: CellTable = { k: cells.k, size: dims, total: 0, t: Int32Array.from(cells.t), b: Int32Array.from(cells.b), c: Int32Array.from(cells.c), count: new Float64Array(dims) }
    const evaluate = evaluator(family.metrics, cells.k)
    const sB: ClassSums = newClassSums(cells.k)
    const sC: ClassSums = newClassSums(cells.k)
    const patterns = countPatterns(this.clusters.clusterOf, dimOf, this.clusters.clusters, dims)
    const { metrics: results, resamples } = resampleClusterFamily(
      {
        name: family.name,
        patterns,
        metrics: family.metrics.length,
        swap,
        lowerBetter: family.metrics.map((m) => directions(m.name) === 'lower'),
        evaluate: (totals, vC, vB) => {
          table.count = totals
          let total = 0
          for (let d = 0; d < dims; d++) total += totals[d]
          table.total = total
          evaluate(classSumsOfCells(table, 'candidate', sC), vC)
          evaluate(classSumsOfCells(table, 'baseline', sB), vB)
        }
      },
      settings,
      withTest
    )
    if (resamples < settings.resamples) {
      this.warnings.push(cappedClustersWarning(family.perClass ? `The metrics of class ${quote(family.name.slice('class:'.length))}` : 'The metrics over all classes', resamples, settings.resamples, patterns))
    }
    const out = new Map<string, ResampledMetric>()
    family.metrics.forEach((m, i) => {
      const support = m.name.startsWith('support[')
      out.set(m.name, support ? { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null } : results[i])
    })
    return out
  }

  /**
   * Per cluster, the candidate's right answers minus the baseline's over the pairs whose true class is
   * `restriction` (`all`: every pair), with how many such pairs there are, how many of them the models disagree on
   * (one right, one wrong) and how many clusters hold them: what the power of the clustered McNemar test depends on
   * (src/significance/clusters/clusterPower.ts).
   */
  discordance(restriction: 'all' | number): { d: Float64Array; pairs: number; discordant: number; clusters: number } {
    const d = new Float64Array(this.clusters.clusters)
    const held = new Uint8Array(this.clusters.clusters)
    let pairs = 0
    let discordant = 0
    let clusters = 0
    for (let p = 0; p < this.t.length; p++) {
      const t = this.t[p]
      if (restriction !== 'all' && t !== restriction) continue
      const g = this.clusters.clusterOf[p]
      const x = (this.c[p] === t ? 1 : 0) - (this.b[p] === t ? 1 : 0)
      d[g] += x
      pairs++
      if (x !== 0) discordant++
      if (!held[g]) clusters++
      held[g] = 1
    }
    return { d, pairs, discordant, clusters }
  }

  /** The clustered McNemar test on the pairs whose true class is `restriction` (`all`: every pair). */
  mcnemar(restriction: 'all' | number): ClusterTest {
    const d = new Float64Array(this.clusters.clusters)
    for (let p = 0; p < this.t.length; p++) {
      const t = this.t[p]
      if (restriction !== 'all' && t !== restriction) continue
      d[this.clusters.clusterOf[p]] += (this.c[p] === t ? 1 : 0) - (this.b[p] === t ? 1 : 0)
    }
    return mcnemarCluster(d)
  }
}
