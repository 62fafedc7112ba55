/**
 * Per class: one open line naming the largest drop in per-class F1, and the folded table. With more classes than
 * fit, the table keeps those whose F1 changed most (by |Δ F1|), sorted by Δ F1 from worst to best, and says so.
 */
import { formatP, formatShownDelta, formatValue } from '../report/format.js'
import type { MetricReport, Report } from '../report/schema.js'
import { dataSpan } from './escape.js'
import { folded, table } from './table.js'

interface ClassRow {
  label: string
  get: (metric: string) => MetricReport | undefined
  /** Signed change of F1 (candidate − baseline), 0 without a baseline. */
  delta: number
}

const rowsOf = (report: Report): ClassRow[] =>
  report.labels.map((label) => {
    const get = (metric: string) => report.metrics[`${metric}[${label}]`]
    return { label, get, delta: get('f1')?.delta ?? 0 }
  })

/** `Largest per-class F1 drop: `spam` 89.4% → 86.7% (−2.7 pts)`; empty without a baseline. */
export function largestDrop(report: Report): string {
  if (report.counts.baseline === null || !report.confusionMatrix) return ''
  const rows = rowsOf(report).filter((r) => r.get('f1')?.delta != null)
  if (rows.length === 0) return ''
  const worst = rows.reduce((a, b) => (b.delta < a.delta ? b : a))
  if (worst.delta >= 0) return 'No class lost F1.'
  const f1 = worst.get('f1') as MetricReport
  return `Largest per-class F1 drop: ${dataSpan(worst.label, 40)} ${formatValue('f1', f1.baseline)} → ${formatValue('f1', f1.candidate)} (${formatShownDelta('f1', f1.baseline, f1.candidate)}).`
}

export function perClassSection(report: Report, max: number): string {
  if (!report.confusionMatrix) return ''
  const hasBaseline = report.counts.baseline !== null
  const all = rowsOf(report)
  let rows = all
  let note = ''
  if (all.length > max) {
    const byChange = [...all].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.label < b.label ? -1 : 1)).slice(0, max)
    rows = hasBaseline ? byChange.sort((a, b) => a.delta - b.delta || (a.label < b.label ? -1 : 1)) : byChange
    note = hasBaseline
      ? `Showing the ${max} of ${all.length} classes whose F1 changed most, from the largest drop to the largest gain; the job summary and the JSON report have all ${all.length}.\n\n`
      : `Showing ${max} of ${all.length} classes; the job summary and the JSON report have all of them.\n\n`
  }
  const cell = (r: ClassRow, metric: string): string => {
    const m = r.get(metric)
    if (!m) return '—'
    if (!hasBaseline) return formatValue(metric, m.candidate)
    return `${formatValue(metric, m.baseline)} → ${formatValue(metric, m.candidate)} (${formatShownDelta(metric, m.baseline, m.candidate).replace(' pts', '')})`
  }
  // docs/gates.md "Per class": the smallest Benjamini–Hochberg q of the class’s precision, recall and F1 (multiclass;
  // in a binary task the classes’ metrics are the headline ones).
  const hasQ = hasBaseline && report.task === 'multiclass' && all.some((r) => ['precision', 'recall', 'f1'].some((m) => r.get(m)?.qValue != null))
  const q = (r: ClassRow): string => {
    const qs = ['precision', 'recall', 'f1'].map((m) => r.get(m)?.qValue).filter((x): x is number => x != null)
    return qs.length ? formatP(Math.min(...qs)) : '—'
  }
  const body = table(
    ['Class', 'Support', 'Precision', 'Recall', 'F1', ...(hasQ ? ['q'] : [])],
    rows.map((r) => [dataSpan(r.label, 40), formatValue('support[]', r.get('support')?.candidate ?? null), cell(r, 'precision'), cell(r, 'recall'), cell(r, 'f1'), ...(hasQ ? [q(r)] : [])]),
    [':---', '---:', '---:', '---:', '---:', ...(hasQ ? ['---:'] : [])]
  )
  const legend = hasBaseline
    ? `\n\n<sub>baseline → candidate (Δ in points, of the values shown)${hasQ ? '; q: the smallest Benjamini–Hochberg q-value of the class’s three, over every per-class test of the run' : ''}</sub>`
    : ''
  const summary = all.length > max ? `Per class: ${max} of ${all.length} classes, the largest F1 changes` : `Per class (${all.length} classes)`
  return folded(summary, note + body + legend)
}
