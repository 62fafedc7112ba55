/**
 * Warnings in plain words (issue 4): examples on one side only, label conflicts, a test set too small to see a
 * 1-point drop, a p-value too close to alpha for the number of resamples. And the disagreement summary.
 */
import { quote } from '../../common/errors.js'
import { discordant, type CellTable } from '../../pair/cellTable.js'
import { NAMED_IDS, type Pairing } from '../../pair/pairByIds.js'
import { minimumDetectableEffect } from '../../stats/power.js'
import { type Disagreement, type GateResult, type MetricReport, type Task } from '../../report/schema.js'
import { idText, type PredictionFile } from '../../read/predictionFile.js'

export interface WarningContext {
  pairing: Pairing | null
  table: CellTable
  task: Task
  positive: number | null
  settings: { alpha: number; resamples: number }
}

const plural = (n: number, one: string, many = one + 's'): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
const idList = (ids: readonly string[], total: number): string =>
  ids.map((id) => quote(id)).join(', ') + (total > ids.length ? ', …' : '')

/** Warnings of the pairing (SPEC §4), any task: examples on one side only, label conflicts, nothing paired. */
export function pairingWarnings(pairing: Pairing | null): string[] {
  const out: string[] = []
  if (!pairing) return out
  if (pairing.candidateOnly > 0) {
    out.push(
      `${plural(pairing.candidateOnly, 'candidate example')} ${pairing.candidateOnly === 1 ? 'has' : 'have'} no baseline row ` +
        `(ids ${idList(pairing.candidateOnlyIds, pairing.candidateOnly)}); they are left out of every comparison.`
    )
  }
  if (pairing.baselineOnly > 0) {
    out.push(
      `${plural(pairing.baselineOnly, 'baseline example')} ${pairing.baselineOnly === 1 ? 'has' : 'have'} no candidate row ` +
        `(ids ${idList(pairing.baselineOnlyIds, pairing.baselineOnly)}); they are left out of every comparison.`
    )
  }
  if (pairing.labelConflicts > 0) {
    out.push(
      `${plural(pairing.labelConflicts, 'example')} ${pairing.labelConflicts === 1 ? 'has' : 'have'} a different true label in the two files ` +
        `(ids ${idList(pairing.conflictIds, pairing.labelConflicts)}): the test set changed; they are left out.`
    )
  }
  if (pairing.n === 0) out.push('No example is in both files with the same true label: nothing can be compared.')
  return out
}

/** Warnings of the results, any task: metrics undefined on the data, p-values within resampling error of a threshold. */
export function resultWarnings(metrics: Record<string, MetricReport>, gates: readonly GateResult[], settings: { alpha: number; resamples: number }): string[] {
  return [...undefinedMetrics(metrics), ...closeToAlpha({ metrics, gates, settings })]
}

/** Classification's power warnings (SPEC §4: accuracy and, binary, recall), when anything was paired. */
export function classificationWarnings(ctx: WarningContext): string[] {
  return ctx.pairing && ctx.pairing.n > 0 ? powerWarnings(ctx) : []
}

/**
 * Connor (1987): the smallest drop the exact McNemar test could detect with 80% power at one-sided alpha,
 * for accuracy and recall; a warning when it is above 1 point.
 */
function powerWarnings(ctx: WarningContext): string[] {
  const out: string[] = []
  const check = (name: string, truths: number[] | null): void => {
    const d = discordant(ctx.table, truths)
    if (d.n === 0) return
    const psi = (d.b + d.c) / d.n
    const mde = minimumDetectableEffect(psi, d.n, ctx.settings.alpha, 0.8)
    if (!(mde > 0.01)) return
    out.push(
      `This test set is too small to see a 1-point drop in ${name}: with ${plural(d.n, 'example')} and the models disagreeing on ` +
        `${pct(psi)} of them, the smallest drop it can detect with 80% power at α = ${ctx.settings.alpha} is ${points(mde)}.`
    )
  }
  check('accuracy', null)
  if (ctx.task === 'binary' && ctx.positive !== null) check('recall', [ctx.positive])
  return out
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

/**
 * Whether a warning can change the verdict, so that the report shows it under the verdict rather than below the
 * gates: examples left out of the pairing, a test set that changed, nothing to compare, a p-value within its
 * resampling error of the threshold, a baseline older than the base commit (the action's warning); and a test set
 * too small to see a 1-point drop, when the verdict is a pass (a pass it could not have failed).
 */
export function verdictChanging(text: string, passed: boolean): boolean {
  if (/left out of every comparison|the test set changed|nothing can be compared|before trusting the verdict|behind the base commit|older than the base commit|not an ancestor of the base commit|^Leakage:/.test(text)) return true
  return passed && /too small to see a 1-point drop/.test(text)
}

/** How many paired examples went right → wrong and wrong → right, with the first ids of each. */
export function disagreementOf(candidate: PredictionFile, baseline: PredictionFile, pairing: Pairing): Disagreement {
  const ids = candidate.ids ?? []
  const text = (i: number): string => idText(ids, i)
  const d: Disagreement = { rightToWrong: 0, wrongToRight: 0, bothWrongDiffer: 0, firstRegressions: [], firstImprovements: [] }
  const limit = NAMED_IDS * 2
  for (let p = 0; p < pairing.n; p++) {
    const i = pairing.cand[p]
    const truth = candidate.truth[i]
    const c = candidate.pred[i]
    const b = baseline.pred[pairing.base[p]]
    if (b === c) continue
    if (b === truth) {
      d.rightToWrong++
      if (d.firstRegressions.length < limit) d.firstRegressions.push(text(i))
    } else if (c === truth) {
      d.wrongToRight++
      if (d.firstImprovements.length < limit) d.firstImprovements.push(text(i))
    } else d.bothWrongDiffer++
  }
  return d
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`
const points = (x: number): string => `${(100 * x).toFixed(1)} points`
