/**
 * The one renderer: the Markdown report for the pull-request comment, the job summary and the CLI.
 *
 * Order: the verdict (failing rules named), the gates, the headline metrics (the rest folded), where the models
 * disagree, per class (table and chart), both confusion matrices, warnings, and a footer with everything needed
 * to reproduce the numbers. Every user-supplied text is escaped (src/render/escape.ts). The comment stays under
 * 60,000 characters: with many classes the per-class sections are cut to the classes that changed most, and
 * what was cut is said.
 */
import { formatDelta, formatInterval, formatP, formatValue, formatValueInterval } from '../format.js'
import { parsePerClass } from '../metrics/names.js'
import type { MetricReport, Report } from '../types.js'
import { mermaidText, shown } from './escape.js'

/** Where the Markdown goes: the PR comment is capped at 60,000 characters, the job summary at 1 MiB. */
export type RenderTarget = 'comment' | 'summary' | 'cli'

export const LIMITS: Record<RenderTarget, number> = { comment: 60_000, summary: 1_000_000, cli: 1_000_000 }

/** Classes shown per class and in the chart before cutting, and in confusion matrices. */
const MAX_CLASSES: Record<RenderTarget, number> = { comment: 25, summary: 200, cli: 200 }
const MAX_MATRIX: Record<RenderTarget, number> = { comment: 10, summary: 30, cli: 30 }

const HEADLINE = ['accuracy', 'precision', 'recall', 'f1', 'specificity', 'roc_auc', 'log_loss']

export function renderMarkdown(report: Report, target: RenderTarget = 'cli'): string {
  const sections = [
    verdict(report),
    gatesTable(report),
    metricsTables(report),
    disagreement(report),
    perClass(report, MAX_CLASSES[target]),
    matrices(report, MAX_MATRIX[target]),
    warnings(report),
    footer(report)
  ].filter((s) => s.length > 0)
  let text = sections.join('\n\n') + '\n'
  const limit = LIMITS[target]
  if (text.length > limit) {
    // Last resort: drop whole sections from the bottom up (keeping the footer), then say so.
    const keep = [...sections]
    const foot = keep.pop() as string
    const note = '\n\n> ✂️ The report was cut to fit the comment; the job summary and the JSON report have all of it.'
    while (keep.length > 1 && keep.join('\n\n').length + foot.length + note.length + 4 > limit) keep.pop()
    text = keep.join('\n\n') + note + '\n\n' + foot + '\n'
    if (text.length > limit) text = text.slice(0, limit - note.length - 1) + note + '\n'
  }
  return text
}

function verdict(report: Report): string {
  const failed = report.gates.filter((g) => g.status === 'fail')
  const skipped = report.gates.filter((g) => g.status === 'skip').length
  const passed = report.gates.length - failed.length - skipped
  const counts = `${passed} passed${failed.length ? `, ${failed.length} failed` : ''}${skipped ? `, ${skipped} skipped` : ''}`
  if (failed.length > 0) {
    return `### ❌ Eval Gate: failed — ${failed.map((g) => `**${shown(g.rule, 80)}**`).join(', ')}\n\n${scope(report)} Gates: ${counts}.`
  }
  return `### ✅ Eval Gate: passed\n\n${scope(report)} Gates: ${counts}.`
}

function scope(report: Report): string {
  const c = report.counts
  const task = report.task === 'binary' ? `binary, positive class **${shown(report.positiveLabel ?? '')}**` : `multiclass, ${report.labels.length} classes`
  if (c.paired === null) return `Candidate only (no baseline): ${c.candidate.toLocaleString('en-US')} examples, ${task}.`
  return `Candidate vs baseline on ${c.paired.toLocaleString('en-US')} paired examples, ${task}.`
}

function table(header: string[], rows: string[][], align?: string[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(align ?? header.map(() => '---')), ...rows.map(line)].join('\n')
}

const STATUS = { pass: '✅ pass', fail: '❌ fail', skip: '⏭️ skip' } as const

