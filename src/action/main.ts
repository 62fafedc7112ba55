/**
 * The action: reads the inputs, then runs one of two flows (docs/action.md). Only orchestration here.
 *
 * - `gate` (default): find the baseline, run the core, and report: one pull-request comment (edited in place),
 *   the job summary, the outputs, and a failed step when a gate fails. Without write access (a fork) the report
 *   is handed over as the artifact `eval-gate-report` for mode `publish`.
 * - `publish` (in a `workflow_run` workflow): post the comment and commit status of a fork's gate run.
 */
import * as core from '@actions/core'
import path from 'node:path'
import { writeFileAtomic } from '../common/atomicWrite.js'
import { compareWithReference } from '../compare/reference.js'
import { readConfig, readRunContext, type ActionConfig, type RunContext } from './inputs.js'
import { isUserError } from '../common/errors.js'
import { currentWorkflowId, findBaseline, type Run } from './github/baseline.js'
import { ApiError, apiFailure, lazyClient, type Client } from './github/client.js'
import { upsertComment } from './github/comment.js'
import { logSafe } from './github/log.js'
import { artifactProvenance, localProvenance, provenanceWarning } from './github/provenance.js'
import { publish } from './github/publish.js'
import { uploadReport } from './github/reportArtifact.js'
import { setStatus } from './github/status.js'
import { stalenessWarning } from './github/staleness.js'
import { addHistory, uploadForHistory } from './trend.js'
import { fetchReference, parseReferenceInput } from './github/reference.js'
import { renderMarkdown } from '../render/renderReport.js'
import type { BaselineProvenance, Report } from '../report/schema.js'
import type { PredictionSource } from '../read/predictionFile.js'

/** The client, made when something first needs the API; `needed` names that thing for the empty-token message. */
type Api = (needed: string) => Client

