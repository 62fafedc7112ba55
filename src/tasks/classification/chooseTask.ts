/**
 * Task and positive class (docs/tasks.md), and the label order of the report (docs/inputs.md).
 */
import { ConfigError, quote } from '../../common/errors.js'
import { labelOrder } from '../../read/labels.js'
import type { Task } from '../../report/schema.js'

export interface TaskChoice {
  task: Task
  /** Report labels in label order. */
  labels: string[]
  /** Binary: the positive class; multiclass: null. */
  positiveLabel: string | null
}

/**
 * Decides the task: `binary` when the labels seen (truth and predictions, both files) are at most two and a
 * positive class is known, else `multiclass`. The positive class is `positiveLabel` when given, else `1` or
 * `true` when present. `forced` = `multiclass` forces multiclass; `binary` insists on it.
 *
 * @param seen every label text seen in either file (truth or prediction)
 * @param reportLabels the labels the metrics are computed over (those of the paired examples)
 */
export function chooseTask(
  seen: readonly string[],
  reportLabels: readonly string[],
  positiveLabel: string | undefined,
  forced: Task | undefined
): TaskChoice {
  const all = labelOrder(seen)
  if (forced === 'multiclass') return { task: 'multiclass', labels: labelOrder(reportLabels), positiveLabel: null }
  const withPositive = positiveLabel !== undefined ? labelOrder([...all, positiveLabel]) : all
  if (withPositive.length > 2) {
    if (forced === 'binary') {
      throw new ConfigError(
        `task is "binary" but ${withPositive.length} labels were seen (${listLabels(withPositive)})` +
          (positiveLabel !== undefined && !all.includes(positiveLabel) ? `; positive-label ${quote(positiveLabel)} is not one of them` : '')
      )
    }
    if (positiveLabel !== undefined && !all.includes(positiveLabel) && all.length <= 2) {
      throw new ConfigError(`positive-label ${quote(positiveLabel)} is not one of the labels seen (${listLabels(all)})`)
    }
    return { task: 'multiclass', labels: labelOrder(reportLabels), positiveLabel: null }
  }
  const positive = positiveLabel ?? (all.includes('1') ? '1' : all.includes('true') ? 'true' : undefined)
  if (positive === undefined) {
    throw new ConfigError(
      `two labels were seen (${listLabels(all)}) and neither is "1" or "true": set positive-label ` +
        `(CLI --positive-label) to the positive class, or task to "multiclass"`
    )
  }
  return { task: 'binary', labels: labelOrder([...reportLabels, positive]), positiveLabel: positive }
}

function listLabels(labels: readonly string[]): string {
  const shown = labels.slice(0, 10).map((l) => quote(l))
  return shown.join(', ') + (labels.length > 10 ? `, … ${labels.length - 10} more` : '')
}
