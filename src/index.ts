/** The action's entry point: only starts run(). */
import { run } from './main.js'

void run()
