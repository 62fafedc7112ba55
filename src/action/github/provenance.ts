/**
 * Provenance (docs/action.md): which baseline run and commit a report compared against, and how that commit relates
 * to the pull request's base commit, from the compare API (`GET /repos/{owner}/{repo}/compare/{commit}...{base}`:
 * its `status` says where `base` stands relative to `commit`). A baseline built from an older commit than the
 * base commit gets a warning: what was merged since is not in it.
 */
import * as core from '@actions/core'
import type { BaselineProvenance } from '../../report/schema.js'
import type { Client } from './client.js'

export interface BaselineRun {
  runId: number
  runNumber: number | null
  runUrl: string | null
  commit: string
}

/** The provenance of an artifact baseline, with the relation looked up when the base commit is known. */
export async function artifactProvenance(
  client: Client,
  repo: { owner: string; repo: string },
  run: BaselineRun,
  baseCommit: string | null,
  headCommit: string | null
): Promise<BaselineProvenance> {
  const { relation, behindBy } = await relationToBase(client, repo, run.commit, baseCommit)
  return { source: 'artifact', runId: run.runId, runUrl: run.runUrl, runNumber: run.runNumber, commit: run.commit, baseCommit, headCommit, relation, behindBy }
}

/** The provenance of a baseline that is a file, or of no baseline. */
export function localProvenance(source: 'file' | 'none', baseCommit: string | null, headCommit: string | null): BaselineProvenance {
  return { source, runId: null, runUrl: null, runNumber: null, commit: null, baseCommit, headCommit, relation: 'unknown', behindBy: null }
}

async function relationToBase(
  client: Client,
  repo: { owner: string; repo: string },
  commit: string,
  base: string | null
): Promise<Pick<BaselineProvenance, 'relation' | 'behindBy'>> {
  if (!base) return { relation: 'unknown', behindBy: null }
  if (commit === base) return { relation: 'same', behindBy: 0 }
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${commit}...${base}`, per_page: 1 })
    switch (data.status) {
      case 'identical':
        return { relation: 'same', behindBy: 0 }
      case 'ahead':
        // The base commit is ahead of the baseline's commit: the baseline is behind by that many commits.
        return { relation: 'behind', behindBy: data.ahead_by }
      case 'behind':
        return { relation: 'ahead', behindBy: null }
      default:
        return { relation: 'diverged', behindBy: null }
    }
  } catch (error) {
    // Provenance is information, not a gate: an unanswered comparison leaves the relation unknown.
    const status = (error as { status?: number }).status
    if (typeof status !== 'number') throw error
    core.info(`Could not compare the baseline commit with the base commit (HTTP ${status}): relation unknown`)
    return { relation: 'unknown', behindBy: null }
  }
}

/** The warning for a baseline that is not the base commit's, or null. */
export function provenanceWarning(p: BaselineProvenance): string | null {
  if (p.source !== 'artifact' || !p.commit || !p.baseCommit) return null
  const run = `run ${p.runNumber !== null ? `#${p.runNumber}` : p.runId}`
  if (p.relation === 'behind') {
    const n = p.behindBy ?? 0
    return (
      `The baseline comes from ${run}, built from commit ${short(p.commit)}, ${n} commit${n === 1 ? '' : 's'} behind the base commit ` +
      `${short(p.baseCommit)} of the pull request: what was merged since is not in the baseline (no successful run at the base commit has the artifact).`
    )
  }
  if (p.relation === 'ahead' || p.relation === 'diverged') {
    return `The baseline comes from ${run}, built from commit ${short(p.commit)}, which is not an ancestor of the base commit ${short(p.baseCommit)} of the pull request: it may hold changes the base branch does not.`
  }
  return null
}

export const short = (sha: string): string => sha.slice(0, 7)
