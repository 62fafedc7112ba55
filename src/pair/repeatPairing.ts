/**
 * docs/repeats-and-clusters.md repeats and clusters: what the tasks call. Repeats: src/pair/repeats.ts; the clusters of the
 * pairs and the clustered confusion-matrix statistics: src/significance/clusters/clusterCells.ts; clustered means (scores):
 * src/significance/clusters/clusteredMeans.ts.
 */
import { pairByIds, type IdRows, type Pairing, type SameTruth } from './pairByIds.js'
import type { KeyColumn } from '../read/keys.js'
import type { MetricReport, Report } from '../report/schema.js'
import { collapseRepeats, repeatIds, repeatLabel, withRepeatKeys, type Repeats } from './repeats.js'


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
export function pairRepeats(candidate: IdRows, baseline: IdRows, repeats: FileRepeats, sameTruth: SameTruth, field: string): Pairing {
  return labelRepeats(pairByIds(withRepeatKeys(candidate, repeats.candidate), withRepeatKeys(baseline, repeats.baseline as Repeats), sameTruth), field)
}

/** The pairing's named ids as `id (F value)` instead of pairing keys. */
export function labelRepeats(pairing: Pairing, field: string | undefined): Pairing {
  if (field === undefined) return pairing
  const label = (ids: string[]): string[] => ids.map((k) => repeatLabel(k, field))
  return { ...pairing, candidateOnlyIds: label(pairing.candidateOnlyIds), baselineOnlyIds: label(pairing.baselineOnlyIds), conflictIds: label(pairing.conflictIds) }
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

/**
 * The repeats of a numeric task (scores): `collapse` turns a file into one row per id, each value the mean of
 * the id's repeats (the identity without `--repeat-field`); `counts` then adds `counts.repeats` and gives the
 * files' row counts (not their ids) as `counts.candidate` and `counts.baseline`.
 */
export function meanOfRepeats<F extends IdRows & { keys?: KeyColumn[] }>(
  options: { repeatField?: string; clusterField?: string },
  columns: (file: F) => Float64Array[],
  replace: (file: F, columns: Float64Array[]) => F
): { collapse: (file: F) => F; counts: (counts: Report['counts']) => Report['counts'] } {
  const seen: { rows: number; meanK: number }[] = []
  const field = options.repeatField
  return {
    collapse(file) {
      if (field === undefined) return file
      const repeats = repeatIds(file, field)
      seen.push({ rows: file.n, meanK: repeats.meanK })
      const collapsed = collapseRepeats(file, repeats, columns(file), options.clusterField)
      return replace(collapsed.file, collapsed.columns)
    },
    counts(counts) {
      if (field === undefined || seen.length === 0) return counts
      const [c, b] = seen
      return { ...counts, candidate: c.rows, baseline: b ? b.rows : null, repeats: { candidate: c.meanK, baseline: b ? b.meanK : null } }
    }
  }
}

/**
 * The repeats of a task that pairs rows (regression): `keyed` gives a file its (id, repeat) keys as ids, so
 * rows pair by id and repeat value, and records its repeats; `counts` adds `counts.repeats`.
 */
export function pairedRepeats<F extends IdRows & { keys?: KeyColumn[] }>(options: { repeatField?: string }): {
  keyed: (file: F) => F
  repeats: () => FileRepeats | null
  counts: (counts: Report['counts']) => Report['counts']
} {
  const seen: Repeats[] = []
  const field = options.repeatField
  const repeats = (): FileRepeats | null => (field === undefined || seen.length === 0 ? null : { candidate: seen[0], baseline: seen[1] ?? null })
  return {
    keyed(file) {
      if (field === undefined) return file
      const r = repeatIds(file, field)
      seen.push(r)
      return withRepeatKeys(file, r)
    },
    repeats,
    counts: (counts) => withRepeatCounts(counts, repeats())
  }
}
