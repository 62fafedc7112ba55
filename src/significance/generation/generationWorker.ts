/**
 * The generation resampling on two cores: a helper thread (the CLI bundle itself, started with a marker in
 * `workerData`, as src/tasks/classification/readerThread.ts does) takes chunks of the job (jobs.ts) while the main thread takes the
 * others. Each chunk is claimed with an atomic compare-and-swap on its status word (free → main or helper →
 * done), so each is computed once; its numbers depend only on the seed and the chunk's number, so the report is
 * the same byte for byte whoever computes what. The main thread never depends on the helper: it claims every
 * chunk the helper has not taken (so a helper that never starts costs nothing but its start), waits for those
 * the helper holds, and computes one itself if the helper gives it back (an error) or has not finished it long
 * after the main thread would have (a helper that died).
 * Outputs are in shared memory; the job's inputs are copied to the helper once (about 2 MB for 10,000 examples).
 * The main thread blocks in Atomics.wait while it waits, so `compareGeneration` stays synchronous.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { chunkCount, runChunk, type Job } from './jobs.js'

const FREE = 0
const MAIN = 1
const HELPER = 2
const DONE = 3

interface Posted {
  job: Job
  status: Int32Array
}

/** True in a helper thread started by {@link GenerationHelper}. */
export function isGenerationWorker(): boolean {
  return !isMainThread && (workerData as { evalGateGeneration?: boolean } | undefined)?.evalGateGeneration === true
}

/** In a helper thread: takes free chunks of each job posted to it. */
export function serveGenerationWorker(): void {
  parentPort?.on('message', ({ job, status }: Posted) => {
    claimChunks(job, status, HELPER)
  })
  parentPort?.postMessage('ready')
}

/** Chunks of the last job run by the main thread and by the helper (for tests and timing). */
export const lastSplit = { main: 0, helper: 0 }

/**
 * Claims and runs free chunks, the main thread from the first, the helper from the last (so they seldom contend);
 * returns how many it ran and the milliseconds per chunk.
 */
function claimChunks(job: Job, status: Int32Array, who: number): { ran: number; perChunk: number } {
  let ran = 0
  const start = performance.now()
  for (let i = 0; i < status.length; i++) {
    const c = who === MAIN ? i : status.length - 1 - i
    if (Atomics.compareExchange(status, c, FREE, who) !== FREE) continue
    try {
      runChunk(job, c)
    } catch (error) {
      // Give the chunk back to the main thread, which will compute it (and meet the error itself, if any).
      Atomics.store(status, c, FREE)
      Atomics.notify(status, c)
      if (who === HELPER) return { ran, perChunk: 0 }
      throw error
    }
    Atomics.store(status, c, DONE)
    Atomics.notify(status, c)
    ran++
  }
  return { ran, perChunk: ran === 0 ? 0 : (performance.now() - start) / ran }
}

/** A helper thread for the resampling; start it early (it takes a moment to load), close it when done. */
export class GenerationHelper {
  private worker: Worker | null = null
  /** Settles when the helper is listening (or has failed: then it never takes a chunk). */
  readonly ready: Promise<void>

  /** @param script the module to run in the thread: the CLI bundle (`new URL(import.meta.url)` there). */
  constructor(script: string | URL) {
    let settle = (): void => undefined
    this.ready = new Promise((resolve) => (settle = resolve))
    try {
      const worker = new Worker(script, { workerData: { evalGateGeneration: true } })
      worker.unref()
      // A helper that fails is simply not there: the main thread does every chunk.
      worker.on('error', settle)
      worker.on('exit', settle)
      worker.once('message', settle)
      this.worker = worker
    } catch {
      this.worker = null
      settle()
    }
  }

  /** Posts the job (its outputs must be in shared memory: see {@link sharedArray}). */
  post(job: Job, status: Int32Array): boolean {
    if (this.worker === null) return false
    try {
      this.worker.postMessage({ job, status } satisfies Posted)
      return true
    } catch {
      return false
    }
  }

  close(): void {
    if (this.worker) void this.worker.terminate()
    this.worker = null
  }
}

/** A zeroed Float64Array in shared memory when a helper will write it, ordinary memory otherwise. */
export function sharedArray(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length)
}

/** A zeroed Int32Array, shared or not. */
export function sharedInts(length: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length)
}

/**
 * Runs every chunk of the job: with a helper, the two threads share them (the job's outputs must then be shared
 * arrays); without, all on this thread.
 */
export function runJob(job: Job, helper: GenerationHelper | null): void {
  const total = chunkCount(job)
  const status = sharedInts(total, helper !== null)
  lastSplit.main = total
  lastSplit.helper = 0
  if (helper === null || !helper.post(job, status)) {
    for (let c = 0; c < total; c++) runChunk(job, c)
    return
  }
  const { ran, perChunk } = claimChunks(job, status, MAIN)
  let main = ran
  // Long after the main thread would have finished a chunk, the helper is taken to be gone.
  const patience = Math.max(2000, 20 * perChunk)
  for (let c = 0; c < total; c++) {
    for (;;) {
      const s = Atomics.load(status, c)
      if (s === DONE) break
      if (s === FREE) {
        if (Atomics.compareExchange(status, c, FREE, MAIN) !== FREE) continue
        runChunk(job, c)
        Atomics.store(status, c, DONE)
        main++
        break
      }
      if (Atomics.wait(status, c, HELPER, patience) === 'timed-out') {
        // Same numbers as the helper's, if it still writes them.
        runChunk(job, c)
        main++
        break
      }
    }
  }
  lastSplit.main = main
  lastSplit.helper = total - main
}
