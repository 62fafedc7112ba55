/** The helper thread of worker.test.ts: what the CLI bundle does when started as a resampling worker. */
import { isGenerationWorker, serveGenerationWorker } from '../../src/metrics/generation/worker.js'

if (isGenerationWorker()) serveGenerationWorker()
