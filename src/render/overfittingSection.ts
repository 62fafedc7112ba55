/**
 * The overfitting check (docs/data-checks.md, `--train-predictions`): each headline metric on the training set and on the
 * test set, the gap (positive: better on train) as the two shown values give it, and the interval of the gap.
 */
import { formatInterval, formatValue } from '../report/format.js'
import { shownGap } from '../gates/trainGap.js'
import type { GateResult, Overfitting, Report } from '../report/schema.js'
import { level, metricName } from './displayNames.js'
import { table } from './table.js'

export function overfittingSection(report: Report): string {
  const o = report.overfitting
  if (!o) return ''
  const names = Object.keys(o.metrics)
  if (names.length === 0) return ''
  const rows = names.map((name) => {
    const m = o.metrics[name]
    return [metricName(name), formatValue(name, m.train), formatValue(name, m.test), shownGap(name, m), formatInterval(name, m.ci)]
  })
  const lower = names.filter((n) => o.metrics[n].direction === 'lower')
  const sign = lower.length === 0 ? 'train − test' : `train − test (test − train for ${lower.map(metricName).join(', ')}, better when lower)`
  const n = (x: number): string => x.toLocaleString('en-US')
  const legend =
    `<sub>Train: the candidate's predictions on its ${n(o.trainRows)} training rows; test: the ${n(o.testRows)} compared examples. ` +
    `Gap: ${sign}, so a positive gap means better on train. ` +
    `Interval: MOVER from each side's own interval (Newcombe's hybrid score for proportions).</sub>`
  return `#### Overfitting\n\n${table(['Metric', 'Train', 'Test', 'Gap', `${level(report)} CI of gap`], rows, [':---', '---:', '---:', '---:', '---:'])}\n\n${legend}`
}

/** The overfitting entry behind a `METRIC train-gap …` gate (the rule's text after its metric starts with `train-gap`), else null. */
export function trainGapOf(g: GateResult, report: Report): Overfitting['metrics'][string] | null {
  if (!g.rule.startsWith(g.metric) || !/^\s*train-gap\b/.test(g.rule.slice(g.metric.length))) return null
  return report.overfitting?.metrics[g.metric] ?? null
}

/** A train-gap gate's numbers: `accuracy 97.3% on train, 80.0% on test (gap +17.3 pts, 95% CI +10.7 to +25.5 pts)`. */
export function trainGapReason(g: GateResult, m: Overfitting['metrics'][string], report: Report): string {
  const ci = m.ci ? `, ${level(report)} CI ${formatInterval(g.metric, m.ci)}` : ''
  return `${metricName(g.metric)} ${formatValue(g.metric, m.train)} on train, ${formatValue(g.metric, m.test)} on test (gap ${shownGap(g.metric, m)}${ci})`
}

/** The gates table's Observed cell of a train-gap gate: `+17.3 pts (97.3% train, 80.0% test)`. */
export function trainGapObserved(g: GateResult, m: Overfitting['metrics'][string]): string {
  return `${shownGap(g.metric, m)} (${formatValue(g.metric, m.train)} train, ${formatValue(g.metric, m.test)} test)`
}
