/**
 * The per-class drop warning (docs/gates.md, "Per class"): the classes whose precision, recall or F1 fell with a
 * Benjamini–Hochberg q-value below alpha (over every per-class test of the run), named with their numbers in one
 * warning that the report shows under the verdict (src/report/verdictChanging.ts): a headline metric can rise
 * while one class breaks. Multiclass only: in a binary task the positive class's metrics are the headline ones
 * (gate the negative class's as `specificity`, `precision[L]`). The largest drops first, at most
 * MAX_CLASSES_NAMED classes, the others counted.
 */
import { formatP, formatShownDelta, formatValue } from '../../report/format.js'
import type { MetricReport, Task } from '../../report/schema.js'

/** Classes named one by one; the others are counted. */
export const MAX_CLASSES_NAMED = 5

/**
 * `Per-class drop: class books: recall 86.9% → 74.9% (−12.0 pts, q = 0.0004) on 183 examples; class music: …;
 * significant after Benjamini–Hochberg over the run's 150 per-class tests (q < 0.05), whatever the gates say.`
 * Empty when no class dropped so (or the task is binary). Cost O(classes).
 */
export function classDropWarnings(task: Task, labels: readonly string[], metrics: Record<string, MetricReport>, alpha: number): string[] {
  if (task !== 'multiclass') return []
  const tests = labels.reduce((n, label) => n + ['precision', 'recall', 'f1'].filter((name) => metrics[`${name}[${label}]`]?.qValue != null).length, 0)
  const dropped: { worst: number; text: string }[] = []
  for (const label of labels) {
    const parts: string[] = []
    let worst = 0
    for (const name of ['recall', 'precision', 'f1']) {
      const key = `${name}[${label}]`
      const m = metrics[key]
      if (!m || m.qValue == null || m.delta === null || !(m.delta < 0) || !(m.qValue < alpha)) continue
      worst = Math.min(worst, m.delta)
      const q = formatP(m.qValue)
      parts.push(`${name} ${formatValue(key, m.baseline)} → ${formatValue(key, m.candidate)} (${formatShownDelta(key, m.baseline, m.candidate)}, q ${q.startsWith('<') ? q : `= ${q}`})`)
    }
    if (parts.length === 0) continue
    const support = metrics[`support[${label}]`]?.candidate
    const on = support == null ? '' : ` on ${support.toLocaleString('en-US')} examples`
    dropped.push({ worst, text: `class ${className(label)}: ${parts.join(', ')}${on}` })
  }
  if (dropped.length === 0) return []
  dropped.sort((a, b) => a.worst - b.worst)
  const more = dropped.length - MAX_CLASSES_NAMED
  const named = dropped.slice(0, MAX_CLASSES_NAMED).map((d) => d.text).join('; ') + (more > 0 ? `; and ${more.toLocaleString('en-US')} more ${more === 1 ? 'class' : 'classes'} (per-class qValue in the JSON report)` : '')
  return [`Per-class drop: ${named}; significant after Benjamini–Hochberg over the run's ${tests.toLocaleString('en-US')} per-class tests (q < ${alpha}), whatever the gates say.`]
}

/** A class as warnings name it: `books`, or `"EU West"` when it has a space or a quote. */
function className(label: string): string {
  return /^[^\s"]+$/.test(label) ? label : JSON.stringify(label)
}