export async function run(): Promise<void> {
  try {
    const config = readConfig()
    const context = readRunContext()
    const api = lazyClient(config.token)
    if (config.mode === 'publish') await publishFlow(config, context, api)
    else await gateFlow(config, context, api)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

async function gateFlow(config: ActionConfig, context: RunContext, api: Api): Promise<void> {
  const baseline = await core.group('Baseline', () => baselineSource(api, config, context))
  const reference = config.reference === null ? null : await core.group('Reference', () => referenceSource(api, config, context))
  const report = await core.group('Compare', async () => {
    const r = await compareWithReference({
      candidate: { name: config.predictions, path: config.predictions },
      baseline: baseline.source,
      format: config.format,
      fields: config.fields,
      positiveLabel: config.positiveLabel,
      task: config.task,
      scoreMetrics: config.scoreMetrics,
      ...(config.multiplicity ? { multiplicity: config.multiplicity } : {}),
      ...(config.mcnemar ? { mcnemar: config.mcnemar } : {}),
      ...(config.train ? { train: { name: config.train, path: config.train } } : {}),
      ...(config.textField ? { textField: config.textField } : {}),
      ...(config.trainPredictions ? { trainPredictions: { name: config.trainPredictions, path: config.trainPredictions } } : {}),
      ...(config.sliceFields ? { sliceFields: config.sliceFields } : {}),
      ...(config.minSlice !== undefined ? { minSlice: config.minSlice } : {}),
      ...(config.repeatField ? { repeatField: config.repeatField } : {}),
      ...(config.clusterField ? { clusterField: config.clusterField } : {}),
      ...(config.errors ? { errors: config.errors } : {}),
      ...(config.inconclusive ? { inconclusive: config.inconclusive } : {}),
      gates: config.gates,
      alpha: config.alpha,
      resamples: config.resamples,
      seed: config.seed,
      missingBaseline: config.missingBaseline,
      // The bundle (dist/index.js) serves as the script of the core's helper threads on the second core; run from
      // the TypeScript sources (@github/local-action) there is no such script, and everything runs on one thread.
      ...(import.meta.url.endsWith('.js') ? { readerScript: new URL(import.meta.url) } : {})
    }, reference)
    r.baseline = baseline.provenance
    const stale = provenanceWarning(baseline.provenance)
    if (stale) r.warnings.unshift(stale)
    const old = stalenessWarning(baseline.provenance, config.maxBaselineAge)
    if (old) r.warnings.unshift(old)
    core.info(`${r.counts.paired ?? r.counts.candidate} examples; gates: ${logSafe(r.gates.map((g) => `${g.rule}: ${g.status}`).join('; '))}`)
    for (const warning of r.warnings) core.warning(warning)
    return r
  })
  await addHistory(report, config, context, baseline.runs, api)

  const reportPath = await writeReport(report, context, config.commentKey)
  await uploadForHistory(report, config, context)
  await writeSummary(report, context)
  const commentUrl = await commentOrHandOver(report, config, context, api)
  await statusOnHead(report, config, context, api, commentUrl)
  setOutputs(report, reportPath, commentUrl)
  if (!report.passed) {
    const message = report.verdict === 'inconclusive' ? `Eval Gate inconclusive (inconclusive: fail): ${failedRules(report)}` : `Eval Gate failed: ${failedRules(report)}`
    if (config.failOnGate) core.setFailed(message)
    else core.warning(`${message} — not failing the step (fail-on-gate: false)`)
  }
}

/**
 * Mode publish: the comment and commit status for a fork's gate run. It never fails the step for a failed gate:
 * a `workflow_run` run's own check lands on the default branch, and the commit status is what branch protection
 * reads.
 */
async function publishFlow(config: ActionConfig, context: RunContext, api: Api): Promise<void> {
  const published = await publish(api('mode "publish"'), config.commentKey, context)
  if (!published) return
  const reportPath = await writeReport(published.report, context, config.commentKey)
  await writeSummary(published.report, context)
  setOutputs(published.report, reportPath, published.commentUrl)
}

/** The baseline predictions: a file, nothing, or the artifact of the base branch's latest successful run. */
async function baselineSource(
  api: Api,
  config: ActionConfig,
  context: RunContext
): Promise<{ source: PredictionSource | null; provenance: BaselineProvenance; runs: readonly Run[] }> {
  const baseCommit = context.pullRequest?.baseSha ?? null
  const headCommit = context.pullRequest?.headSha ?? null
  let runs: readonly Run[] = []
  const none = { source: null, provenance: localProvenance('none', baseCommit, headCommit), runs }
  if (config.baseline.kind === 'none') {
    core.info('baseline: none')
    return none
  }
  if (config.baseline.kind === 'file') {
    core.info(`baseline: the file ${logSafe(config.baseline.path)}`)
    return { source: { name: config.baseline.path, path: config.baseline.path }, provenance: localProvenance('file', baseCommit, headCommit), runs }
  }
  const branch = config.baselineBranch ?? context.pullRequest?.baseRef ?? context.defaultBranch
  if (!branch) {
    core.warning('No baseline branch: not a pull request, no default branch in the event, and no baseline-branch input.')
    return none
  }
  const client = api('finding the baseline artifact (baseline: artifact)')
  let workflow: string | number | null = config.baselineWorkflow
  if (workflow === null && context.runId !== null) workflow = await currentWorkflowId(client, context.owner, context.repo, context.runId)
  if (workflow === null) {
    core.warning('No baseline workflow: set baseline-workflow (GITHUB_RUN_ID is not set).')
    return none
  }
  const found = await findBaseline(client, {
    owner: context.owner,
    repo: context.repo,
    workflow,
    branch,
    baseSha: baseCommit,
    artifactName: config.artifactName,
    artifactPath: config.artifactPath,
    predictionsPath: config.predictions,
    onRuns: (listed) => (runs = listed)
  })
  if (!found) {
    core.warning(`No baseline: no successful push run of workflow ${workflow} on ${branch} has an unexpired artifact "${config.artifactName}".`)
    return { ...none, runs }
  }
  core.info(`baseline: ${logSafe(found.name)} — ${logSafe(found.why)}`)
  const provenance = await artifactProvenance(
    client,
    { owner: context.owner, repo: context.repo },
    {
      runId: found.runId,
      runNumber: found.runNumber,
      runUrl: found.htmlUrl ?? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${found.runId}`,
      commit: found.headSha
    },
    baseCommit,
    headCommit
  )
  return { source: { name: found.name, data: found.data, maxUnpackedBytes: found.maxUnpackedBytes }, provenance: { ...provenance, createdAt: found.createdAt }, runs }
}

/** docs/reference.md: the predictions of the input `reference`. */
async function referenceSource(api: Api, config: ActionConfig, context: RunContext) {
  const input = parseReferenceInput(config.reference as string)
  const reference = await fetchReference(input, () => api(`reading the reference (reference: ${input.kind === 'release' ? 'release:…' : 'run:…'})`), {
    owner: context.owner,
    repo: context.repo,
    predictionsPath: config.predictions,
    assetName: config.referenceAsset,
    artifactName: config.artifactName,
    artifactPath: config.artifactPath
  })
  core.info(`reference: ${logSafe(reference.label)} (${logSafe(reference.source.name)})`)
  return reference
}

/**
 * The comment on the pull request; on a read-only token (a fork) the report is handed over as an artifact for
 * mode publish instead. Returns the comment's URL, or ''.
 */
async function commentOrHandOver(report: Report, config: ActionConfig, context: RunContext, api: Api): Promise<string> {
  const pr = context.pullRequest
  if (!config.comment) return ''
  if (!pr) {
    core.info(`No pull request in this ${context.eventName || 'run'} event: the report is in the job summary only.`)
    return ''
  }
  const markdown = renderMarkdown(report, 'comment')
  try {
    const client = api('commenting on the pull request (comment: true)')
    const result = await upsertComment(client, { owner: context.owner, repo: context.repo, issueNumber: pr.number, key: config.commentKey }, markdown)
    core.info(`Comment ${result.action}: ${result.url}`)
    return result.url
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status !== 403 && status !== 404) throw error
  }
  core.warning(
    `Could not comment on pull request #${pr.number} (no write access: a pull request from a fork, or permissions without "pull-requests: write"). ` +
      `The report is in the job summary${pr.headRepoFork ? ' and is uploaded for a workflow_run workflow with mode: publish (see the README, "Pull requests from forks")' : ''}.`
  )
  if (pr.headRepoFork) {
    try {
      const uploaded = await uploadReport(context.runnerTemp, { number: pr.number, headSha: pr.headSha, key: config.commentKey }, JSON.stringify(report, null, 2) + '\n', markdown)
      core.info(`Report uploaded as the artifact "${uploaded.name}" for mode publish`)
    } catch (error) {
      core.warning(`Could not upload the report artifact for mode publish: ${(error as Error).message}`)
    }
  }
  return ''
}

/**
 * The commit status on the pull request's head commit, when the token may set it (`statuses: write`); a fork's
 * read-only token cannot, and mode publish sets it then.
 */
async function statusOnHead(report: Report, config: ActionConfig, context: RunContext, api: Api, commentUrl: string): Promise<void> {
  const pr = context.pullRequest
  if (!pr?.headSha || !config.token) return
  try {
    const status = await setStatus(api('the commit status'), { owner: context.owner, repo: context.repo }, pr.headSha, config.commentKey, report, commentUrl || null)
    core.info(`Commit status ${logSafe(status.context)} = ${status.state} on ${pr.headSha}`)
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status !== 403 && status !== 404) throw error
    core.info(`No commit status (HTTP ${status}: the token has no "statuses: write"${pr.headRepoFork ? ', as on a fork: mode publish sets it' : ''}).`)
  }
}

async function writeReport(report: Report, context: RunContext, key: string): Promise<string> {
  const reportPath = path.join(context.runnerTemp, `eval-gate-report-${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`)
  await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n')
  return reportPath
}

async function writeSummary(report: Report, context: RunContext): Promise<void> {
  if (context.summaryPath) await core.summary.addRaw(renderMarkdown(report, 'summary'), true).write()
  else core.info('No job summary: GITHUB_STEP_SUMMARY is not set (not on a runner).')
}

function setOutputs(report: Report, reportPath: string, commentUrl: string): void {
  core.setOutput('passed', report.passed ? 'true' : 'false')
  // docs/repeats-and-clusters.md: pass, fail or inconclusive; a report from before verdicts (publish mode) has only `passed`.
  core.setOutput('verdict', report.verdict ?? (report.passed ? 'pass' : 'fail'))
  core.setOutput('report', reportPath)
  core.setOutput('comment-url', commentUrl)
  core.setOutput('baseline-run-id', report.baseline?.runId == null ? '' : String(report.baseline.runId))
}

const failedRules = (report: Report): string =>
  report.gates
    .filter((g) => g.status === 'fail' || (report.verdict === 'inconclusive' && g.status === 'inconclusive'))
    .map((g) => `${g.rule} (${g.detail})`)
    .join('; ')

/** One line for the step's failure: the message of a user or API error, a stack trace only for a bug. */
function failureMessage(error: unknown): string {
  if (isUserError(error) || error instanceof ApiError) return error.message
  const api = apiFailure(error)
  if (api) return api.message
  return `Eval Gate internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
}
