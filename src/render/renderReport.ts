/**
 * The one renderer (issue 9): the Markdown report for the pull-request comment, the job summary and the CLI,
 * written for a reviewer with ten seconds.
 *
 * Order: verdict with the decisive numbers and the warnings that could change it, and the slices significantly
 * worse that no failing gate names (the first screen); the gates,
 * failing first; the other warnings; the headline metrics; one line naming the largest per-class drop; the
 * slices that got worse (docs/slices.md); the overfitting check (train, test, gap); then,
 * folded, the other metrics, per class, confusion matrices and where the models disagree; a footer naming the
 * baseline run and commits. Every datum (label, id, rule, file name) is a code span (src/render/escape.ts). The
 * comment stays under 60,000 characters: with many classes the per-class table keeps the classes that changed
 * most and says so.
 */
import type { Report } from '../report/schema.js'
import { verdictChanging } from '../report/verdictChanging.js'
import { withUnits } from '../report/format.js'
import { largestDrop, perClassSection } from './classes.js'
import { disagreementSection } from './disagreement.js'
import { examplesSection } from './examples.js'
import { proseText } from './escape.js'
import { footer } from './footer.js'
import { gatesSection } from './gates.js'
import { historySection } from './historySection.js'
import { referenceSection } from './referenceSection.js'
import { matricesSection } from './matrices.js'
import { metricsSection } from './metrics.js'
import { overfittingSection } from './overfittingSection.js'
import { sliceAlert, slicesSection } from './slices.js'
import { verdict } from './verdict.js'

/** Where the Markdown goes: the PR comment is capped at 60,000 characters, the job summary at 1 MiB. */
export type RenderTarget = 'comment' | 'summary' | 'cli'

export const LIMITS: Record<RenderTarget, number> = { comment: 60_000, summary: 1_000_000, cli: 1_000_000 }

/** Classes shown per class before cutting, and in confusion matrices. */
const MAX_CLASSES: Record<RenderTarget, number> = { comment: 25, summary: 200, cli: 200 }
const MAX_MATRIX: Record<RenderTarget, number> = { comment: 10, summary: 30, cli: 30 }
/** Rows of the "Slices that got worse" table before cutting. */
const MAX_SLICES: Record<RenderTarget, number> = { comment: 10, summary: 50, cli: 50 }

/** `limit`: the most characters (default the target's; docs/suites.md gives each folded suite its share). */
export function renderMarkdown(report: Report, target: RenderTarget = 'cli', limit = LIMITS[target]): string {
  // Scores fields read by what their values are (docs/report.md).
  return withUnits(report.units, () => renderReport(report, target, limit))
}

function renderReport(report: Report, target: RenderTarget, limit: number): string {
  const { headline, rest } = metricsSection(report)
  const sections = [
    verdict(report),
    sliceAlert(report),
    gatesSection(report),
    // docs/history.md: the trend on the first screen, right under the gates it follows.
    historySection(report),
    referenceSection(report),
    otherWarnings(report),
    headline,
    largestDrop(report),
    slicesSection(report, MAX_SLICES[target]),
    overfittingSection(report),
    rest,
    perClassSection(report, MAX_CLASSES[target]),
    matricesSection(report, MAX_MATRIX[target]),
    disagreementSection(report),
    examplesSection(report),
    footer(report)
  ].filter((s) => s.length > 0)
  let text = sections.join('\n\n') + '\n'
  if (text.length > limit) {
    // Last resort: drop whole sections from the bottom up (keeping the footer), then say so.
    const keep = [...sections]
    const foot = keep.pop() as string
    const note = '\n\n> ✂️ The report was cut to fit the comment; the job summary and the JSON report have all of it.'
    while (keep.length > 1 && keep.join('\n\n').length + foot.length + note.length + 4 > limit) keep.pop()
    text = keep.join('\n\n') + note + '\n\n' + foot + '\n'
  }
  return text
}

/** The warnings that do not change the verdict, below the gates. */
function otherWarnings(report: Report): string {
  const rest = report.warnings.filter((w) => !verdictChanging(w, report.passed))
  if (rest.length === 0) return ''
  return rest.map((w) => `- ⚠️ ${proseText(w)}`).join('\n')
}
