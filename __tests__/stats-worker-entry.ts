// The statistics helper thread as the CLI bundle serves it (bundled by esbuild in stats-worker.test.ts).
import { isStatsWorker, serveStatsJob } from '../src/statsWorker.js'

if (isStatsWorker()) serveStatsJob()
