/**
 * The first screen: the verdict, one line of decisive numbers per failing (or inconclusive) gate — or, when every
 * gate passes, the gate closest to failing — the scope, and the warnings that could change the verdict.
 */
import { formatDelta, formatP } from '../report/format.js'
import type { GateResult, Report } from '../report/schema.js'
import { verdictChanging } from '../report/verdictChanging.js'
import { dataSpan, proseText } from './escape.js'
import { change, gateMetric, level } from './displayNames.js'
import { trainGapOf, trainGapReason } from './overfittingSection.js'

/** A gate's status as text (docs/repeats-and-clusters.md adds `inconclusive`). */
const statusOf = (g: GateResult): string => g.status

/** Order of gate results everywhere: what blocks the merge first. */
export const STATUS_ORDER: Record<string, number> = { fail: 0, inconclusive: 1, pass: 2, skip: 3 }

export const sortedGates = (report: Report): GateResult[] =>
  report.gates.map((g, i) => ({ g, i })).sort((a, b) => (STATUS_ORDER[a.g.status] ?? 9) - (STATUS_ORDER[b.g.status] ?? 9) || a.i - b.i).map((x) => x.g)

const ADJUSTMENTS = new Set(['Holm', 'Westfall–Young', 'Westfall–Young max-T'])

/** A gate's adjustment as the comment names it: one of the three the gates use, else Holm (a report's text never reaches the comment). */
export const adjustmentName = (gate: GateResult | undefined): string => (gate?.adjustment !== undefined && ADJUSTMENTS.has(gate.adjustment) ? gate.adjustment : 'Holm')

/** The numbers behind one gate's result, in words: `recall 92.5% → 80.6% (−11.9 pts, 95% CI …, one-sided p < 0.0001 after Holm)`. */
export function reason(gate: GateResult, report: Report): string {
  const gap = trainGapOf(gate, report)
  if (gap && gap.gap !== null) return trainGapReason(gate, gap, report)
  const { m, label } = gateMetric(report, gate)
  if (gate.status === 'skip' || !m || (m.candidate === null && m.baseline === null)) return proseText(gate.detail, 300)
  let evidence = ''
  if (gate.pValue !== null) evidence = `, one-sided p ${pText(gate.pValue)} after ${adjustmentName(gate)}`
  else if (gate.bound !== null) evidence = `, one-sided ${level(report)} bound ${formatDelta(gate.metric, gate.bound)}`
  const more = (gate.slice?.failing?.length ?? 0) > 1 ? `; ${gate.slice!.failing!.length} slices of ${dataSpan(gate.slice!.field, 40)} failed` : ''
  return `${change(gate.metric, m, report, label)}${evidence}${more})`.replace(/ \(\)$/, '')
}

/** What would settle an inconclusive gate, in words: ` — about 4,800 paired examples would settle it`. */
export function settleNote(g: GateResult): string {
  if (g.status !== 'inconclusive') return ''
  if (typeof g.examplesNeeded !== 'number') return ' — the change sits on the margin'
  return ` — about ${roundUp2(g.examplesNeeded).toLocaleString('en-US')} paired examples would settle it if the change stays as it is`
}

/** Rounded up to two significant figures (4,763 → 4,800), as the gate's detail says it. */
export const roundUp2 = (x: number): number => {
  if (!(x >= 100)) return x
  const step = 10 ** (Math.floor(Math.log10(x)) - 1)
  return Math.ceil(x / step) * step
}

export const pText = (p: number): string => {
  const t = formatP(p)
  return t.startsWith('<') ? t : `= ${t}`
}

export function verdict(report: Report): string {
  const gates = sortedGates(report)
  const blocking = gates.filter((g) => statusOf(g) === 'fail' || statusOf(g) === 'inconclusive')
  const counted = gates.filter((g) => g.status !== 'skip').length
  const skipped = gates.length - counted
  const skipNote = skipped ? `, ${skipped} skipped` : ''
  const lines: string[] = []
  if (!report.passed || blocking.length > 0) {
    const failed = blocking.filter((g) => statusOf(g) === 'fail').length
    const title = failed > 0 ? 'failed' : 'inconclusive'
    // docs/repeats-and-clusters.md: an inconclusive verdict counts as passing or failing as `inconclusive` says; the title says which.
    const counts = failed > 0 ? '' : report.passed ? ' (counted as passing: inconclusive: pass)' : ' (counted as failing: inconclusive: fail)'
    const what = failed > 0 ? `${blocking.length} of ${counted} gates` : `${blocking.length} of ${counted} gates unsettled`
    lines.push(`### ${failed > 0 ? '❌' : '⚠️'} Eval Gate: ${title} — ${what}${skipNote}${counts}`)
    lines.push(
      blocking
        .slice(0, 3)
        .map((g) => `${statusOf(g) === 'fail' ? '❌' : '⚠️'} ${dataSpan(g.rule, 80)}: **${reason(g, report)}**${settleNote(g)}`)
        .join('  \n') + (blocking.length > 3 ? `  \n… and ${blocking.length - 3} more (Gates, below)` : '')
    )
  } else {
    lines.push(`### ✅ Eval Gate: passed — ${counted} of ${counted} gates${skipNote}`)
    const closest = closestToFailing(gates.filter((g) => g.status === 'pass'))
    if (closest) lines.push(`Closest to failing: ${dataSpan(closest.rule, 80)}: **${reason(closest, report)}**`)
  }
  lines.push(scope(report))
  const decisive = report.warnings.filter((w) => verdictChanging(w, report.passed))
  if (decisive.length > 0) lines.push(decisive.map((w) => `> ⚠️ ${proseText(w)}`).join('\n>\n'))
  return lines.join('\n\n')
}

/** The passing gate nearest its threshold: the smallest Holm p, else the first gate with a baseline comparison. */
function closestToFailing(gates: GateResult[]): GateResult | undefined {
  const tested = gates.filter((g) => g.pValue !== null).sort((a, b) => (a.pValue as number) - (b.pValue as number))
  return tested[0] ?? gates.find((g) => g.observed !== null) ?? gates[0]
}

/** How the scope line names the tasks that have no classes. */
const TASK_WORDS: Partial<Record<Report['task'], string>> = { scores: 'per-example scores', regression: 'regression', generation: 'text generation' }

function scope(report: Report): string {
  const c = report.counts
  const task = TASK_WORDS[report.task] ?? (report.task === 'binary' ? `binary, positive class ${dataSpan(report.positiveLabel ?? '', 40)}` : `${report.labels.length} classes`)
  // docs/errors.md, errors: exclude: the examples left out are said next to the count.
  const left = c.excluded ? ` (${c.excluded.toLocaleString('en-US')} left out as errors)` : ''
  if (c.paired === null) return `No baseline: candidate alone on ${(c.candidate - (c.excluded ?? 0)).toLocaleString('en-US')} examples${left} · ${task}`
  return `${(c.paired - (c.excluded ?? 0)).toLocaleString('en-US')} paired examples${left} · ${task}`
}

