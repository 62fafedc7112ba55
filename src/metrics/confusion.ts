/**
 * Classification metrics from a confusion matrix, with scikit-learn 1.2's definitions and edge cases
 * (`zero_division=0`).
 *
 * The matrix is a K×K Float64Array, row-major, rows true labels and columns predicted labels (label order).
 * Every metric of docs/metrics.md that does not need scores is a function of it alone, which is what makes resampling
 * cheap: a resample only redraws the matrix.
 */

/** Per-class sums of a confusion matrix. */
export interface ClassSums {
  k: number
  total: number
  correct: number
  /** True count per class (row sums): the support. */
  truth: Float64Array
  /** Predicted count per class (column sums). */
  predicted: Float64Array
  /** Diagonal. */
  tp: Float64Array
}

/** Row, column and diagonal sums. Cost O(K²). */
export function classSums(cm: ArrayLike<number>, k: number, out?: ClassSums): ClassSums {
  const s = out ?? { k, total: 0, correct: 0, truth: new Float64Array(k), predicted: new Float64Array(k), tp: new Float64Array(k) }
  s.truth.fill(0)
  s.predicted.fill(0)
  let total = 0
  let correct = 0
  for (let t = 0; t < k; t++) {
    let row = 0
    for (let p = 0; p < k; p++) {
      const v = cm[t * k + p]
      row += v
      s.predicted[p] += v
    }
    s.truth[t] = row
    s.tp[t] = cm[t * k + t]
    total += row
    correct += cm[t * k + t]
  }
  s.total = total
  s.correct = correct
  return s
}

const safeDiv = (a: number, b: number): number => (b === 0 ? 0 : a / b)

/** Precision of class c: tp / predicted, 0 when nothing was predicted c. */
export function precisionOf(s: ClassSums, c: number): number {
  return safeDiv(s.tp[c], s.predicted[c])
}

/** Recall of class c: tp / support, 0 when the class has no examples. */
export function recallOf(s: ClassSums, c: number): number {
  return safeDiv(s.tp[c], s.truth[c])
}

/** F1 of class c as scikit-learn computes it: 2·P·R / (P + R), 0 when P + R = 0. */
export function f1Of(s: ClassSums, c: number): number {
  const p = precisionOf(s, c)
  const r = recallOf(s, c)
  const denom = p + r
  return denom === 0 ? 0 : (2 * p * r) / denom
}

/** Accuracy: trace / n. */
export function accuracy(s: ClassSums): number {
  return safeDiv(s.correct, s.total)
}

/**
 * Balanced accuracy (scikit-learn, adjusted=False): the mean recall over the classes that have examples.
 * @example balanced accuracy of [[3, 1], [2, 4]] = (3/4 + 4/6) / 2 = 0.7083333333333333
 */
export function balancedAccuracy(s: ClassSums): number {
  let sum = 0
  let m = 0
  for (let c = 0; c < s.k; c++) {
    if (s.truth[c] === 0) continue
    sum += s.tp[c] / s.truth[c]
    m++
  }
  return safeDiv(sum, m)
}

/**
 * Matthews correlation coefficient, the multiclass form of scikit-learn (Gorodkin 2004):
 * (c·n − Σ tₖpₖ) / √((n² − Σ pₖ²)(n² − Σ tₖ²)), 0 when a factor of the denominator is 0.
 */
export function mcc(s: ClassSums): number {
  const n = s.total
  let tp = 0
  let pp = 0
  let tt = 0
  for (let c = 0; c < s.k; c++) {
    tp += s.truth[c] * s.predicted[c]
    pp += s.predicted[c] * s.predicted[c]
    tt += s.truth[c] * s.truth[c]
  }
  const cov = s.correct * n - tp
  const denom = (n * n - pp) * (n * n - tt)
  if (denom === 0) return 0
  const v = cov / Math.sqrt(denom)
  return Number.isNaN(v) ? 0 : v
}

/** Up to this many classes Cohen's kappa sums the expected disagreement cell by cell (scikit-learn's order). */
export const KAPPA_DENSE_K = 64

