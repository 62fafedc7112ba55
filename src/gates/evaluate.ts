/**
 * Evaluating the gates (docs/gates.md): each parsed rule against the report's metrics, the no-regression rules'
 * p-values adjusted together (Holm, Westfall–Young minP or max-T), and each rule's result with its detail line.
 */
import { formatDelta, formatInterval, formatNumber, formatP, formatShownDelta, formatValue } from '../report/format.js'
import { holm } from '../stats/holm.js'
import { maxT } from '../stats/maxT.js'
import { westfallYoung } from '../stats/westfallYoung.js'
import { trainGapGate } from './trainGap.js'
import { sliceName } from './sliceRules.js'
import type { GateResult, MetricReport, Overfitting, SliceReport } from '../report/schema.js'
import { DEFAULT_MULTIPLICITY, type GateRule, type Multiplicity, type Operator } from './rules.js'
import type { JointNull } from '../stats/jointNull.js'

export interface GateOptions {
  alpha: number
  hasBaseline: boolean
  missingBaseline: 'skip' | 'fail'
  /** Default {@link DEFAULT_MULTIPLICITY}; without `joint` (a task that has none), Holm. */
  multiplicity?: Multiplicity
  joint?: JointNull | null
  /**
   * Max-T's ties with the observed statistic: broken by the joint null's seeded keys (`random`, the default: a
   * randomized permutation test of size alpha exactly) or all counted against it (`count`: conservative, for the
   * calibration's comparison).
   */
  maxTTies?: 'count' | 'random'
  /** The overfitting check's result, for `train-gap` rules (null: no --train-predictions). */
  overfitting?: Overfitting | null
  /** The report's slices (docs/slices.md), for slice rules, and the fewest examples a tested slice has. */
  slices?: Record<string, Record<string, SliceReport>> | null
  minSlice?: number
  /** The compared examples (paired, after `--errors exclude`): an inconclusive gate says how many would settle it. */
  examples?: number
  /**
   * docs/suites.md: the adjusted p of each hypothesis of {@link familyPValues}, in its order, when the family is larger
   * than this run (the no-regression rules of every suite, adjusted together by the caller); `note` follows the
   * method's name in each detail (` over 3 suites, 12 hypotheses`).
   */
  family?: { p: readonly number[]; method: string; note: string }
}

/** One hypothesis of the run's no-regression family: a rule, and for slice rules the slice value. */
interface Hypothesis {
  rule: GateRule
  value: string | null
  m: MetricReport
}

/**
 * The no-regression family: every no-regression rule with a one-sided p-value; a slice rule its slice's metric;
 * a `by FIELD` rule one hypothesis per tested slice of FIELD.
 */
function noRegressionFamily(rules: readonly GateRule[], metrics: Record<string, MetricReport>, options: GateOptions): Hypothesis[] {
  const family: Hypothesis[] = []
  if (!options.hasBaseline) return family
  for (const rule of rules) {
    if (rule.kind !== 'no-regression') continue
    if (rule.by !== undefined) {
      for (const [value, s] of Object.entries(options.slices?.[rule.by] ?? {})) {
        const m = s.tested ? s.metrics[rule.metric] : undefined
        if (m?.pValueWorse != null) family.push({ rule, value, m })
      }
      continue
    }
    const m = metricOf(rule, metrics, options)
    if (m && m.pValueWorse != null) family.push({ rule, value: rule.slice?.value ?? null, m })
  }
  return family
}

/** The metric a rule looks at: the run's, or (slice rules) its tested slice's; null for an untested slice. */
function metricOf(rule: GateRule, metrics: Record<string, MetricReport>, options: GateOptions): MetricReport | null {
  if (!rule.slice) return metrics[rule.metric]
  const s = options.slices?.[rule.slice.field]?.[rule.slice.value]
  return s && s.tested ? (s.metrics[rule.metric] ?? null) : null
}

/**
 * Adjusted one-sided p of each tested rule: Westfall–Young step-down minP over the task's joint permutation
 * null when asked and available, else Holm. `note` says why Westfall–Young was not used when it was asked for.
 */
