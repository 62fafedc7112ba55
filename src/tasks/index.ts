/** The task modules, by the `task` option (SPEC §2, §10, §11). */
import type { TaskName } from '../types.js'
import { classification } from './classification.js'
import { generation } from './generation.js'
import { regression } from './regression.js'
import { scores } from './scores.js'
import type { TaskModule } from './task.js'

export function taskModule(task: TaskName | undefined): TaskModule {
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
