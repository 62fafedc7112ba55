/**
 * Evaluating the gates (docs/gates.md): each parsed rule against the report's metrics, the no-regression rules'
 * p-values adjusted together (Holm, Westfall–Young minP or max-T), and each rule's result with its detail line.
 */
import { formatDelta, formatInterval, formatNumber, formatP, formatShownDelta, formatValue } from '../report/format.js'
import { holm } from '../stats/holm.js'
import { maxT } from '../stats/maxT.js'
import { westfallYoung } from '../stats/westfallYoung.js'
import { weightedHolm } from '../stats/weightedHolm.js'
import { weightedMaxT } from '../stats/weightedMaxT.js'
import { weightedMinP } from '../stats/weightedMinP.js'
import type { ShiftedP } from '../stats/shiftedNull.js'
import { shiftedPValue } from './tolerance.js'
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
  /** The run's classes, in label order, for `by class` rules (docs/gates.md). */
  labels?: readonly string[]
  /**
   * The task's own test of a shifted null for `tolerance` (src/stats/shiftedNull.ts): on the run's metrics
   * (`slice` null) or a slice's; null where it has none (src/gates/tolerance.ts falls back).
   */
  shifted?: (metric: string, tolerance: number, slice: { field: string; value: string } | null) => ShiftedP | null
}

/** One hypothesis of the run's no-regression family: a rule, and for slice rules the slice value, for `by class` the class. */
interface Hypothesis {
  rule: GateRule
  value: string | null
  m: MetricReport
  /** The metric's name (per class: `recall[books]`). */
  name: string
  /** One-sided p of the rule's null: the metric's own, or with a tolerance the shifted test's (src/gates/tolerance.ts). */
  p: number
  /** The test behind p when it is a shifted one (tolerance > 0). */
  shiftedTest: string | null
  /** The rule's weight (docs/gates.md, "Several no-regression rules"); each slice or class of a `by` rule has it. */
  weight: number
}

/**
 * The no-regression family: every no-regression rule with a one-sided p-value; a slice rule its slice's metric;
 * a `by FIELD` rule one hypothesis per tested slice of FIELD; a `by class` rule one per class with at least
 * `minSlice` examples of support.
 */
function noRegressionFamily(rules: readonly GateRule[], metrics: Record<string, MetricReport>, options: GateOptions): Hypothesis[] {
  const family: Hypothesis[] = []
  if (!options.hasBaseline) return family
  const add = (rule: GateRule, value: string | null, name: string, m: MetricReport | undefined | null, slice: { field: string; value: string } | null, examples: number | null): void => {
    if (!m || m.pValueWorse == null) return
    const tolerance = rule.tolerance ?? 0
    const exact = options.shifted ? (metric: string, t: number) => (options.shifted as NonNullable<GateOptions['shifted']>)(metric, t, slice) : null
    const shifted = shiftedPValue(name, m, tolerance, { alpha: options.alpha, examples, exact })
    if (!shifted) return
    family.push({ rule, value, m, name, p: shifted.pValueWorse, shiftedTest: tolerance > 0 ? shifted.test : null, weight: rule.weight ?? 1 })
  }
  for (const rule of rules) {
    if (rule.kind !== 'no-regression') continue
    if (rule.by !== undefined) {
      for (const [value, s] of Object.entries(options.slices?.[rule.by] ?? {})) {
        if (s.tested) add(rule, value, rule.metric, s.metrics[rule.metric], { field: rule.by, value }, s.counts.paired)
      }
      continue
    }
    if (rule.byClass) {
      for (const label of testedClasses(metrics, options)) add(rule, label, `${rule.metric}[${label}]`, metrics[`${rule.metric}[${label}]`], null, options.examples ?? null)
      continue
    }
    const s = rule.slice ? options.slices?.[rule.slice.field]?.[rule.slice.value] : undefined
    add(rule, rule.slice?.value ?? null, rule.metric, metricOf(rule, metrics, options), rule.slice ?? null, s ? s.counts.paired : (options.examples ?? null))
  }
  return family
}

/** The classes a `by class` rule tests: those with at least `minSlice` (default 30) examples of support, in label order. */
function testedClasses(metrics: Record<string, MetricReport>, options: GateOptions): string[] {
  const min = options.minSlice ?? DEFAULT_MIN_CLASS_SUPPORT
  return (options.labels ?? []).filter((label) => (metrics[`support[${label}]`]?.candidate ?? 0) >= min)
}

/** The fewest examples of support a class needs to be tested by a `by class` rule when no `min-slice` is given. */
export const DEFAULT_MIN_CLASS_SUPPORT = 30

