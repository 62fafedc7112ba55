/**
 * History (docs/history.md). On a `push` run of the baseline branch the action uploads its report, metrics only, as
 * the artifact `eval-gate-report` (`eval-gate-report-<comment-key>` for another key) beside the predictions. On a
 * pull request it reads the reports of the latest successful push runs of the baseline branch, the same runs the
 * baseline lookup listed (no request of its own for them), and the report gets `history`, oldest first.
 *
 * Nothing in a report read back is trusted: each must pass the shape check of src/report/validate.ts or is
 * skipped with a warning; its run id, commit and date are the API's, not the report's; only the metric values
 * are taken from it. Expired and missing reports are skipped and counted.
 *
 * Requests, bounded: per run one listing of its artifacts and, when the report is there, one download (the API
 * answers 302 and the zip comes from the signed location, outside the API's rate limit). For `history: 20`: at
 * most 40 API requests, fewer for expired or missing reports (20 runs with 3 expired: 37). When the newest 3 runs
 * uploaded no report at all (the workflow does not upload it), reading stops there: 3 requests.
 */
import * as core from '@actions/core'
import { DefaultArtifactClient } from '@actions/artifact'
import { mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { asAnyReport } from '../../report/validate.js'
import { isSuitesReport, type AnyReport, type HistoryEntry, type Report, type SuitesReport } from '../../report/schema.js'
import { listZipEntries, normalName, unpackZipEntry } from '../../read/zipArchive.js'
import { downloadArtifactZip, type Run } from './baseline.js'
import type { Client } from './client.js'
import { logSafe } from './log.js'
import { REPORT_FILE, reportArtifactName } from './reportArtifact.js'

/** A report of metrics is small: a cap far below the baseline's keeps a hostile artifact cheap. */
const MAX_HISTORY_BYTES = 8 << 20
/** Downloads at the same time. */
const PARALLEL = 4
/** When this many of the newest runs have no report artifact at all, the workflow does not upload it: stop. */
const STOP_AFTER_MISSING = 3

/**
 * The report a push run uploads for the history: its metrics, gates and settings, without anything about single
 * examples (no ids of examples, flips or leaked rows, no confusion matrices, no slices, no warnings, which name
 * ids). It passes asReport().
 */
export function historyReport(report: Report): Report {
  return {
    schemaVersion: report.schemaVersion,
    passed: report.passed,
    ...(report.verdict ? { verdict: report.verdict } : {}),
    task: report.task,
    labels: report.labels,
    positiveLabel: report.positiveLabel,
    counts: report.counts,
    metrics: report.metrics,
    confusionMatrix: null,
    gates: report.gates,
    warnings: [],
    disagreement: null,
    ...(report.units ? { units: report.units } : {}),
    ...(report.baseline ? { baseline: report.baseline } : {}),
    settings: report.settings
  }
}

/**
 * The report of several suites a push run uploads for the history (docs/suites.md, docs/history.md): each suite's
 * {@link historyReport}, and none of the warnings (they name files). It passes asSuitesReport().
 */
export function historySuitesReport(report: SuitesReport): SuitesReport {
  return { ...report, suites: Object.fromEntries(Object.entries(report.suites).map(([name, r]) => [name, historyReport(r)])), warnings: [] }
}

/** Uploads the metrics-only report of this push run as the history artifact; returns its name. */
export async function uploadHistoryReport(tempDir: string, key: string, report: AnyReport): Promise<string> {
  const dir = await mkdtemp(path.join(tempDir, 'eval-gate-history-'))
  const file = path.join(dir, REPORT_FILE)
  await writeFile(file, JSON.stringify(isSuitesReport(report) ? historySuitesReport(report) : historyReport(report), null, 2) + '\n')
  const name = reportArtifactName(key)
  // The repository's retention applies (90 days unless changed): the history is as long as the artifacts live.
  await new DefaultArtifactClient().uploadArtifact(name, [file], dir)
  return name
}

export interface HistoryQuery {
  owner: string
  repo: string
  /** The successful push runs of the baseline branch, newest first (the baseline lookup's listing). */
  runs: readonly Run[]
  /** How many of them to read (the `history` input). */
  count: number
  /** The comment key: the artifact is `eval-gate-report` or `eval-gate-report-<key>`. */
  key: string
  /** The metrics to keep (this run's report's). */
  metrics: readonly string[]
  /**
   * docs/suites.md: this run is a report of suites; per suite, the metrics to keep. The reports read must be of
   * suites too, and `bySuite` gets each suite's entries (a suite a run did not have is absent from its entries).
   */
  suites?: Record<string, readonly string[]>
  fetch?: typeof fetch
}

export interface History {
  entries: HistoryEntry[]
  /** With `suites`: each suite's entries, oldest first. */
  bySuite?: Record<string, HistoryEntry[]>
  skipped: { expired: number; missing: number; invalid: number }
  /** API requests made (listings and downloads; not the downloads from the signed locations). */
  requests: number
}

type Outcome = { kind: 'entry'; entry: HistoryEntry; suites?: Record<string, HistoryEntry> } | { kind: 'expired' | 'missing' } | { kind: 'invalid'; why: string }

/** The history entries, oldest first, and what was skipped. */
export async function readHistory(client: Client, q: HistoryQuery): Promise<History> {
  const name = reportArtifactName(q.key)
  const runs = q.runs.slice(0, Math.max(0, q.count))
  const outcomes: Outcome[] = []
  const counter = { requests: 0 }
  for (let start = 0; start < runs.length; start += PARALLEL) {
    const batch = runs.slice(start, start + PARALLEL)
    outcomes.push(...(await Promise.all(batch.map((run) => readOne(client, q, run, name, counter)))))
    const newest = outcomes.slice(0, STOP_AFTER_MISSING)
    if (start === 0 && runs.length > STOP_AFTER_MISSING && newest.every((o) => o.kind === 'missing')) {
      core.info(`History: the newest ${STOP_AFTER_MISSING} push runs uploaded no artifact "${name}" (docs/history.md shows the push step); not reading further.`)
      outcomes.splice(STOP_AFTER_MISSING)
      break
    }
  }
  const skipped = { expired: 0, missing: 0, invalid: 0 }
  const entries: HistoryEntry[] = []
  const bySuite: Record<string, HistoryEntry[]> = Object.fromEntries(Object.keys(q.suites ?? {}).map((name) => [name, []]))
  outcomes.forEach((o, i) => {
    if (o.kind === 'entry') {
      entries.push(o.entry)
      for (const [name, entry] of Object.entries(o.suites ?? {})) bySuite[name]?.push(entry)
    } else {
      skipped[o.kind]++
      if (o.kind === 'invalid') core.warning(`History: the report of run ${runs[i].id} is skipped: ${logSafe(o.why)}`)
    }
  })
  core.info(
    `History: ${entries.length} of ${outcomes.length} run(s) read (${skipped.expired} expired, ${skipped.missing} without a report, ${skipped.invalid} refused); ${counter.requests} API requests`
  )
  for (const list of Object.values(bySuite)) list.reverse()
  return { entries: entries.reverse(), ...(q.suites ? { bySuite } : {}), skipped, requests: counter.requests }
}

async function readOne(client: Client, q: HistoryQuery, run: Run, name: string, counter: { requests: number }): Promise<Outcome> {
  counter.requests++
  const { data } = await client.rest.actions.listWorkflowRunArtifacts({ owner: q.owner, repo: q.repo, run_id: run.id, name, per_page: 100 })
  const named = data.artifacts.filter((a) => a.name === name)
  const artifact = named.find((a) => !a.expired)
  if (!artifact) return { kind: named.length > 0 ? 'expired' : 'missing' }
  const where = `artifact "${name}" of run ${run.id}`
  if (artifact.size_in_bytes > MAX_HISTORY_BYTES) return { kind: 'invalid', why: `${where} is ${artifact.size_in_bytes} bytes, more than a report of metrics (${MAX_HISTORY_BYTES})` }
  try {
    counter.requests++
    const zip = await downloadArtifactZip(client, { owner: q.owner, repo: q.repo, artifactId: artifact.id, where, maxBytes: MAX_HISTORY_BYTES, expectedBytes: artifact.size_in_bytes, fetch: q.fetch })
    if (zip === null) return { kind: 'expired' }
    const entry = listZipEntries(zip, where).find((e) => normalName(e.name) === REPORT_FILE)
    if (!entry) return { kind: 'invalid', why: `${where} has no file "${REPORT_FILE}"` }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(unpackZipEntry(zip, entry, where, MAX_HISTORY_BYTES))
    const read = asAnyReport(JSON.parse(text) as unknown, `${where}: ${REPORT_FILE}`)
    const entryOf = (report: Report, keep: readonly string[]): HistoryEntry => {
      const metrics: Record<string, number | null> = {}
      for (const metric of keep) {
        const m = Object.hasOwn(report.metrics, metric) ? report.metrics[metric] : undefined
        if (m) metrics[metric] = m.candidate
      }
      return { runId: run.id, sha: run.head_sha, createdAt: run.created_at ?? null, metrics }
    }
    if (q.suites) {
      if (!isSuitesReport(read)) return { kind: 'invalid', why: `${where}: ${REPORT_FILE} is the report of one comparison, and this run compares suites` }
      const suites: Record<string, HistoryEntry> = {}
      for (const [name, keep] of Object.entries(q.suites)) if (Object.hasOwn(read.suites, name)) suites[name] = entryOf(read.suites[name], keep)
      return { kind: 'entry', entry: { runId: run.id, sha: run.head_sha, createdAt: run.created_at ?? null, metrics: {} }, suites }
    }
    if (isSuitesReport(read)) return { kind: 'invalid', why: `${where}: ${REPORT_FILE} is a report of suites, and this run compares one predictions file` }
    return { kind: 'entry', entry: entryOf(read, q.metrics) }
  } catch (error) {
    // A bad artifact is skipped, never trusted; a failing API (after retries) still fails the run.
    if ((error as { name?: string }).name === 'HttpError') {
      if ((error as { status?: number }).status === 404) return { kind: 'missing' }
      throw error
    }
    return { kind: 'invalid', why: (error as Error).message }
  }
}
