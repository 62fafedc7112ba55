/**
 * Statistics on the second core (docs/scale.md): a helper thread runs one self-contained piece of the statistics while
 * the main thread runs the rest. The thread is the CLI (or action) bundle itself, started with a marker in
 * `workerData`, as src/tasks/classification/readerThread.ts and the generation helper do; `serveStatsJob()` answers it.
 *
 * A job needs only its inputs (its columns are copied to the thread once: 17 MB for 1,000,000 binary pairs, a few
 * milliseconds; not shared memory, whose typed arrays V8 reads several times slower in the sorts and the resampling
 * loops, measured 2.2 s against 0.36 s for two sorts of 1,000,000 scores) and draws from the same
 * named random streams as on one thread, so its numbers are the same byte for byte wherever it runs; without a
 * script (compare() called directly, as in tests) or when the thread cannot start, the caller runs it itself.
 * Jobs: `ap`, average precision of a binary task with its paired bootstrap and randomization
 * ({@link averagePrecisionMetric}), the costliest score statistic; `families`, a share of the per-class cell
 * families of src/significance/classification/classificationStatistics.ts.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { averagePrecisionMetric, type BinaryScoreColumns } from './scoreColumnStatistics.js'
import { aggregateMetrics } from '../../metrics/classification.js'
import { direction } from '../../metrics/names.js'
import { resampleClassFamily } from './classFamily.js'
import { BOOTSTRAP_CHUNK, chunkedBootstrap, familyPermutation, type BootstrapDraws, type CellFamily, type PermutationCounts } from './classificationResample.js'
import { type ResampledMetric } from '../../stats/resampledMetric.js'
import type { CellTable } from '../../pair/cellTable.js'
import type { MetricReport, Task } from '../../report/schema.js'

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

/** Per-class families to share: class todo[j] (label labels[j]) of the cell blocks, claimed through `status`. */
export interface FamiliesJob {
  kind: 'families'
  todo: Int32Array
  labels: string[]
  blocks: Float64Array
  settings: Settings
  hasBaseline: boolean
  /** Shared: per todo entry FREE, MAIN or HELPER (who computes it). */
  status: Int32Array
}

const FREE = 0
const MAIN = 1
const HELPER = 2
const DONE = 3

/**
 * The full table's family (`table`, the aggregate metrics of a task with more than 4 classes): its permutation
 * test into shared `twoSided` and `worse` (`status[0]` FREE → HELPER → DONE, or MAIN when the main thread got
 * there first: then it computes them itself), then the chunks of its bootstrap (src/significance/classification/classificationResample.ts
 * `chunkedBootstrap`) still free, claimed from the last down (`chunks[i]` FREE → HELPER → DONE; the main thread
 * claims from the first up), into the shared `deltas` and `candidates` (metric i's resample r at i·R + r).
 */
export interface TableJob {
  kind: 'table'
  cells: CellTable
  task: Task
  positive: number | null
  settings: Settings
  status: Int32Array
  twoSided: Float64Array
  worse: Float64Array
  chunks: Int32Array
  deltas: Float64Array
  candidates: Float64Array
}

function tableFamily(job: Pick<TableJob, 'cells' | 'task' | 'positive'>): CellFamily {
  return { name: 'table', cells: job.cells, metrics: aggregateMetrics(job.task, job.cells.k, job.positive), chunked: true }
}

/** The rows of the shared arrays as one array per metric (views, no copy). */
function sharedDraws(job: Pick<TableJob, 'deltas' | 'candidates' | 'settings'>, metrics: number): BootstrapDraws {
  const R = job.settings.resamples
  const rows = (a: Float64Array) => Array.from({ length: metrics }, (_, i) => a.subarray(i * R, i * R + R))
  return { deltas: rows(job.deltas), candidates: rows(job.candidates) }
}

function runTable(job: TableJob): void {
  const family = tableFamily(job)
  if (Atomics.compareExchange(job.status, 0, FREE, HELPER) === FREE) {
    try {
      const counts = familyPermutation(family, direction, job.settings)
      job.twoSided.set(counts.twoSided)
      job.worse.set(counts.worse)
      Atomics.store(job.status, 0, DONE)
    } catch {
      // Given back: the main thread computes it (and meets the error itself, if any).
      Atomics.store(job.status, 0, FREE)
    }
    Atomics.notify(job.status, 0)
  }
  let boot: ReturnType<typeof chunkedBootstrap> | null = null
  const out = sharedDraws(job, family.metrics.length)
  for (let c = job.chunks.length - 1; c >= 0; c--) {
    if (Atomics.compareExchange(job.chunks, c, FREE, HELPER) !== FREE) break
    try {
      boot ??= chunkedBootstrap(family, job.settings.resamples, job.settings.seed)
      boot.draw(c, out)
      Atomics.store(job.chunks, c, DONE)
    } catch {
      Atomics.store(job.chunks, c, FREE)
      Atomics.notify(job.chunks, c)
      return
    }
    Atomics.notify(job.chunks, c)
  }
}

