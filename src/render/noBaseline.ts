/**
 * What the first screen says when nothing was compared (docs/report.md, "Without a baseline"): what was searched for
 * a baseline, why nothing qualified, and what creates one. From the report's `baseline.searched` (the action) or
 * its absence (the CLI, which takes a baseline only as `--baseline`). Every name from the report (workflow,
 * branch, artifact, commit) is shown as data; run links only when they are plain https URLs.
 */
import type { BaselineSearch, Report } from '../report/schema.js'
import { dataSpan } from './escape.js'
import { safeUrl, sha } from './footer.js'

/** Runs named one by one before "and N more". */
const LISTED = 5

/** `run 12` or `[run #3](https://…)` (a bare `#3` would be read by GitHub as a reference to issue 3). */
function runName(run: BaselineSearch['runs'][number]): string {
  const number = run.number !== null && Number.isSafeInteger(run.number) ? run.number : null
  if (safeUrl(run.url)) return `[run ${number !== null ? `#${number}` : String(run.id)}](${run.url})`
  return `run ${Number.isSafeInteger(run.id) ? run.id : '?'}`
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * The search in a few words, for the title, and what creates a baseline: `no --baseline file given`, `baseline:
 * none`, or `none of the 3 successful push runs of `ci.yml` on `main` has an unexpired artifact `predictions`; the
 * next one that uploads it creates the baseline`.
 */
export function searchedShort(report: Report): string {
  const p = report.baseline
  if (!p) return 'no `--baseline` file given'
  const s = p.searched
  if (!s) return 'no baseline found'
  const workflow = s.workflow !== null ? `workflow ${dataSpan(s.workflow, 60)}` : 'the workflow'
  const branch = s.branch !== null ? dataSpan(s.branch, 60) : 'the baseline branch'
  const artifact = s.artifactName !== null ? dataSpan(s.artifactName, 60) : 'the predictions artifact'
  switch (s.reason) {
    case 'not-requested':
      return 'not asked for (`baseline: none`)'
    case 'no-branch':
      return 'no baseline branch to search (not a pull request, no `baseline-branch`)'
    case 'no-workflow':
      return 'no workflow to search (no `baseline-workflow`, no run id)'
    case 'no-runs':
      return `no successful push run of ${workflow} on ${branch}; the first one that uploads ${artifact} creates the baseline`
    default:
      return `none of the ${plural(s.runsLookedAt, 'successful push run')} of ${workflow} on ${branch} has an unexpired artifact ${artifact}; the next one that uploads it creates the baseline`
  }
}

/** The line under the title: the runs looked at and why each did not qualify, and what creates a baseline. */
export function searchedDetail(report: Report): string {
  const p = report.baseline
  if (!p) return 'Nothing was compared: give the baseline model\'s predictions on the same examples with `--baseline FILE` to compare with them.'
  const s = p.searched
  if (!s) return 'Nothing was compared with a baseline.'
  const branch = s.branch !== null ? dataSpan(s.branch, 60) : 'the base branch'
  const artifact = s.artifactName !== null ? dataSpan(s.artifactName, 60) : 'the predictions artifact'
  const creates = (note = ''): string => `The first successful push run on ${branch} that uploads the artifact ${artifact} creates the baseline${note}; until then nothing is compared.`
  switch (s.reason) {
    case 'not-requested':
      return 'Nothing was compared: the action was told not to look for a baseline. With `baseline: artifact` (the default) it compares with the predictions artifact of the base branch\'s latest successful push run; `baseline: FILE` takes a file.'
    case 'no-branch':
      return 'Nothing was compared: this run is not for a pull request and names no `baseline-branch`, so there was no branch to take a baseline from.'
    case 'no-workflow':
      return 'Nothing was compared: set `baseline-workflow` to the workflow whose push runs upload the predictions.'
    case 'no-runs':
      return `Nothing was compared. ${creates()}`
    default: {
      const why = (r: BaselineSearch['runs'][number]): string => (r.why === 'expired' ? 'its artifact has expired' : `no artifact ${artifact}`)
      const shown = s.runs.slice(0, LISTED).map((r) => `${runName(r)} of ${sha(r.commit)}: ${why(r)}`)
      const more = s.runsLookedAt - shown.length
      const runs = shown.length ? `Looked at ${shown.join('; ')}${more > 0 ? `; and ${plural(more, 'more run')}` : ''}. ` : ''
      const expired = s.runs.some((r) => r.why === 'expired') ? ' (artifacts expire after the repository\'s retention days: a new push run on the branch makes a fresh one)' : ''
      return `Nothing was compared. ${runs}${creates(expired)}`
    }
  }
}
