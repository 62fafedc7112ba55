/**
 * The headline metrics (open) and the rest (folded): one p-value per row, two-sided, with its meaning in the
 * header; Δ from the shown values with better/worse as a word.
 */
import { formatInterval, formatP, formatValue, formatValueInterval } from '../report/format.js'
import { parsePerClass } from '../metrics/names.js'
import type { MetricReport, Report } from '../report/schema.js'
import { adjustedBy } from './gates.js'
import { level, metricName, shownDelta, testsOf, word } from './displayNames.js'
import { folded, table } from './table.js'

export const HEADLINE = ['accuracy', 'precision', 'recall', 'f1', 'specificity', 'roc_auc', 'log_loss']

/** ` (lower is better for log_loss and brier)` for the metrics shown that are better when lower. */
function lowerNote(names: readonly string[], report: Report): string {
  const lower = names.filter((n) => report.metrics[n].direction === 'lower')
  return lower.length === 0 ? '' : ` (lower is better for ${lower.map(metricName).join(', ').replace(/, ([^,]*)$/, ' and $1')})`
}

function row(name: string, m: MetricReport, hasBaseline: boolean): string[] {
  if (!hasBaseline) return [metricName(name), formatValue(name, m.candidate), formatValueInterval(name, m.candidateCi)]
  const w = word(name, m)
  const delta = shownDelta(name, m) + (w === 'better' || w === 'worse' ? ` ${w}` : '')
  return [metricName(name), formatValue(name, m.baseline), formatValue(name, m.candidate), delta, formatInterval(name, m.ci), formatP(m.pValue)]
}

export function metricsSection(report: Report): { headline: string; rest: string } {
  const hasBaseline = report.counts.baseline !== null
  const names = Object.keys(report.metrics).filter((n) => parsePerClass(n) === null)
  // Classification leads with its usual metrics and folds the rest; the other tasks have few, all shown.
  const headline = report.confusionMatrix ? HEADLINE.filter((n) => names.includes(n)) : names
  const rest = names.filter((n) => !headline.includes(n))
  const header = hasBaseline
    ? ['Metric', 'Baseline', 'Candidate', 'Δ', `${level(report)} CI of Δ`, 'p (two-sided)']
    : ['Metric', 'Candidate', `${level(report)} CI`]
  const align = hasBaseline ? [':---', '---:', '---:', '---:', '---:', '---:'] : [':---', '---:', '---:']
  const rows = (list: string[]) => list.map((n) => row(n, report.metrics[n], hasBaseline))
  const legend = hasBaseline
    ? `<sub>Δ: candidate − baseline, of the values shown; better or worse by the metric's direction${lowerNote(names, report)}. ` +
      `p (two-sided): no difference (${testsOf(headline, report)}). The gates use one-sided, ${adjustedBy(report)}-adjusted p.</sub>`
    : `<sub>Intervals: Wilson for proportions, bootstrap percentile otherwise.</sub>`
  return {
    headline: `#### Metrics\n\n${table(header, rows(headline), align)}\n\n${legend}`,
    rest: rest.length > 0 ? folded(`All ${rest.length} other metrics`, table(header, rows(rest), align)) : ''
  }
}
