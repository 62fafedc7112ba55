/**
 * The joint permutation distribution of several metrics' one-sided tests, for the Westfall–Young adjustment
 * (src/stats/westfallYoung.ts): every resample swaps the two models' predictions (and scores) on each example
 * with probability 1/2, the SAME swaps for every metric, and gives each metric a one-sided p-value.
 *
 * What a metric's resampled p-value is:
 * - McNemar metrics (accuracy; recall, specificity, recall[L] on one true class): the McNemar formula itself (exact
 *   or mid-p) at the swapped discordant counts (b*, c*). A swap keeps a discordant example discordant and flips
 *   which model got it right, so b* + c* = b + c and c* ~ Bin(b + c, 1/2): the permutation distribution of the
 *   McNemar statistic is exactly the binomial the exact test uses.
 * - other confusion-matrix metrics (precision, f1, …): the permutation p of the worse-side delta among the R + 1
 *   values (observed included), as the approximate randomization test computes it.
 * - `log_loss`, `brier`: per-example loss differences dᵢ change sign under a swap (sign-flipping); the statistic is
 *   Σ dᵢ, which orders the flips as the paired t statistic does (Σ dᵢ² does not change), so its permutation p is
 *   the exact sign-flip version of the paired t-test.
 * - `roc_auc` (binary): ΔAUC of the swapped scores, by one walk over both models' scores merged in one sorted list
 *   (each swapped model's ranking is a subsequence of it), and its permutation p.
 *
 * Two samplers give the same distribution: with only confusion-matrix metrics, one Bin(n_cell, 1/2) per
 * off-diagonal cell per resample (the cell reduction, cost O(cells) per resample, whatever n); with score metrics,
 * one random bit per example (the swap must be the same for the example's label and its scores), cost O(n) per
 * resample, so {@link jointResamples} caps R·n.
 */
import type { CellTable } from '../../pair/cellTable.js'
import type { NamedCmMetric } from '../../metrics/classification.js'
import { binomialHalf } from '../../stats/binomial.js'
import type { Xoshiro128 } from '../../stats/random.js'
import { classSumsOfCells } from './classificationResample.js'
import { standardize } from '../../stats/maxT.js'
import { rankPValues } from '../../stats/westfallYoung.js'

/** Example-resamples of work allowed for the per-example sampler (R·n); see {@link jointResamples}. */
export const JOINT_WORK = 100_000_000

/** Fewer joint resamples than this and Westfall–Young is not used (the minP resolution would be too coarse). */
export const MIN_JOINT_RESAMPLES = 1000

/** The joint resamples the per-example sampler gets for n examples: R up to R·n ≤ JOINT_WORK. */
export function jointResamples(resamples: number, n: number): number {
  return Math.min(resamples, Math.floor(JOINT_WORK / Math.max(1, n)))
}

export type JointMetric =
  | { kind: 'confusion'; name: string; metric: NamedCmMetric; lowerBetter: boolean }
  /** cls null: all examples (accuracy); else the examples of true class `cls`. `drop(b, c)`: the one-sided p. */
  | { kind: 'mcnemar'; name: string; cls: number | null; drop: (b: number, c: number) => number }
  /** Per-example loss difference candidate − baseline (lower is better: a larger sum is worse). */
  | { kind: 'loss'; name: string; d: Float64Array }
  | { kind: 'auc'; name: string }

export interface JointData {
  cells: CellTable
  /** Per paired example (in any fixed order): true label, baseline and candidate predictions. Needed with loss or auc metrics. */
  examples?: { t: Int32Array; b: Int32Array; c: Int32Array }
  /** Binary scores per example (same order as `examples`), for `auc`. */
  auc?: { positive: Uint8Array; baseline: Float64Array; candidate: Float64Array }
}

export interface JointPValues {
  resamples: number
  /** Observed one-sided p of each metric, in the order asked. */
  observed: number[]
  /** R resampled p-values of each metric. */
  resampled: Float64Array[]
  /**
   * The worse-side statistics themselves, standardized for max-T (src/stats/maxT.ts): McNemar metrics
   * (b − c)/√(b + c), exactly mean 0 and variance 1 under the swaps; the others centred and scaled by the
   * moments of their R + 1 values ({@link standardize}).
   */
  statistics: { observed: number[]; resampled: Float64Array[] }
}

/**
 * Observed and R resampled one-sided p-values of `metrics` under the same random swaps.
 * Cost: O(R·(cells + K·metrics)) with confusion metrics only; O(R·n) otherwise.
 */