function gatesTable(report: Report): string {
  if (report.gates.length === 0) return ''
  return (
    '#### Gates\n\n' +
    table(
      ['Rule', 'Result', 'Why'],
      report.gates.map((g) => [shown(g.rule, 80), STATUS[g.status], shown(g.detail, 400)])
    )
  )
}

function metricRow(name: string, m: MetricReport, hasBaseline: boolean): string[] {
  const label = shown(name, 80)
  if (!hasBaseline) return [label, formatValue(name, m.candidate), formatValueInterval(name, m.candidateCi)]
  const arrow = m.delta === null || m.delta === 0 ? '' : (m.delta > 0) === (m.direction === 'higher') ? ' ▲' : ' ▼'
  return [label, formatValue(name, m.baseline), formatValue(name, m.candidate), formatDelta(name, m.delta) + arrow, formatInterval(name, m.ci), formatP(m.pValue)]
}

function metricsTables(report: Report): string {
  const hasBaseline = report.counts.baseline !== null
  const names = Object.keys(report.metrics).filter((n) => parsePerClass(n) === null)
  const headline = HEADLINE.filter((n) => names.includes(n))
  const rest = names.filter((n) => !headline.includes(n))
  const header = hasBaseline ? ['Metric', 'Baseline', 'Candidate', 'Δ', `${level(report)} CI of Δ`, 'p'] : ['Metric', 'Candidate', `${level(report)} CI`]
  const align = hasBaseline ? [':---', '---:', '---:', '---:', '---:', '---:'] : [':---', '---:', '---:']
  const rows = (list: string[]) => list.map((n) => metricRow(n, report.metrics[n], hasBaseline))
  let text = '#### Metrics\n\n' + table(header, rows(headline), align)
  if (rest.length > 0) {
    text += `\n\n<details><summary>All ${rest.length} other metrics</summary>\n\n${table(header, rows(rest), align)}\n\n</details>`
  }
  return text
}

const level = (report: Report): string => `${Math.round((1 - report.settings.alpha) * 1000) / 10}%`

function disagreement(report: Report): string {
  const d = report.disagreement
  if (!d || report.counts.paired === null) return ''
  const total = d.rightToWrong + d.wrongToRight + d.bothWrongDiffer
  let text =
    `#### Where the models disagree\n\n` +
    `They disagree on **${total.toLocaleString('en-US')}** of ${report.counts.paired.toLocaleString('en-US')} examples: ` +
    `**${d.rightToWrong.toLocaleString('en-US')}** went right → wrong, **${d.wrongToRight.toLocaleString('en-US')}** wrong → right` +
    (d.bothWrongDiffer ? `, ${d.bothWrongDiffer.toLocaleString('en-US')} wrong either way.` : '.')
  if (d.firstRegressions.length > 0) {
    text += `\n\nFirst right → wrong: ${d.firstRegressions.map((id) => shown(id, 40)).join(', ')}${d.rightToWrong > d.firstRegressions.length ? ', …' : ''}`
  }
  if (d.firstImprovements.length > 0) {
    text += `\n\nFirst wrong → right: ${d.firstImprovements.map((id) => shown(id, 40)).join(', ')}${d.wrongToRight > d.firstImprovements.length ? ', …' : ''}`
  }
  return text
}

interface ClassRow {
  label: string
  get: (metric: string) => MetricReport | undefined
  change: number
}

