/**
 * The action's entry point: starts run(). The same bundle also serves as the worker script of the core's helper
 * threads (the baseline read on a second core, the generation resampling), started with a marker in workerData.
 */
import { run } from './main.js'
import { serveHelperThread } from '../compare/helperThreads.js'

if (!serveHelperThread()) void run()