export function jointPermutation(data: JointData, metrics: readonly JointMetric[], R: number, rng: Xoshiro128): JointPValues {
  const perExample = metrics.some((m) => m.kind === 'loss' || m.kind === 'auc')
  if (perExample && !data.examples) throw new Error('jointPermutation: score metrics need the per-example cells')
  const { cells } = data
  const b0 = classSumsOfCells(cells, 'baseline')
  const c0 = classSumsOfCells(cells, 'candidate')
  const sB = classSumsOfCells(cells, 'baseline')
  const sC = classSumsOfCells(cells, 'candidate')
  const discordantOf = metrics.map((m) => (m.kind === 'mcnemar' ? discordantCount(cells, m.cls) : 0))
  const stats = metrics.map(() => new Float64Array(R))
  const mcnemarP = metrics.map((m) => (m.kind === 'mcnemar' ? new Float64Array(R) : null))
  const losses = metrics.map((m) => (m.kind === 'loss' ? m.d : null))
  const lossTotal = losses.map((d) => (d ? sum(d) : 0))
  const aucWalk = data.auc ? mergedWalk(data.auc) : null

  /** McNemar's standardized statistic (b − c)/√(b + c), set by `value` beside the p it returns. */
  let lastZ = 0
  /** Statistic (larger = worse) or, for McNemar, the p-value, of metric i from the current sums. */
  const value = (i: number, lossSum: number, auc: number): number => {
    const m = metrics[i]
    switch (m.kind) {
      case 'confusion': {
        const d = m.metric.fn(sC) - m.metric.fn(sB)
        const worse = m.lowerBetter ? d : -d
        return Number.isNaN(worse) ? -Infinity : worse
      }
      case 'mcnemar': {
        const diff = m.cls === null ? sB.correct - sC.correct : sB.tp[m.cls] - sC.tp[m.cls]
        const D = discordantOf[i]
        lastZ = D > 0 ? diff / Math.sqrt(D) : 0
        return m.drop((D + diff) / 2, (D - diff) / 2)
      }
      case 'loss':
        return lossSum
      case 'auc':
        return -auc
    }
  }
  const observedZ = metrics.map(() => 0)
  const observedDelta = aucWalk ? aucWalk.delta(null) : NaN
  const observedValues = metrics.map((m, i) => {
    const v = value(i, lossTotal[i], observedDelta)
    observedZ[i] = lastZ
    return v
  })

  const reset = (): void => {
    sB.predicted.set(b0.predicted)
    sB.tp.set(b0.tp)
    sC.predicted.set(c0.predicted)
    sC.tp.set(c0.tp)
    sB.correct = b0.correct
    sC.correct = c0.correct
  }
  /** Moves s examples of cell (t, b, c) to (t, c, b). */
  const move = (t: number, b: number, c: number, s: number): void => {
    sB.predicted[b] -= s
    sB.predicted[c] += s
    sC.predicted[c] -= s
    sC.predicted[b] += s
    if (b === t) {
      sB.tp[t] -= s
      sC.tp[t] += s
      sB.correct -= s
      sC.correct += s
    } else if (c === t) {
      sB.tp[t] += s
      sC.tp[t] -= s
      sB.correct += s
      sC.correct -= s
    }
  }

  if (!perExample) {
    const source: number[] = []
    for (let j = 0; j < cells.size; j++) if (cells.b[j] !== cells.c[j]) source.push(j)
    for (let r = 0; r < R; r++) {
      reset()
      for (const j of source) {
        const s = binomialHalf(rng, cells.count[j])
        if (s !== 0) move(cells.t[j], cells.b[j], cells.c[j], s)
      }
      record(r, NaN)
    }
  } else {
    const ex = data.examples as NonNullable<JointData['examples']>
    const n = ex.t.length
    const bits = new Uint32Array(Math.ceil(n / 32))
    const discordantExamples: number[] = []
    for (let e = 0; e < n; e++) if (ex.b[e] !== ex.c[e]) discordantExamples.push(e)
    const lossIndex = losses.map((d, i) => (d ? i : -1)).filter((i) => i >= 0)
    const lossSums = new Float64Array(metrics.length)
    for (let r = 0; r < R; r++) {
      for (let w = 0; w < bits.length; w++) bits[w] = rng.nextUint32()
      reset()
      for (const e of discordantExamples) if ((bits[e >>> 5] >>> (e & 31)) & 1) move(ex.t[e], ex.b[e], ex.c[e], 1)
      for (const i of lossIndex) {
        const d = losses[i] as Float64Array
        let swapped = 0
        for (let e = 0; e < n; e++) if ((bits[e >>> 5] >>> (e & 31)) & 1) swapped += d[e]
        lossSums[i] = lossTotal[i] - 2 * swapped
      }
      for (let i = 0; i < metrics.length; i++) if (metrics[i].kind === 'loss') stats[i][r] = lossSums[i]
      record(r, aucWalk ? aucWalk.delta(bits) : NaN)
    }
  }

  /** Resample r's statistic (or McNemar p) of every metric but the losses (set by the loop). */
  function record(r: number, auc: number): void {
    for (let i = 0; i < metrics.length; i++) {
      if (metrics[i].kind === 'loss') continue
      const v = value(i, 0, auc)
      const p = mcnemarP[i]
      if (p) {
        p[r] = v
        stats[i][r] = lastZ
      } else stats[i][r] = v
    }
  }

  const observed: number[] = []
  const resampled: Float64Array[] = []
  const statistics: JointPValues['statistics'] = { observed: [], resampled: [] }
  metrics.forEach((m, i) => {
    const p = mcnemarP[i]
    if (p) {
      observed.push(observedValues[i])
      resampled.push(p)
      statistics.observed.push(observedZ[i])
      statistics.resampled.push(stats[i])
    } else {
      const ranked = rankPValues(observedValues[i], stats[i])
      observed.push(ranked.observed)
      resampled.push(ranked.resampled)
      const z = standardize(observedValues[i], stats[i])
      statistics.observed.push(z.observed)
      statistics.resampled.push(z.resampled)
    }
  })
  return { resamples: R, observed, resampled, statistics }
}

