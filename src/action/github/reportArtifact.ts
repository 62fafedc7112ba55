/**
 * The fork flow's hand-over (docs/action.md, forks): a pull request from a fork runs with a read-only token, so mode
 * `gate` uploads its report as the artifact `eval-gate-report` (`eval-gate-report-<key>` for another comment
 * key) with `@actions/artifact`; a `workflow_run` workflow in the base repository then calls the action in mode
 * `publish`, which downloads it, re-renders the comment from the JSON and posts it with a commit status.
 *
 * The artifact holds `report.json` (the JSON report), `comment.md` (the comment as the fork's run rendered it,
 * for people; publish never posts it) and `pull-request.json` (the pull request and head commit it is for).
 */
import { DefaultArtifactClient } from '@actions/artifact'
import { mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** What the gate run says the report is for; publish checks it against the API before trusting it. */
export interface PullRequestRef {
  number: number
  headSha: string | null
  key: string
}

export const REPORT_FILE = 'report.json'
export const COMMENT_FILE = 'comment.md'
export const PULL_REQUEST_FILE = 'pull-request.json'

/** The artifact's name for a comment key. */
export function reportArtifactName(key: string): string {
  return key === 'default' ? 'eval-gate-report' : `eval-gate-report-${key.replace(/[^A-Za-z0-9._-]/g, '_')}`
}

/** Uploads the report artifact of this run; returns its name and id. */
export async function uploadReport(tempDir: string, pr: PullRequestRef, reportJson: string, commentMarkdown: string): Promise<{ name: string; id: number | undefined }> {
  const dir = await mkdtemp(path.join(tempDir, 'eval-gate-report-'))
  const files = [
    [REPORT_FILE, reportJson],
    [COMMENT_FILE, commentMarkdown],
    [PULL_REQUEST_FILE, JSON.stringify(pr, null, 2) + '\n']
  ] as const
  for (const [name, text] of files) await writeFile(path.join(dir, name), text)
  const name = reportArtifactName(pr.key)
  const { id } = await new DefaultArtifactClient().uploadArtifact(
    name,
    files.map(([file]) => path.join(dir, file)),
    dir,
    { retentionDays: 7 }
  )
  return { name, id }
}