function adjust(family: readonly Hypothesis[], options: GateOptions): { p: number[]; method: string; note: string } {
  if (options.family) {
    if (options.family.p.length !== family.length) throw new Error(`the family adjusted across suites has ${options.family.p.length} p-values for ${family.length} hypotheses`)
    return { p: [...options.family.p], method: options.family.method, note: options.family.note }
  }
  const tested = family.map((h) => h.rule)
  const holmP = (): number[] => holm(family.map((h) => h.m.pValueWorse as number))
  const multiplicity = options.multiplicity ?? DEFAULT_MULTIPLICITY
  if (multiplicity === 'holm' || tested.length === 0) return { p: holmP(), method: 'Holm', note: '' }
  // Asked for by name, say why it is not used; as the default, a task without a joint null simply uses Holm.
  const asked = options.multiplicity !== undefined
  const label = multiplicity === 'max-t' ? 'Westfall–Young max-T' : 'Westfall–Young'
  if (!options.joint) return { p: holmP(), method: 'Holm', note: asked ? ` (this task has no joint resampling for ${label})` : '' }
  // docs/slices.md: a slice's statistics come from its own resamples, so slices have no joint null with the rest.
  if (family.some((h) => h.rule.slice || h.rule.by !== undefined)) {
    return { p: holmP(), method: 'Holm', note: asked ? ` (not ${label}: slice rules have no joint resampling)` : '' }
  }
  const names = [...new Set(tested.map((r) => r.metric))]
  const joint = options.joint(names)
  if (typeof joint === 'string') return { p: holmP(), method: 'Holm', note: ` (not ${label}: ${joint})` }
  const adjusted =
    multiplicity === 'max-t' && joint.statistics
      ? maxT(joint.statistics.observed, joint.statistics.resampled, options.maxTTies === 'count' ? undefined : joint.ties)
      : westfallYoung(joint.observed, joint.resampled)
  const byName = new Map(names.map((name, i) => [name, adjusted[i]]))
  // A metric named by two rules is one hypothesis: the same adjusted p for both.
  return { p: tested.map((r) => byName.get(r.metric) as number), method: label, note: '' }
}

/**
 * The raw one-sided p-values of the run's no-regression family, in the order evaluateGates adjusts them: for a
 * caller that adjusts several runs' families together (docs/suites.md) and hands the result back as `family`.
 */
export function familyPValues(rules: readonly GateRule[], metrics: Record<string, MetricReport>, options: GateOptions): number[] {
  return noRegressionFamily(rules, metrics, options).map((h) => h.m.pValueWorse as number)
}

const compareOp = (x: number, op: Operator, y: number): boolean => (op === '>=' ? x >= y : op === '>' ? x > y : op === '<=' ? x <= y : x < y)

