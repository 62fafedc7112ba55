/**
 * Mode `combine` (docs/suites.md, matrix legs): in a job that `needs` the legs of a matrix, read the reports the legs of
 * this run uploaded (mode `leg`: the artifact `eval-gate-report-<comment-key>`, src/action/github/reportArtifact.ts)
 * and make one report of them, for one comment and one status.
 *
 * Nothing in an artifact is trusted as is: each report is parsed and its shape checked (src/report/validate.ts)
 * before it is rendered; one that fails is refused with a warning and its leg counts as missing. A baseline run link
 * that is not this repository's is dropped, as mode publish does. A leg named in `legs` that uploaded no report
 * (it failed before reporting, was skipped or cancelled) is missing, and a missing leg fails the verdict.
 *
 * The legs' no-regression rules are not adjusted again here: each leg ran apart and decided its own gates (and its
 * own job's result); for one family over several test sets, run them as suites of one job.
 */
import * as core from '@actions/core'
import { ConfigError, InputError } from '../common/errors.js'
import { assembleSuites } from '../compare/suites.js'
import type { Report, SuitesReport } from '../report/schema.js'
import { isSuitesReport } from '../report/schema.js'
import { asAnyReport } from '../report/validate.js'
import { listZipEntries, normalName, unpackZipEntry } from '../read/zipArchive.js'
import { downloadArtifactZip } from './github/baseline.js'
import type { Client } from './github/client.js'
import { logSafe } from './github/log.js'
import { REPORT_FILE, reportArtifactName } from './github/reportArtifact.js'
import type { ActionConfig, RunContext } from './inputs.js'

/** A leg's report artifact is small: the cap of mode publish. */
const MAX_REPORT_BYTES = 64 << 20

const PREFIX = 'eval-gate-report-'

interface Listed {
  id: number
  name: string
  expired: boolean
  size_in_bytes: number
}

/** The report of every leg of this run (see the file's comment). */
export async function combineLegs(client: Client, config: ActionConfig, context: RunContext): Promise<SuitesReport> {
  if (context.runId === null) throw new ConfigError('input "mode" is "combine", which reads the reports of this run\'s legs, but GITHUB_RUN_ID is not set')
  const repo = { owner: context.owner, repo: context.repo }
  const listed: Listed[] = []
  for await (const page of client.paginate.iterator(client.rest.actions.listWorkflowRunArtifacts, { ...repo, run_id: context.runId, per_page: 100 })) {
    listed.push(...(page.data as unknown as Listed[]))
  }
  const own = reportArtifactName(config.commentKey)
  const byLeg = new Map<string, Listed>()
  for (const a of listed) {
    if (!a.name.startsWith(PREFIX) || a.name === own || a.expired) continue
    byLeg.set(a.name.slice(PREFIX.length), a)
  }
  const found = [...byLeg.keys()].sort()
  const legs = [...config.legs, ...found.filter((l) => !config.legs.includes(l))]
  core.info(`run ${context.runId}: ${found.length} leg report(s) (${logSafe(found.join(', ') || 'none')})${config.legs.length ? `; expected: ${logSafe(config.legs.join(', '))}` : ''}`)
  if (legs.length === 0) {
    throw new ConfigError(`input "mode" is "combine", but run ${context.runId} has no artifact "${PREFIX}…": run each leg with mode "leg" and its own comment-key, and this job after them (needs)`)
  }
  const runs = `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/`
  const suites: Record<string, Report> = {}
  const missing: string[] = []
  const warnings: string[] = []
  for (const leg of legs) {
    const artifact = byLeg.get(leg)
    if (!artifact) {
      missing.push(leg)
      warnings.push(`Leg "${leg}" did not report: run ${context.runId} has no artifact "${PREFIX}${leg}" (the leg failed before reporting, was skipped or cancelled, or its comment-key differs).`)
      continue
    }
    let report
    try {
      report = await legReport(client, repo, artifact, `artifact "${artifact.name}" of run ${context.runId}`)
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      missing.push(leg)
      warnings.push(`Leg "${leg}": its report was refused: ${error.message}`)
      continue
    }
    const parts = isSuitesReport(report) ? Object.entries(report.suites).map(([name, r]) => [`${leg}.${name}`, r] as const) : [[leg, report] as const]
    for (const [name, r] of parts) {
      if (r.baseline && r.baseline.runUrl !== null && !r.baseline.runUrl.startsWith(runs)) r.baseline.runUrl = null
      suites[name] = r
    }
  }
  for (const w of warnings) core.warning(w)
  return assembleSuites(suites, { newSuites: [], missing, warnings, mode: 'combine' })
}

/** A leg's report: its artifact's `report.json`, parsed and shape-checked. InputError when it cannot be used. */
async function legReport(client: Client, repo: { owner: string; repo: string }, artifact: Listed, where: string) {
  if (artifact.size_in_bytes > MAX_REPORT_BYTES) throw new InputError(where, null, null, `is ${artifact.size_in_bytes} bytes, more than a report (${MAX_REPORT_BYTES})`)
  const zip = await downloadArtifactZip(client, { ...repo, artifactId: artifact.id, where, maxBytes: MAX_REPORT_BYTES })
  if (!zip) throw new InputError(where, null, null, 'has expired')
  const entry = listZipEntries(zip, where).find((e) => normalName(e.name) === REPORT_FILE)
  if (!entry) throw new InputError(where, null, null, `has no file "${REPORT_FILE}": not a report uploaded by Eval Gate`)
  const bytes = unpackZipEntry(zip, entry, where, MAX_REPORT_BYTES)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    throw new InputError(`${where}: ${REPORT_FILE}`, null, null, `is not valid JSON (${(error as Error).message.slice(0, 120)})`)
  }
  return asAnyReport(value, `${where}: ${REPORT_FILE}`)
}
