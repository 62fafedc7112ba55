import { InputError } from '../../errors.js'
import type { PredictionSource } from '../../types.js'
import type { ToolTable } from './table.js'

export async function readEee(source: PredictionSource): Promise<ToolTable> {
  throw new InputError(source.name, null, null, 'eee: not yet')
}
