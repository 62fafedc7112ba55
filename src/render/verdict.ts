/**
 * The first screen: the verdict, one line of decisive numbers per failing (or inconclusive) gate — or, when every
 * gate passes, the gate closest to failing — the scope, and the warnings that could change the verdict.
 */
import { formatDelta, formatP, formatShownDelta } from '../report/format.js'
import type { GateResult, Report } from '../report/schema.js'
import { verdictChanging } from '../report/verdictChanging.js'
import { dataSpan, proseText } from './escape.js'
import { change, gateMetric, level, TEST_NAMES } from './displayNames.js'
import { trainGapOf, trainGapReason } from './overfittingSection.js'
import { searchedDetail, searchedShort } from './noBaseline.js'

/** A gate's status as text (docs/repeats-and-clusters.md adds `inconclusive`). */
const statusOf = (g: GateResult): string => g.status

/** Order of gate results everywhere: what blocks the merge first. */
export const STATUS_ORDER: Record<string, number> = { fail: 0, inconclusive: 1, pass: 2, skip: 3 }

/** A gate's place in {@link STATUS_ORDER}; a pass with a material drop (docs/gates.md) comes before the other passes. */
const rank = (g: GateResult): number => (g.status === 'pass' && g.materialDrop ? 1.5 : (STATUS_ORDER[g.status] ?? 9))

export const sortedGates = (report: Report): GateResult[] =>
  report.gates.map((g, i) => ({ g, i })).sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i).map((x) => x.g)

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

/**
 * What would settle an inconclusive gate, in words, and which way it leans (docs/gates.md): ` — the estimate is
 * already within the margin: about 4,800 paired examples would show it non-inferior if the change stays as it is`.
 */
export function settleNote(g: GateResult): string {
  if (g.status !== 'inconclusive') return ''
  if (typeof g.examplesNeeded !== 'number') return ' — the change sits on the margin'
  const about = `about ${roundUp2(g.examplesNeeded).toLocaleString('en-US')} paired examples`
  if (g.leaning === 'within') return ` — the estimate is already within the margin: ${about} would show it non-inferior if the change stays as it is`
  if (g.leaning === 'beyond') return ` — the estimate is already beyond the margin: ${about} would show it inferior if the change stays as it is`
  return ` — ${about} would settle it if the change stays as it is`
}

/** An effect's size in the metric's unit, without a sign: `12.0 pts`, `0.0450`. */
export const magnitude = (metric: string, x: number): string => formatDelta(metric, Math.abs(x)).replace(/^\+/, '')

/**
 * A passing gate's material drop in words (docs/gates.md): `recall fell 8.3 pts; this test set cannot tell a drop
 * under 12.0 pts from noise`.
 */
export function dropText(g: GateResult, report: Report): string {
  const d = g.materialDrop
  if (!d) return ''
  const { m, label } = gateMetric(report, g)
  const shown = m ? formatShownDelta(g.metric, m.baseline, m.candidate) : formatDelta(g.metric, d.change)
  const size = shown.replace(/^[+−]/, '')
  const lower = m?.direction === 'lower'
  if (d.mde === null || !Number.isFinite(d.mde)) return `${label} ${lower ? 'rose' : 'fell'} ${size}; this test set's power to see it is unknown`
  return `${label} ${lower ? 'rose' : 'fell'} ${size}; this test set cannot tell a ${lower ? 'rise' : 'drop'} under ${magnitude(g.metric, d.mde)} from noise`
}

/**
 * After a drop's numbers (docs/gates.md): ` — not significant: 12.0 pts is the smallest drop its exact McNemar test
 * detects with 80% power at α = 0.05`; with several drops (the title names none), the change in words first. An
 * MDE from the interval (a test without a closed-form power) is "about" the smallest.
 */
