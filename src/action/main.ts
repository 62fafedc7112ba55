/**
 * The action: reads the inputs, then runs one of two flows (docs/action.md). Only orchestration here.
 *
 * - `gate` (default): find the baseline, run the core, and report: one pull-request comment (edited in place),
 *   the job summary, the outputs, and a failed step when a gate fails. Without write access (a fork) the report
 *   is handed over as the artifact `eval-gate-report` for mode `publish`.
 * - `publish` (in a `workflow_run` workflow): post the comment and commit status of a fork's gate run.
 * - docs/suites.md: several suites in `predictions` make one report of them; `leg` is a gate whose report goes to the
 *   `combine` job (as the artifact `eval-gate-report-<comment-key>`) instead of a comment; `combine` posts one comment
 *   and one status for every leg of the run.
 */
import * as core from '@actions/core'
import path from 'node:path'
import { isFolder } from '../common/fileKind.js'
import { writeFileAtomic } from '../common/atomicWrite.js'
import { compareWithReference } from '../compare/compareWithReference.js'
import { readConfig, readRunContext, type ActionConfig, type RunContext } from './inputs.js'
import { ConfigError, isUserError } from '../common/errors.js'
import { currentWorkflow, searchBaseline, type Run } from './github/baseline.js'
import { ApiError, apiFailure, lazyClient, type Client } from './github/client.js'
import { upsertComment } from './github/comment.js'
import { logSafe } from './github/log.js'
import { artifactProvenance, localProvenance, provenanceWarning } from './github/provenance.js'
import { publish } from './github/publish.js'
import { uploadReport } from './github/reportArtifact.js'
import { setStatus } from './github/status.js'
import type { BaselineSearch } from '../report/schema.js'
import { renderAny } from '../render/suitesTable.js'
import { isSuitesReport, type AnyReport } from '../report/schema.js'
import { combineLegs } from './combine.js'
import { compareSuiteInputs, compareSuitesInAction, sharedCompareOptions, type SuitesBaseline } from './suitesFlow.js'
import { promptfooSuites } from '../compare/promptfooSuites.js'
import type { SuiteInput } from '../compare/suites.js'
import type { SuitePath } from './predictionsInput.js'
import { folderComparisons, toolFolderOf, type FolderBaseline } from './toolFolder.js'
import type { PredictionSource } from '../read/predictionFile.js'
import { stalenessWarning } from './github/staleness.js'
import { addHistory, addSuitesHistory, uploadForHistory } from './trend.js'
import { fetchReference, parseReferenceInput } from './github/fetchReference.js'

/** The client, made when something first needs the API; `needed` names that thing for the empty-token message. */
type Api = (needed: string) => Client

