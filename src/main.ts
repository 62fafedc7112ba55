/**
 * The action: reads the inputs, finds the baseline, runs the core, and reports — one pull-request comment
 * (edited in place), the job summary, the outputs, and a failed step when a gate fails. Only orchestration here.
 */
import * as core from '@actions/core'
import path from 'node:path'
import { writeFileAtomic } from './atomicWrite.js'
import { compare } from './compare.js'
import { readConfig, readRunContext, type ActionConfig, type RunContext } from './config.js'
import { isUserError } from './errors.js'
import { currentWorkflowId, findBaseline } from './github/baseline.js'
import { makeClient, type Client } from './github/client.js'
import { upsertComment } from './github/comment.js'
import { renderMarkdown } from './render/index.js'
import type { PredictionSource } from './types.js'

export async function run(): Promise<void> {
  try {
    const config = readConfig()
    const context = readRunContext()
    const client = makeClient(config.token)
    const baseline = await core.group('Baseline', () => baselineSource(client, config, context))

    const report = await core.group('Compare', async () => {
      const r = await compare({
        candidate: { name: config.predictions, path: config.predictions },
        baseline: baseline.source,
        format: config.format,
        fields: config.fields,
        positiveLabel: config.positiveLabel,
        task: config.task,
        gates: config.gates,
        alpha: config.alpha,
        resamples: config.resamples,
        seed: config.seed,
        missingBaseline: config.missingBaseline
      })
      core.info(`${r.counts.paired ?? r.counts.candidate} examples; gates: ${r.gates.map((g) => `${g.rule}: ${g.status}`).join('; ')}`)
      for (const warning of r.warnings) core.warning(warning)
      return r
    })

    const reportPath = path.join(context.runnerTemp, `eval-gate-report-${config.commentKey.replace(/[^A-Za-z0-9._-]/g, '_')}.json`)
    await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n')
    await core.summary.addRaw(renderMarkdown(report, 'summary'), true).write()

    let commentUrl = ''
    if (config.comment && context.pullRequest) {
      try {
        const result = await upsertComment(client, { owner: context.owner, repo: context.repo, issueNumber: context.pullRequest.number, key: config.commentKey }, renderMarkdown(report, 'comment'))
        commentUrl = result.url
        core.info(`Comment ${result.action}: ${result.url}`)
      } catch (error) {
        const status = (error as { status?: number }).status
        if (status !== 403 && status !== 404) throw error
        core.warning(
          `Could not comment on pull request #${context.pullRequest.number} (HTTP ${status}): the token has no write access ` +
            `(a pull request from a fork, or permissions without "pull-requests: write"). The report is in the job summary.`
        )
      }
    } else if (config.comment) {
      core.info(`No pull request in this ${context.eventName || 'run'} event: the report is in the job summary only.`)
    }

    core.setOutput('passed', report.passed ? 'true' : 'false')
    core.setOutput('report', reportPath)
    core.setOutput('comment-url', commentUrl)
    core.setOutput('baseline-run-id', baseline.runId === null ? '' : String(baseline.runId))
    if (!report.passed) {
      const failed = report.gates.filter((g) => g.status === 'fail')
      const message = `Eval Gate failed: ${failed.map((g) => `${g.rule} (${g.detail})`).join('; ')}`
      if (config.failOnGate) core.setFailed(message)
      else core.warning(`${message} — not failing the step (fail-on-gate: false)`)
    }
  } catch (error) {
    if (isUserError(error)) core.setFailed(error.message)
    else core.setFailed(`Eval Gate internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
}

/** The baseline predictions: a file, nothing, or the artifact of the base branch's latest successful run. */
async function baselineSource(client: Client, config: ActionConfig, context: RunContext): Promise<{ source: PredictionSource | null; runId: number | null }> {
  if (config.baseline.kind === 'none') {
    core.info('baseline: none')
    return { source: null, runId: null }
  }
  if (config.baseline.kind === 'file') {
    core.info(`baseline: the file ${config.baseline.path}`)
    return { source: { name: config.baseline.path, path: config.baseline.path }, runId: null }
  }
  const branch = config.baselineBranch ?? context.pullRequest?.baseRef ?? context.defaultBranch
  if (!branch) {
    core.warning('No baseline branch: not a pull request, no default branch in the event, and no baseline-branch input.')
    return { source: null, runId: null }
  }
  let workflow: string | number | null = config.baselineWorkflow
  if (workflow === null && context.runId !== null) workflow = await currentWorkflowId(client, context.owner, context.repo, context.runId)
  if (workflow === null) {
    core.warning('No baseline workflow: set baseline-workflow (GITHUB_RUN_ID is not set).')
    return { source: null, runId: null }
  }
  const found = await findBaseline(client, {
    owner: context.owner,
    repo: context.repo,
    workflow,
    branch,
    baseSha: context.pullRequest?.baseSha ?? null,
    artifactName: config.artifactName,
    artifactPath: config.artifactPath ?? path.basename(config.predictions)
  })
  if (!found) {
    core.warning(`No baseline: no successful push run of workflow ${workflow} on ${branch} has an unexpired artifact "${config.artifactName}".`)
    return { source: null, runId: null }
  }
  core.info(`baseline: ${found.name} — ${found.why}`)
  return { source: { name: found.name, data: found.data }, runId: found.runId }
}
