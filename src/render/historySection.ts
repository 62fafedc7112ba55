/**
 * The history section (docs/history.md): per headline metric a sparkline of the base branch's latest runs, oldest
 * first, then this pull request (in a code span), and, folded, a Mermaid `xychart-beta` line chart of each gated
 * metric. Mermaid's xychart has no legend, so each gated metric gets a chart of its own, titled with its name.
 *
 * The history may come from a fork's report (mode publish): only numbers (finite), hexadecimal commits and metric
 * names that are the report's own reach the chart, and a name is reduced to letters, digits and `_.-[]` there.
 */
import { parsePerClass } from '../metrics/names.js'
import { formatValue } from '../report/format.js'
import type { HistoryEntry, Report } from '../report/schema.js'
import { metricName } from './displayNames.js'
import { HEADLINE } from './metrics.js'
import { sparkline } from './sparkline.js'
import { folded } from './table.js'

/** Headline metrics with a sparkline, and gated metrics with a chart, at most. */
const MAX_SPARKLINES = 8
const MAX_CHARTS = 4

export function historySection(report: Report): string {
  const history = report.history ?? []
  if (history.length === 0) return ''
  const withHistory = (name: string): boolean =>
    Object.hasOwn(report.metrics, name) && history.some((h) => Object.hasOwn(h.metrics, name) && finite(h.metrics[name]))
  const names = Object.keys(report.metrics).filter((n) => parsePerClass(n) === null)
  const headline = (report.confusionMatrix ? HEADLINE.filter((n) => names.includes(n)) : names).filter(withHistory).slice(0, MAX_SPARKLINES)
  if (headline.length === 0) return ''
  const lines = headline.map((name) => {
    const series = history.map((h) => valueOf(h, name))
    const known = series.filter(finite)
    const pr = report.metrics[name].candidate
    const lower = report.metrics[name].direction === 'lower' ? ' (lower is better)' : ''
    return `- ${metricName(name)}${lower} \`${sparkline([...series, pr])}\` ${formatValue(name, known[0])} … ${formatValue(name, known[known.length - 1])}, this pull request ${formatValue(name, pr)}`
  })
  const s = report.historySkipped
  const skipped = s ? [s.expired ? `${s.expired} expired` : '', s.missing ? `${s.missing} without a report` : '', s.invalid ? `${s.invalid} refused` : ''].filter(Boolean) : []
  const legend =
    `<sub>The base branch's last ${plural(history.length, 'run')}, oldest first, then this pull request (the last character); ▁ is each line's lowest value, █ its highest` +
    `${skipped.length ? `. Runs skipped: ${skipped.join(', ')}` : ''}.</sub>`
  const gated = [...new Set(report.gates.filter((g) => !g.slice && g.status !== 'skip').map((g) => g.metric))].filter(withHistory).slice(0, MAX_CHARTS)
  const charts = gated.map((name) => chart(name, history, report.metrics[name].candidate)).filter((c) => c !== '')
  const chartSection = charts.length > 0 ? `\n\n${folded(`Trend of the gated metrics over the last ${plural(history.length, 'run')}`, charts.join('\n\n'))}` : ''
  return `#### Trend on the base branch\n\n${lines.join('\n')}\n\n${legend}${chartSection}`
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
const valueOf = (h: HistoryEntry, name: string): number | null => (Object.hasOwn(h.metrics, name) && finite(h.metrics[name]) ? h.metrics[name] : null)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** A metric name as a Mermaid title or axis label can hold it: letters, digits and `_.-[]`, at most 40. */
export const chartName = (name: string): string => name.replace(/[^A-Za-z0-9_.\-[\]]/g, '_').slice(0, 40)

/** A commit as an axis label: its first 7 hexadecimal digits, else `?`. */
const commitLabel = (sha: string): string => (/^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : '?')

/**
 * One fenced `xychart-beta` chart of a metric: the runs that have it, oldest first, and this pull request (`PR`);
 * proportions in %. Empty when a value cannot be written as a plain decimal.
 */
export function chart(name: string, history: readonly HistoryEntry[], pr: number | null): string {
  const percent = formatValue(name, 0.5).endsWith('%')
  const points = history.flatMap((h) => {
    const v = valueOf(h, name)
    return v === null ? [] : [{ label: commitLabel(h.sha), value: v }]
  })
  if (finite(pr)) points.push({ label: 'PR', value: pr })
  if (points.length < 2) return ''
  const scaled = points.map((p) => (percent ? 100 * p.value : p.value))
  if (scaled.some((v) => Math.abs(v) >= 1e15)) return ''
  const digits = percent ? 2 : 4
  const lo = Math.min(...scaled)
  const hi = Math.max(...scaled)
  const pad = hi > lo ? (hi - lo) * 0.1 : Math.max(Math.abs(hi) * 0.01, 1)
  const [min, max] = [lo - pad, hi + pad].map((x) => x.toFixed(digits))
  const title = `${chartName(name)}${percent ? ' (%)' : ''}`
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${points.map((p) => `"${p.label}"`).join(', ')}]`,
    `  y-axis "${title}" ${min} --> ${max}`,
    `  line [${scaled.map((v) => v.toFixed(digits)).join(', ')}]`,
    '```'
  ].join('\n')
}
