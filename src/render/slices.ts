/**
 * Slices (docs/slices.md, issue 12): where the candidate got worse on one value of a slice field (`language=de`).
 *
 * - "Slices that got worse": the slice metrics that are significantly worse (q < alpha, Benjamini–Hochberg over
 *   every tested slice metric of the run) or that a failing gate names, first, by q; then the other slices that got
 *   worse in the lead metric (the first headline metric: accuracy for classification), largest drop first. One row
 *   per slice; only the lead metric fills the rest of the table, so the drops it is sorted by are on one scale. Cut
 *   to `max` rows, with a line saying how many more.
 * - Slices below `--min-slice`, in one line: listed, never tested.
 * - A Simpson's-paradox note per field when the overall change of the lead metric and most of that field's tested
 *   slices go opposite ways (better overall, worse in most slices, or the reverse).
 *
 * Every slice (`field=value`, from the user's file) is a code span (dataSpan). Cost: O(slices × metrics · log).
 */
import { formatInterval, formatP, formatValue, formatValueInterval } from '../report/format.js'
import type { MetricReport, Report, SliceMetricReport, SliceReport } from '../report/schema.js'
import { dataSpan } from './escape.js'
import { level, metricName, shownDelta, values, word } from './displayNames.js'
import { table } from './table.js'
import { pText } from './verdict.js'

/** One slice's row: the metric it is shown by. */
interface Row {
  field: string
  value: string
  slice: SliceReport
  metric: string
  m: SliceMetricReport
  /** q < alpha and worse. */
  significant: boolean
  /** Named by a failing gate. */
  gated: boolean
  /** How much worse, in the metric's own unit (positive = worse). */
  drop: number
  /** The slice's other flagged metrics. */
  also: string[]
}

/** The order the headline metrics lead in (as in the metrics table). */
const LEAD_ORDER = ['accuracy', 'f1', 'precision', 'recall', 'specificity', 'roc_auc', 'log_loss']

/** `language=de`, as one code span. */
export const sliceName = (field: string, value: string): string => dataSpan(`${field}=${value}`, 60)

/** The metric the slices are compared on when nothing is significant: the first headline metric every slice has. */
export function leadMetric(report: Report): string | null {
  const names = new Set<string>()
  for (const slices of Object.values(report.slices ?? {})) for (const s of Object.values(slices)) if (s.tested) for (const n of Object.keys(s.metrics)) names.add(n)
  return [...LEAD_ORDER, ...Object.keys(report.metrics)].find((n) => names.has(n)) ?? [...names][0] ?? null
}

/** Candidate − baseline turned so that positive is worse, or null without a change to compare. */
function dropOf(m: MetricReport): number | null {
  if (m.delta === null || m.baseline === null || m.candidate === null) return null
  return m.direction === 'higher' ? -m.delta : m.delta
}

/**
 * The slices a failing gate names (GateResult.slice): `METRIC@F=VALUE …` its one slice, `METRIC no-regression by F`
 * the slices listed as failing. Keys are `metric\u0000field\u0000value`.
 */
function gatedSlices(report: Report): Set<string> {
  const keys = new Set<string>()
  for (const g of report.gates) {
    if (g.status !== 'fail' || !g.slice) continue
    const values = g.slice.value !== undefined ? [g.slice.value] : (g.slice.failing ?? [])
    for (const value of values) keys.add(`${g.metric}\u0000${g.slice.field}\u0000${value}`)
  }
  return keys
}

/**
 * One row per slice that got worse: a slice with flagged metrics (significant or gated) shows the lead metric when
 * it is flagged, else its flagged metric with the smallest q, and names the other flagged ones; any other slice
 * shows the lead metric when it got worse as shown. Flagged slices first by q, then by the lead metric's drop.
 */
