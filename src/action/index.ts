/**
 * The action's entry point: starts run(). The same bundle also serves as the worker script of the core's helper
 * threads (the baseline read on a second core, the generation resampling), started with a marker in workerData.
 */
import { run } from './main.js'
import { isGenerationWorker, serveGenerationWorker } from '../significance/generation/generationWorker.js'
import { isReadWorker, serveReadRequest } from '../tasks/classification/readerThread.js'
import { isStatsWorker, serveStatsJob } from '../significance/classification/statsWorker.js'

if (isReadWorker()) void serveReadRequest()
else if (isGenerationWorker()) serveGenerationWorker()
else if (isStatsWorker()) serveStatsJob()
else void run()
