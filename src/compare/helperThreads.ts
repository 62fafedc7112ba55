/**
 * The helper threads of a comparison (docs/scale.md): the baseline read on a second core, the classification
 * statistics' resampling and the generation resampling. Each shell's bundle is also the helpers' worker script,
 * started with a marker in workerData; this one dispatch is what both shells call first.
 */
import { isGenerationWorker, serveGenerationWorker } from '../significance/generation/generationWorker.js'
import { isStatsWorker, serveStatsJob } from '../significance/classification/statsWorker.js'
import { isReadWorker, serveReadRequest } from '../tasks/classification/readerThread.js'

/** Runs a helper's job when this thread was started as one, and says so; false on the main thread. */
export function serveHelperThread(): boolean {
  if (isReadWorker()) void serveReadRequest()
  else if (isGenerationWorker()) serveGenerationWorker()
  else if (isStatsWorker()) serveStatsJob()
  else return false
  return true
}