/**
 * Cohen's kappa as scikit-learn computes it: 1 − Σ w·C / Σ w·E with w = 1 − I and E = outer(col sums, row sums)/n.
 * The observed disagreement Σ w·C is n − trace; the expected one needs only the row and column sums.
 * Method: for K ≤ 64, Σ_{t≠p} P_t·T_p / n term by term in row-major order, O(K²); above, the same sum in closed
 * form (n² − Σ_t P_t·T_t) / n, O(K), exact in integers below 2⁵³ and rounded once (so it may differ from the
 * term-by-term sum in the last bits). NaN (reported as null) when the expected disagreement is 0, as scikit-learn
 * returns nan.
 * @example kappa of [[3, 1], [2, 4]]: observed 3, expected (P₀·T₁ + P₁·T₀) / n = (5·6 + 5·4) / 10 = 5, kappa 1 − 3/5 = 0.4
 */
export function cohenKappa(s: ClassSums): number {
  const k = s.k
  const n = s.total
  const observed = n - s.correct
  let expected = 0
  if (k <= KAPPA_DENSE_K) {
    for (let t = 0; t < k; t++) {
      for (let p = 0; p < k; p++) {
        if (t === p) continue
        expected += (s.predicted[t] * s.truth[p]) / n
      }
    }
  } else {
    let same = 0
    for (let c = 0; c < k; c++) same += s.predicted[c] * s.truth[c]
    expected = (n * n - same) / n
  }
  return 1 - observed / expected
}

export type Average = 'macro' | 'micro' | 'weighted'

/*
 * The averages below spell out precisionOf, recallOf and f1Of in their loops (the same operations in the same
 * order, so the same values): they run once per resample over every class, and a call per class and metric
 * was most of the cost of resampling 400 classes.
 */

/** Precision averaged over classes: macro (mean), weighted (by support), micro (Σtp / Σpredicted). Cost O(K). */
export function precisionAvg(s: ClassSums, average: Average): number {
  if (average === 'micro') return safeDiv(s.correct, s.total)
  const { k, tp, predicted, truth } = s
  let sum = 0
  if (average === 'macro') {
    for (let c = 0; c < k; c++) sum += predicted[c] === 0 ? 0 : tp[c] / predicted[c]
    return safeDiv(sum, k)
  }
  for (let c = 0; c < k; c++) sum += (predicted[c] === 0 ? 0 : tp[c] / predicted[c]) * truth[c]
  return safeDiv(sum, s.total)
}

/** Recall averaged over classes: macro, weighted, micro (Σtp / Σsupport). Cost O(K). */
export function recallAvg(s: ClassSums, average: Average): number {
  if (average === 'micro') return safeDiv(s.correct, s.total)
  const { k, tp, truth } = s
  let sum = 0
  if (average === 'macro') {
    for (let c = 0; c < k; c++) sum += truth[c] === 0 ? 0 : tp[c] / truth[c]
    return safeDiv(sum, k)
  }
  for (let c = 0; c < k; c++) sum += (truth[c] === 0 ? 0 : tp[c] / truth[c]) * truth[c]
  return safeDiv(sum, s.total)
}

/**
 * F1 averaged over classes: macro and weighted average the per-class F1; micro is F1 of the micro P and R.
 * Cost O(K).
 * @example macro F1 of [[3, 1], [2, 4]]: class F1s 2·(3/5)(3/4)/(3/5 + 3/4) = 2/3 and 8/11, mean 0.696969…
 */
export function f1Avg(s: ClassSums, average: Average): number {
  if (average === 'micro') {
    const p = precisionAvg(s, 'micro')
    const r = recallAvg(s, 'micro')
    return p + r === 0 ? 0 : (2 * p * r) / (p + r)
  }
  const { k, tp, predicted, truth } = s
  let sum = 0
  for (let c = 0; c < k; c++) {
    const p = predicted[c] === 0 ? 0 : tp[c] / predicted[c]
    const r = truth[c] === 0 ? 0 : tp[c] / truth[c]
    const denom = p + r
    const f = denom === 0 ? 0 : (2 * p * r) / denom
    sum += average === 'macro' ? f : f * truth[c]
  }
  return average === 'macro' ? safeDiv(sum, k) : safeDiv(sum, s.total)
}
