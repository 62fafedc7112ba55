/**
 * SPEC §12 repeats and clusters: what the tasks call. Repeats: src/clusters/repeats.ts; the clusters of the
 * pairs and the clustered confusion-matrix statistics: src/clusters/cells.ts; clustered means (scores):
 * src/clusters/means.ts.
 */
import { pairByIds, type IdRows, type Pairing, type SameTruth } from '../pair.js'
import type { KeyColumn } from '../read/keys.js'
import type { MetricReport, Report } from '../types.js'
import { repeatIds, withRepeatKeys, type Repeats } from './repeats.js'

export { ClusteredCells, pairClusters, type PairClusters } from './cells.js'
export { collapseRepeats, repeatIds, type Repeats } from './repeats.js'

export interface FileRepeats {
  candidate: Repeats
  baseline: Repeats | null
}

/** Each file's repeats when `--repeat-field` is given (a repeated (id, F) is bad input), else null. */
export function readRepeats(options: { repeatField?: string }, candidate: IdRows & { keys?: KeyColumn[] }, baseline: (IdRows & { keys?: KeyColumn[] }) | null): FileRepeats | null {
  const field = options.repeatField
  if (field === undefined) return null
  return { candidate: repeatIds(candidate, field), baseline: baseline ? repeatIds(baseline, field) : null }
}

/** Pairs rows of the same id and the same repeat value (classification). */
export function pairRepeats(candidate: IdRows, baseline: IdRows, repeats: FileRepeats, sameTruth: SameTruth): Pairing {
  return pairByIds(withRepeatKeys(candidate, repeats.candidate), withRepeatKeys(baseline, repeats.baseline as Repeats), sameTruth)
}

/** The counts with `repeats` (rows per id, the mean over ids) when the files have repeats. */
export function withRepeatCounts(counts: Report['counts'], repeats: FileRepeats | null): Report['counts'] {
  if (!repeats) return counts
  return { ...counts, repeats: { candidate: repeats.candidate.meanK, baseline: repeats.baseline ? repeats.baseline.meanK : null } }
}

/** The warning for metrics whose statistics have no clustered form here (they keep their values only). */
export function unclusteredWarning(names: readonly string[], what: string): string {
  return (
    `The ${names.map((n) => `\`${n}\``).join(', ')} statistics have no clustered form yet: with clusters (${what}) their intervals and ` +
    'p-values are left out (values only), since per-example resampling would overstate their precision.'
  )
}

/** A metric's values without its intervals and tests. */
export function valuesOnly(m: MetricReport): MetricReport {
  return { ...m, ci: null, pValue: null, candidateCi: null, test: null, pValueWorse: null, worseBound: null, ciMethod: null }
}
