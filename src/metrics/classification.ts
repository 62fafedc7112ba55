/**
 * The confusion-matrix metrics of docs/metrics.md by name, each a function of a K×K confusion matrix through its row,
 * column and diagonal sums (ClassSums), so no metric costs more than O(K).
 *
 * Aggregate metrics are evaluated on the full matrix; per-class metrics of class L on the 2×2 matrix of
 * "is L" (index 1) against "is not L" (index 0), which gives the same value and lets resampling work on 8 cells
 * per class instead of K³.
 */
import type { Task } from '../report/schema.js'
import {
  accuracy,
  balancedAccuracy,
  classSums,
  cohenKappa,
  f1Avg,
  f1Of,
  mcc,
  precisionAvg,
  precisionOf,
  recallAvg,
  recallOf,
  type ClassSums
} from './confusion.js'

/** A metric of a confusion matrix, from its row, column and diagonal sums; NaN where it is undefined (reported as null). */
export type CmMetric = (s: ClassSums) => number

export interface NamedCmMetric {
  name: string
  fn: CmMetric
  /** Set for a macro or weighted average of a per-class metric: lets {@link evaluator} share the per-class values. */
  average?: { of: 'precision' | 'recall' | 'f1'; average: 'macro' | 'weighted' }
}

/**
 * The aggregate metrics for a task. Binary: `precision`, `recall`, `f1` are of the positive class and
 * `specificity` the recall of the negative one; multiclass: `precision`, `recall`, `f1` are macro averages.
 */
export function aggregateMetrics(task: Task, k: number, positive: number | null): NamedCmMetric[] {
  const list: NamedCmMetric[] = [
    { name: 'accuracy', fn: (s) => accuracy(s) },
    { name: 'balanced_accuracy', fn: (s) => balancedAccuracy(s) },
    { name: 'mcc', fn: (s) => mcc(s) },
    { name: 'cohen_kappa', fn: (s) => cohenKappa(s) }
  ]
  if (task === 'binary' && positive !== null) {
    const negative = k === 2 ? 1 - positive : -1
    list.push(
      { name: 'precision', fn: (s) => precisionOf(s, positive) },
      { name: 'recall', fn: (s) => recallOf(s, positive) },
      { name: 'f1', fn: (s) => f1Of(s, positive) },
      { name: 'specificity', fn: (s) => (negative < 0 ? 0 : recallOf(s, negative)) }
    )
  } else {
    list.push(
      { name: 'precision', fn: (s) => precisionAvg(s, 'macro'), average: { of: 'precision', average: 'macro' } },
      { name: 'recall', fn: (s) => recallAvg(s, 'macro'), average: { of: 'recall', average: 'macro' } },
      { name: 'f1', fn: (s) => f1Avg(s, 'macro'), average: { of: 'f1', average: 'macro' } }
    )
  }
  for (const average of ['macro', 'micro', 'weighted'] as const) {
    const tag = (of: 'precision' | 'recall' | 'f1') => (average === 'micro' ? {} : { average: { of, average } })
    list.push(
      { name: `precision_${average}`, fn: (s) => precisionAvg(s, average), ...tag('precision') },
      { name: `recall_${average}`, fn: (s) => recallAvg(s, average), ...tag('recall') },
      { name: `f1_${average}`, fn: (s) => f1Avg(s, average), ...tag('f1') }
    )
  }
  return list
}

/**
 * Evaluates a list of metrics on one set of sums, `out[i] = metrics[i].fn(s)`, computing each class's precision,
 * recall and F1 once for all the macro and weighted averages in the list (nine of them in a multiclass run) and
 * summing them in the same order as precisionAvg, recallAvg and f1Avg, so the values are the same to the bit.
 * Cost O(K + metrics·K) additions per call, against O(metrics·K) divisions for the metrics one by one.
 * @example evaluator(aggregateMetrics('multiclass', 3, null), 3)(classSums(cm, 3), out) // out[i] = metrics[i].fn(…)
 */
export function evaluator(metrics: readonly NamedCmMetric[], k: number): (s: ClassSums, out: Float64Array) => void {
  if (!metrics.some((m) => m.average)) {
    return (s, out) => {
      for (let i = 0; i < metrics.length; i++) out[i] = metrics[i].fn(s)
    }
  }
  const values = { precision: new Float64Array(k), recall: new Float64Array(k), f1: new Float64Array(k) }
  return (s, out) => {
    const { tp, predicted, truth } = s
    for (let c = 0; c < k; c++) {
      const p = predicted[c] === 0 ? 0 : tp[c] / predicted[c]
      const r = truth[c] === 0 ? 0 : tp[c] / truth[c]
      const denom = p + r
      values.precision[c] = p
      values.recall[c] = r
      values.f1[c] = denom === 0 ? 0 : (2 * p * r) / denom
    }
    for (let i = 0; i < metrics.length; i++) {
      const a = metrics[i].average
      if (!a) {
        out[i] = metrics[i].fn(s)
        continue
      }
      const v = values[a.of]
      let sum = 0
      if (a.average === 'macro') {
        for (let c = 0; c < k; c++) sum += v[c]
        out[i] = k === 0 ? 0 : sum / k
      } else {
        for (let c = 0; c < k; c++) sum += v[c] * truth[c]
        out[i] = s.total === 0 ? 0 : sum / s.total
      }
    }
  }
}

/**
 * Per-class metrics of one class: of class `c` of the matrix they are evaluated on (1 on the collapsed 2×2
 * matrix of the class against the rest). `support` is the true count.
 */
export function perClassMetrics(label: string, c = 1): NamedCmMetric[] {
  return [
    { name: `precision[${label}]`, fn: (s) => precisionOf(s, c) },
    { name: `recall[${label}]`, fn: (s) => recallOf(s, c) },
    { name: `f1[${label}]`, fn: (s) => f1Of(s, c) },
    { name: `support[${label}]`, fn: (s) => s.truth[c] }
  ]
}

/**
 * Collapses a K×K confusion matrix to the 2×2 matrix of class c against the rest.
 * @example collapse([[5, 1, 0], [2, 7, 1], [0, 3, 9]], 3, 1) // [[15, 3], [3, 7]] (rows: not 1, is 1)
 */
export function collapse(cm: ArrayLike<number>, k: number, c: number, out = new Float64Array(4)): Float64Array {
  out.fill(0)
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) out[(t === c ? 2 : 0) + (p === c ? 1 : 0)] += cm[t * k + p]
  }
  return out
}

/** Evaluates named metrics on one matrix. */
export function evaluate(metrics: readonly NamedCmMetric[], cm: Float64Array, k: number): Map<string, number> {
  const s = classSums(cm, k)
  return new Map(metrics.map((m) => [m.name, m.fn(s)]))
}
