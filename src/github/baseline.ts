/**
 * Finding the baseline (SPEC §9): the workflow's successful `push` runs on the baseline branch, newest first;
 * the run whose head_sha is the pull request's base.sha first; the first run with a non-expired artifact named
 * artifact-name wins (an artifact that answers 410 Gone counts as expired). Its zip is read in memory.
 */
import * as core from '@actions/core'
import { MAX_UNPACKED, readZipEntry } from './zip.js'
import type { Client } from './client.js'

export interface BaselineQuery {
  owner: string
  repo: string
  /** Workflow file name or id. */
  workflow: string | number
  branch: string
  /** The pull request's base commit, preferred when a run has it. */
  baseSha: string | null
  artifactName: string
  artifactPath: string | null
  /** Runs to look at before giving up. */
  maxRuns?: number
}

export interface Baseline {
  runId: number
  name: string
  data: Uint8Array
  why: string
}

interface Run {
  id: number
  head_sha: string
  run_number?: number
  created_at?: string
}

/** The workflow of the current run, from GITHUB_RUN_ID. */
export async function currentWorkflowId(client: Client, owner: string, repo: string, runId: number): Promise<number> {
  const { data } = await client.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })
  return data.workflow_id
}

/** The baseline predictions, or null when no run has the artifact. */
export async function findBaseline(client: Client, q: BaselineQuery): Promise<Baseline | null> {
  const maxRuns = q.maxRuns ?? 100
  const runs: Run[] = []
  const iterator = client.paginate.iterator(client.rest.actions.listWorkflowRuns, {
    owner: q.owner,
    repo: q.repo,
    workflow_id: q.workflow,
    branch: q.branch,
    event: 'push',
    status: 'success',
    per_page: 100
  })
  for await (const page of iterator) {
    runs.push(...(page.data as unknown as Run[]))
    if (runs.length >= maxRuns) break
  }
  core.info(`${runs.length} successful push run(s) of workflow ${q.workflow} on ${q.branch}`)
  const preferred = q.baseSha ? runs.filter((r) => r.head_sha === q.baseSha) : []
  const ordered = [...preferred, ...runs.filter((r) => !preferred.includes(r))].slice(0, maxRuns)
  for (const run of ordered) {
    const atBase = preferred.includes(run)
    const { data } = await client.rest.actions.listWorkflowRunArtifacts({ owner: q.owner, repo: q.repo, run_id: run.id, name: q.artifactName, per_page: 100 })
    const artifact = data.artifacts.find((a) => a.name === q.artifactName && !a.expired)
    if (!artifact) {
      core.info(`run ${run.id}${atBase ? ' (at the base commit)' : ''}: no unexpired artifact "${q.artifactName}", trying the next run`)
      continue
    }
    let zip: Uint8Array
    try {
      const response = await client.rest.actions.downloadArtifact({ owner: q.owner, repo: q.repo, artifact_id: artifact.id, archive_format: 'zip' })
      zip = new Uint8Array(response.data as ArrayBuffer)
    } catch (error) {
      if ((error as { status?: number }).status === 410) {
        core.info(`run ${run.id}: artifact "${q.artifactName}" has expired (410), trying the next run`)
        continue
      }
      throw error
    }
    const where = `artifact "${q.artifactName}" of run ${run.id}`
    const entry = readZipEntry(zip, q.artifactPath, where, maxUnpacked())
    const why = atBase
      ? `run ${run.id} built the pull request's base commit ${run.head_sha.slice(0, 7)}`
      : `run ${run.id} (commit ${run.head_sha.slice(0, 7)}) is the newest successful push run on ${q.branch} with the artifact${q.baseSha ? '; no run at the base commit had it' : ''}`
    return { runId: run.id, name: `${where}: ${entry.name}`, data: entry.data, why }
  }
  return null
}

/** The cap on the unpacked baseline file; `EVAL_GATE_MAX_UNPACKED_BYTES` lowers it (tests), it is not an input. */
function maxUnpacked(env: NodeJS.ProcessEnv = process.env): number {
  const x = Number(env.EVAL_GATE_MAX_UNPACKED_BYTES)
  return Number.isSafeInteger(x) && x > 0 ? x : MAX_UNPACKED
}
