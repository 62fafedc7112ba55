import { InputError } from '../../errors.js'
import type { PredictionSource } from '../../types.js'
import type { ToolTable } from './table.js'

export async function readInspect(source: PredictionSource): Promise<ToolTable> {
  throw new InputError(source.name, null, null, 'inspect: not yet')
}

export async function inspectLogs(_folder: string): Promise<string[]> {
  return []
}
