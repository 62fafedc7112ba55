/**
 * Slices (docs/slices.md) as compare() uses them: before the gates are parsed, the slices of each `--slice-field`
 * (their values, for checking slice rules); after, the headline metrics of every tested slice.
 *
 * Headline metrics: the task's default-gate metrics and every metric a gate names (slice rules included), in the
 * report order of the task's metrics.
 */
import type { CompareOptions } from '../tasks/options.js'
import { ConfigError, quote } from '../common/errors.js'
import { parseGates, type GateRule } from '../gates/rules.js'
import type { Prepared, Settings } from '../tasks/taskModule.js'
import { analyzeSlices, DEFAULT_MIN_SLICE, type SliceAnalysis } from './analyze.js'
import { sliceGroups } from './assign.js'
import type { KnownSlices } from '../gates/sliceRules.js'

export interface Slicing {
  /** The slice fields and their values; undefined without `--slice-field`. */
  known: KnownSlices | undefined
  /** The slices' report; null without `--slice-field`. */
  analyze(rules: readonly GateRule[], settings: Settings): SliceAnalysis | null
}

export function slicesOf(options: Pick<CompareOptions, 'sliceFields' | 'minSlice'>, prepared: Prepared): Slicing {
  const minSlice = options.minSlice ?? DEFAULT_MIN_SLICE
  if (!Number.isSafeInteger(minSlice) || minSlice < 1) throw new ConfigError(`min-slice must be a whole number ≥ 1, got ${options.minSlice}`)
  const fields = [...new Set(options.sliceFields ?? [])]
  if (fields.length === 0) return { known: undefined, analyze: () => null }
  const candidateRows = prepared.counts.candidate
  const groups = sliceGroups(fields, prepared.keys, prepared.pairing, candidateRows)
  const known = new Map(groups.map((f) => [f.field, f.groups.map((g) => g.value)]))
  return {
    known,
    analyze(rules, settings) {
      for (const rule of rules) {
        if ((rule.slice || rule.by !== undefined) && !prepared.known.metrics.includes(rule.metric)) {
          throw new ConfigError(`gate ${quote(rule.text, 120)}: ${rule.metric} is not computed per slice; slice rules take the task's metrics`)
        }
      }
      const defaults = parseGates(prepared.defaultGates, prepared.known)
      // A `by class` rule names per-class metrics (METRIC[L]), not the slices' METRIC.
      const named = new Set([...defaults, ...rules.filter((r) => !r.byClass)].map((r) => r.metric))
      const headline = prepared.known.metrics.filter((m) => named.has(m))
      return analyzeSlices(groups, prepared, headline, minSlice, settings)
    }
  }
}
