// A reader thread that answers with the file but never posts its search for a repeated id (bundled by esbuild in
// read-early.test.ts): the main thread must then look itself.
import { workerData } from 'node:worker_threads'
import { isReadWorker, serveReadRequest } from '../src/tasks/classification/readerThread.js'

if (isReadWorker()) {
  ;(workerData as { checkIds?: boolean }).checkIds = false
  void serveReadRequest()
}
