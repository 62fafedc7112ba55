/** The task modules, by the `task` option (docs/tasks.md, docs/tasks.md, docs/tasks.md), and cell counts (`format: cells`, docs/scale.md). */
import type { TaskName } from '../report/schema.js'
import type { Format } from '../read/predictionFile.js'
import { cellsTask } from './cellsTask.js'
import { classification } from './classification/classificationTask.js'
import { generation } from './generationTask.js'
import { regression } from './regressionTask.js'
import { scores } from './scoresTask.js'
import type { TaskModule } from './taskModule.js'

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
