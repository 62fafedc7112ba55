/**
 * How numbers read in the report and in gate details: one place, so the gates table and the metrics table agree.
 * Deltas of metrics on a 0–1 scale are in points (hundredths), with a true minus sign.
 */
import type { MetricUnit } from './schema.js'

/**
 * Metrics that are proportions, shown as percentages with deltas in points: classification's (docs/metrics.md, per class
 * too) and generation's exact_match and token_f1. Every other metric (log_loss, brier, scores fields, regression
 * errors, BLEU and chrF on 0–100, loss, perplexity) is a plain number.
 */
const PROPORTION =
  /^(?:(?:accuracy|balanced_accuracy|specificity|roc_auc|average_precision|exact_match|token_f1|error_rate)|(?:precision|recall|f1)(?:_macro|_micro|_weighted)?|(?:precision|recall|f1)\[[\s\S]*\])$/

/** Plain numbers with 4 decimals (log_loss and brier, near 0) or 3 (everything else that is not a proportion). */
const FOUR = new Set(['log_loss', 'brier'])

const isPlain = (metric: string): boolean => (units.get(metric) === 'proportion' ? false : !PROPORTION.test(metric) || isCount(metric))

/**
 * True when the metric is a proportion, shown in % with deltas in points: by its name, or a scores field of 0/1
 * values (Report.units, in force through {@link withUnits}). Counts and plain numbers are not.
 */
export const isProportion = (metric: string): boolean => !isPlain(metric)

/**
 * The units of the report being written where a metric's name does not say (a scores field of 0/1 values is a
 * proportion, one of whole numbers an integer: Report.units, docs/report.md); set by {@link withUnits}.
 */
let units: ReadonlyMap<string, MetricUnit> = new Map()

/** Runs `fn` (synchronous) with the given units in force, for every number it formats. */
export function withUnits<T>(given: Readonly<Record<string, MetricUnit>> | undefined, fn: () => T): T {
  const before = units
  units = new Map(given ? Object.entries(given) : [])
  try {
    return fn()
  } finally {
    units = before
  }
}

/** An integer-valued metric's whole numbers without trailing zeros (`4` for 4.000; a mean 2.933 stays as it is). */
const trimmed = (metric: string, text: string): string => (units.get(metric) === 'integer' ? text.replace(/\.0+$/, '') : text)

/** Counts, shown as whole numbers: support of a class, leaked examples. */
const isCount = (metric: string): boolean => metric.startsWith('support[') || metric === 'leakage'

const plainDigits = (metric: string): number => (FOUR.has(metric) ? 4 : 3)

const minus = (text: string): string => text.replace(/^-/, '−')

/** A metric's value: `93.2%` for proportions, `0.4123` for log loss, `186` for support. */
export function formatValue(metric: string, value: number | null): string {
  if (value === null) return '—'
  if (isCount(metric)) return value.toLocaleString('en-US')
  if (isPlain(metric)) return trimmed(metric, minus(value.toFixed(plainDigits(metric))))
  return `${(100 * value).toFixed(1)}%`
}

/** A delta: `+1.3 pts`, `−11.8 pts`, or `−0.0123` for log loss. */
export function formatDelta(metric: string, delta: number | null): string {
  if (delta === null) return '—'
  if (isPlain(metric)) return trimmed(metric, (delta >= 0 ? '+' : '') + minus(delta.toFixed(plainDigits(metric))))
  const pts = 100 * delta
  const text = Math.abs(pts) < 0.05 ? '0.0' : (pts > 0 ? '+' : '') + minus(pts.toFixed(1))
  return `${text} pts`
}

/** An interval of a delta: `−16.4 to −7.5 pts`. */
export function formatInterval(metric: string, ci: readonly [number, number] | null): string {
  if (ci === null) return '—'
  let [lo, hi] = ci.map((x) => formatDelta(metric, x).replace(/ pts$/, ''))
  // Both ends with the same decimals: whole numbers of an integer metric only when both are (docs/report.md).
  if (lo.includes('.') !== hi.includes('.')) [lo, hi] = ci.map((x) => (x >= 0 ? '+' : '') + minus(x.toFixed(plainDigits(metric))))
  return isPlain(metric) ? `${lo} to ${hi}` : `${lo} to ${hi} pts`
}

/** An interval of a value: `88.1% to 95.0%`. */
export function formatValueInterval(metric: string, ci: readonly [number, number] | null): string {
  if (ci === null) return '—'
  return `${formatValue(metric, ci[0])} to ${formatValue(metric, ci[1])}`
}

/** A p-value: `0.004`, `0.0312`, `< 0.0001`. */
export function formatP(p: number | null): string {
  if (p === null) return '—'
  if (p < 0.0001) return '< 0.0001'
  if (p >= 0.995) return '1.00'
  if (p >= 0.01) return p.toFixed(3)
  return p.toFixed(4)
}

/** Plain number for thresholds in gate details. */
export function formatNumber(x: number): string {
  return minus(String(Number(x.toPrecision(6))))
}

/** Decimal places of a metric's shown value, in its shown unit (percent for proportions). */
function shownDigits(metric: string): { scale: number; digits: number } {
  if (isCount(metric)) return { scale: 1, digits: 0 }
  if (isPlain(metric)) return { scale: 1, digits: plainDigits(metric) }
  return { scale: 100, digits: 1 }
}

/**
 * The change a reader sees: the difference of the two values as shown (rounded), so that `86.4% → 93.8%` reads
 * `+7.4 pts` even when the unrounded delta is 0.07349. Exact: the two shown texts are read back as integers of
 * their last digit and subtracted. Cost O(1).
 *
 * @example formatShownDelta('precision', 0.86413, 0.93762) // '+7.4 pts'
 * @example formatShownDelta('log_loss', 0.27581, 0.28478) // '+0.0090'
 */
export function formatShownDelta(metric: string, baseline: number | null, candidate: number | null): string {
  if (baseline === null || candidate === null) return '—'
  const { scale, digits } = shownDigits(metric)
  const unit = 10 ** digits
  // From the shown texts themselves, so the change always agrees with the two numbers beside it.
  const shownSteps = (value: number): number => Math.round(Number(formatValue(metric, value).replace('−', '-').replace(/[%,]/g, '')) * unit)
  const steps = shownSteps(candidate) - shownSteps(baseline)
  const text = steps === 0 ? (0).toFixed(digits) : (steps > 0 ? '+' : '−') + (Math.abs(steps) / unit).toFixed(digits)
  if (scale === 100) return `${text} pts`
  // An integer metric's change without trailing zeros when both values shown are whole numbers (`5 → 4`: `−1`).
  return [baseline, candidate].every((v) => !formatValue(metric, v).includes('.')) ? trimmed(metric, text) : text
}

/** `better`, `worse` or `same` for a change as shown (the sign of formatShownDelta and the metric's direction). */
export function changeWord(metric: string, baseline: number | null, candidate: number | null, direction: 'higher' | 'lower'): string {
  const shown = formatShownDelta(metric, baseline, candidate)
  if (shown === '—') return ''
  if (!/^[+−]/.test(shown)) return 'same'
  return shown.startsWith('+') === (direction === 'higher') ? 'better' : 'worse'
}

export const plural = (n: number, one: string, many = one + 's'): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
/** Classification's power warnings (docs/statistics.md: accuracy and, binary, recall), when anything was paired. */
