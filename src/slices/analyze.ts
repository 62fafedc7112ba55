/**
 * Slices (docs/slices.md): the headline metrics on every slice with at least `minSlice` compared examples, each with
 * the overall metric's own tests (the task's `analyzeSlice`: for classification a cell table of the slice's
 * examples, so a resample is a multinomial draw over that slice's cells; for the other tasks the task's
 * statistics on the slice's examples), and q-values: Benjamini–Hochberg over every tested slice metric of the run
 * that has a two-sided p-value.
 *
 * Each slice has its own random streams: its seed is the run's seed mixed with the FNV-1a hash of
 * `slice:FIELD=VALUE`, so adding a slice field or a value changes no other slice's numbers.
 *
 * Cost: one pass over the compared examples per field to group them (src/slices/assign.ts), then per tested
 * slice the task's statistics on its examples (classification: O(slice examples) once, then O(cells) per
 * resample; from a cells file, O(slice cells · log) once: a slice's size is the sum of its cells' counts).
 */
import { fnv1a64 } from '../stats/random.js'
import { benjaminiHochberg } from '../stats/benjaminiHochberg.js'
import type { Prepared, Settings } from '../tasks/taskModule.js'
import type { SliceMetricReport, SliceReport, SliceSettings } from '../report/schema.js'
import type { FieldSlices, SliceGroup } from './assign.js'
import type { ShiftedTest } from '../stats/shiftedNull.js'
import { sliceName } from '../gates/sliceRules.js'

/** Default `--min-slice`: the fewest compared examples a tested slice has. */
export const DEFAULT_MIN_SLICE = 30

/**
 * The most slices a run tests (over all fields): the largest, ties in slice order. Each tested slice costs its
 * own resampling (about 30 ms for a binary slice with 10,000 resamples), and the slice values are the pull
 * request's file's to choose (SECURITY.md); the others are listed untested, with a warning.
 */
export const MAX_TESTED_SLICES = 200

/** Per-slice warnings shown, the rest counted. */
const SLICE_WARNINGS = 5

export interface SliceAnalysis {
  report: Record<string, Record<string, SliceReport>>
  settings: SliceSettings
  warnings: string[]
  /** The task's shifted tests of each tested slice (docs/gates.md, "Tolerance"), by {@link sliceKey}; not in the report. */
  shifted: Map<string, ShiftedTest>
}

/** The key of a slice in {@link SliceAnalysis.shifted}. */
export const sliceKey = (field: string, value: string): string => JSON.stringify([field, value])

/**
 * The seed of one slice's statistics: the run's seed XOR the FNV-1a hash of `slice:FIELD=VALUE`, kept to 53 bits.
 * @example sliceSeed(0, 'region', 'EU') === sliceSeed(0, 'region', 'EU') // true
 */
export function sliceSeed(seed: number, field: string, value: string): number {
  return Number((BigInt(seed) ^ fnv1a64(`slice:${field}=${value}`)) & ((1n << 53n) - 1n))
}

/** The slices to test: at least `minSlice` examples, at most {@link MAX_TESTED_SLICES}, the largest first. */
function chooseTested(fields: readonly FieldSlices[], minSlice: number): Set<SliceGroup> {
  const eligible = fields.flatMap((f) => f.groups.filter((g) => g.size >= minSlice))
  if (eligible.length <= MAX_TESTED_SLICES) return new Set(eligible)
  const order = eligible.map((g, i) => i).sort((a, b) => eligible[b].size - eligible[a].size || a - b)
  return new Set(order.slice(0, MAX_TESTED_SLICES).map((i) => eligible[i]))
}

/** Every slice of every field: tested slices' metrics in `headline` order, q-values, and the warnings. */
export function analyzeSlices(fields: readonly FieldSlices[], prepared: Pick<Prepared, 'analyzeSlice'>, headline: readonly string[], minSlice: number, settings: Settings): SliceAnalysis {
  const report: Record<string, Record<string, SliceReport>> = {}
  const tested: SliceMetricReport[] = []
  const warnings: string[] = []
  const sliceWarnings: string[] = []
  const shifted = new Map<string, ShiftedTest>()
  const chosen = chooseTested(fields, minSlice)
  for (const { field, groups, disagreements } of fields) {
    const byValue: Record<string, SliceReport> = {}
    let untested = 0
    for (const group of groups) {
      const { value, rows, size } = group
      if (!chosen.has(group)) {
        if (size < minSlice) untested++
        byValue[value] = { counts: { paired: size }, tested: false, metrics: {} }
        continue
      }
      const result = prepared.analyzeSlice(rows, headline, { ...settings, seed: sliceSeed(settings.seed, field, value) })
      const computed = result.metrics
      if (result.shifted) shifted.set(sliceKey(field, value), result.shifted)
      for (const w of result.warnings) sliceWarnings.push(`Slice ${sliceName(field, value)}: ${w}`)
      const metrics: Record<string, SliceMetricReport> = {}
      for (const name of headline) {
        const m = computed[name]
        if (!m) continue
        const withQ: SliceMetricReport = { ...m, qValue: null }
        metrics[name] = withQ
        if (withQ.pValue !== null) tested.push(withQ)
      }
      byValue[value] = { counts: { paired: size }, tested: true, metrics }
    }
    report[field] = byValue
    if (untested > 0) {
      warnings.push(
        `Slices of ${field}: ${untested} of ${groups.length} values have fewer than ${minSlice} compared examples and are listed but not tested (--min-slice ${minSlice}).`
      )
    }
    if (disagreements > 0) {
      warnings.push(
        `Slices of ${field}: ${disagreements.toLocaleString('en-US')} paired examples have another ${field} in the baseline file than in the candidate file; they are counted in the candidate's slice.`
      )
    }
  }
  const eligible = fields.reduce((n, f) => n + f.groups.filter((g) => g.size >= minSlice).length, 0)
  if (eligible > chosen.size) {
    warnings.push(
      `${eligible.toLocaleString('en-US')} slices have at least ${minSlice} compared examples; the ${chosen.size} largest are tested ` +
        `(at most ${MAX_TESTED_SLICES} per run), the others listed untested.`
    )
  }
  warnings.push(...sliceWarnings.slice(0, SLICE_WARNINGS))
  if (sliceWarnings.length > SLICE_WARNINGS) warnings.push(`… and ${sliceWarnings.length - SLICE_WARNINGS} more warnings about single slices.`)
  const q = benjaminiHochberg(tested.map((m) => m.pValue as number))
  tested.forEach((m, i) => (m.qValue = q[i]))
  return {
    report,
    settings: {
      fields: fields.map((f) => f.field),
      minSlice,
      metrics: [...headline],
      disagreements: Object.fromEntries(fields.map((f) => [f.field, f.disagreements]))
    },
    warnings,
    shifted
  }
}
