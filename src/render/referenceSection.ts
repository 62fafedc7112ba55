/**
 * The reference lines (docs/reference.md): per gated metric, the change since the pinned reference, on the examples
 * paired with it — "since `v1.2.0`: recall 91.0% → 88.7% (−2.3 pts, 95% CI −3.1 to −1.5 pts)".
 */
import type { GateResult, Report } from '../report/schema.js'
import { change } from './displayNames.js'
import { dataSpan } from './escape.js'

/** How the comment names a reference: a release by its tag, a run as `run 123`, a file by its base name (never a local path, as the footer). */
export function referenceName(source: string): string {
  if (source.startsWith('release:')) return source.slice('release:'.length)
  if (source.startsWith('run:')) return `run ${source.slice('run:'.length)}`
  return baseName(source)
}

const baseName = (source: string): string => source.split(/[\\/]/).pop() ?? source
const isFile = (source: string): boolean => !source.startsWith('release:') && !source.startsWith('run:')

/**
 * The no-regression families a gates note names: `3 no-regression rules`, or with `vs reference` rules (adjusted
 * among themselves, docs/reference.md) `2 no-regression rules against the baseline, and separately the 1 against the reference`.
 */
export function familyText(gates: readonly GateResult[]): string {
  const rules = (n: number): string => `${n} no-regression rule${n === 1 ? '' : 's'}`
  const ref = gates.filter((g) => g.vs === 'reference').length
  const own = gates.length - ref
  if (ref === 0) return rules(own)
  if (own === 0) return `${rules(ref)} against the reference`
  return `${rules(own)} against the baseline, and separately the ${ref} against the reference`
}

export function referenceSection(report: Report): string {
  const ref = report.reference
  if (!ref) return ''
  const gated = [...new Set(report.gates.filter((g) => !g.slice).map((g) => g.metric))].filter((n) => Object.hasOwn(ref.metrics, n))
  if (gated.length === 0) return ''
  const name = dataSpan(referenceName(ref.source), 60)
  const lines = gated.map((n) => `- since ${name}: ${change(n, ref.metrics[n], report)})`.replace(/ \(\)$/, ''))
  const legend = `<sub>The reference ${dataSpan(isFile(ref.source) ? baseName(ref.source) : ref.source, 80)}: ${ref.paired.toLocaleString('en-US')} examples paired with it; Δ: candidate − reference. Gates written \`… vs reference\` are decided on these numbers.</sub>`
  return `${lines.join('\n')}\n\n${legend}`
}
