/**
 * The gates table: failing and inconclusive rules first, one short line each; the test and the adjustment named
 * once under it.
 */
import { formatDelta, formatValue } from '../report/format.js'
import type { GateResult, Report } from '../report/schema.js'
import { dataSpan, proseText } from './escape.js'
import { gateMetric, level, shownDelta, testsOf, values } from './displayNames.js'
import { trainGapObserved, trainGapOf } from './overfittingSection.js'
import { adjustmentName, magnitude, pText, roundUp2, sortedGates } from './verdict.js'
import { table } from './table.js'
import { familyText } from './referenceSection.js'

const RESULT: Record<string, string> = { fail: '❌&nbsp;**fail**', inconclusive: '⚠️&nbsp;**inconclusive**', pass: '✅&nbsp;pass', skip: '⏭️&nbsp;skip' }

export function gatesSection(report: Report): string {
  if (report.gates.length === 0) return ''
  // docs/gates.md: a pass with a material drop the test set cannot judge shows ⚠️, never a bare ✅.
  const result = (g: GateResult): string => (g.status === 'pass' && g.materialDrop ? '⚠️&nbsp;pass' : (RESULT[g.status] ?? proseText(g.status)))
  const rows = sortedGates(report).map((g) => [result(g), dataSpan(g.rule, 80), observed(g, report), evidence(g, report)])
  const noRegression = report.gates.filter((g) => g.pValue !== null)
  const notes: string[] = []
  if (noRegression.length > 0) {
    const metrics = [...new Set(noRegression.map((g) => g.metric))]
    notes.push(
      `${adjustedBy(report)} p: one-sided p-value of a change for the worse (${testsOf(metrics, report)}) ${adjustedBy(report)}-adjusted over the ` +
        `${familyWords(report, noRegression)}; a rule fails when the change is worse and p < α = ${report.settings.alpha}.`
    )
  }
  if (report.gates.some((g) => g.bound !== null)) notes.push(`Bound: one-sided ${level(report)} confidence bound of Δ on the worse side.`)
  if (report.gates.some((g) => g.status === 'pass' && g.materialDrop)) {
    notes.push(
      `⚠️ pass: the change is worse by more than the rule's tolerance (else 1 point, or 1% of the baseline's value) but not significant; ` +
        `MDE: the smallest drop the test detects with 80% power at one-sided α = ${report.settings.alpha}.`
    )
  }
  if (report.gates.some((g) => g.status === 'inconclusive')) {
    notes.push(
      `Inconclusive: the interval of Δ straddles the non-inferiority margin (neither shown within it nor shown beyond it); ` +
        `it counts as ${report.settings.inconclusive === 'pass' ? 'passing (inconclusive: pass)' : 'failing (inconclusive: fail)'}.`
    )
  }
  return `#### Gates\n\n${table(['Result', 'Rule', 'Observed', `${adjustedBy(report)} p / bound`], rows, [':---', ':---', ':---', ':---'])}${notes.length ? `\n\n<sub>${notes.join(' ')}</sub>` : ''}`
}

/** `3 no-regression rules`, or across suites (docs/suites.md) `7 no-regression hypotheses of 3 suites`. */
function familyWords(report: Report, gates: readonly GateResult[]): string {
  const f = report.settings.family
  if (f && f.suites > 1) return `${f.size} no-regression hypotheses of ${f.suites} suites`
  return familyText(gates)
}

function observed(g: GateResult, report: Report): string {
  const gap = trainGapOf(g, report)
  if (gap) return trainGapObserved(g, gap)
  const { m, where: slice } = gateMetric(report, g)
  if (!m || g.status === 'skip') return '—'
  const where = slice ? `${slice}: ` : ''
  if (m.baseline === null || m.delta === null || g.observed === m.candidate) return where + formatValue(g.metric, m.candidate)
  return `${where}${shownDelta(g.metric, m)} (${values(g.metric, m)})`
}

function evidence(g: GateResult, report: Report): string {
  if (g.status === 'skip') return proseText(g.detail, 120)
  const drop = g.status === 'pass' && g.materialDrop ? `; ${g.materialDrop.mde !== null && Number.isFinite(g.materialDrop.mde) ? `MDE ${magnitude(g.metric, g.materialDrop.mde)}` : 'MDE unknown'}` : ''
  if (g.pValue !== null) return `p ${pText(g.pValue)}${drop}`
  if (g.bound !== null) {
    const lean = g.status === 'inconclusive' && g.leaning ? `; estimate ${g.leaning} the margin` : ''
    const settle = g.status === 'inconclusive' && typeof g.examplesNeeded === 'number' ? ` (≈${roundUp2(g.examplesNeeded).toLocaleString('en-US')} examples to settle)` : ''
    return `bound ${formatDelta(g.metric, g.bound)}${lean}${settle}`
  }
  const { m } = gateMetric(report, g)
  if (m && m.candidate === null) return 'undefined on this data'
  return '—'
}

/**
 * The adjustment of the run's no-regression p-values, as the gates name it: `Westfall–Young`, `Westfall–Young
 * max-T` or `Holm`, nothing else (a published report's JSON comes from a fork's run: its text never reaches the
 * comment).
 */
export function adjustedBy(report: Report): string {
  return adjustmentName(report.gates.find((g) => g.pValue !== null))
}

