/**
 * Mode `publish` (docs/action.md, forks): in a `workflow_run` workflow of the base repository, which has a write token
 * and never checks out the fork's code, post the comment and set the commit status for the gate run that
 * triggered it.
 *
 * Everything in the artifact was written by the fork's run, so nothing in it is trusted as is:
 * - the pull request is the one whose head commit is the triggering run's `head_sha`, checked with the API
 *   (a pull request number in the artifact that points elsewhere is not used);
 * - the comment is rendered here from the JSON report after its shape is checked (src/report/validate.ts), never
 *   posted from the fork's Markdown; a baseline run link that is not this repository's is dropped;
 * - the commit status goes on the triggering run's head commit only.
 */
import * as core from '@actions/core'
import { ConfigError, InputError } from '../../common/errors.js'
import { renderAny } from '../../render/suitesTable.js'
import { asAnyReport } from '../../report/validate.js'
import { isSuitesReport, type AnyReport } from '../../report/schema.js'
import { downloadArtifactZip } from './baseline.js'
import type { Client } from './client.js'
import { upsertComment } from './comment.js'
import { logSafe } from './log.js'
import { setStatus } from './status.js'
import { PULL_REQUEST_FILE, REPORT_FILE, reportArtifactName } from './reportArtifact.js'
import { listZipEntries, normalName, unpackZipEntry } from '../../read/zipArchive.js'
import type { RunContext } from '../inputs.js'

/** The report artifact is small: a cap far below the baseline's keeps a hostile one cheap. */
const MAX_REPORT_BYTES = 64 << 20

export async function publish(client: Client, key: string, context: RunContext): Promise<{ report: AnyReport; commentUrl: string } | null> {
  const run = context.workflowRun
  if (!run) {
    throw new ConfigError(`input "mode" is "publish", which runs in a workflow triggered by workflow_run; this run was triggered by ${context.eventName || 'an unknown event'}`)
  }
  if (run.event !== 'pull_request') {
    core.info(`The triggering run ${run.id} was a ${run.event} run, not a pull request's: nothing to publish.`)
    return null
  }
  const repo = { owner: context.owner, repo: context.repo }
  const name = reportArtifactName(key)
  const where = `artifact "${name}" of run ${run.id}`
  const files = await downloadFiles(client, repo, run.id, name, [REPORT_FILE, PULL_REQUEST_FILE])
  if (!files) {
    core.info(`Run ${run.id} uploaded no artifact "${name}": its gate commented itself (a write token), or stopped before reporting. Nothing to publish.`)
    return null
  }
  const report = asAnyReport(parseJson(files[REPORT_FILE], `${where}: ${REPORT_FILE}`), `${where}: ${REPORT_FILE}`)
  const claimed = parseJson(files[PULL_REQUEST_FILE], `${where}: ${PULL_REQUEST_FILE}`) as { number?: unknown }

  const number = await pullRequestOf(client, repo, run, typeof claimed.number === 'number' ? claimed.number : null)
  if (number === null) {
    core.warning(`No open pull request has the head commit ${run.headSha} of run ${run.id}: nothing to publish.`)
    return null
  }
  const runs = `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/`
  // docs/suites.md: a report of several suites has a baseline per suite.
  for (const r of isSuitesReport(report) ? Object.values(report.suites) : [report]) {
    if (r.baseline && r.baseline.runUrl !== null && !r.baseline.runUrl.startsWith(runs)) r.baseline.runUrl = null
  }

  const comment = await upsertComment(client, { ...repo, issueNumber: number, key }, renderAny(report, 'comment'))
  core.info(`Comment ${comment.action} on pull request #${number}: ${comment.url}`)
  const status = await setStatus(client, repo, run.headSha, key, report, comment.url)
  core.info(`Commit status ${logSafe(status.context)} = ${status.state} on ${run.headSha}: ${logSafe(status.description)}`)
  return { report, commentUrl: comment.url }
}

/**
 * The open pull request whose head is the run's head commit: the number the artifact or the event names when
 * the API confirms it, else a search by the head branch of the fork.
 */
async function pullRequestOf(
  client: Client,
  repo: { owner: string; repo: string },
  run: NonNullable<RunContext['workflowRun']>,
  claimed: number | null
): Promise<number | null> {
  const candidates = [...new Set([...(claimed !== null ? [claimed] : []), ...run.pullRequests])]
  for (const number of candidates) {
    try {
      const { data } = await client.rest.pulls.get({ ...repo, pull_number: number })
      if (data.head.sha === run.headSha && data.state === 'open') return number
      core.info(`Pull request #${number} has head ${data.head.sha}, not the run's ${run.headSha}: not used.`)
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error
    }
  }
  if (!run.headRepository || !run.headBranch) return null
  const owner = run.headRepository.split('/')[0]
  const { data } = await client.rest.pulls.list({ ...repo, state: 'open', head: `${owner}:${run.headBranch}`, per_page: 100 })
  return data.find((p) => p.head.sha === run.headSha)?.number ?? null
}

/** The named files of a run's artifact (each capped), or null when the run has no such unexpired artifact. */
async function downloadFiles(
  client: Client,
  repo: { owner: string; repo: string },
  runId: number,
  name: string,
  wanted: string[]
): Promise<Record<string, Uint8Array> | null> {
  const { data } = await client.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runId, name, per_page: 100 })
  const artifact = data.artifacts.find((a) => a.name === name && !a.expired)
  if (!artifact) return null
  const where = `artifact "${name}" of run ${runId}`
  if (artifact.size_in_bytes > MAX_REPORT_BYTES) throw new InputError(where, null, null, `is ${artifact.size_in_bytes} bytes, more than a report (${MAX_REPORT_BYTES}): refused`)
  const zip = await downloadArtifactZip(client, { ...repo, artifactId: artifact.id, where, maxBytes: MAX_REPORT_BYTES })
  if (!zip) return null
  const entries = listZipEntries(zip, where)
  const files: Record<string, Uint8Array> = {}
  for (const file of wanted) {
    const entry = entries.find((e) => normalName(e.name) === file)
    if (!entry) throw new InputError(where, null, null, `has no file "${file}": not a report uploaded by Eval Gate`)
    files[file] = unpackZipEntry(zip, entry, where, MAX_REPORT_BYTES)
  }
  return files
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    throw new InputError(where, null, null, `is not valid JSON (${(error as Error).message.slice(0, 120)})`)
  }
}
