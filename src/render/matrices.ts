/**
 * Confusion matrices that fit a 900 px column: with a baseline, one Δ matrix (candidate − baseline), then the two
 * matrices stacked, each K + 1 columns wide; all folded. Rows are true labels, columns predicted labels.
 */
import type { Report } from '../report/schema.js'
import { dataSpan } from './escape.js'
import { folded, table } from './table.js'

const count = (x: number): string => x.toLocaleString('en-US')
const signed = (x: number): string => (x === 0 ? '·' : (x > 0 ? '+' : '−') + count(Math.abs(x)))

export function matricesSection(report: Report, max: number): string {
  if (!report.confusionMatrix) return ''
  const { labels, candidate, baseline } = report.confusionMatrix
  if (labels.length > max || !candidate) {
    return `<sub>Confusion matrices are not shown for ${labels.length} classes (more than ${max}); they are in the JSON report (confusionMatrix).</sub>`
  }
  const names = labels.map((l) => dataSpan(l, 24))
  // Labels as column heads while they fit the column (code spans do not wrap); else columns are numbered and each
  // row names its label with its number.
  const wide = labels.reduce((sum, l) => sum + Math.min([...l].length, 24) + 2, 0) > 60
  const heads = wide ? labels.map((_, i) => String(i + 1)) : names
  const rowHeads = wide ? names.map((n, i) => `${i + 1} ${n}`) : names
  const align = [':---', ...labels.map(() => '---:')]
  const one = (cm: number[][], fmt: (x: number, t: number, p: number) => string): string =>
    table([wide ? 'true ↓ predicted → (numbered)' : 'true ↓ predicted →', ...heads], cm.map((row, t) => [rowHeads[t], ...row.map((x, p) => fmt(x, t, p))]), align)
  if (!baseline) return folded('Confusion matrix', one(candidate, (x, t, p) => (t === p ? `**${count(x)}**` : count(x))))
  const delta = candidate.map((row, t) => row.map((x, p) => x - baseline[t][p]))
  const body = [
    `**Δ = candidate − baseline** (more on the diagonal is better)\n\n${one(delta, (x, t, p) => (t === p ? `**${signed(x)}**` : signed(x)))}`,
    `**Baseline**\n\n${one(baseline, (x, t, p) => (t === p ? `**${count(x)}**` : count(x)))}`,
    `**Candidate**\n\n${one(candidate, (x, t, p) => (t === p ? `**${count(x)}**` : count(x)))}`
  ].join('\n\n')
  return folded('Confusion matrices (Δ, baseline, candidate)', body)
}
