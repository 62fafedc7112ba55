/**
 * How metric names and numbers read in every section, so the headline, the gates and the tables agree.
 */
import { formatInterval, formatShownDelta, formatValue, formatValueInterval, changeWord } from '../report/format.js'
import { parsePerClass } from '../metrics/names.js'
import type { GateResult, MetricReport, Report } from '../report/schema.js'
import { dataSpan, markdownText } from './escape.js'

/** A metric name: plain for the fixed names, a code span for per-class names (they hold a label). */
export function metricName(name: string): string {
  return parsePerClass(name) ? dataSpan(name, 80) : markdownText(name)
}

/** `95%` for alpha 0.05. */
export const level = (report: Report): string => `${Math.round((1 - report.settings.alpha) * 1000) / 10}%`

/** `92.5% → 80.6%`, or the candidate's value alone without a baseline. */
export function values(name: string, m: MetricReport): string {
  return m.baseline === null ? formatValue(name, m.candidate) : `${formatValue(name, m.baseline)} → ${formatValue(name, m.candidate)}`
}

/** `−11.9 pts` from the shown values. */
export const shownDelta = (name: string, m: MetricReport): string => formatShownDelta(name, m.baseline, m.candidate)

/** `better`, `worse`, `same` for the shown change. */
export const word = (name: string, m: MetricReport): string => changeWord(name, m.baseline, m.candidate, m.direction)

/**
 * The decisive numbers of one metric: `recall 92.5% → 80.6% (−11.9 pts, 95% CI −16.8 to −7.6 pts` — the caller
 * closes the bracket after adding its own evidence — or `accuracy 75.0% (95% CI 72.2% to 77.6%` without a baseline.
 */
export function change(name: string, m: MetricReport, report: Report, label = metricName(name)): string {
  if (m.baseline === null || m.delta === null) {
    return `${label} ${formatValue(name, m.candidate)}${m.candidateCi ? ` (${level(report)} CI ${formatValueInterval(name, m.candidateCi)}` : ' ('}`
  }
  const ci = m.ci ? `, ${level(report)} CI ${formatInterval(name, m.ci)}` : ''
  return `${label} ${values(name, m)} (${shownDelta(name, m)}${ci}`
}

/**
 * The numbers a gate was decided on and how to name them: the run's metric, or for a slice rule (docs/slices.md,
 * GateResult.slice) the slice's — `METRIC@F=VALUE …` its slice; `METRIC no-regression by F` the slice whose
 * delta is the gate's `observed` (the smallest adjusted p) — named `accuracy on `language=de``.
 */
export function gateMetric(report: Report, g: GateResult): { m: MetricReport | undefined; label: string; where: string } {
  // docs/reference.md: a `vs reference` rule is decided on the comparison with the reference.
  if (g.vs === 'reference') {
    const ref = report.reference
    return { m: ref && Object.hasOwn(ref.metrics, g.metric) ? ref.metrics[g.metric] : undefined, label: `${metricName(g.metric)} vs the reference`, where: '' }
  }
  if (!g.slice) return { m: report.metrics[g.metric], label: metricName(g.metric), where: '' }
  const slices = report.slices?.[g.slice.field] ?? {}
  const value =
    g.slice.value ??
    Object.keys(slices).find((v) => slices[v].tested && slices[v].metrics[g.metric]?.delta === g.observed && g.observed !== null)
  if (value === undefined) return { m: undefined, label: metricName(g.metric), where: '' }
  const where = dataSpan(`${g.slice.field}=${value}`, 60)
  return { m: slices[value]?.metrics[g.metric], label: `${metricName(g.metric)} on ${where}`, where }
}

/** Human names of the tests behind `MetricReport.test`. */
export const TEST_NAMES: Record<string, string> = {
  'mcnemar-exact': 'exact McNemar',
  permutation: 'paired approximate randomization',
  delong: 'DeLong',
  'paired-t': 'paired t',
  'mcnemar-cluster': 'clustered McNemar (Durkalski 2003)',
  'permutation-cluster': 'cluster randomization',
  'paired-t-cluster': 'cluster-robust paired t'
}

/** `exact McNemar: accuracy, recall; paired approximate randomization: precision, f1` for the given metrics. */
export function testsOf(names: readonly string[], report: Report): string {
  const byTest = new Map<string, string[]>()
  for (const name of names) {
    const test = report.metrics[name]?.test
    if (!test) continue
    const list = byTest.get(test) ?? []
    if (!list.includes(name)) list.push(name)
    byTest.set(test, list)
  }
  return [...byTest].map(([test, list]) => `${TEST_NAMES[test] ?? markdownText(test)}: ${list.map(metricName).join(', ')}`).join('; ')
}