/** b + c of McNemar's table on all examples (cls null) or on those of true class cls. Invariant under swaps. */
function discordantCount(cells: CellTable, cls: number | null): number {
  let D = 0
  for (let j = 0; j < cells.size; j++) {
    const t = cells.t[j]
    if (cls !== null && t !== cls) continue
    if ((cells.b[j] === t) !== (cells.c[j] === t)) D += cells.count[j]
  }
  return D
}

function sum(d: Float64Array): number {
  let s = 0
  for (let i = 0; i < d.length; i++) s += d[i]
  return s
}

/**
 * Both models' scores in one ascending list of 2n entries; `delta(bits)` walks it once and gives
 * AUC_candidate − AUC_baseline after swapping the scores of the examples whose bit is set (null: none).
 * Mann–Whitney form with ties counted ½: U = Σ over positives of (negatives below + ½ negatives tied), the
 * negatives of the same model. Cost O(n log n) once, O(n) per call.
 */
export function mergedWalk(auc: NonNullable<JointData['auc']>): { delta(bits: Uint32Array | null): number } {
  const { positive, baseline, candidate } = auc
  const n = positive.length
  const score = new Float64Array(2 * n)
  for (let e = 0; e < n; e++) {
    score[e] = baseline[e]
    score[n + e] = candidate[e]
  }
  const order = Uint32Array.from({ length: 2 * n }, (_, i) => i).sort((a, b) => score[a] - score[b] || a - b)
  const example = new Uint32Array(2 * n)
  const isCand = new Uint8Array(2 * n)
  const pos = new Uint8Array(2 * n)
  const last = new Uint8Array(2 * n)
  for (let k = 0; k < 2 * n; k++) {
    const i = order[k]
    example[k] = i < n ? i : i - n
    isCand[k] = i < n ? 0 : 1
    pos[k] = positive[example[k]]
    last[k] = k === 2 * n - 1 || score[order[k + 1]] !== score[i] ? 1 : 0
  }
  let P = 0
  for (let e = 0; e < n; e++) P += positive[e]
  const N = n - P
  return {
    delta(bits: Uint32Array | null): number {
      if (P === 0 || N === 0) return NaN
      let negBelowB = 0
      let negBelowC = 0
      let uB = 0
      let uC = 0
      let posB = 0
      let negB = 0
      let posC = 0
      let negC = 0
      for (let k = 0; k < 2 * n; k++) {
        const e = example[k]
        const toCand = bits === null ? isCand[k] : isCand[k] ^ ((bits[e >>> 5] >>> (e & 31)) & 1)
        if (toCand) {
          if (pos[k]) posC++
          else negC++
        } else if (pos[k]) posB++
        else negB++
        if (last[k]) {
          uB += posB * (negBelowB + 0.5 * negB)
          uC += posC * (negBelowC + 0.5 * negC)
          negBelowB += negB
          negBelowC += negC
          posB = negB = posC = negC = 0
        }
      }
      return (uC - uB) / (P * N)
    }
  }
}
