/**
 * The report of several suites (docs/suites.md) as Markdown: the verdict of all, one table with a row per suite (its
 * verdict and the line that decided it), the warnings about the suites as a whole, then each suite's own report
 * folded in `<details>`. The comment stays under its cap: when the whole is too long, each suite's report is cut to
 * its share (src/render/renderReport.ts cuts whole sections, bottom up).
 */
import type { AnyReport, Report, SuitesReport } from '../report/schema.js'
import { isSuitesReport } from '../report/schema.js'
import { withUnits } from '../report/format.js'
import { dataSpan, markdownText, proseText } from './escape.js'
import { LIMITS, renderMarkdown, type RenderTarget } from './renderReport.js'
import { folded, table } from './table.js'
import { closestToFailing, dropText, reason, settleNote, sortedGates } from './verdict.js'

/** Either report, as Markdown: the one comparison's (renderMarkdown) or the suites' (renderSuites). */
export function renderAny(report: AnyReport, target: RenderTarget = 'cli'): string {
  return isSuitesReport(report) ? renderSuites(report, target) : renderMarkdown(report, target)
}

/** A suite's verdict in words, with its mark. */
function verdictWords(r: Report): string {
  const v = r.verdict ?? (r.passed ? 'pass' : 'fail')
  if (v === 'fail') return '❌ failed'
  if (v === 'inconclusive') return `⚠️ inconclusive${r.passed ? ' (counted as passing)' : ''}`
  // docs/gates.md: nothing compared is not a pass, and a drop the test set cannot judge is never a bare ✅.
  if (v === 'no-baseline') return r.passed ? '⏸️ no baseline' : '❌ no baseline (missing-baseline: fail)'
  if (!r.passed) return '❌ failed'
  return r.gates.some((g) => g.status === 'pass' && g.materialDrop) ? '⚠️ passed, with a drop it cannot judge' : '✅ passed'
}

/** The one line that decided a suite: its first blocking gate (and how many more), else the gate closest to failing. */
function decisiveLine(r: Report, isNew: boolean): string {
  return withUnits(r.units, () => {
    const gates = sortedGates(r)
    const blocking = gates.filter((g) => g.status === 'fail' || g.status === 'inconclusive')
    if (blocking.length > 0) {
      const g = blocking[0]
      const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more)` : ''
      return `${g.status === 'fail' ? '❌' : '⚠️'} ${dataSpan(g.rule, 80)}: ${reason(g, r)}${settleNote(g)}${more}`
    }
    const examples = (r.counts.candidate - (r.counts.excluded ?? 0)).toLocaleString('en-US')
    const skipped = gates.filter((g) => g.status === 'skip').length
    if (isNew) return `no baseline counterpart: ${examples} examples compared alone${skipped ? ` (${skipped} comparative gate${skipped === 1 ? '' : 's'} skipped)` : ''}`
    const drop = gates.find((g) => g.status === 'pass' && g.materialDrop)
    if (drop) return `⚠️ ${dataSpan(drop.rule, 80)}: ${dropText(drop, r)}`
    const near = closestToFailing(gates.filter((g) => g.status === 'pass'))
    if (!near) return gates.length === 0 ? 'no gate' : `every gate skipped (${gates.length})`
    return `closest to failing: ${dataSpan(near.rule, 80)}: ${reason(near, r)}`
  })
}

/** The title line of the suites' verdict. */
function title(report: SuitesReport): string {
  const all = Object.values(report.suites)
  const n = all.length + report.missing.length
  const noun = report.settings.mode === 'combine' ? 'legs' : 'suites'
  const failed = all.filter((r) => (r.verdict ?? (r.passed ? 'pass' : 'fail')) === 'fail').length
  const unsettled = all.filter((r) => r.verdict === 'inconclusive').length
  if (report.verdict === 'fail') {
    const what = [...(failed ? [`${failed} failed`] : []), ...(report.missing.length ? [`${report.missing.length} missing`] : [])].join(', ')
    return `### ❌ Eval Gate: failed — ${failed || report.missing.length} of ${n} ${noun} ${what.replace(/^\d+ /, '')}`
  }
  if (report.verdict === 'inconclusive') {
    return `### ⚠️ Eval Gate: inconclusive — ${unsettled} of ${n} ${noun} unsettled${report.passed ? ' (counted as passing: inconclusive: pass)' : ' (counted as failing: inconclusive: fail)'}`
  }
  // docs/gates.md: what was not compared, or passed with a drop it cannot judge, is said in the title.
  if (report.verdict === 'no-baseline') return `### ⏸️ Eval Gate: no baseline — nothing compared in ${n} ${noun}`
  const alone = all.filter((r) => r.verdict === 'no-baseline').length
  const drops = all.filter((r) => r.verdict !== 'no-baseline' && r.gates.some((g) => g.status === 'pass' && g.materialDrop)).length
  const compared = n - alone
  const notes = [...(alone ? [`${alone} new, not compared`] : []), ...(drops ? [`${drops} with a drop the test set cannot judge`] : [])]
  return `### ${drops ? '⚠️' : '✅'} Eval Gate: passed — ${compared} of ${compared} ${noun} compared${notes.length ? ` (${notes.join('; ')})` : ''}`
}

/** A suite's name in our prose: plain names (src/report/validate.ts SUITE_NAME) as they are, anything else escaped. */
const plainName = (name: string): string => (/^[A-Za-z0-9._-]+$/.test(name) ? name : markdownText(name))

/** The report of several suites as Markdown (see the file's comment). */
export function renderSuites(report: SuitesReport, target: RenderTarget = 'cli'): string {
  const names = Object.keys(report.suites)
  const fresh = new Set(report.newSuites)
  const rows = [
    ...names.map((name) => {
      const r = report.suites[name]
      return [dataSpan(name, 60), fresh.has(name) ? `🆕 new · ${verdictWords(r)}` : verdictWords(r), decisiveLine(r, fresh.has(name))]
    }),
    ...report.missing.map((name) => [dataSpan(name, 60), '❌ missing', 'no report: the leg did not upload one (it failed, was skipped or cancelled), or it was refused']
    )
  ]
  const noun = report.settings.mode === 'combine' ? 'leg' : 'suite'
  const family = report.settings.family
  const familyNote =
    report.settings.mode === 'combine'
      ? 'Each leg adjusted its own no-regression rules; the legs ran apart, so they are not one family.'
      : family && family.size > 0
        ? `The no-regression rules of every suite are one family: ${family.size} hypotheses, ${markdownText(family.method)}-adjusted together.`
        : ''
  const head = [
    title(report),
    table([noun, 'verdict', 'decisive line'], rows),
    ...(familyNote ? [familyNote] : []),
    ...(report.warnings.length ? [report.warnings.map((w) => `> ⚠️ ${proseText(w)}`).join('\n>\n')] : [])
  ].join('\n\n')
  const section = (name: string, text: string): string => folded(`<b>${plainName(name)}</b> — ${verdictWords(report.suites[name])}${fresh.has(name) ? ' (new)' : ''}`, text)
  const limit = LIMITS[target]
  let parts = names.map((name) => section(name, renderMarkdown(report.suites[name], target).trimEnd()))
  const total = (): number => head.length + parts.reduce((n, p) => n + p.length + 2, 0) + 1
  if (total() > limit && names.length > 0) {
    // Each suite gets an equal share of what the head leaves (less the fold around it).
    const share = Math.max(2_000, Math.floor((limit - head.length) / names.length) - 200)
    parts = names.map((name) => section(name, renderMarkdown(report.suites[name], target, share).trimEnd()))
  }
  return [head, ...parts].join('\n\n') + '\n'
}