/** The helper's families: class index → resampled metrics. */
type FamiliesResult = [number, Map<string, ResampledMetric>][]

type Job = ApJob | FamiliesJob | TableJob

type Reply = { ok: true; result: ApResult | FamiliesResult } | { ok: false; message: string }

/** What the helper thread computed in the last run (for tests and timing). */
export const lastStatsSplit = {
  ap: 'none' as 'none' | 'main' | 'helper',
  families: { main: 0, helper: 0 },
  table: 'none' as 'none' | 'main' | 'helper',
  /** The table bootstrap's chunks each thread drew. */
  tableChunks: { main: 0, helper: 0 }
}

/** True in a helper thread started by {@link startStatsJob}. */
export function isStatsWorker(): boolean {
  return !isMainThread && (workerData as { evalGateStats?: boolean } | undefined)?.evalGateStats === true
}

/** Runs a job on this thread. */
export function runStatsJob(job: ApJob): ApResult {
  const { pos, base, cand, orderB, orderC } = job.columns
  return averagePrecisionMetric(pos, base, cand, job.settings, orderB ?? null, orderC ?? null)
}

/**
 * In a helper thread: claims families from the last down, until it meets one the main thread (which claims from
 * the first up) has taken.
 */
function runFamilies(job: FamiliesJob): FamiliesResult {
  const out: FamiliesResult = []
  for (let j = job.todo.length - 1; j >= 0; j--) {
    if (Atomics.compareExchange(job.status, j, FREE, HELPER) !== FREE) break
    out.push([job.todo[j], resampleClassFamily(job.blocks, job.todo[j], job.labels[j], job.settings, job.hasBaseline)])
  }
  return out
}