function rowsOf(report: Report, lead: string | null): Row[] {
  const alpha = report.settings.alpha
  const gated = gatedSlices(report)
  const rows: Row[] = []
  for (const [field, slices] of Object.entries(report.slices ?? {})) {
    for (const [value, slice] of Object.entries(slices)) {
      if (!slice.tested) continue
      const flagged: Row[] = []
      let plain: Row | null = null
      for (const [metric, m] of Object.entries(slice.metrics)) {
        const drop = dropOf(m)
        if (drop === null) continue
        const isGated = gated.has(`${metric}\u0000${field}\u0000${value}`)
        const significant = drop > 0 && m.qValue !== null && m.qValue < alpha
        const row: Row = { field, value, slice, metric, m, significant, gated: isGated, drop, also: [] }
        if (isGated || significant) flagged.push(row)
        else if (metric === lead && drop > 0 && word(metric, m) === 'worse') plain = row
      }
      if (flagged.length > 0) {
        flagged.sort((a, b) => Number(b.metric === lead) - Number(a.metric === lead) || Number(b.gated) - Number(a.gated) || (a.m.qValue ?? 1) - (b.m.qValue ?? 1))
        rows.push({ ...flagged[0], also: flagged.slice(1).map((r) => r.metric) })
      } else if (plain) rows.push(plain)
    }
  }
  const flagged = (r: Row): boolean => r.gated || r.significant
  const byName = (a: Row, b: Row): number => (a.field < b.field ? -1 : a.field > b.field ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
  return rows.sort((a, b) => {
    if (flagged(a) !== flagged(b)) return flagged(a) ? -1 : 1
    if (flagged(a)) return Number(b.gated) - Number(a.gated) || (a.m.qValue ?? 1) - (b.m.qValue ?? 1) || b.drop - a.drop || byName(a, b)
    return b.drop - a.drop || byName(a, b)
  })
}

const count = (n: number): string => n.toLocaleString('en-US')

/** The row of one slice metric: slice, metric, n, baseline → candidate, Δ, CI of Δ, q. */
function cells(r: Row): string[] {
  const q = formatP(r.m.qValue)
  return [
    (r.gated ? '❌&nbsp;' : '') + sliceName(r.field, r.value),
    metricName(r.metric) + (r.also.length > 0 ? ` (also ${r.also.map(metricName).join(', ')})` : ''),
    count(r.slice.counts.paired),
    values(r.metric, r.m),
    shownDelta(r.metric, r.m),
    formatInterval(r.metric, r.m.ci),
    r.significant ? `**${q}**` : q
  ]
}

/** `Not tested (fewer than 30 paired examples): `language=ko` (20), …` — every slice below --min-slice. */
function untestedLine(report: Report): string {
  const small: string[] = []
  for (const [field, slices] of Object.entries(report.slices ?? {})) {
    for (const [value, s] of Object.entries(slices)) if (!s.tested) small.push(`${sliceName(field, value)} (${count(s.counts.paired)})`)
  }
  if (small.length === 0) return ''
  const minSlice = report.settings.slices?.minSlice
  const examples = report.counts.baseline === null ? 'examples' : 'paired examples'
  const why = typeof minSlice === 'number' ? `fewer than ${count(minSlice)} ${examples}` : `too few ${examples}`
  const shown = small.slice(0, 20).join(', ') + (small.length > 20 ? `, and ${count(small.length - 20)} more` : '')
  return `Not tested (${why}): ${shown}.`
}

/**
 * Per field: the lead metric is better overall but worse in most tested slices, or the reverse. Needs at least two
 * tested slices with a change.
 */
function simpsonNotes(report: Report, lead: string | null): string[] {
  if (lead === null) return []
  const overall = report.metrics[lead]
  if (!overall) return []
  const overallWord = word(lead, overall)
  if (overallWord !== 'better' && overallWord !== 'worse') return []
  const notes: string[] = []
  for (const [field, slices] of Object.entries(report.slices ?? {})) {
    const tested = Object.values(slices).filter((s) => s.tested && s.metrics[lead] && dropOf(s.metrics[lead]) !== null)
    if (tested.length < 2) continue
    const opposite = tested.filter((s) => word(lead, s.metrics[lead]) === (overallWord === 'better' ? 'worse' : 'better')).length
    if (2 * opposite <= tested.length) continue
    const other = overallWord === 'better' ? 'worse' : 'better'
    notes.push(
      `> ⚠️ ${metricName(lead)} is ${overallWord} overall (${values(lead, overall)}) but ${other} in ${opposite} of the ${tested.length} tested ${dataSpan(field, 40)} slices: ` +
        `a few slices carry the overall change and hide the others (Simpson's paradox). Look at the slices before trusting it.`
    )
  }
  return notes
}

/**
 * For the first screen: the slices that are significantly worse but that no failing gate names (those the verdict
 * already shows), so a pass on average does not hide them below the fold. Empty when there are none.
 *
 * @example sliceAlert(report) // '> ⚠️ Significantly worse on 1 slice: `language=de` accuracy 81.6% → 74.8% (−6.8 pts, q = 0.0003). See "Slices that got worse" below.'
 */
export function sliceAlert(report: Report): string {
  if (!report.slices || report.counts.baseline === null) return ''
  const hidden = rowsOf(report, leadMetric(report)).filter((r) => r.significant && !r.gated)
  if (hidden.length === 0) return ''
  const shown = hidden
    .slice(0, 3)
    .map((r) => `${sliceName(r.field, r.value)} ${metricName(r.metric)} ${values(r.metric, r.m)} (${shownDelta(r.metric, r.m)}, q ${pText(r.m.qValue as number)})`)
  const more = hidden.length > 3 ? `, and ${count(hidden.length - 3)} more` : ''
  return `> ⚠️ Significantly worse on ${count(hidden.length)} slice${hidden.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}. See "Slices that got worse" below.`
}

/**
 * Without a baseline nothing got worse: the tested slices by the lead metric's value, worst first, with its
 * interval, cut to `max` rows.
 */
function candidateOnly(report: Report, lead: string | null, max: number): string[] {
  const all: { field: string; value: string; slice: SliceReport; m: MetricReport }[] = []
  for (const [field, slices] of Object.entries(report.slices ?? {})) {
    for (const [value, slice] of Object.entries(slices)) {
      const m = lead === null ? undefined : slice.metrics[lead]
      if (slice.tested && m && m.candidate !== null) all.push({ field, value, slice, m })
    }
  }
  if (lead === null || all.length === 0) return []
  const worse = (x: number): number => (all[0].m.direction === 'higher' ? x : -x)
  all.sort((a, b) => worse(a.m.candidate as number) - worse(b.m.candidate as number) || (a.field < b.field ? -1 : a.field > b.field ? 1 : a.value < b.value ? -1 : 1))
  const shown = all.slice(0, max)
  const out = [
    table(
      ['Slice', 'n', metricName(lead), `${level(report)} CI`],
      shown.map((r) => [sliceName(r.field, r.value), count(r.slice.counts.paired), formatValue(lead, r.m.candidate), formatValueInterval(lead, r.m.candidateCi)]),
      [':---', '---:', '---:', '---:']
    )
  ]
  if (all.length > max) out.push(`… and ${count(all.length - max)} more slices; the JSON report has all of them.`)
  out.push(`<sub>No baseline: each slice's ${metricName(lead)} alone, the lowest-scoring first.</sub>`)
  return out
}

/** The slices section; empty when the report has no slices. `max`: rows of the table before the cut. */
export function slicesSection(report: Report, max: number): string {
  const fields = Object.keys(report.slices ?? {})
  if (fields.length === 0) return ''
  const lead = leadMetric(report)
  if (report.counts.baseline === null) {
    const tested = fields.reduce((n, f) => n + Object.values(report.slices![f]).filter((s) => s.tested).length, 0)
    const untested = untestedLine(report)
    return ['#### Slices', `${count(tested)} tested slice${tested === 1 ? '' : 's'} of ${fields.map((f) => dataSpan(f, 40)).join(', ')}.`, ...candidateOnly(report, lead, max), ...(untested ? [untested] : [])].join('\n\n')
  }
  const rows = rowsOf(report, lead)
  const tested = fields.reduce((n, f) => n + Object.values(report.slices![f]).filter((s) => s.tested).length, 0)
  const significant = rows.filter((r) => r.significant || r.gated).length
  const fieldNames = fields.map((f) => dataSpan(f, 40)).join(', ')
  const scope =
    `${count(tested)} tested slice${tested === 1 ? '' : 's'} of ${fieldNames}` +
    (significant > 0 ? `; ${count(significant)} significantly worse (q < ${report.settings.alpha}${rows.some((r) => r.gated) ? ' or named by a failing gate' : ''})` : '; none significantly worse') +
    '.'
  const parts: string[] = [rows.length === 0 ? '#### Slices' : '#### Slices that got worse', scope, ...simpsonNotes(report, lead)]
  if (rows.length === 0) {
    parts.push(`No tested slice got worse${lead ? ` in ${metricName(lead)}` : ''}.`)
  } else {
    const shown = rows.slice(0, max)
    const header = ['Slice', 'Metric', 'n', 'Baseline → candidate', 'Δ', `${level(report)} CI of Δ`, 'q']
    parts.push(table(header, shown.map(cells), [':---', ':---', '---:', '---:', '---:', '---:', '---:']))
    const more = rows.length - shown.length
    if (more > 0) parts.push(`… and ${count(more)} more slice${more === 1 ? '' : 's'} that got worse; the JSON report has all of them.`)
    parts.push(
      `<sub>n: paired examples in the slice. Δ: candidate − baseline, of the values shown. q: two-sided p-value, ` +
        `Benjamini–Hochberg-adjusted over every tested slice metric of the run; bold when q < α = ${report.settings.alpha}. ` +
        `Significant slices first (with their other significantly worse metrics), then the other slices whose ${lead ? metricName(lead) : 'metric'} got worse, most first.</sub>`
    )
  }
  const untested = untestedLine(report)
  if (untested) parts.push(untested)
  return parts.join('\n\n')
}
