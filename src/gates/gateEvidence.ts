/**
 * What a gate's status alone does not say (docs/gates.md, "Honest verdicts"), added to each evaluated gate:
 *
 * - `distance`: how far it is from failing, in standard errors of its own statistic (src/stats/standardized.ts),
 *   so that the report can name the gate closest to failing across kinds of rule;
 * - `materialDrop`: a passing `no-regression` rule whose change is worse and material, with the test set's minimum
 *   detectable effect (80% power), so that the report never shows a bare ✅ for a drop the test cannot judge;
 * - `leaning`: for an inconclusive non-inferior rule, whether the estimate is already within the margin or beyond it
 *   (the number of examples that would settle it is the gate's `examplesNeeded`, src/gates/evaluate.ts).
 *
 * Reads the gates as evaluateGates made them (one per rule, in rule order) and the metrics they looked at; never
 * changes a status. Cost O(rules).
 */
import type { GateResult, MetricReport, Overfitting, SliceReport } from '../report/schema.js'
import { isProportion } from '../report/format.js'
import { mdeFromSe, seFromBound, seFromInterval, testDistance } from '../stats/standardized.js'
import type { GateRule, Operator } from './rules.js'

export interface EvidenceOptions {
  alpha: number
  hasBaseline: boolean
  slices?: Record<string, Record<string, SliceReport>> | null
  overfitting?: Overfitting | null
}

/** The default materiality without a tolerance (docs/gates.md): 1 point for proportions, else 1% of the baseline's value. */
export const MATERIAL_POINTS = 0.01
export const MATERIAL_SHARE = 0.01

/** The gates with `distance`, `materialDrop` and `leaning` added where they apply. */
export function withEvidence(rules: readonly GateRule[], gates: readonly GateResult[], metrics: Record<string, MetricReport>, options: EvidenceOptions): GateResult[] {
  return gates.map((g, i) => {
    const rule = rules[i]
    if (!rule || g.status === 'skip') return g
    const m = metricOf(rule, g, metrics, options)
    const out: GateResult = { ...g, distance: distanceOf(rule, g, m, options) }
    const drop = m && g.status === 'pass' ? materialDrop(rule, m, options.alpha) : null
    if (drop) out.materialDrop = drop
    if (g.status === 'inconclusive' && m && m.delta !== null && rule.margin !== undefined) {
      const edge = m.direction === 'higher' ? -rule.margin : rule.margin
      out.leaning = (m.direction === 'higher' ? m.delta >= edge : m.delta <= edge) ? 'within' : 'beyond'
    }
    return out
  })
}

/** The metric a gate was decided on: the run's, a slice rule's slice's, or (`by FIELD`) the slice of its smallest p. */
function metricOf(rule: GateRule, g: GateResult, metrics: Record<string, MetricReport>, options: EvidenceOptions): MetricReport | null {
  if (rule.by !== undefined) {
    const slices = options.slices?.[rule.by] ?? {}
    const found = Object.values(slices).find((s) => s.tested && g.observed !== null && s.metrics[rule.metric]?.delta === g.observed)
    return found?.metrics[rule.metric] ?? null
  }
  if (!rule.slice) return metrics[rule.metric] ?? null
  const s = options.slices?.[rule.slice.field]?.[rule.slice.value]
  return s && s.tested ? (s.metrics[rule.metric] ?? null) : null
}

/** +1 when the rule passes for larger values (`>=`, `>`), −1 for `<=`, `<`. */
const sense = (op: Operator | undefined): number => (op === '<=' || op === '<' ? -1 : 1)

/** The signed distance (≥ 0 passing) over a standard error; null when the standard error is unknown or zero. */
const over = (difference: number, se: number | null): number | null => (se !== null && se > 0 && Number.isFinite(difference) ? difference / se : null)

/**
 * How far the gate is from failing, in standard errors (docs/gates.md): a test's z(1 − alpha) − z(1 − p); a
 * non-inferior bound's (bound − margin) / SE, SE from the bound; an absolute rule's (value − threshold) / SE of the
 * candidate's interval; a delta rule's (delta − threshold) / SE of the interval of the change; a train-gap rule's
 * (gap − threshold) / SE of the gap's interval.
 */
function distanceOf(rule: GateRule, g: GateResult, m: MetricReport | null, options: EvidenceOptions): number | null {
  const { alpha } = options
  if (g.pValue !== null) return testDistance(g.pValue, alpha)
  if (rule.kind === 'train-gap') {
    const o = options.overfitting?.metrics[rule.metric]
    if (!o || o.gap === null) return null
    return over(sense(rule.op) * (o.gap - (rule.value as number)), seFromInterval(o.ci, alpha))
  }
  if (!m) return null
  if (rule.kind === 'threshold') {
    if (m.candidate === null) return null
    return over(sense(rule.op) * (m.candidate - (rule.value as number)), seFromInterval(m.candidateCi, alpha))
  }
  if (!options.hasBaseline || m.delta === null) return null
  if (rule.kind === 'delta') return over(sense(rule.op) * (m.delta - (rule.value as number)), seFromInterval(m.ci, alpha))
  if (rule.kind === 'non-inferior' && rule.margin !== undefined && m.worseBound !== null) {
    const higher = m.direction === 'higher'
    const edge = higher ? -rule.margin : rule.margin
    return over(higher ? m.worseBound - edge : edge - m.worseBound, seFromBound(m.delta, m.worseBound, alpha))
  }
  return null
}

/**
 * A passing no-regression rule's material drop (docs/gates.md): the change is in the worse direction and larger
 * than the rule's tolerance (`tolerance T`), or without one than 1 point (proportions) or 1% of the baseline's
 * value (other metrics). The minimum detectable effect is the test's own (MetricReport.mde), else the z-test's
 * from the standard error of the interval of the change. Rules of other kinds state their own allowance (a
 * non-inferiority margin, a delta threshold): a pass there already bounds the drop.
 */
function materialDrop(rule: GateRule, m: MetricReport, alpha: number): GateResult['materialDrop'] | null {
  if (rule.kind !== 'no-regression' || rule.by !== undefined || m.delta === null || m.baseline === null) return null
  const drop = m.direction === 'higher' ? -m.delta : m.delta
  const tolerance = rule.tolerance
  const threshold = tolerance !== undefined ? tolerance : isProportion(rule.metric) ? MATERIAL_POINTS : MATERIAL_SHARE * Math.abs(m.baseline)
  if (!(drop > threshold)) return null
  if (m.mde !== undefined && m.test) return { change: m.delta, threshold, mde: m.mde, mdeFrom: m.test }
  const se = seFromBound(m.delta, m.worseBound, alpha) ?? seFromInterval(m.ci, alpha)
  return { change: m.delta, threshold, mde: se === null ? null : mdeFromSe(se, alpha, 0.8), mdeFrom: 'interval' }
}
