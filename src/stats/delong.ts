/**
 * DeLong's test for two correlated ROC AUCs (DeLong, DeLong & Clarke-Pearson 1988, Biometrics 44, 837–845) in
 * the fast midrank form of Sun & Xu (2014, IEEE Signal Processing Letters 21, 1389–1393).
 *
 * For each model, the placement values V10ᵢ = (Zᵢ − Xᵢ)/N (positive i) and V01ⱼ = 1 − (Zⱼ − Yⱼ)/P (negative j),
 * with Z the midrank among all examples, X among positives, Y among negatives; AUC = mean V10.
 * S = S10/P + S01/N (sample covariances of the placements); Var(AUC_B − AUC_A) = S_AA + S_BB − 2·S_AB.
 * Cost: O(n log n) (one sort per model).
 */
import { ascendingOrder } from './order.js'
import { normalCdf, normalQuantile } from './normal.js'

export interface Placements {
  auc: number
  v10: Float64Array
  v01: Float64Array
}

/** DeLong's placement values of one model's scores (see the file's comment) and its AUC. Cost O(n) after the sort. */
export function placements(positive: Uint8Array, score: ArrayLike<number>, nPos: number, nNeg: number, order = ascendingOrder(score)): Placements {
  const n = positive.length
  const v10 = new Float64Array(nPos)
  const v01 = new Float64Array(nNeg)
  const posIndex = new Int32Array(n)
  let p = 0
  let q = 0
  for (let i = 0; i < n; i++) posIndex[i] = positive[i] ? p++ : q++
  // The scores and classes in score order, gathered once: the group scan below then reads memory in sequence.
  const sorted = new Float64Array(n)
  const sortedPos = new Uint8Array(n)
  for (let k = 0; k < n; k++) {
    const e = order[k]
    sorted[k] = score[e]
    sortedPos[k] = positive[e]
  }
  let seen = 0
  let seenPos = 0
  for (let i = 0; i < n; ) {
    let j = i
    let groupPos = 0
    const s = sorted[i]
    while (j < n && sorted[j] === s) {
      groupPos += sortedPos[j]
      j++
    }
    const groupNeg = j - i - groupPos
    const seenNeg = seen - seenPos
    // Midranks (1-based) of the group among all, among positives, among negatives.
    const z = seen + (j - i + 1) / 2
    const x = seenPos + (groupPos + 1) / 2
    const y = seenNeg + (groupNeg + 1) / 2
    for (let k = i; k < j; k++) {
      const e = order[k]
      if (sortedPos[k]) v10[posIndex[e]] = (z - x) / nNeg
      else v01[posIndex[e]] = 1 - (z - y) / nPos
    }
    seen += j - i
    seenPos += groupPos
    i = j
  }
  let sum = 0
  for (const v of v10) sum += v
  return { auc: sum / nPos, v10, v01 }
}

function covariance(a: Float64Array, b: Float64Array): number {
  const n = a.length
  if (n < 2) return 0
  let ma = 0
  let mb = 0
  for (let i = 0; i < n; i++) {
    ma += a[i]
    mb += b[i]
  }
  ma /= n
  mb /= n
  let s = 0
  for (let i = 0; i < n; i++) s += (a[i] - ma) * (b[i] - mb)
  return s / (n - 1)
}

export interface DelongResult {
  aucA: number
  aucB: number
  /** AUC_B − AUC_A. */
  delta: number
  variance: number
  /** Variance of AUC_B alone (for its own interval). */
  varianceB: number
  z: number
  pValue: number
  /** One-sided p for B worse than A. */
  pLess: number
  ci: [number, number]
  /** One-sided (1 − alpha) lower bound of the delta. */
  lower: number
  /** (1 − alpha) interval of AUC_B: DeLong's variance on the logit scale, back-transformed ({@link logitInterval}). */
  ciB: [number, number]
}

/**
 * A (1 − alpha) interval of a proportion-like estimate θ ∈ (0, 1) with standard error se, made on the logit scale
 * and transformed back (delta method: se of logit θ̂ = se / (θ̂(1 − θ̂)); Pepe 2003, "The Statistical Evaluation of
 * Medical Tests", docs/gates.md.2.4; Qin & Hotilovac 2008, Stat. Methods Med. Res. 17, 207–221, for the AUC). It stays in
 * (0, 1) and is longer on the side away from the nearer bound, where a plain Wald interval misses most.
 * θ̂ = 0 or 1, or se = 0: the point itself. Cost O(1).
 * @example logitInterval(0.9, 0.02, 0.05) // [0.8535, 0.9332] (expit(logit 0.9 ∓ 1.96·0.02/0.09))
 */
export function logitInterval(theta: number, se: number, alpha: number): [number, number] {
  if (!(theta > 0 && theta < 1) || !(se > 0)) return [theta, theta]
  const z = normalQuantile(1 - alpha / 2)
  const center = Math.log(theta / (1 - theta))
  const half = (z * se) / (theta * (1 - theta))
  const expit = (x: number): number => 1 / (1 + Math.exp(-x))
  return [expit(center - half), expit(center + half)]
}

/**
 * Paired DeLong test of model B (candidate) against model A (baseline) on the same examples.
 * @returns null when only one class is present.
 */
export function delongPaired(
  positive: Uint8Array,
  scoreA: ArrayLike<number>,
  scoreB: ArrayLike<number>,
  alpha: number,
  orderA = ascendingOrder(scoreA),
  orderB = ascendingOrder(scoreB)
): DelongResult | null {
  let nPos = 0
  for (let i = 0; i < positive.length; i++) nPos += positive[i]
  const nNeg = positive.length - nPos
  if (nPos === 0 || nNeg === 0) return null
  const a = placements(positive, scoreA, nPos, nNeg, orderA)
  const b = placements(positive, scoreB, nPos, nNeg, orderB)
  const s = (x: Placements, y: Placements): number => covariance(x.v10, y.v10) / nPos + covariance(x.v01, y.v01) / nNeg
  const sAA = s(a, a)
  const sBB = s(b, b)
  const sAB = s(a, b)
  const variance = Math.max(0, sAA + sBB - 2 * sAB)
  const delta = b.auc - a.auc
  const se = Math.sqrt(variance)
  const z2 = normalQuantile(1 - alpha / 2)
  const z1 = normalQuantile(1 - alpha)
  const z = se > 0 ? delta / se : delta === 0 ? 0 : Math.sign(delta) * Infinity
  const seB = Math.sqrt(Math.max(0, sBB))
  return {
    aucA: a.auc,
    aucB: b.auc,
    delta,
    variance,
    varianceB: sBB,
    z,
    pValue: se > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : delta === 0 ? 1 : 0,
    pLess: se > 0 ? normalCdf(z) : delta < 0 ? 0 : 1,
    ci: [delta - z2 * se, delta + z2 * se],
    lower: delta - z1 * se,
    ciB: logitInterval(b.auc, seB, alpha)
  }
}
