/**
 * Where single examples changed (tasks scores, regression, generation): per metric, the flips of a pass/fail
 * metric (pass → fail and back) or the largest per-example drops, with their ids. The counts are in one open line
 * per metric; the ids and the drops are folded.
 */
import { formatDelta, formatValue } from '../report/format.js'
import type { Report } from '../report/schema.js'
import { dataSpan } from './escape.js'
import { folded, table } from './table.js'

/** A metric name inside a `<summary>` (an HTML block: no Markdown there), as inert code. */
const summaryName = (name: string): string => `<code>${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`

export function examplesSection(report: Report): string {
  const examples = report.examples
  if (!examples) return ''
  const n = (x: number): string => x.toLocaleString('en-US')
  const parts: string[] = []
  for (const [name, changes] of Object.entries(examples)) {
    if (changes.kind === 'flips') {
      const summary = `${summaryName(name)}: ${n(changes.worse)} example${changes.worse === 1 ? '' : 's'} flipped to worse, ${n(changes.better)} to better`
      const list = (title: string, ids: string[], total: number): string =>
        ids.length === 0 ? '' : `${title} (first ${ids.length} of ${n(total)}): ${ids.map((id) => dataSpan(id, 40)).join(', ')}`
      const body = [list('Worse', changes.firstWorse, changes.worse), list('Better', changes.firstBetter, changes.better)].filter((s) => s).join('\n\n')
      parts.push(body ? folded(summary, body) : `<sub>${summary.replace(/<\/?code>/g, '`')}</sub>`)
    } else if (changes.drops.length > 0) {
      const rows = changes.drops.map((d) => [dataSpan(d.id, 40), formatValue(name, d.baseline), formatValue(name, d.candidate), formatDelta(name, d.change).replace(/^\+/, '')])
      const what = report.task === 'regression' && name === 'mae' ? 'absolute error grew most' : 'value got worse most'
      parts.push(folded(`${summaryName(name)}: the ${changes.drops.length} examples whose ${what}`, table(['Example', 'Baseline', 'Candidate', 'Worse by'], rows, [':---', '---:', '---:', '---:'])))
    }
  }
  return parts.join('\n\n')
}
