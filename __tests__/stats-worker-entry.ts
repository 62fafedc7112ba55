// The helper threads as the CLI bundle serves them (bundled by esbuild in stats-worker.test.ts and
// read-early.test.ts): the baseline's reader and the statistics helper.
import { isReadWorker, serveReadRequest } from '../src/tasks/classification/readerThread.js'
import { isStatsWorker, serveStatsJob } from '../src/significance/classification/statsWorker.js'

if (isReadWorker()) void serveReadRequest()
if (isStatsWorker()) serveStatsJob()