function dropEvidence(g: GateResult, report: Report, named: boolean): string {
  const d = g.materialDrop
  if (!d) return ''
  const { m } = gateMetric(report, g)
  const lower = m?.direction === 'lower'
  const test = TEST_NAMES[d.mdeFrom]
  const lead = named ? ` — ${lower ? 'rose' : 'fell'} ${formatShownDelta(g.metric, m?.baseline ?? null, m?.candidate ?? null).replace(/^[+−]/, '')}:` : ' — not significant:'
  if (d.mde === null || !Number.isFinite(d.mde)) return `${lead} this test set's power to see it is unknown`
  const smallest = `${test ? '' : 'about '}the smallest ${lower ? 'rise' : 'drop'} ${test ? `its ${test} test` : 'a test of this interval\'s width'} detects`
  return `${lead} ${magnitude(g.metric, d.mde)} is ${smallest} with 80% power at α = ${report.settings.alpha}`
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
  if (report.verdict === 'no-baseline') {
    // docs/report.md: nothing compared is not a pass; the title says what was searched, the line under it why
    // nothing qualified and what creates a baseline. No absolute rule failed (that verdict is `fail`).
    const passedCount = gates.filter((g) => g.status === 'pass').length
    const unjudged = gates.length - passedCount
    const parts = [
      passedCount ? `${passedCount} absolute gate${passedCount === 1 ? '' : 's'} passed` : '',
      unjudged ? `${unjudged} ${report.passed ? 'skipped' : 'failed for want of a baseline'}` : ''
    ].filter((x) => x)
    const fails = report.passed ? '' : ' (missing-baseline: fail)'
    lines.push(`### ${report.passed ? '⏸️' : '❌'} Eval Gate: no baseline${fails} — ${searchedShort(report)}${parts.length ? `; ${parts.join(', ')}` : ''}`)
    lines.push(searchedDetail(report))
  } else if (!report.passed || blocking.length > 0) {
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
    // An absolute rule failed without a baseline: what was searched, as above.
    if (report.verdict === 'fail' && report.counts.baseline === null) lines.push(searchedDetail(report))
  } else {
    const drops = gates.filter((g) => g.status === 'pass' && g.materialDrop)
    // docs/gates.md: a material drop the test set cannot judge is never a bare ✅.
    const dropTitle = drops.length === 1 ? `, but ${dropText(drops[0], report)}` : drops.length > 1 ? `, but ${drops.length} drops this test set cannot judge` : ''
    lines.push(`### ${drops.length ? '⚠️' : '✅'} Eval Gate: passed — ${counted} of ${counted} gates${skipNote}${dropTitle}`)
    if (drops.length) lines.push(drops.slice(0, 3).map((g) => `⚠️ ${dataSpan(g.rule, 80)}: **${reason(g, report)}**${dropEvidence(g, report, drops.length > 1)}`).join('  \n') + (drops.length > 3 ? `  \n… and ${drops.length - 3} more (Gates, below)` : ''))
    const closest = closestToFailing(gates.filter((g) => g.status === 'pass' && !g.materialDrop))
    if (closest) lines.push(`Closest to failing: ${dataSpan(closest.rule, 80)}: **${reason(closest, report)}**${distanceNote(closest)}`)
  }
  lines.push(scope(report))
  const decisive = report.warnings.filter((w) => verdictChanging(w, report.passed))
  if (decisive.length > 0) lines.push(decisive.map((w) => `> ⚠️ ${proseText(w)}`).join('\n>\n'))
  return lines.join('\n\n')
}

/**
 * The passing gate nearest its threshold (docs/gates.md, "Closest to failing"): the smallest `distance` (standard
 * errors from failing, one scale for tests, bounds and thresholds); a report without distances (made before them)
 * the smallest p, else the first gate with a comparison.
 */
export function closestToFailing(gates: GateResult[]): GateResult | undefined {
  const measured = gates.filter((g) => typeof g.distance === 'number' && Number.isFinite(g.distance))
  if (measured.length > 0) return measured.reduce((a, b) => ((b.distance as number) < (a.distance as number) ? b : a))
  if (gates.some((g) => g.distance !== undefined)) return gates.find((g) => g.observed !== null) ?? gates[0]
  const tested = gates.filter((g) => g.pValue !== null).sort((a, b) => (a.pValue as number) - (b.pValue as number))
  return tested[0] ?? gates.find((g) => g.observed !== null) ?? gates[0]
}

/** ` — 1.1 standard errors from failing` (docs/gates.md), or nothing without a distance. */
function distanceNote(g: GateResult): string {
  if (typeof g.distance !== 'number' || !Number.isFinite(g.distance)) return ''
  const d = Math.max(0, g.distance)
  // Beyond 5 the number only says how extreme p is (p = 1.00 is held at 1 − 10⁻¹²).
  if (d > 5) return ' — more than 5 standard errors from failing'
  return ` — ${d.toFixed(1)} standard error${d.toFixed(1) === '1.0' ? '' : 's'} from failing`
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