/** In a helper thread: runs the job in workerData and posts its result. */
export function serveStatsJob(): void {
  const { job } = workerData as { job: Job }
  if (job.kind === 'table') {
    runTable(job)
    return
  }
  let reply: Reply
  try {
    reply = { ok: true, result: job.kind === 'ap' ? runStatsJob(job) : runFamilies(job) }
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
 * A helper thread running `script` on `job`: its one reply, or null when it fails or exits without one (the
 * thread is ended once it has answered). Null instead of a promise when no thread can start.
 */
function startHelper(script: string | URL, job: ApJob | FamiliesJob): Promise<Reply | null> | null {
  try {
    const worker = new Worker(script, { workerData: { evalGateStats: true, job } })
    return new Promise((resolve) => {
      worker.once('message', (reply: Reply) => {
        void worker.terminate()
        resolve(reply)
      })
      worker.once('error', () => resolve(null))
      worker.once('exit', () => resolve(null))
    })
  } catch {
    return null
  }
}

/**
 * Starts `job` in a helper thread running `script`; without a script it is run by `result()` on this thread.
 * The job's arrays are copied to the thread (structured clone). A helper that fails or
 * exits without an answer is not an error: the job is then run here, with the same numbers.
 */
export function startStatsJob(script: string | URL | undefined, job: ApJob): PendingJob {
  if (!script) return { result: () => Promise.resolve(runStatsJob(job)) }
  const answer = startHelper(script, job) ?? Promise.resolve(null)
  return {
    async result() {
      const reply = await answer
      lastStatsSplit.ap = reply?.ok ? 'helper' : 'main'
      if (reply?.ok) return reply.result as ApResult
      // A bug in the job surfaces here as it would on one thread; a helper that died is simply replaced.
      return runStatsJob(job)
    }
  }
}

/** Per-class families shared with a helper thread (see confusionStatisticsParallel in src/significance/classification/classificationStatistics.ts). */
export interface FamilySplit {
  /** Claims entry j for the main thread; false when the helper has it. */
  claim(j: number): boolean
  /** Who computes entry j (once every entry is claimed). */
  owner(j: number): 'main' | 'helper'
  /** The helper's results by class index; empty when it failed (its classes are then for the main thread). */
  result(): Promise<Map<number, Map<string, ResampledMetric>>>
}

/** Starts a helper thread on `job`'s families (status made here); null when no thread can start. */
export function startFamilies(script: string | URL, job: Omit<FamiliesJob, 'kind' | 'status'>): FamilySplit | null {
  const status = new Int32Array(new SharedArrayBuffer(4 * job.todo.length))
  const answer = startHelper(script, { ...job, kind: 'families', status } satisfies FamiliesJob)
  if (!answer) return null
  return {
    claim: (j) => Atomics.compareExchange(status, j, FREE, MAIN) === FREE,
    owner: (j) => (Atomics.load(status, j) === MAIN ? 'main' : 'helper'),
    async result() {
      const reply = await answer
      return new Map(reply?.ok ? (reply.result as FamiliesResult) : [])
    }
  }
}

/** The table's statistics shared with a helper thread: what gives each on this thread, waiting for the helper's share. */
export interface TableHelper {
  /** The permutation counts (called after the bootstrap). */
  permutation(): PermutationCounts
  /** The chunked bootstrap of `family` (the table's, as the helper builds it): this thread's chunks and the helper's. */
  bootstrap(family: CellFamily): BootstrapDraws
}

/**
 * Starts the table's permutation test, then its share of the bootstrap's chunks, on a helper thread. The
 * helper's share comes when it is done (waiting while it works), else is computed here (the helper never started,
 * gave a piece back, or is taken to be gone after 10 minutes, far past the time of a capped table's work: the
 * same numbers). Null when no thread can start. Shared memory: 2 × metrics × (resamples + 1) doubles.
 */
export function startTableJob(script: string | URL, job: Omit<TableJob, 'kind' | 'status' | 'twoSided' | 'worse' | 'chunks' | 'deltas' | 'candidates'>): TableHelper | null {
  const m = tableFamily(job).metrics.length
  const R = job.settings.resamples
  const shared = (length: number) => new Float64Array(new SharedArrayBuffer(8 * length))
  const full: TableJob = {
    ...job,
    kind: 'table',
    status: new Int32Array(new SharedArrayBuffer(4)),
    twoSided: shared(m),
    worse: shared(m),
    chunks: new Int32Array(new SharedArrayBuffer(4 * Math.ceil(R / BOOTSTRAP_CHUNK))),
    deltas: shared(m * R),
    candidates: shared(m * R)
  }
  try {
    const worker = new Worker(script, { workerData: { evalGateStats: true, job: full } })
    worker.unref()
    // A helper that fails simply never takes a piece (or gives it back): see below.
    worker.on('error', () => undefined)
  } catch {
    return null
  }
  const { status, twoSided, worse, chunks } = full
  return {
    permutation() {
      for (;;) {
        const s = Atomics.load(status, 0)
        lastStatsSplit.table = s === DONE ? 'helper' : 'main'
        if (s === DONE) return { twoSided: Float64Array.from(twoSided), worse: Float64Array.from(worse) }
        if (s === FREE && Atomics.compareExchange(status, 0, FREE, MAIN) === FREE) return familyPermutation(tableFamily(job), direction, job.settings)
        if (s === HELPER && Atomics.wait(status, 0, HELPER, 600_000) === 'timed-out') return familyPermutation(tableFamily(job), direction, job.settings)
      }
    },
    bootstrap(family) {
      const boot = chunkedBootstrap(family, R, job.settings.seed)
      // This thread's chunks go straight into arrays of its own (typed arrays in shared memory are slow to read
      // for the quantile selection); the helper's are copied from the shared ones.
      const out: BootstrapDraws = { deltas: family.metrics.map(() => new Float64Array(R)), candidates: family.metrics.map(() => new Float64Array(R)) }
      const helperOut = sharedDraws(full, m)
      const split = { main: 0, helper: 0 }
      for (let c = 0; c < boot.chunks; c++) {
        if (Atomics.compareExchange(chunks, c, FREE, MAIN) === FREE) {
          boot.draw(c, out)
          split.main++
          continue
        }
        for (;;) {
          const s = Atomics.load(chunks, c)
          if (s === DONE) break
          if (s === FREE && Atomics.compareExchange(chunks, c, FREE, MAIN) === FREE) break
          if (s === HELPER && Atomics.wait(chunks, c, HELPER, 600_000) === 'timed-out') break
        }
        if (Atomics.load(chunks, c) === DONE) {
          const from = c * BOOTSTRAP_CHUNK
          const to = Math.min(R, from + BOOTSTRAP_CHUNK)
          for (let i = 0; i < m; i++) {
            out.deltas[i].set(helperOut.deltas[i].subarray(from, to), from)
            out.candidates[i].set(helperOut.candidates[i].subarray(from, to), from)
          }
          split.helper++
        } else {
          boot.draw(c, out)
          split.main++
        }
      }
      lastStatsSplit.tableChunks = split
      return out
    }
  }
}