/** The metric a rule looks at: the run's, or (slice rules) its tested slice's; null for an untested slice. */
function metricOf(rule: GateRule, metrics: Record<string, MetricReport>, options: GateOptions): MetricReport | null {
  if (!rule.slice) return metrics[rule.metric]
  const s = options.slices?.[rule.slice.field]?.[rule.slice.value]
  return s && s.tested ? (s.metrics[rule.metric] ?? null) : null
}

/**
 * Adjusted one-sided p of each hypothesis: Westfall–Young step-down minP or max-T over the task's joint
 * permutation null when asked and available, else Holm; weighted forms when any rule has a weight
 * (src/stats/weightedHolm.ts, weightedMinP.ts, weightedMaxT.ts). `note` says why a joint adjustment was not
 * used when it was asked for.
 */
function adjust(family: readonly Hypothesis[], options: GateOptions): { p: number[]; method: string; note: string } {
  if (options.family) {
    if (options.family.p.length !== family.length) throw new Error(`the family adjusted across suites has ${options.family.p.length} p-values for ${family.length} hypotheses`)
    return { p: [...options.family.p], method: options.family.method, note: options.family.note }
  }
  const weights = family.map((h) => h.weight)
  const weighted = weights.some((w) => w !== 1)
  const holmName = weighted ? 'weighted Holm' : 'Holm'
  const holmP = (): number[] => (weighted ? weightedHolm(family.map((h) => h.p), weights) : holm(family.map((h) => h.p)))
  const multiplicity = options.multiplicity ?? DEFAULT_MULTIPLICITY
  if (multiplicity === 'holm' || family.length === 0) return { p: holmP(), method: holmName, note: '' }
  // Asked for by name, say why it is not used; as the default, a task without a joint null simply uses Holm.
  const asked = options.multiplicity !== undefined
  const label = `${weighted ? 'weighted ' : ''}${multiplicity === 'max-t' ? 'Westfall–Young max-T' : 'Westfall–Young'}`
  const fallback = (why: string, always = false) => ({ p: holmP(), method: holmName, note: asked || always ? ` (${why})` : '' })
  if (!options.joint) return fallback(`this task has no joint resampling for ${label}`)
  // docs/slices.md: a slice's statistics come from its own resamples, so slices have no joint null with the rest.
  if (family.some((h) => h.rule.slice || h.rule.by !== undefined)) return fallback(`not ${label}: slice rules have no joint resampling`)
  // docs/gates.md, "Tolerance": the joint permutation null is the one of no difference, not of a shifted one.
  if (family.some((h) => h.shiftedTest !== null)) return fallback(`not ${label}: a rule with a tolerance tests a shifted null, which has no joint permutation`)
  const names = [...new Set(family.map((h) => h.name))]
  const joint = options.joint(names)
  if (typeof joint === 'string') return fallback(`not ${label}: ${joint}`, true)
  // A metric named by two rules is one hypothesis (the same adjusted p for both), with the larger weight.
  const weightOf = new Map<string, number>()
  for (const h of family) weightOf.set(h.name, Math.max(weightOf.get(h.name) ?? 0, h.weight))
  const w = names.map((name) => weightOf.get(name) as number)
  const ties = options.maxTTies === 'count' ? undefined : joint.ties
  const adjusted =
    multiplicity === 'max-t' && joint.statistics
      ? weighted
        ? weightedMaxT(joint.statistics.observed, joint.statistics.resampled, w, ties)
        : maxT(joint.statistics.observed, joint.statistics.resampled, ties)
      : weighted
        ? weightedMinP(joint.observed, joint.resampled, w)
        : westfallYoung(joint.observed, joint.resampled)
  const byName = new Map(names.map((name, i) => [name, adjusted[i]]))
  return { p: family.map((h) => byName.get(h.name) as number), method: label, note: '' }
}

/**
 * The raw one-sided p-values of the run's no-regression family and their rules' weights (1 unless `weight W`), in the
 * order evaluateGates adjusts them: for a caller that adjusts several runs' families together (docs/suites.md) and
 * hands the result back as `family`.
 */
export function familyPValues(rules: readonly GateRule[], metrics: Record<string, MetricReport>, options: GateOptions): { p: number[]; weights: number[] } {
  const family = noRegressionFamily(rules, metrics, options)
  return { p: family.map((h) => h.p), weights: family.map((h) => h.weight) }
}

const compareOp = (x: number, op: Operator, y: number): boolean => (op === '>=' ? x >= y : op === '>' ? x > y : op === '<=' ? x <= y : x < y)

