/** The task modules, by the `task` option (SPEC §2, §10, §11). */
import type { TaskName } from '../types.js'
import { classification } from './classification.js'
import type { TaskModule } from './task.js'

export function taskModule(task: TaskName | undefined): TaskModule {
  switch (task) {
    case undefined:
    case 'binary':
    case 'multiclass':
      return classification
    default:
      return classification
  }
}
