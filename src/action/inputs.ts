/**
 * The action's inputs (docs/action.md), read once into a typed object and validated; every message names the input.
 * Nothing is read at module level.
 */
import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { ConfigError, quote } from '../common/errors.js'
import { parseDecimal } from '../read/number.js'
import { parseScoreMetrics, TASKS } from '../tasks/scoreMetrics.js'
import { type TaskName } from '../report/schema.js'
import { FORMATS, type FieldNames, type Format } from '../read/predictionFile.js'
import { legList, parsePredictions, type SuitePath } from './predictionsInput.js'

export interface ActionConfig {
  /**
   * `gate`: compare and report; `publish`: post the report a fork's gate run uploaded (docs/action.md, forks);
   * docs/suites.md: `leg` compares as `gate` but, instead of a comment and a status, uploads its report for the
   * `combine` job, which posts one comment and one status for every leg of the run.
   */
  mode: 'gate' | 'publish' | 'leg' | 'combine'
  /** Empty in modes `publish` and `combine`, which read no predictions. */
  predictions: string
  /** docs/suites.md: the suites of a multi-line (or glob) `predictions`, each a name and a path; null: one file. */
  suites: SuitePath[] | null
  /** docs/suites.md, mode `combine`: the comment keys of the legs expected (empty: every leg that reported). */
  legs: string[]
  baseline: { kind: 'artifact' } | { kind: 'file'; path: string } | { kind: 'none' }
  artifactName: string
  artifactPath: string | null
  baselineBranch: string | null
  baselineWorkflow: string | null
  gates: string | undefined
  alpha: number
  resamples: number
  seed: number
  positiveLabel: string | undefined
  task: TaskName | undefined
  scoreMetrics: { name: string; direction: 'higher' | 'lower' }[] | undefined
  multiplicity: 'holm' | 'westfall-young' | 'max-t' | undefined
  mcnemar: 'exact' | 'mid-p' | undefined
  /** docs/data-checks.md: the training file for the leakage check, and its text field. */
  train: string | undefined
  textField: string | undefined
  /** docs/repeats-and-clusters.md, docs/slices.md, docs/data-checks.md: see CompareOptions. */
  trainPredictions: string | undefined
  sliceFields: string[] | undefined
  minSlice: number | undefined
  repeatField: string | undefined
  clusterField: string | undefined
  errors: 'wrong' | 'exclude' | undefined
  inconclusive: 'fail' | 'pass' | undefined
  format: Format | undefined
  fields: FieldNames
  missingBaseline: 'skip' | 'fail'
  comment: boolean
  commentKey: string
  failOnGate: boolean
  /** docs/action.md, staleness: a baseline run older than this many days gives a warning (0: never). */
  maxBaselineAge: number
  /** docs/history.md: the base branch's runs whose reports are read on a pull request, and uploaded on push (0: off). */
  history: number
  /** docs/reference.md: the pinned reference (`release:TAG`, `release:latest`, `run:ID`, a path), and the release asset's name. */
  reference: string | null
  referenceAsset: string | null
  /** Empty when not given: only what uses the API needs it (see `needToken`). */
  token: string
}

/** What the runner tells about the run (environment and event payload). */
export interface RunContext {
  owner: string
  repo: string
  runId: number | null
  eventName: string
  /** The branch or tag of a push (GITHUB_REF_NAME, else the event's `ref`); null when unknown. */
  refName: string | null
  /** The pull request, on pull_request events. */
  pullRequest: { number: number; baseRef: string; baseSha: string; headSha: string | null; headRepoFork: boolean } | null
  defaultBranch: string | null
  runnerTemp: string
  /** GITHUB_STEP_SUMMARY: the job summary file (null outside a runner, e.g. under @github/local-action). */
  summaryPath: string | null
  /** GITHUB_SERVER_URL, for links to runs and commits. */
  serverUrl: string
  /** The workflow run that triggered this one (a `workflow_run` event), for mode `publish`. */
  workflowRun: WorkflowRunEvent | null
}

/** The part of a `workflow_run` event payload that mode `publish` uses. */
export interface WorkflowRunEvent {
  id: number
  event: string
  headSha: string
  headBranch: string | null
  /** owner/name of the repository the head commit is in (the fork). */
  headRepository: string | null
  /** Pull requests GitHub associated with the run (empty for forks: GitHub fills it only for same-repo branches). */
  pullRequests: number[]
}

