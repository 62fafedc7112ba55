/**
 * The per-class drop warning (docs/gates.md, "Per class"): a class whose precision, recall or F1 fell with a
 * Benjamini–Hochberg q-value below alpha (over every per-class test of the run) is named, with its numbers, in a
 * warning that the report shows under the verdict (src/report/verdictChanging.ts): a headline metric can rise
 * while one class breaks. One warning per class, the largest drops first, at most MAX_CLASS_WARNINGS.
 */
import { formatP, formatShownDelta, formatValue } from '../../report/format.js'
import type { MetricReport } from '../../report/schema.js'

/** Classes named one by one; the others are counted in one more warning. */
export const MAX_CLASS_WARNINGS = 5

/**
 * `Per-class drop: class books: recall 86.9% → 74.9% (−12.0 pts, q = 0.0004), f1 … on 183 examples; …`.
 * @example classDropWarnings(['a', 'books'], metrics, 0.05) // ['Per-class drop: class books: recall 86.9% → 74.9% (−12.0 pts, q = 0.0004) on 183 examples …']
 */
export function classDropWarnings(labels: readonly string[], metrics: Record<string, MetricReport>, alpha: number): string[] {
  const tests = labels.reduce((n, label) => n + ['precision', 'recall', 'f1'].filter((name) => metrics[`${name}[${label}]`]?.qValue != null).length, 0)
  const dropped: { label: string; worst: number; text: string }[] = []
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
    dropped.push({ label, worst, text: `Per-class drop: class ${className(label)}: ${parts.join(', ')}${on}; significant after Benjamini–Hochberg over the run's ${tests.toLocaleString('en-US')} per-class tests (q < ${alpha}), whatever the gates say.` })
  }
  dropped.sort((a, b) => a.worst - b.worst)
  const shown = dropped.slice(0, MAX_CLASS_WARNINGS).map((d) => d.text)
  if (dropped.length > MAX_CLASS_WARNINGS) {
    const more = dropped.length - MAX_CLASS_WARNINGS
    shown.push(`Per-class drop: ${more.toLocaleString('en-US')} more ${more === 1 ? 'class' : 'classes'} with a significant per-class drop (q < ${alpha}; the JSON report's per-class qValue has them all).`)
  }
  return shown
}

/** A class as warnings name it: `books`, or `"EU West"` when it has a space or a quote. */
function className(label: string): string {
  return /^[^\s"]+$/.test(label) ? label : JSON.stringify(label)
}
