/** The helper thread of worker.test.ts: what the CLI bundle does when started as a resampling worker. */
import { isGenerationWorker, serveGenerationWorker } from '../../src/significance/generation/generationWorker.js'

if (isGenerationWorker()) serveGenerationWorker()