/** Evaluates the rules against the metrics of a report. */
export function evaluateGates(rules: readonly GateRule[], metrics: Record<string, MetricReport>, options: GateOptions): GateResult[] {
  const { alpha } = options
  const level = `${Math.round((1 - alpha) * 1000) / 10}%`
  // Every no-regression hypothesis that has a one-sided p-value, adjusted together (Holm or Westfall–Young).
  const family = noRegressionFamily(rules, metrics, options)
  const adjusted = new Map<GateRule, number>()
  const bySlice = new Map<GateRule, { value: string; m: MetricReport; p: number }[]>()
  const adjustment = adjust(family, options)
  adjustment.p.forEach((p, i) => {
    const h = family[i]
    if (h.rule.by === undefined) adjusted.set(h.rule, p)
    else bySlice.set(h.rule, [...(bySlice.get(h.rule) ?? []), { value: h.value as string, m: h.m, p }])
  })

  return rules.map((rule): GateResult => {
    const where = rule.slice ? `on ${sliceName(rule.slice.field, rule.slice.value)}: ` : ''
    const sliceField = rule.slice ? { slice: { ...rule.slice } } : {}
    const base = { rule: rule.text, metric: rule.metric, observed: null, pValue: null, bound: null }
    const result = (status: GateResult['status'], detail: string, extra: Partial<GateResult> = {}): GateResult => ({ ...base, status, detail: where + detail, ...sliceField, ...extra })
    const name = rule.metric
    if (rule.by !== undefined) {
      if (!options.hasBaseline) {
        return { ...base, status: options.missingBaseline, detail: `no baseline to compare with (missing-baseline: ${options.missingBaseline})`, slice: { field: rule.by, failing: [] } }
      }
      return byFieldResult(rule, options.slices?.[rule.by] ?? {}, bySlice.get(rule) ?? [], { alpha, level, adjustment })
    }
    const found = metricOf(rule, metrics, options)
    if (!found) {
      const s = rule.slice ? options.slices?.[rule.slice.field]?.[rule.slice.value] : undefined
      const below = s && options.minSlice !== undefined && s.counts.paired < options.minSlice
      const why =
        s && !s.tested
          ? `the slice has ${s.counts.paired} compared examples, ${below ? `fewer than --min-slice ${options.minSlice}` : 'beyond the slices a run tests (see the warnings)'}: not tested`
          : `${name} was not computed`
      return result('skip', why)
    }
    const m = found

    if (rule.kind === 'train-gap') return { ...base, ...trainGapGate(rule, options.overfitting ?? null, level) }
    if (rule.kind === 'threshold') {
      if (m.candidate === null) return result('fail', `${name} is undefined on this data, so the rule cannot pass`)
      const ok = compareOp(m.candidate, rule.op as Operator, rule.value as number)
      return result(ok ? 'pass' : 'fail', `${name} is ${formatValue(name, m.candidate)}, ${ok ? 'meeting' : 'short of'} ${rule.op} ${formatNumber(rule.value as number)}`, { observed: m.candidate })
    }
    if (!options.hasBaseline) {
      return options.missingBaseline === 'skip'
        ? result('skip', 'no baseline to compare with (missing-baseline: skip)')
        : result('fail', 'no baseline to compare with (missing-baseline: fail)')
    }
    if (m.delta === null) return result('fail', `${name} is undefined on this data, so the change cannot be judged`)
    const change = describeChange(name, m)
    if (rule.kind === 'delta') {
      const ok = compareOp(m.delta, rule.op as Operator, rule.value as number)
      return result(ok ? 'pass' : 'fail', `${change}; the rule needs a change ${rule.op} ${formatNumber(rule.value as number)}`, { observed: m.delta })
    }
    if (rule.kind === 'no-regression') {
      const p = adjusted.get(rule)
      if (p === undefined) return result('pass', `${change}; ${name} has no significance test, so it cannot regress significantly`, { observed: m.delta })
      const worse = m.direction === 'higher' ? m.delta < 0 : m.delta > 0
      const significant = worse && p < alpha
      const ci = m.ci ? ` (${level} CI ${formatInterval(name, m.ci)})` : ''
      const verdict = significant ? 'significant regression' : worse ? 'not a significant regression' : 'no regression'
      return result(significant ? 'fail' : 'pass', `${change}${ci}, one-sided p ${pText(p)} after ${adjustment.method}${adjustment.note}: ${verdict}`, { observed: m.delta, pValue: p, adjustment: adjustment.method })
    }
    // non-inferior: three-way (docs/repeats-and-clusters.md)
    const margin = rule.margin as number
    const bound = m.worseBound
    if (bound === null) return result('fail', `${change}; ${name} has no confidence bound, so non-inferiority cannot be shown`, { observed: m.delta })
    const higher = m.direction === 'higher'
    const edge = higher ? -margin : margin
    const side = higher ? 'lower' : 'upper'
    const marginText = `the margin of ${formatDelta(name, edge)}`
    if (higher ? bound >= edge : bound <= edge) {
      return result('pass', `${change}; the one-sided ${level} ${side} bound is ${formatDelta(name, bound)}, within ${marginText}: non-inferior`, { observed: m.delta, bound })
    }
    const better = betterBound(m.delta, bound)
    const otherSide = higher ? 'upper' : 'lower'
    if (higher ? better < edge : better > edge) {
      return result('fail', `${change}; even the one-sided ${level} ${otherSide} bound, ${formatDelta(name, better)}, is beyond ${marginText}: shown inferior`, { observed: m.delta, bound })
    }
    const needed = options.examples ? examplesToSettle(options.examples, m.delta, bound, edge) : null
    const settle =
      needed === null
        ? ''
        : Number.isFinite(needed)
          ? `; about ${roundUp2(needed).toLocaleString('en-US')} paired examples (now ${(options.examples as number).toLocaleString('en-US')}) would settle it if the change stays at ${formatDelta(name, m.delta)}`
          : `; the change sits on the margin, so no number of examples settles it unless the change moves`
    return result(
      'inconclusive',
      `${change}; the one-sided ${level} ${side} bound ${formatDelta(name, bound)} is beyond ${marginText}, but the ${otherSide} bound ${formatDelta(name, better)} is within it: inconclusive${settle}`,
      { observed: m.delta, bound, examplesNeeded: needed === null || !Number.isFinite(needed) ? null : needed }
    )
  })
}

/**
 * The one-sided (1 − alpha) bound of delta on the better side: the worse-side bound reflected about the observed
 * delta, 2·delta − worseBound. Exact for the symmetric intervals (paired t, DeLong, the bootstrap's normal form);
 * for a bootstrap percentile interval the same width on the other side (the report keeps only the worse-side
 * percentile). Cost O(1).
 * @example betterBound(-0.004, -0.012) // 0.004
 */
