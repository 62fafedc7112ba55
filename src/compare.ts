import type { FieldNames, Format, PredictionSource, Report, Task } from './types.js'

/** Everything a comparison needs besides the files (CLI options / action inputs, already validated). */
export interface CompareOptions {
  candidate: PredictionSource
  /** null: no baseline (statistics fields are null; baseline-only gates follow missingBaseline). */
  baseline: PredictionSource | null
  format?: Format
  fields: FieldNames
  positiveLabel?: string
  task?: Task
  /** Gate rules text (SPEC §5); undefined: the default rules. */
  gates?: string
  alpha: number
  resamples: number
  seed: number
  missingBaseline: 'skip' | 'fail'
}

/** Reads both files, pairs them, computes metrics and statistics, evaluates the gates. Throws InputError / ConfigError. */
export async function compare(options: CompareOptions): Promise<Report> {
  void options
  throw new Error('compare: not yet implemented')
}