function perClass(report: Report, max: number): string {
  const hasBaseline = report.counts.baseline !== null
  const rows: ClassRow[] = report.labels.map((label) => {
    const get = (metric: string) => report.metrics[`${metric}[${label}]`]
    return { label, get, change: Math.abs(get('f1')?.delta ?? 0) }
  })
  let shownRows = rows
  let cut = ''
  if (rows.length > max) {
    shownRows = [...rows].sort((a, b) => b.change - a.change || (a.label < b.label ? -1 : 1)).slice(0, max)
    const keep = new Set(shownRows.map((r) => r.label))
    shownRows = rows.filter((r) => keep.has(r.label))
    cut = `\n\n${rows.length - max} more classes are not shown here (the ${max} whose F1 changed most are); the job summary and the JSON report have all of them.`
  }
  const cell = (r: ClassRow, metric: string): string => {
    const m = r.get(metric)
    if (!m) return '—'
    if (!hasBaseline) return formatValue(metric, m.candidate)
    return `${formatValue(metric, m.baseline)} → ${formatValue(metric, m.candidate)} (${formatDelta(metric, m.delta)})`
  }
  const body = table(
    ['Class', 'Support', 'Precision', 'Recall', 'F1'],
    shownRows.map((r) => [shown(r.label), formatValue('support[]', r.get('support')?.candidate ?? null), cell(r, 'precision'), cell(r, 'recall'), cell(r, 'f1')]),
    [':---', '---:', '---:', '---:', '---:']
  )
  return `#### Per class\n\n${body}${cut}\n\n${chart(shownRows, hasBaseline)}`
}

/** A Mermaid bar chart of per-class F1: one bar per model and class, baseline then candidate. */
function chart(rows: ClassRow[], hasBaseline: boolean): string {
  const names: string[] = []
  const values: string[] = []
  for (const r of rows) {
    const f1 = r.get('f1')
    if (!f1) continue
    if (hasBaseline) {
      names.push(`"${mermaidText(r.label)} (base)"`)
      values.push(((f1.baseline ?? 0) as number).toFixed(4))
    }
    names.push(`"${mermaidText(r.label)}${hasBaseline ? ' (cand)' : ''}"`)
    values.push(((f1.candidate ?? 0) as number).toFixed(4))
  }
  if (names.length === 0) return ''
  return [
    '```mermaid',
    'xychart-beta',
    `    title "F1 per class${hasBaseline ? ', baseline vs candidate' : ''}"`,
    `    x-axis [${names.join(', ')}]`,
    '    y-axis "F1" 0 --> 1',
    `    bar [${values.join(', ')}]`,
    '```'
  ].join('\n')
}

function matrices(report: Report, max: number): string {
  const { labels, candidate, baseline } = report.confusionMatrix
  if (labels.length > max) {
    return `#### Confusion matrices\n\nNot shown for ${labels.length} classes (more than ${max}); they are in the JSON report (\`confusionMatrix\`).`
  }
  const heads = labels.map((l) => shown(l, 24))
  const header = ['True ↓ · predicted →']
  const align = [':---']
  if (baseline) {
    header.push(...heads.map((h) => `base: ${h}`), '‖')
    align.push(...heads.map(() => '---:'), ':---:')
  }
  header.push(...heads.map((h) => (baseline ? `cand: ${h}` : h)))
  align.push(...heads.map(() => '---:'))
  const rows = labels.map((_, t) => {
    const row = [`**${heads[t]}**`]
    if (baseline) row.push(...baseline[t].map((x) => x.toLocaleString('en-US')), '‖')
    row.push(...candidate[t].map((x) => x.toLocaleString('en-US')))
    return row
  })
  return `#### Confusion matrices${baseline ? ' (baseline ‖ candidate)' : ''}\n\n${table(header, rows, align)}`
}

function warnings(report: Report): string {
  if (report.warnings.length === 0) return ''
  return '#### Warnings\n\n' + report.warnings.map((w) => `- ⚠️ ${shown(w, 2000)}`).join('\n')
}


function footer(report: Report): string {
  const s = report.settings
  const files = `candidate \`${s.candidate.replace(/`/g, "'")}\`${s.baseline ? `, baseline \`${s.baseline.replace(/`/g, "'")}\`` : ''}`
  const methods =
    report.counts.baseline === null
      ? 'intervals: Wilson for proportions, bootstrap percentile otherwise'
      : 'p-values: exact McNemar (accuracy; recall and specificity on their class), DeLong (roc_auc), paired t (log_loss, brier), ' +
        'paired approximate randomization (the rest); Δ intervals: paired bootstrap percentile; candidate intervals: Wilson for proportions'
  return `<sub>Eval Gate ${s.version} · ${files} · seed ${s.seed} · ${s.resamples.toLocaleString('en-US')} resamples · α = ${s.alpha} · ${methods}</sub>`
}
