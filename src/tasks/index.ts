/** The task modules, by the `task` option (SPEC §2, §10, §11), and cell counts (`format: cells`, SPEC §15). */
import type { Format, TaskName } from '../types.js'
import { cellsTask } from './cells.js'
import { classification } from './classification.js'
import { generation } from './generation.js'
import { regression } from './regression.js'
import { scores } from './scores.js'
import type { TaskModule } from './task.js'

export function taskModule(task: TaskName | undefined, format?: Format): TaskModule {
  // Cell counts are classification; the module refuses the other tasks with a message.
  if (format === 'cells') return cellsTask
  switch (task) {
    case undefined:
    case 'binary':
    case 'multiclass':
      return classification
    case 'scores':
      return scores
    case 'regression':
      return regression
    case 'generation':
      return generation
  }
}