/** Evaluates the rules against the metrics of a report. */
export function evaluateGates(rules: readonly GateRule[], metrics: Record<string, MetricReport>, options: GateOptions): GateResult[] {
  const { alpha } = options
  const level = `${Math.round((1 - alpha) * 1000) / 10}%`
  // Every no-regression hypothesis that has a one-sided p-value, adjusted together (Holm or Westfall–Young).
  const family = noRegressionFamily(rules, metrics, options)
  const adjusted = new Map<GateRule, { p: number; test: string | null }>()
  const bySlice = new Map<GateRule, Tested[]>()
  const adjustment = adjust(family, options)
  adjustment.p.forEach((p, i) => {
    const h = family[i]
    if (h.rule.by === undefined && !h.rule.byClass) adjusted.set(h.rule, { p, test: h.shiftedTest })
    else bySlice.set(h.rule, [...(bySlice.get(h.rule) ?? []), { value: h.value as string, m: h.m, p, test: h.shiftedTest }])
  })

  return rules.map((rule): GateResult => {
    const where = rule.slice ? `on ${sliceName(rule.slice.field, rule.slice.value)}: ` : ''
    const sliceField = rule.slice ? { slice: { ...rule.slice } } : {}
    const ruleOptions = { ...(rule.tolerance !== undefined ? { tolerance: rule.tolerance } : {}), ...(rule.weight !== undefined ? { weight: rule.weight } : {}) }
    const base = { rule: rule.text, metric: rule.metric, observed: null, pValue: null, bound: null, ...ruleOptions }
    const result = (status: GateResult['status'], detail: string, extra: Partial<GateResult> = {}): GateResult => ({ ...base, status, detail: where + detail, ...sliceField, ...extra })
    const name = rule.metric
    if (rule.by !== undefined) {
      if (!options.hasBaseline) {
        return { ...base, status: options.missingBaseline, detail: `no baseline to compare with (missing-baseline: ${options.missingBaseline})`, slice: { field: rule.by, failing: [] } }
      }
      return { ...byFieldResult(rule, options.slices?.[rule.by] ?? {}, bySlice.get(rule) ?? [], { alpha, level, adjustment }), ...ruleOptions }
    }
    if (rule.byClass) {
      if (!options.hasBaseline) {
        return { ...base, status: options.missingBaseline, detail: `no baseline to compare with (missing-baseline: ${options.missingBaseline})`, classes: { tested: 0, failing: [] } }
      }
      return { ...byClassResult(rule, metrics, testedClasses(metrics, options), bySlice.get(rule) ?? [], { alpha, level, adjustment, minSupport: options.minSlice ?? DEFAULT_MIN_CLASS_SUPPORT, labels: options.labels ?? [] }), ...ruleOptions }
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
      const got = adjusted.get(rule)
      if (got === undefined) return result('pass', `${change}; ${name} has no significance test, so it cannot regress significantly`, { observed: m.delta })
      const { p } = got
      const tolerance = rule.tolerance ?? 0
      const worse = beyond(m, 0)
      const significant = beyond(m, tolerance) && p < alpha
      const ci = m.ci ? ` (${level} CI ${formatInterval(name, m.ci)})` : ''
      const after = `after ${adjustment.method}${adjustment.note}`
      if (tolerance > 0) {
        const T = toleranceText(name, tolerance)
        const verdict = significant ? `significant regression beyond the tolerance of ${T}` : worse ? `not shown to be worse by more than ${T}` : 'no regression'
        return result(significant ? 'fail' : 'pass', `${change}${ci}; one-sided p ${pText(p)} for a drop of more than ${T} (${testName(got.test)}) ${after}: ${verdict}`, {
          observed: m.delta,
          pValue: p,
          adjustment: adjustment.method,
          ...(got.test ? { toleranceTest: got.test } : {})
        })
      }
      const verdict = significant ? 'significant regression' : worse ? 'not a significant regression' : 'no regression'
      return result(significant ? 'fail' : 'pass', `${change}${ci}, one-sided p ${pText(p)} ${after}: ${verdict}`, { observed: m.delta, pValue: p, adjustment: adjustment.method })
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
  tested: Tested[],
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
  const failing = tested.filter((t) => beyond(t.m, rule.tolerance ?? 0) && t.p < ctx.alpha)
  const smallest = tested.reduce((a, b) => (b.p < a.p ? b : a))
  const after = `after ${ctx.adjustment.method}${ctx.adjustment.note}${toleranceNote(rule, tested)}`
  const describe = (t: Tested): string => `${sliceName(field, t.value)} (${describeChange(name, t.m)}, one-sided p ${pText(t.p)})`
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

/** A hypothesis of a `by` rule once adjusted: its slice value or class, metric, adjusted p and shifted test. */
interface Tested {
  value: string
  m: MetricReport
  p: number
  test: string | null
}

/** Whether the change is in the worse direction by more than `tolerance` (0: at all). */
function beyond(m: MetricReport, tolerance: number): boolean {
  if (m.delta === null) return false
  return m.direction === 'higher' ? m.delta < -tolerance : m.delta > tolerance
}

/** A tolerance as the rule's detail shows it: `0.5 pts` for proportions, `0.01` otherwise. */
function toleranceText(name: string, tolerance: number): string {
  const shown = formatDelta(name, tolerance).replace(/^\+/, '')
  return /[1-9]/.test(shown) ? shown : formatNumber(tolerance)
}

/** The shifted tests' names as a reader sees them (src/gates/tolerance.ts). */
function testName(test: string | null): string {
  switch (test) {
    case 'tango-score':
      return "Tango's score test"
    case 'paired-t-shifted':
      return 'paired t'
    case 'delong-shifted':
      return 'DeLong'
    case 'bound-normal':
      return 'normal form of the confidence bound'
    default:
      return test ?? 'its test'
  }
}

/** `, for drops of more than 0.5 pts (Tango's score test)` on a `by` rule with a tolerance; empty without one. */
function toleranceNote(rule: GateRule, tested: readonly Tested[]): string {
  const tolerance = rule.tolerance ?? 0
  if (tolerance === 0) return ''
  const tests = [...new Set(tested.map((t) => testName(t.test)))].join(', ')
  return `, for drops of more than ${toleranceText(rule.metric, tolerance)} (${tests})`
}

/**
 * `METRIC no-regression by class` (docs/gates.md): fails when the per-class METRIC[L] of any tested class (at least
 * `minSupport` examples of support) regressed significantly, its one-sided p adjusted with the run's other
 * no-regression hypotheses below alpha; the detail names those classes with their numbers.
 */
function byClassResult(
  rule: GateRule,
  metrics: Record<string, MetricReport>,
  classes: readonly string[],
  tested: Tested[],
  ctx: { alpha: number; level: string; adjustment: { method: string; note: string }; minSupport: number; labels: readonly string[] }
): GateResult {
  const name = rule.metric
  const base = { rule: rule.text, metric: name, bound: null, adjustment: ctx.adjustment.method }
  const untested = ctx.labels.length - classes.length
  const support = `support of at least ${ctx.minSupport}${untested > 0 ? `; ${untested} below it` : ''}`
  const count = `${classes.length} of ${ctx.labels.length} classes tested (${support})`
  if (tested.length === 0) {
    return {
      ...base,
      status: 'pass',
      observed: null,
      pValue: null,
      detail: classes.length === 0 ? `no class has ${ctx.minSupport} or more examples of support (--min-slice) to be tested` : `${count}; ${name} per class has no significance test, so it cannot regress significantly`,
      classes: { tested: classes.length, failing: [] }
    }
  }
  const failing = tested.filter((t) => beyond(t.m, rule.tolerance ?? 0) && t.p < ctx.alpha)
  const smallest = tested.reduce((a, b) => (b.p < a.p ? b : a))
  const after = `after ${ctx.adjustment.method}${ctx.adjustment.note}${toleranceNote(rule, tested)}`
  const examples = (label: string): string => {
    const s = metrics[`support[${label}]`]?.candidate
    return s == null ? '' : `, ${s.toLocaleString('en-US')} examples`
  }
  const describe = (t: Tested): string => `${className(t.value)} (${describeChange(`${name}[${t.value}]`, t.m, name)}${examples(t.value)}, one-sided p ${pText(t.p)})`
  const detail = failing.length
    ? `significant regression on ${failing.length} of ${classes.length} tested classes (of ${ctx.labels.length}; ${support}) ${after}: ${failing.slice(0, 10).map(describe).join('; ')}${failing.length > 10 ? '; …' : ''}`
    : `${count}, none a significant regression ${after}; smallest one-sided p ${pText(smallest.p)} on ${className(smallest.value)}`
  return {
    ...base,
    status: failing.length ? 'fail' : 'pass',
    observed: smallest.m.delta,
    pValue: smallest.p,
    detail,
    classes: { tested: classes.length, failing: failing.map((t) => t.value) }
  }
}

/** A class as gate details name it: `books`, or `"EU West"` when it has a space or a quote. */
function className(label: string): string {
  return /^[^\s"]+$/.test(label) ? label : JSON.stringify(label)
}

/** `recall fell 2.1 pts, 90.0% → 87.9%`; `shownAs` names the metric (formatting follows `name`). */
function describeChange(name: string, m: MetricReport, shownAs = name): string {
  const d = m.delta as number
  if (d === 0) return `${shownAs} is unchanged at ${formatValue(name, m.candidate)}`
  const verb = d > 0 ? 'rose' : 'fell'
  // The change as the two rounded values beside it show it (86.4% → 93.8% reads 7.4 pts, never 7.3).
  const shown = formatShownDelta(name, m.baseline, m.candidate).replace(/^[+−]/, '')
  const size = /[1-9]/.test(shown) ? shown : 'slightly'
  return `${shownAs} ${verb} ${size}, ${formatValue(name, m.baseline)} → ${formatValue(name, m.candidate)}`
}
