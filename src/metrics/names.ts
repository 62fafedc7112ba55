/**
 * Metric names of docs/metrics.md and which way each is better.
 * Per-class names are `precision[L]`, `recall[L]`, `f1[L]`, `support[L]` for a label text L.
 */
import type { Task } from '../report/schema.js'
import type { Direction } from '../stats/direction.js'

/** Confusion-matrix metrics of every task. */
export const COMMON_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'mcc',
  'cohen_kappa',
  'precision',
  'recall',
  'f1',
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'precision_micro',
  'recall_micro',
  'f1_micro',
  'precision_weighted',
  'recall_weighted',
  'f1_weighted'
] as const

/** Binary only: recall of the negative class. */
export const BINARY_ONLY_METRICS = ['specificity'] as const

/** Metrics that need scores: binary has all four, multiclass `roc_auc` (one-vs-rest macro) and `log_loss`. */
export const SCORE_METRICS: Record<Task, readonly string[]> = {
  binary: ['roc_auc', 'average_precision', 'log_loss', 'brier'],
  multiclass: ['roc_auc', 'log_loss']
}

export const PER_CLASS_METRICS = ['precision', 'recall', 'f1', 'support'] as const
export type PerClassMetric = (typeof PER_CLASS_METRICS)[number]

/** The metrics of a run, in report order: headline first, then the rest, then per class in label order. */
export function metricNames(task: Task, labels: readonly string[], hasScores: boolean): string[] {
  const names: string[] = [...COMMON_METRICS]
  if (task === 'binary') names.push(...BINARY_ONLY_METRICS)
  if (hasScores) names.push(...SCORE_METRICS[task])
  for (const label of labels) for (const m of PER_CLASS_METRICS) names.push(perClassName(m, label))
  return names
}

/** `recall[spam]` */
export function perClassName(metric: PerClassMetric, label: string): string {
  return `${metric}[${label}]`
}

/** Splits `recall[spam]` into its metric and label; null for a name that is not per class. */
export function parsePerClass(name: string): { metric: PerClassMetric; label: string } | null {
  const m = /^(precision|recall|f1|support)\[(.*)\]$/s.exec(name)
  return m ? { metric: m[1] as PerClassMetric, label: m[2] } : null
}

/** Which way is better: lower for `log_loss` and `brier`, higher for everything else (docs/metrics.md). */
export function direction(name: string): Direction {
  return name === 'log_loss' || name === 'brier' ? 'lower' : 'higher'
}
