/**
 * Reading the baseline on a second core: a worker thread runs the same reader on the baseline file while the
 * main thread reads the candidate, then hands its columns over without copying (transferred buffers). Asked, it
 * also sorts the file's `score` column before it answers, and afterwards searches its text ids for a repeat and
 * posts what it found, while the main thread pairs (src/tasks/classification/classificationTask.ts readBoth). The worker is the CLI
 * bundle itself, started with a marker in `workerData`; `serveReadRequest()` answers it.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { InputError } from '../../common/errors.js'
import { LabelDictionary, type FieldNames, type Format, type PredictionFile, type PredictionSource } from '../../read/predictionFile.js'
import { ascendingOrder } from '../../stats/order.js'
import { firstRepeat } from '../../pair/pairByIds.js'
import { readPredictions } from '../../read/readPredictions.js'
import type { KeyField } from '../../read/keys.js'
import { ERROR_CODE } from '../../read/rows.js'

interface ReadRequest {
  evalGateRead: true
  source: PredictionSource
  format?: Format
  fields: FieldNames
  requireId: boolean
  maxRowBytes?: number
  keys?: readonly KeyField[]
  /** Sort the file's `score` column too (ascendingOrder), for the score statistics. */
  sortScore?: boolean
  /** After answering, look for a repeated text id (src/pair/pairByIds.ts firstRepeat) and post what was found. */
  checkIds?: boolean
}

type ReadReply =
  | { ok: true; file: PredictionFile; labels: string[]; scoreOrder: Uint32Array | null }
  | { ok: false; input: boolean; file?: string; line?: number | null; field?: string | null; reason?: string; message: string }

/** True in a worker started by `readInWorker`. */
export function isReadWorker(): boolean {
  return !isMainThread && (workerData as ReadRequest | undefined)?.evalGateRead === true
}

/** In a read worker: reads the requested file and posts its columns back. */
export async function serveReadRequest(): Promise<void> {
  const request = workerData as ReadRequest
  const dictionary = new LabelDictionary()
  let reply: ReadReply
  const transfer: ArrayBuffer[] = []
  try {
    const file = await readPredictions(request.source, { format: request.format, fields: request.fields, dictionary, requireId: request.requireId, maxRowBytes: request.maxRowBytes, keys: request.keys })
    const scoreOrder = request.sortScore && file.score ? ascendingOrder(file.score) : null
    for (const column of [file.line, file.truth, file.pred, file.score, file.scores?.values, file.ids instanceof Float64Array ? file.ids : null, file.errors, ...(file.keys ?? []).map((k) => k.codes), scoreOrder]) {
      if (column) transfer.push(column.buffer as ArrayBuffer)
    }
    reply = { ok: true, file, labels: dictionary.names, scoreOrder }
  } catch (error) {
    reply =
      error instanceof InputError
        ? { ok: false, input: true, file: error.file, line: error.line, field: error.field, reason: error.reason, message: error.message }
        : { ok: false, input: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  parentPort?.postMessage(reply, transfer)
  // Text ids are copied to the other thread, not transferred: this thread still has them, and looks for a repeat
  // while the main thread goes on (pairing takes its word: src/pair/pairByIds.ts `checkedElsewhere`).
  if (reply.ok && request.checkIds && Array.isArray(reply.file.ids)) {
    const check: IdsReply = { repeat: firstRepeat(reply.file.ids) }
    parentPort?.postMessage(check)
  }
}

type IdsReply = { repeat: [number, number] | null }

/** A file read on another thread, with the ascending order of its `score` column when asked for and present. */
export interface ReadInWorker {
  file: PredictionFile
  /** ascendingOrder(file.score), over the file's rows. */
  scoreOrder: Uint32Array | null
  /**
   * With `checkIds` and text ids: the thread's search for a repeated id (src/pair/pairByIds.ts firstRepeat) — the rows of
   * the first repeat, or null; undefined when the thread ended without answering (check them here).
   */
  repeat: Promise<[number, number] | null | undefined> | null
}

/**
 * Reads `source` in a worker started from `script`; label codes are re-interned into `dictionary`.
 * Errors come back as they would from readPredictions. With `sortScore`, the worker also sorts the file's
 * `score` column (the score statistics' first step) before it answers; with `checkIds`, it then searches the
 * file's text ids for a repeat (`repeat`), and ends once it has posted that.
 */
export function readInWorker(
  script: string | URL,
  source: PredictionSource,
  options: { format?: Format; fields: FieldNames; dictionary: LabelDictionary; requireId: boolean; maxRowBytes?: number; keys?: readonly KeyField[]; sortScore?: boolean; checkIds?: boolean }
): Promise<ReadInWorker> {
  const request: ReadRequest = {
    evalGateRead: true,
    source,
    format: options.format,
    fields: options.fields,
    requireId: options.requireId,
    maxRowBytes: options.maxRowBytes,
    keys: options.keys,
    sortScore: options.sortScore,
    checkIds: options.checkIds
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: request })
    let answered = false
    worker.once('message', (reply: ReadReply) => {
      answered = true
      const checking = reply.ok && options.checkIds === true && Array.isArray(reply.file.ids)
      let repeat: ReadInWorker['repeat'] = null
      if (checking) {
        // The thread's second answer (compare() always awaits it: the thread is not unref'd, or a run awaiting it
        // with nothing else to do would let the process end).
        repeat = new Promise((resolve) => {
          worker.once('message', (check: IdsReply) => {
            void worker.terminate()
            resolve(check.repeat)
          })
          worker.once('exit', () => resolve(undefined))
        })
      } else void worker.terminate()
      if (!reply.ok) {
        reject(reply.input ? new InputError(reply.file as string, reply.line ?? null, reply.field ?? null, reply.reason as string) : new Error(reply.message))
        return
      }
      const { file, labels, scoreOrder } = reply
      const codes = Uint32Array.from(labels, (name) => options.dictionary.code(name))
      for (let i = 0; i < file.n; i++) {
        file.truth[i] = codes[file.truth[i]]
        // An error row's ERROR_CODE (docs/errors.md) is no dictionary code: it stays as it is.
        if (file.pred[i] !== ERROR_CODE) file.pred[i] = codes[file.pred[i]]
      }
      resolve({ file, scoreOrder, repeat })
    })
    worker.once('error', reject)
    // A thread that ends without answering (not the reader: a script that serves nothing) must not leave this waiting.
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the reader thread stopped with code ${code} without an answer`))
    })
  })
}
