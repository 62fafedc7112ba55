/** Where the two models disagree: the counts in the summary line, the first ids folded. */
import type { Report } from '../report/schema.js'
import { dataSpan } from './escape.js'
import { folded } from './table.js'

export function disagreementSection(report: Report): string {
  const d = report.disagreement
  if (!d || report.counts.paired === null) return ''
  const n = (x: number): string => x.toLocaleString('en-US')
  const summary =
    `Where the models disagree: ${n(d.rightToWrong)} right → wrong, ${n(d.wrongToRight)} wrong → right` +
    (d.bothWrongDiffer ? `, ${n(d.bothWrongDiffer)} wrong either way` : '') +
    ` (of ${n(report.counts.paired - (report.counts.excluded ?? 0))})`
  const list = (title: string, ids: string[], total: number): string =>
    ids.length === 0 ? '' : `${title} (first ${ids.length} of ${n(total)}): ${ids.map((id) => dataSpan(id, 40)).join(', ')}`
  const body = [list('Right → wrong', d.firstRegressions, d.rightToWrong), list('Wrong → right', d.firstImprovements, d.wrongToRight)].filter((s) => s).join('\n\n')
  return body ? folded(summary, body) : `<sub>${summary}</sub>`
}