export function betterBound(delta: number, worseBound: number): number {
  return 2 * delta - worseBound
}

/**
 * The paired examples that would settle an inconclusive non-inferiority gate, if the change and the spread per
 * example stay as observed (a sample-size computation from the interval, as for a z-interval):
 * the one-sided half-width is h = |delta − worseBound| = z₁₋α · s/√n, so with n′ examples it is h·√(n/n′); the
 * gate is settled (either bound on one side of the margin point e = ∓M) once that half-width is below the distance
 * |delta − e|:  n′ = ⌈n · (h / |delta − e|)²⌉ (+1 when that is exact). Infinity when delta sits on the margin.
 * Cost O(1).
 * @example examplesToSettle(1200, -0.004, -0.012, -0.01) // 2134 (= ⌈1200 · (0.008/0.006)²⌉)
 */
export function examplesToSettle(n: number, delta: number, worseBound: number, edge: number): number {
  const h = Math.abs(delta - worseBound)
  const d = Math.abs(delta - edge)
  if (d === 0) return Infinity
  const exact = n * (h / d) ** 2
  const up = Math.ceil(exact)
  return up === exact ? up + 1 : up
}

/** Rounded up to two significant figures, for "about 4,800 examples": 4,763 → 4,800. */
function roundUp2(x: number): number {
  if (x < 100) return x
  const step = 10 ** (Math.floor(Math.log10(x)) - 1)
  return Math.ceil(x / step) * step
}

/** `= 0.004` or `< 0.0001`. */
function pText(p: number): string {
  const text = formatP(p)
  return text.startsWith('<') ? text : `= ${text}`
}

/**
 * `METRIC no-regression by FIELD`: fails when any tested slice of FIELD regressed significantly (its one-sided p,
 * adjusted with the run's other no-regression hypotheses, below alpha); the detail names those slices.
 */
function byFieldResult(
  rule: GateRule,
  slices: Record<string, SliceReport>,
  tested: { value: string; m: MetricReport; p: number }[],
  ctx: { alpha: number; level: string; adjustment: { method: string; note: string } }
): GateResult {
  const field = rule.by as string
  const name = rule.metric
  const all = Object.values(slices)
  const testedCount = all.filter((s) => s.tested).length
  const base = { rule: rule.text, metric: name, bound: null, adjustment: ctx.adjustment.method }
  const count = `${testedCount} of ${all.length} slices of ${field} tested`
  if (tested.length === 0) {
    return {
      ...base,
      status: 'pass',
      observed: null,
      pValue: null,
      detail: testedCount === 0 ? `no slice of ${field} has enough compared examples (--min-slice) to be tested` : `${count}; ${name} has no significance test on them, so it cannot regress significantly`,
      slice: { field, failing: [] }
    }
  }
  const worse = (m: MetricReport): boolean => m.delta !== null && (m.direction === 'higher' ? m.delta < 0 : m.delta > 0)
  const failing = tested.filter((t) => worse(t.m) && t.p < ctx.alpha)
  const smallest = tested.reduce((a, b) => (b.p < a.p ? b : a))
  const after = `after ${ctx.adjustment.method}${ctx.adjustment.note}`
  const describe = (t: { value: string; m: MetricReport; p: number }): string => `${sliceName(field, t.value)} (${describeChange(name, t.m)}, one-sided p ${pText(t.p)})`
  const detail = failing.length
    ? `significant regression on ${failing.length} of ${testedCount} tested slices of ${field} ${after}: ${failing.slice(0, 10).map(describe).join('; ')}${failing.length > 10 ? '; …' : ''}`
    : `${count}, none a significant regression ${after}; smallest one-sided p ${pText(smallest.p)} on ${sliceName(field, smallest.value)}`
  return {
    ...base,
    status: failing.length ? 'fail' : 'pass',
    observed: smallest.m.delta,
    pValue: smallest.p,
    detail,
    slice: { field, failing: failing.map((t) => t.value) }
  }
}

function describeChange(name: string, m: MetricReport): string {
  const d = m.delta as number
  if (d === 0) return `${name} is unchanged at ${formatValue(name, m.candidate)}`
  const verb = d > 0 ? 'rose' : 'fell'
  // The change as the two rounded values beside it show it (86.4% → 93.8% reads 7.4 pts, never 7.3).
  const shown = formatShownDelta(name, m.baseline, m.candidate).replace(/^[+−]/, '')
  const size = /[1-9]/.test(shown) ? shown : 'slightly'
  return `${name} ${verb} ${size}, ${formatValue(name, m.baseline)} → ${formatValue(name, m.candidate)}`
}
