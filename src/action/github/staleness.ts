/**
 * Staleness (docs/action.md, a stale baseline): a baseline run older than `max-baseline-age` days gives a warning
 * with its age, shown under the verdict (src/report/verdictChanging.ts): the pull request was compared with a model
 * that may no longer be the base branch's, typically because the recent push runs failed or uploaded no artifact.
 */
import type { BaselineProvenance } from '../../report/schema.js'

const DAY_MS = 86_400_000

/** Whole days from `createdAt` (ISO 8601) to `now`; null when the date does not parse. */
export function ageInDays(createdAt: string | null | undefined, now: number = Date.now()): number | null {
  if (!createdAt) return null
  const t = Date.parse(createdAt)
  if (!Number.isFinite(t)) return null
  return Math.max(0, Math.floor((now - t) / DAY_MS))
}

/**
 * The warning for an artifact baseline whose run is older than `maxDays` (0: never), else null.
 * @example stalenessWarning({ source: 'artifact', runNumber: 7, createdAt: '2026-01-01T00:00:00Z', … }, 14, Date.parse('2026-01-21T00:00:00Z'))
 * // 'The baseline is 20 days old: run #7, created 2026-01-01, is older than max-baseline-age (14 days) …'
 */
export function stalenessWarning(p: BaselineProvenance, maxDays: number, now: number = Date.now()): string | null {
  if (p.source !== 'artifact' || !(maxDays > 0)) return null
  const age = ageInDays(p.createdAt, now)
  if (age === null || (now - Date.parse(p.createdAt as string)) / DAY_MS <= maxDays) return null
  const run = p.runNumber !== null ? `#${p.runNumber}` : String(p.runId)
  return (
    `The baseline is ${age} day${age === 1 ? '' : 's'} old: run ${run}, created ${(p.createdAt as string).slice(0, 10)}, is older than max-baseline-age ` +
    `(${maxDays} day${maxDays === 1 ? '' : 's'}). No newer successful push run on the base branch has the artifact: the model compared with may not be ` +
    `the base branch's now. Re-run the workflow on the base branch to refresh the baseline.`
  )
}