export async function run(): Promise<void> {
  try {
    const config = readConfig()
    const context = readRunContext()
    const api = lazyClient(config.token)
    if (config.mode === 'publish') await publishFlow(config, context, api)
    else if (config.mode === 'combine') await deliver(await core.group('Combine', () => combineLegs(api('mode "combine"'), config, context)), config, context, api)
    else await gateFlow(config, context, api)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

async function gateFlow(config: ActionConfig, context: RunContext, api: Api): Promise<void> {
  // docs/tools.md: an lm-eval output folder or an Inspect log folder is matched with the baseline's by task; a
  // `baseline` file (not a folder) is compared with the folder's one task as before.
  const folder = config.baseline.kind === 'file' && !isFolder(config.baseline.path) ? null : await toolFolderOf(config)
  const baseline = await core.group('Baseline', () => baselineSource(api, config, context, folder !== null))
  const reference = config.reference === null ? null : await core.group('Reference', () => referenceSource(api, config, context))
  let candidate: PredictionSource = { name: config.predictions, path: config.predictions }
  let baselineFile = baseline.source
  // The suites of a tool's output: one per task of a folder, one per prompt × provider column of a promptfoo file.
  let found: { inputs: SuiteInput[]; what: string } | null = null
  // A folder of one task: what its baseline holds besides (tasks the folder lacks).
  let setWarnings: string[] = []
  if (folder) {
    const inputs = await folderComparisons(config.predictions, folder, folderBaseline(config, baseline), context.runnerTemp)
    if (inputs.length === 1) {
      candidate = inputs[0].candidate
      baselineFile = inputs[0].baseline
      setWarnings = inputs[0].setWarnings ?? []
    }
    else if (inputs.length > 1) found = { inputs, what: `${inputs.length} tasks` }
  } else if (!config.suites) {
    const inputs = await promptfooSuites(candidate, baselineFile, config.format)
    if (inputs) found = { inputs, what: `${inputs.length} prompt × provider columns` }
  }
  if (found || config.suites) {
    if (reference) throw new ConfigError(`input "reference" is for one comparison; ${found ? `${config.predictions} holds ${found.what}, one suite each` : 'predictions names several suites'}: compare each against its reference in its own step (docs/reference.md)`)
    const suites = config.suites
    const report = await core.group('Compare', () => (found ? compareSuiteInputs(config, found.inputs, baseline.provenance) : compareSuitesInAction(config, suites as SuitePath[], baseline)))
    const old = stalenessWarning(baseline.provenance, config.maxBaselineAge)
    if (old) report.warnings.unshift(old)
    await addSuitesHistory(report, config, context, baseline.runs, api)
    await deliver(report, config, context, api)
    return
  }
  const report = await core.group('Compare', async () => {
    const r = await compareWithReference({
      candidate,
      baseline: baselineFile,
      ...sharedCompareOptions(config),
      gates: config.gates
    }, reference)
    r.baseline = baseline.provenance
    r.warnings.push(...setWarnings)
    const stale = provenanceWarning(baseline.provenance)
    if (stale) r.warnings.unshift(stale)
    const old = stalenessWarning(baseline.provenance, config.maxBaselineAge)
    if (old) r.warnings.unshift(old)
    core.info(`${r.counts.paired ?? r.counts.candidate} examples; gates: ${logSafe(r.gates.map((g) => `${g.rule}: ${g.status}`).join('; '))}`)
    for (const warning of r.warnings) core.warning(warning)
    return r
  })
  await addHistory(report, config, context, baseline.runs, api)
  await deliver(report, config, context, api)
}

/** The baseline of a tool folder (docs/tools.md): the artifact's files, the `baseline` folder, or none. */
function folderBaseline(config: ActionConfig, baseline: SuitesBaseline): FolderBaseline {
  if (config.baseline.kind === 'file') return { kind: 'folder', path: config.baseline.path }
  if (baseline.files) return { kind: 'artifact', where: baseline.where ?? 'the baseline artifact', files: baseline.files }
  return { kind: 'none' }
}

/**
 * The report to its readers: the JSON file, the job summary, the comment (mode leg: the artifact for the combine job
 * instead) and the commit status, the outputs, and a failed step when it did not pass.
 */
async function deliver(report: AnyReport, config: ActionConfig, context: RunContext, api: Api): Promise<void> {
  const reportPath = await writeReport(report, context, config.commentKey)
  // docs/history.md: a push run (mode gate) keeps its report for the pull requests' history; of suites too.
  if (config.mode === 'gate') await uploadForHistory(report, config, context)
  await writeSummary(report, context)
  const commentUrl = config.mode === 'leg' ? await handOver(report, config, context, 'for the combine job (mode: combine)') : await commentOrHandOver(report, config, context, api)
  if (config.mode !== 'leg') await statusOnHead(report, config, context, api, commentUrl)
  setOutputs(report, reportPath, commentUrl)
  if (!report.passed) {
    const message =
      report.verdict === 'no-baseline'
        ? `Eval Gate: no baseline (missing-baseline: fail): ${noBaselineWhy(report)}`
        : report.verdict === 'inconclusive'
          ? `Eval Gate inconclusive (inconclusive: fail): ${failedRules(report)}`
          : `Eval Gate failed: ${failedRules(report)}`
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

/** The baseline predictions: a file, nothing, or the artifact of the base branch's latest successful run (with suites: each suite's file of it). */
async function baselineSource(api: Api, config: ActionConfig, context: RunContext, wholeArtifact = false): Promise<SuitesBaseline & { runs: readonly Run[] }> {
  const baseCommit = context.pullRequest?.baseSha ?? null
  const headCommit = context.pullRequest?.headSha ?? null
  // docs/report.md: without a baseline, the report says what was searched and why nothing qualified.
  let runs: readonly Run[] = []
  const none = (searched: BaselineSearch) => ({ source: null, provenance: { ...localProvenance('none', baseCommit, headCommit), searched }, runs })
  const search = (reason: BaselineSearch['reason'], workflow: string | null = null, branch: string | null = null): BaselineSearch => ({
    reason,
    workflow,
    branch,
    artifactName: config.artifactName,
    runsLookedAt: 0,
    runs: []
  })
  if (config.baseline.kind === 'none') {
    core.info('baseline: none')
    return none(search('not-requested'))
  }
  if (config.baseline.kind === 'file') {
    core.info(`baseline: the file ${logSafe(config.baseline.path)}`)
    return { source: { name: config.baseline.path, path: config.baseline.path }, provenance: localProvenance('file', baseCommit, headCommit), runs }
  }
  const branch = config.baselineBranch ?? context.pullRequest?.baseRef ?? context.defaultBranch
  if (!branch) {
    core.warning('No baseline branch: not a pull request, no default branch in the event, and no baseline-branch input.')
    return none(search('no-branch'))
  }
  const client = api('finding the baseline artifact (baseline: artifact)')
  let workflow: string | number | null = config.baselineWorkflow
  // The workflow as the report names it: the input as given, else the current run's workflow file.
  let workflowName: string | null = workflow
  if (workflow === null && context.runId !== null) {
    const current = await currentWorkflow(client, context.owner, context.repo, context.runId)
    workflow = current.id
    workflowName = current.file ?? String(current.id)
  }
  if (workflow === null) {
    core.warning('No baseline workflow: set baseline-workflow (GITHUB_RUN_ID is not set).')
    return none(search('no-workflow', null, branch))
  }
  const { baseline: found, searched } = await searchBaseline(client, {
    owner: context.owner,
    repo: context.repo,
    workflow,
    branch,
    baseSha: baseCommit,
    artifactName: config.artifactName,
    artifactPath: config.artifactPath,
    predictionsPath: config.predictions,
    ...(config.suites ? { suitePaths: config.suites.map((s) => s.path) } : {}),
    ...(wholeArtifact ? { wholeArtifact } : {}),
    onRuns: (listed) => (runs = listed)
  })
  if (!found) {
    const looked = searched.runsLookedAt ? ` (${searched.runsLookedAt} run${searched.runsLookedAt === 1 ? '' : 's'} looked at)` : ''
    core.warning(`No baseline: no successful push run of workflow ${workflow} on ${branch} has an unexpired artifact "${config.artifactName}"${looked}.`)
    return none({ ...searched, workflow: workflowName ?? String(workflow) })
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
  const dated = { ...provenance, createdAt: found.createdAt }
  if (found.files) return { source: null, provenance: dated, files: found.files, where: found.name, runs }
  if (found.suites) return { source: null, provenance: dated, suites: found.suites, maxUnpackedBytes: found.maxUnpackedBytes, runs }
  return { source: { name: found.name, data: found.data, maxUnpackedBytes: found.maxUnpackedBytes }, provenance: dated, runs }
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
async function commentOrHandOver(report: AnyReport, config: ActionConfig, context: RunContext, api: Api): Promise<string> {
  const pr = context.pullRequest
  if (!config.comment) return ''
  if (!pr) {
    core.info(`No pull request in this ${context.eventName || 'run'} event: the report is in the job summary only.`)
    return ''
  }
  const markdown = renderAny(report, 'comment')
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
  if (pr.headRepoFork) await handOver(report, config, context, 'for mode publish', markdown)
  return ''
}

/** Uploads the report as the artifact `eval-gate-report[-<comment-key>]` (for mode publish, or docs/suites.md: combine). Returns ''. */
async function handOver(report: AnyReport, config: ActionConfig, context: RunContext, forWhom: string, markdown = renderAny(report, 'comment')): Promise<string> {
  const pr = context.pullRequest
  try {
    const uploaded = await uploadReport(context.runnerTemp, { number: pr?.number ?? 0, headSha: pr?.headSha ?? null, key: config.commentKey }, JSON.stringify(report, null, 2) + '\n', markdown)
    core.info(`Report uploaded as the artifact "${uploaded.name}" ${forWhom}`)
  } catch (error) {
    core.warning(`Could not upload the report artifact ${forWhom}: ${(error as Error).message}`)
  }
  return ''
}

/**
 * The commit status on the pull request's head commit, when the token may set it (`statuses: write`); a fork's
 * read-only token cannot, and mode publish sets it then.
 */
async function statusOnHead(report: AnyReport, config: ActionConfig, context: RunContext, api: Api, commentUrl: string): Promise<void> {
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

async function writeReport(report: AnyReport, context: RunContext, key: string): Promise<string> {
  const reportPath = path.join(context.runnerTemp, `eval-gate-report-${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`)
  await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n')
  return reportPath
}

async function writeSummary(report: AnyReport, context: RunContext): Promise<void> {
  if (context.summaryPath) await core.summary.addRaw(renderAny(report, 'summary'), true).write()
  else core.info('No job summary: GITHUB_STEP_SUMMARY is not set (not on a runner).')
}

function setOutputs(report: AnyReport, reportPath: string, commentUrl: string): void {
  core.setOutput('passed', report.passed ? 'true' : 'false')
  // docs/repeats-and-clusters.md: pass, fail or inconclusive; a report from before verdicts (publish mode) has only `passed`.
  core.setOutput('verdict', report.verdict ?? (report.passed ? 'pass' : 'fail'))
  core.setOutput('report', reportPath)
  core.setOutput('comment-url', commentUrl)
  // docs/suites.md: every suite has the same baseline run.
  const baseline = isSuitesReport(report) ? Object.values(report.suites).find((r) => r.baseline?.runId != null)?.baseline : report.baseline
  core.setOutput('baseline-run-id', baseline?.runId == null ? '' : String(baseline.runId))
}

const failedRules = (report: AnyReport): string =>
  [
    ...report.gates.filter((g) => g.status === 'fail' || (report.verdict === 'inconclusive' && g.status === 'inconclusive')).map((g) => `${g.rule} (${g.detail})`),
    ...(isSuitesReport(report) ? report.missing.map((leg) => `${leg}: missing (no report)`) : [])
  ].join('; ')

/** Why there was no baseline, for the step's message (the report's title says it with links). */
function noBaselineWhy(report: AnyReport): string {
  const s = isSuitesReport(report) ? undefined : report.baseline?.searched
  if (!s) return 'nothing was compared'
  if (s.reason === 'not-requested') return 'baseline: none'
  if (s.reason === 'no-branch') return 'no baseline branch'
  if (s.reason === 'no-workflow') return 'no baseline workflow'
  const where = `workflow ${logSafe(s.workflow ?? '?')} on ${logSafe(s.branch ?? '?')}`
  if (s.reason === 'no-runs') return `no successful push run of ${where}`
  return `none of the ${s.runsLookedAt} successful push run(s) of ${where} has an unexpired artifact ${JSON.stringify(s.artifactName ?? '')}`
}

/** One line for the step's failure: the message of a user or API error, a stack trace only for a bug. */
function failureMessage(error: unknown): string {
  if (isUserError(error) || error instanceof ApiError) return error.message
  const api = apiFailure(error)
  if (api) return api.message
  return `Eval Gate internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
}
