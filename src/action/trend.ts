/**
 * The history steps of a run (docs/history.md), called by main.ts: on a pull request, the base branch's latest runs'
 * metrics are added to the report; on a push run of the baseline branch, its report is uploaded for them.
 */
import * as core from '@actions/core'
import type { AnyReport, Report, SuitesReport } from '../report/schema.js'
import type { Run } from './github/baseline.js'
import type { Client } from './github/client.js'
import { readHistory, uploadHistoryReport, type History, type HistoryQuery } from './github/historyReports.js'
import type { ActionConfig, RunContext } from './inputs.js'

/** On a pull request with an artifact baseline: `report.history` from the runs the baseline lookup listed. */
export async function addHistory(report: Report, config: ActionConfig, context: RunContext, runs: readonly Run[], api: (needed: string) => Client): Promise<void> {
  const history = await historyOf(config, context, runs, api, { metrics: Object.keys(report.metrics) })
  if (!history) return
  report.history = history.entries
  report.historySkipped = history.skipped
}

/**
 * docs/suites.md: the same for a report of suites, each suite's history from the same suite of the base branch's
 * reports of suites.
 */
export async function addSuitesHistory(report: SuitesReport, config: ActionConfig, context: RunContext, runs: readonly Run[], api: (needed: string) => Client): Promise<void> {
  const suites = Object.fromEntries(Object.entries(report.suites).map(([name, r]) => [name, Object.keys(r.metrics)]))
  const history = await historyOf(config, context, runs, api, { metrics: [], suites })
  if (!history) return
  for (const [name, r] of Object.entries(report.suites)) {
    r.history = history.bySuite?.[name] ?? []
    r.historySkipped = history.skipped
  }
}

/** The history a pull request reads (docs/history.md), or null when it reads none (not a pull request, history 0, no artifact baseline). */
async function historyOf(config: ActionConfig, context: RunContext, runs: readonly Run[], api: (needed: string) => Client, keep: Pick<HistoryQuery, 'metrics' | 'suites'>): Promise<History | null> {
  if (!context.pullRequest || config.history === 0 || config.baseline.kind !== 'artifact' || runs.length === 0) return null
  return core.group('History', () =>
    readHistory(api('reading the history (history > 0)'), { owner: context.owner, repo: context.repo, runs, count: config.history, key: config.commentKey, ...keep })
  )
}

/** On a push run of the baseline branch: uploads the report (metrics only) as the history artifact. Never fails the step. */
export async function uploadForHistory(report: AnyReport, config: ActionConfig, context: RunContext): Promise<void> {
  if (context.eventName !== 'push' || config.history === 0) return
  const branch = config.baselineBranch ?? context.defaultBranch
  if (!branch || context.refName !== branch) {
    core.info(`History: this push is to ${context.refName ?? 'an unknown branch'}, not the baseline branch ${branch ?? '(unknown)'}: no report uploaded for the history.`)
    return
  }
  try {
    const name = await uploadHistoryReport(context.runnerTemp, config.commentKey, report)
    core.info(`History: the report (metrics only) is uploaded as the artifact "${name}" for the pull requests' history`)
  } catch (error) {
    core.warning(`History: could not upload the report artifact: ${(error as Error).message}`)
  }
}
