/**
 * Statistics on the second core (SPEC §8): a helper thread runs one self-contained piece of the statistics while
 * the main thread runs the rest. The thread is the CLI (or action) bundle itself, started with a marker in
 * `workerData`, as src/read/parallel.ts and the generation helper do; `serveStatsJob()` answers it.
 *
 * A job needs only its inputs (its columns are copied to the thread once: 17 MB for 1,000,000 binary pairs, a few
 * milliseconds; not shared memory, whose typed arrays V8 reads several times slower in the sorts and the resampling
 * loops, measured 2.2 s against 0.36 s for two sorts of 1,000,000 scores) and draws from the same
 * named random streams as on one thread, so its numbers are the same byte for byte wherever it runs; without a
 * script (compare() called directly, as in tests) or when the thread cannot start, the caller runs it itself.
 * Jobs: `ap`, average precision of a binary task with its paired bootstrap and randomization
 * ({@link averagePrecisionMetric}), the costliest score statistic; `families`, a share of the per-class cell
 * families of src/statistics.ts.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { averagePrecisionMetric, type BinaryScoreColumns } from './scoreStatistics.js'
import type { MetricReport } from './types.js'

interface Settings {
  alpha: number
  resamples: number
  seed: number
}

export interface ApJob {
  kind: 'ap'
  columns: BinaryScoreColumns
  settings: Settings
}

export type ApResult = { metric: MetricReport; warning: string | null }

type Reply = { ok: true; result: ApResult } | { ok: false; message: string }

/** True in a helper thread started by {@link startStatsJob}. */
export function isStatsWorker(): boolean {
  return !isMainThread && (workerData as { evalGateStats?: boolean } | undefined)?.evalGateStats === true
}

/** Runs a job on this thread. */
export function runStatsJob(job: ApJob): ApResult {
  return averagePrecisionMetric(job.columns.pos, job.columns.base, job.columns.cand, job.settings)
}

/** In a helper thread: runs the job in workerData and posts its result. */
export function serveStatsJob(): void {
  const { job } = workerData as { job: ApJob }
  let reply: Reply
  try {
    reply = { ok: true, result: runStatsJob(job) }
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  parentPort?.postMessage(reply)
}

/** A job under way in a helper thread, or waiting to be run here. */
export interface PendingJob {
  /** The job's result: the helper's, or (no helper, or it failed) computed on this thread. */
  result(): Promise<ApResult>
}

/**
 * Starts `job` in a helper thread running `script`; without a script it is run by `result()` on this thread.
 * The job's arrays are copied to the thread (structured clone). A helper that fails or
 * exits without an answer is not an error: the job is then run here, with the same numbers.
 */
export function startStatsJob(script: string | URL | undefined, job: ApJob): PendingJob {
  if (!script) return { result: () => Promise.resolve(runStatsJob(job)) }
  let answer: Promise<Reply | null>
  try {
    const worker = new Worker(script, { workerData: { evalGateStats: true, job } })
    answer = new Promise((resolve) => {
      worker.once('message', (reply: Reply) => {
        void worker.terminate()
        resolve(reply)
      })
      worker.once('error', () => resolve(null))
      worker.once('exit', () => resolve(null))
    })
  } catch {
    answer = Promise.resolve(null)
  }
  return {
    async result() {
      const reply = await answer
      if (reply?.ok) return reply.result
      // A bug in the job surfaces here as it would on one thread; a helper that died is simply replaced.
      return runStatsJob(job)
    }
  }
}
