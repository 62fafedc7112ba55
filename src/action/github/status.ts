/**
 * The commit status `eval-gate` (`eval-gate/<comment-key>` for another key) on the pull request's head commit:
 * what branch protection can require, set by mode gate when its token may (`statuses: write`) and by mode
 * publish for forks.
 */
import type { Report } from '../../report/schema.js'
import type { Client } from './client.js'

/** The status context for a comment key. */
export function statusContext(key: string): string {
  return key === 'default' ? 'eval-gate' : `eval-gate/${key}`
}

/** What a status is made from: a report, or the report of several suites (docs/suites.md: its missing legs fail too). */
type StatusReport = Pick<Report, 'passed' | 'verdict' | 'gates'> & { missing?: readonly string[] }

/** The status's one-line description (GitHub keeps 140 characters). */
export function statusDescription(report: StatusReport): string {
  const n = report.gates.length
  const failed = [...report.gates.filter((g) => g.status === 'fail').map((g) => g.rule), ...(report.missing ?? []).map((leg) => `${leg} missing`)]
  const unsettled = report.gates.filter((g) => g.status === 'inconclusive').map((g) => g.rule)
  // docs/repeats-and-clusters.md: an inconclusive verdict says so, whichever way `inconclusive` counts it.
  const skipped = report.gates.filter((g) => g.status === 'skip').length
  // docs/report.md: nothing compared is not a pass, whatever missing-baseline makes of it.
  const text =
    report.verdict === 'no-baseline'
      ? `no baseline: nothing compared${report.passed ? ` (${skipped} gate${skipped === 1 ? '' : 's'} skipped)` : ' (missing-baseline: fail)'}`
      : report.verdict === 'inconclusive'
      ? `inconclusive${report.passed ? ' (counted as passing)' : ''}: ${unsettled.join('; ')}`
      : report.passed
        ? `passed: ${n} gate${n === 1 ? '' : 's'}${dropNote(report)}`
        : `failed: ${failed.join('; ')}`
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > 140 ? flat.slice(0, 139) + '…' : flat
}

/** `, 1 with a drop the test set cannot judge` (docs/gates.md): a pass is never a bare pass when one hides a drop. */
function dropNote(report: StatusReport): string {
  const drops = report.gates.filter((g) => g.status === 'pass' && g.materialDrop).length
  return drops ? `, ${drops} with a drop the test set cannot judge` : ''
}

export async function setStatus(
  client: Client,
  repo: { owner: string; repo: string },
  sha: string,
  key: string,
  report: StatusReport,
  targetUrl: string | null
): Promise<{ context: string; state: 'success' | 'failure'; description: string }> {
  const state = report.passed ? 'success' : 'failure'
  const context = statusContext(key)
  const description = statusDescription(report)
  await client.rest.repos.createCommitStatus({ ...repo, sha, state, context, description, ...(targetUrl ? { target_url: targetUrl } : {}) })
  return { context, state, description }
}