export function readConfig(): ActionConfig {
  const text = (name: string): string => core.getInput(name).trim()
  const optional = (name: string): string | undefined => text(name) || undefined
  const mode = oneOf('mode', ['gate', 'publish', 'leg', 'combine'] as const) ?? 'gate'
  const predictions = text('predictions')
  if (!predictions && (mode === 'gate' || mode === 'leg')) throw new ConfigError('input "predictions" is required: the path of the pull request model\'s predictions file')
  const suites = mode === 'gate' || mode === 'leg' ? parsePredictions(predictions) : null
  if (suites && optional('artifact-path') !== undefined) throw new ConfigError('input "artifact-path" names one file; with several suites in "predictions", each is matched by its own path in the artifact')
  const baselineInput = text('baseline') || 'artifact'
  const format = oneOf('format', FORMATS)
  // docs/scale.md: a cells file holds both models, so no baseline artifact is fetched (a baseline file is refused by compare()).
  const baseline: ActionConfig['baseline'] =
    baselineInput === 'artifact' ? (format === 'cells' ? { kind: 'none' } : { kind: 'artifact' }) : baselineInput === 'none' ? { kind: 'none' } : { kind: 'file', path: baselineInput }
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  return {
    mode,
    predictions,
    suites,
    legs: legList(core.getInput('legs')),
    baseline,
    artifactName: text('artifact-name') || 'predictions',
    artifactPath: optional('artifact-path') ?? null,
    baselineBranch: optional('baseline-branch') ?? null,
    baselineWorkflow: optional('baseline-workflow') ?? null,
    gates: optional('gates'),
    alpha: number('alpha', 0.05, (x) => x > 0 && x < 1, 'a number between 0 and 1'),
    resamples: number('resamples', 10000, (x) => Number.isInteger(x) && x >= 1 && x <= 1_000_000, 'a whole number from 1 to 1000000'),
    seed: number('seed', 0, (x) => Number.isSafeInteger(x) && x >= 0, 'a whole number ≥ 0'),
    positiveLabel: optional('positive-label'),
    task: oneOf('task', TASKS),
    multiplicity: oneOf('multiplicity', ['holm', 'westfall-young', 'max-t'] as const),
    mcnemar: oneOf('mcnemar', ['exact', 'mid-p'] as const),
    train: optional('train'),
    textField: optional('text-field'),
    trainPredictions: optional('train-predictions'),
    sliceFields: optional('slice-fields') === undefined ? undefined : list('slice-fields'),
    minSlice: optional('min-slice') === undefined ? undefined : number('min-slice', 30, (x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1'),
    repeatField: optional('repeat-field'),
    clusterField: optional('cluster-field'),
    errors: oneOf('errors', ['wrong', 'exclude'] as const),
    inconclusive: oneOf('inconclusive', ['fail', 'pass'] as const),
    scoreMetrics: optional('score-metrics') === undefined ? undefined : parseScoreMetrics(text('score-metrics'), 'input "score-metrics"'),
    format,
    fields: {
      id: text('id-field') || 'id',
      label: text('label-field') || 'label',
      prediction: text('prediction-field') || 'prediction',
      score: text('score-field') || 'score'
    },
    missingBaseline: oneOf('missing-baseline', ['skip', 'fail'] as const) ?? 'skip',
    comment: boolean('comment', true),
    commentKey: text('comment-key') || 'default',
    failOnGate: boolean('fail-on-gate', true),
    maxBaselineAge: number('max-baseline-age', 14, (x) => x >= 0, 'a number of days ≥ 0 (0: no limit)'),
    reference: optional('reference') ?? null,
    referenceAsset: optional('reference-asset') ?? null,
    history: number('history', 20, (x) => Number.isInteger(x) && x >= 0 && x <= 100, 'a whole number from 0 (off) to 100'),
    token
  }
}

/** A comma-separated list input (`slice-fields: language, source`): its non-empty items, trimmed. */
function list(name: string): string[] {
  const items = core.getInput(name).split(',').map((item) => item.trim())
  if (items.some((item) => item === '')) throw new ConfigError(`input "${name}" must be a comma-separated list of field names, got ${quote(core.getInput(name))}`)
  return items
}

function number(name: string, fallback: number, ok: (x: number) => boolean, what: string): number {
  const raw = core.getInput(name).trim()
  if (raw === '') return fallback
  const x = parseDecimal(raw)
  if (!ok(x)) throw new ConfigError(`input "${name}" must be ${what}, got ${quote(raw)}`)
  return x
}

function oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
  const raw = core.getInput(name).trim()
  if (raw === '') return undefined
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`input "${name}" must be one of ${allowed.join(', ')}, got ${quote(raw)}`)
  return raw as T
}

function boolean(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase()
  if (raw === '') return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw new ConfigError(`input "${name}" must be true or false, got ${quote(raw)}`)
}

/** Reads the run's context from the runner's environment and the event payload. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) throw new ConfigError('GITHUB_REPOSITORY is not set (owner/repo): run this action on GitHub Actions')
  let event: Record<string, unknown> = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>
    } catch (error) {
      throw new ConfigError(`cannot read the event payload at GITHUB_EVENT_PATH: ${(error as Error).message}`)
    }
  }
  const pr = event.pull_request as
    | { number: number; base: { ref: string; sha: string; repo?: { full_name?: string } }; head: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null } }
    | undefined
  const repository = event.repository as { default_branch?: string } | undefined
  const runId = Number(env.GITHUB_RUN_ID)
  const wr = event.workflow_run as
    | { id: number; event: string; head_sha: string; head_branch?: string | null; head_repository?: { full_name?: string } | null; pull_requests?: { number: number }[] }
    | undefined
  return {
    owner,
    repo,
    runId: Number.isSafeInteger(runId) && runId > 0 ? runId : null,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    refName: env.GITHUB_REF_NAME || (typeof event.ref === 'string' ? event.ref.replace(/^refs\/(heads|tags)\//, '') : null),
    pullRequest: pr
      ? {
          number: pr.number,
          baseRef: pr.base.ref,
          baseSha: pr.base.sha,
          headSha: pr.head.sha ?? null,
          headRepoFork: !!pr.head.repo?.fork || (pr.head.repo?.full_name !== undefined && pr.head.repo.full_name !== pr.base.repo?.full_name)
        }
      : null,
    defaultBranch: repository?.default_branch ?? null,
    runnerTemp: env.RUNNER_TEMP ?? process.cwd(),
    summaryPath: env.GITHUB_STEP_SUMMARY || null,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    workflowRun: wr
      ? {
          id: wr.id,
          event: wr.event,
          headSha: wr.head_sha,
          headBranch: wr.head_branch ?? null,
          headRepository: wr.head_repository?.full_name ?? null,
          pullRequests: (wr.pull_requests ?? []).map((p) => p.number).filter((n) => Number.isSafeInteger(n))
        }
      : null
  }
}
