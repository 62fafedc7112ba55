/**
 * Warnings of the results, any task (docs/statistics.md): metrics undefined on the data, p-values within resampling error of a threshold.
 */
import { quote } from '../common/errors.js'
import type { GateResult, MetricReport } from '../report/schema.js'

/** Warnings of the results, any task: metrics undefined on the data, p-values within resampling error of a threshold. */
export function resultWarnings(metrics: Record<string, MetricReport>, gates: readonly GateResult[], settings: { alpha: number; resamples: number }): string[] {
  return [...undefinedMetrics(metrics), ...closeToAlpha({ metrics, gates, settings })]
}

function undefinedMetrics(metrics: Record<string, MetricReport>): string[] {
  const missing = Object.entries(metrics)
    .filter(([, m]) => m.candidate === null)
    .map(([name]) => quote(name))
  return missing.length === 0 ? [] : [`Undefined on this data, left empty: ${missing.join(', ')}.`]
}

/**
 * A resampled p-value whose Monte Carlo error could flip a gate. A no-regression rule fails when its one-sided p,
 * Holm-adjusted, is below alpha: for the rule of rank i (ascending p) among m, when p·(m − i + 1) < alpha, i.e.
 * p < alpha / c with c = m − i + 1. The warning is given when p is within 3 Monte Carlo standard errors
 * (√(q(1 − q)/R) at q = alpha / c) of that threshold. Cost O(m log m). Example: alpha 0.05, 10,000 resamples, one
 * rule: p within ±0.0065 of 0.05.
 */
function closeToAlpha(ctx: { metrics: Record<string, MetricReport>; gates: readonly GateResult[]; settings: { alpha: number; resamples: number } }): string[] {
  const { alpha, resamples } = ctx.settings
  const tested = ctx.gates
    .filter((g) => g.pValue !== null)
    .map((g) => ({ gate: g, p: ctx.metrics[g.metric]?.pValueWorse ?? 1 }))
    .sort((a, b) => a.p - b.p)
  const out: string[] = []
  const seen = new Set<string>()
  tested.forEach(({ gate, p }, i) => {
    const m = ctx.metrics[gate.metric]
    if (!m || m.test !== 'permutation' || seen.has(gate.metric)) return
    const threshold = alpha / (tested.length - i)
    const margin = 3 * Math.sqrt((threshold * (1 - threshold)) / resamples)
    if (Math.abs(p - threshold) >= margin) return
    seen.add(gate.metric)
    const holm = tested.length > 1 ? ` (α = ${alpha} after the Holm adjustment of rank ${i + 1} of ${tested.length})` : ` (α = ${alpha})`
    out.push(
      `The one-sided p-value of ${quote(gate.metric)} before adjustment, ${p.toFixed(4)}, is within the resampling error ` +
        `(±${margin.toFixed(4)} with ${resamples.toLocaleString('en-US')} resamples) of its threshold ${Number(threshold.toPrecision(4))}${holm}: ` +
        `rerun with more resamples before trusting the verdict.`
    )
  })
  return out
}
