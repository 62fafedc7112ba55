/**
 * DeLong's paired test for the one-vs-rest macro AUC of two multiclass models (DeLong, DeLong & Clarke-Pearson
 * 1988, generalized to a mean of K correlated two-sample U-statistics; the per-example form of Sun & Xu 2014).
 *
 * Macro AUC = (1/K) Σ_c A_c, A_c the AUC of class c against the rest on the scores of column c (as scikit-learn
 * `roc_auc_score(y, P, multi_class="ovr", average="macro")`). Each A_c is a U-statistic with DeLong's structural
 * components: V10_c(i) = mean over the negatives j of c of ψ(s_ic, s_jc) for a positive i, V01_c(j) = mean over the
 * positives i of ψ(s_ic, s_jc) for a negative j (ψ = 1 if >, ½ if tied, 0 else). The same example is a positive of
 * its own class and a negative of every other one, so the K AUCs are correlated through it: its influence on the
 * macro AUC sums over the classes,
 *   h(e) = (1/K)·[ V10_y(e)/P_y + Σ_{c ≠ y} V01_c(e)/N_c ]     (y = e's true class, P_c, N_c = class c's counts),
 * and with the true labels fixed (as DeLong fixes P and N) the examples of each true class g are one i.i.d. sample:
 *   Var(macro) = Σ_g n_g · s²_g(h),  s²_g the sample variance (n_g − 1) of h over the examples of class g.
 * For the paired difference the same with d(e) = h_B(e) − h_A(e). With K = 2 (and scores that sum to 1) this is
 * exactly the binary DeLong test; with one class of interest per example it is DeLong's S10/P + S01/N.
 * Cost: O(K·n log(n/K)) (per class column and model, a sort of the smaller side and a binary search of every
 * example in it: src/stats/rankCounts.ts) and O(n) memory for one column at a time.
 *
 * @example
 * // Six examples of three classes; rows are (p0, p1, p2).
 * const A = Float64Array.of(.5, .3, .2, .3, .4, .3, .2, .3, .5, .4, .4, .2, .4, .3, .3, .3, .3, .4)
 * const B = Float64Array.of(.6, .2, .2, .2, .6, .2, .1, .2, .7, .5, .3, .2, .3, .5, .2, .2, .2, .6)
 * delongOvrMacro(Uint32Array.of(0, 1, 2, 0, 1, 2), A, B, 3, 0.05)
 * // { aucA: 0.8542 (scikit-learn's), aucB: 1, delta: 0.1458, variance: 0.014757, z: 1.2005, pValue: 0.2299, … }
 */
import { scoreRows, type ScoreRows } from './scoreRows.js'
import { logitInterval, type DelongResult } from './delong.js'
import { placementsBySearch } from './rankCounts.js'
import { normalCdf, normalQuantile } from './normal.js'

/**
 * Per-example influence values h(e) of a model's macro one-vs-rest AUC (see the file's comment) and the macro AUC.
 * `probs` is row-major n × k, or the files' own rows read in place (ScoreRows). Null when a class has no positive
 * or no negative example.
 */
export function ovrInfluence(truth: ArrayLike<number>, probs: Float64Array | ScoreRows, k: number): { auc: number; h: Float64Array; perClass: number[] } | null {
  const n = truth.length
  const { values, width, column: columns, rows } = scoreRows(probs, k)
  const h = new Float64Array(n)
  const column = new Float64Array(n)
  const positive = new Uint8Array(n)
  const placed = new Float64Array(n)
  const perClass: number[] = []
  for (let c = 0; c < k; c++) {
    let nPos = 0
    for (let e = 0; e < n; e++) {
      column[e] = values[(rows === null ? e : rows[e]) * width + columns[c]]
      positive[e] = truth[e] === c ? 1 : 0
      nPos += positive[e]
    }
    const nNeg = n - nPos
    if (nPos === 0 || nNeg === 0) return null
    // V10 of the positives and V01 of the negatives, in example order (the same doubles as placements()).
    placementsBySearch(positive, column, nPos, nNeg, placed)
    let sum = 0
    for (let e = 0; e < n; e++) {
      if (positive[e]) {
        sum += placed[e]
        h[e] += placed[e] / nPos
      } else h[e] += placed[e] / nNeg
    }
    perClass.push(sum / nPos)
  }
  for (let e = 0; e < n; e++) h[e] /= k
  let sum = 0
  for (const a of perClass) sum += a
  return { auc: sum / k, h, perClass }
}

/** Σ over true classes g of n_g · (sample variance of x over class g); classes with one example add 0. */
export function stratifiedVariance(truth: ArrayLike<number>, x: Float64Array, k: number): number {
  const count = new Float64Array(k)
  const mean = new Float64Array(k)
  const m2 = new Float64Array(k)
  for (let e = 0; e < x.length; e++) {
    const g = truth[e]
    count[g]++
    const d = x[e] - mean[g]
    mean[g] += d / count[g]
    m2[g] += d * (x[e] - mean[g])
  }
  let v = 0
  for (let g = 0; g < k; g++) if (count[g] > 1) v += (count[g] * m2[g]) / (count[g] - 1)
  return v
}

/**
 * Paired DeLong test of model B (candidate) against model A (baseline) on the macro one-vs-rest AUC.
 * `probsA`, `probsB`: row-major n × k class probabilities of the same examples. Null when a class has no
 * positive or no negative example (the macro AUC is undefined, as scikit-learn's is).
 */
export function delongOvrMacro(truth: ArrayLike<number>, probsA: Float64Array | ScoreRows, probsB: Float64Array | ScoreRows, k: number, alpha: number): DelongResult | null {
  const a = ovrInfluence(truth, probsA, k)
  const b = probsB === probsA ? a : ovrInfluence(truth, probsB, k)
  if (!a || !b) return null
  const d = new Float64Array(truth.length)
  for (let e = 0; e < d.length; e++) d[e] = b.h[e] - a.h[e]
  const variance = Math.max(0, stratifiedVariance(truth, d, k))
  const varianceB = Math.max(0, stratifiedVariance(truth, b.h, k))
  const delta = b.auc - a.auc
  const se = Math.sqrt(variance)
  const z2 = normalQuantile(1 - alpha / 2)
  const z1 = normalQuantile(1 - alpha)
  const z = se > 0 ? delta / se : delta === 0 ? 0 : Math.sign(delta) * Infinity
  return {
    aucA: a.auc,
    aucB: b.auc,
    delta,
    variance,
    varianceB,
    z,
    pValue: se > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : delta === 0 ? 1 : 0,
    pLess: se > 0 ? normalCdf(z) : delta < 0 ? 0 : 1,
    ci: [delta - z2 * se, delta + z2 * se],
    lower: delta - z1 * se,
    ciB: logitInterval(b.auc, Math.sqrt(varianceB), alpha)
  }
}
