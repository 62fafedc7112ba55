/**
 * Score-based metrics with scikit-learn 1.2's definitions: ROC AUC, average precision, log loss, Brier score.
 * `positive` is 1 for an example of the positive class; `score` the model's probability of it.
 * Cost: O(n log n) for the ranking metrics (one sort), O(n) for the others.
 */
import { ascendingOrder } from '../stats/order.js'
import { scoreRows, type ScoreRows } from '../stats/scoreRows.js'

/**
 * ROC AUC as `roc_auc_score`: the Mann–Whitney statistic with midranks for ties, which equals the trapezoidal
 * area under the ROC curve. Null when only one class is present (scikit-learn raises).
 * @example rocAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.75
 */
export function rocAuc(positive: Uint8Array, score: ArrayLike<number>, order = ascendingOrder(score)): number | null {
  const n = positive.length
  let nPos = 0
  for (let i = 0; i < n; i++) nPos += positive[i]
  const nNeg = n - nPos
  if (nPos === 0 || nNeg === 0) return null
  let rankSum = 0
  for (let i = 0; i < n; ) {
    let j = i
    while (j + 1 < n && score[order[j + 1]] === score[order[i]]) j++
    const midrank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) if (positive[order[k]]) rankSum += midrank
    i = j + 1
  }
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg)
}

/**
 * Average precision as `average_precision_score`: Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds, highest first,
 * no interpolation. Optional integer `weights` count each example that many times (bootstrap). Null when there
 * is no positive example.
 * @example averagePrecision(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.8333333333333333
 */
export function averagePrecision(
  positive: Uint8Array,
  score: ArrayLike<number>,
  order = ascendingOrder(score),
  weights: ArrayLike<number> | null = null
): number | null {
  const n = positive.length
  let total = 0
  for (let i = 0; i < n; i++) total += positive[i] * (weights ? weights[i] : 1)
  if (total === 0) return null
  let tp = 0
  let fp = 0
  let ap = 0
  for (let j = n - 1; j >= 0; ) {
    const s = score[order[j]]
    let tpGroup = 0
    while (j >= 0 && score[order[j]] === s) {
      const i = order[j]
      const w = weights ? weights[i] : 1
      if (positive[i]) tpGroup += w
      else fp += w
      j--
    }
    tp += tpGroup
    if (tpGroup > 0) ap += (tpGroup / total) * (tp / (tp + fp))
  }
  return ap
}

const EPS = 2.220446049250313e-16

/**
 * Per-example log loss of a binary model as `log_loss` computes it: p clipped to [ε, 1 − ε] (ε the float64
 * machine epsilon), the pair (1 − p, p) renormalised, −ln of the true class's probability.
 */
export function logLossesBinary(positive: Uint8Array, score: ArrayLike<number>): Float64Array {
  const out = new Float64Array(positive.length)
  for (let i = 0; i < out.length; i++) {
    const p = Math.min(1 - EPS, Math.max(EPS, score[i]))
    const q = 1 - p
    const sum = p + q
    out[i] = -Math.log((positive[i] ? p : q) / sum)
  }
  return out
}

/**
 * Per-example multiclass log loss: each row of `probs` (n × K, columns in label order) clipped to [ε, 1 − ε] and
 * renormalised, −ln of the true class's probability.
 */
export function logLossesMulticlass(truth: ArrayLike<number>, probs: Float64Array | ScoreRows, k: number): Float64Array {
  const { values, width, column, rows } = scoreRows(probs, k)
  const out = new Float64Array(truth.length)
  for (let i = 0; i < out.length; i++) {
    const at = (rows === null ? i : rows[i]) * width
    let sum = 0
    for (let j = 0; j < k; j++) sum += Math.min(1 - EPS, Math.max(EPS, values[at + column[j]]))
    out[i] = -Math.log(Math.min(1 - EPS, Math.max(EPS, values[at + column[truth[i]]])) / sum)
  }
  return out
}

/** Per-example Brier loss (p − y)², as `brier_score_loss` with the positive class. */
export function brierLosses(positive: Uint8Array, score: ArrayLike<number>): Float64Array {
  const out = new Float64Array(positive.length)
  for (let i = 0; i < out.length; i++) out[i] = (score[i] - positive[i]) ** 2
  return out
}

/** The mean of per-example losses. */
export function mean(values: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i]
  return s / values.length
}

/**
 * One-vs-rest macro ROC AUC as `roc_auc_score(multi_class="ovr", average="macro")`. Null when a class has no
 * example or every example (scikit-learn raises).
 */
export function rocAucOvrMacro(truth: ArrayLike<number>, probs: Float64Array | ScoreRows, k: number): number | null {
  const { values, width, column: columns, rows } = scoreRows(probs, k)
  const n = truth.length
  let sum = 0
  const column = new Float64Array(n)
  const pos = new Uint8Array(n)
  for (let c = 0; c < k; c++) {
    const from = columns[c]
    for (let i = 0; i < n; i++) {
      column[i] = values[(rows === null ? i : rows[i]) * width + from]
      pos[i] = truth[i] === c ? 1 : 0
    }
    const auc = rocAuc(pos, column)
    if (auc === null) return null
    sum += auc
  }
  return sum / k
}
