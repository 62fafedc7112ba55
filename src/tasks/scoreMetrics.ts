/**
 * The `score-metrics` option (docs/tasks.md): `NAME[:higher|:lower],…`, the per-example fields of task `scores`, each
 * better when higher unless `:lower`. One parser for the CLI and the action.
 *
 * @example parseScoreMetrics('judge, latency_ms:lower', '--score-metrics') // [{ name: 'judge', direction: 'higher' }, { name: 'latency_ms', direction: 'lower' }]
 */
import { ConfigError, quote } from '../common/errors.js'
import type { TaskName } from '../report/schema.js'
import type { Direction } from '../stats/direction.js'

/** Every value the `task` option takes. */
export const TASKS: readonly TaskName[] = ['binary', 'multiclass', 'scores', 'regression', 'generation']

export function parseScoreMetrics(text: string, option: string): { name: string; direction: Direction }[] {
  const out: { name: string; direction: Direction }[] = []
  for (const part of text.split(',')) {
    const item = part.trim()
    if (item === '') continue
    const m = /^(.+?)(?::(higher|lower))?$/.exec(item) as RegExpExecArray
    const name = m[1].trim()
    if (name === '' || /[:;#\s]/.test(name)) throw new ConfigError(`${option}: ${quote(item)} is not NAME, NAME:higher or NAME:lower`)
    if (out.some((f) => f.name === name)) throw new ConfigError(`${option}: the field ${quote(name)} is named twice`)
    out.push({ name, direction: (m[2] as Direction | undefined) ?? 'higher' })
  }
  if (out.length === 0) throw new ConfigError(`${option} names no field: give NAME[:higher|:lower],…`)
  return out
}
