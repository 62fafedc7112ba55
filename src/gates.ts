/**
 * Gates (SPEC §5): rules, one per line or separated by `;`, `#` starting a comment.
 *
 * | rule | passes when |
 * | `METRIC >= X` (`>`, `<=`, `<`) | the candidate's value satisfies it |
 * | `METRIC delta >= X` (any operator) | candidate − baseline satisfies it |
 * | `METRIC no-regression` | not a significant regression: fails only when the change is in the worse direction and its one-sided p, adjusted over all no-regression rules (Westfall–Young minP or Holm, `multiplicity`), is below alpha |
 * | `METRIC non-inferior M` | three-way (SPEC §12): `pass` when the one-sided (1 − alpha) bound of delta on the worse side lies within M, `fail` when the bound on the better side lies beyond M on the worse side (shown inferior), `inconclusive` otherwise |
 * | `METRIC train-gap <= X` (any operator) | the gap train − test (positive: better on train) satisfies it (src/checks/overfitting.ts) |
 *
 * METRIC is a name of SPEC §3, per class included (`recall[spam]`; a label may hold spaces, `;` and `#`, which do
 * not split or end a rule inside the brackets), or a slice of one (SPEC §13, src/slices/rules.ts):
 * `METRIC@FIELD=VALUE …` and `METRIC no-regression by FIELD`.
 */
import { ConfigError, quote } from './errors.js'
import { parseDecimal } from './read/number.js'
import { formatDelta, formatInterval, formatNumber, formatP, formatShownDelta, formatValue } from './format.js'
import { parsePerClass, SCORE_METRICS } from './metrics/names.js'
import { holm } from './stats/holm.js'
import { maxT } from './stats/maxT.js'
import { westfallYoung } from './stats/westfallYoung.js'
import { trainGapGate } from './checks/trainGap.js'
import { checkSliceRule, parseByField, parseSliceSelector, sliceName, type KnownSlices } from './slices/rules.js'
import type { GateResult, MetricReport, Overfitting, SliceReport } from './types.js'

/** The default when no gates are given: no significant regression of accuracy, precision, recall or F1. */
export const DEFAULT_GATES = 'accuracy no-regression; precision no-regression; recall no-regression; f1 no-regression'

export type Operator = '>=' | '>' | '<=' | '<'

export interface GateRule {
  /** The rule as written (trimmed). */
  text: string
  metric: string
  kind: 'threshold' | 'delta' | 'no-regression' | 'non-inferior' | 'train-gap'
  op?: Operator
  value?: number
  margin?: number
  /** SPEC §13 `METRIC@FIELD=VALUE …`: the rule is about this slice. */
  slice?: { field: string; value: string }
  /** SPEC §13 `METRIC no-regression by FIELD`: every tested slice of FIELD. */
  by?: string
}

/**
 * Splits rules text into rules: newlines and `;` separate, `#` comments, both ignored inside `[…]` and inside a
 * quoted slice name (`"…"`, with `\"` inside).
 */
export function splitRules(text: string): string[] {
  const rules: string[] = []
  let current = ''
  let depth = 0
  let comment = false
  let quoted = false
  let escaped = false
  for (const ch of text) {
    if (ch === '\n' || ch === '\r') {
      rules.push(current)
      current = ''
      depth = 0
      comment = false
      quoted = escaped = false
      continue
    }
    if (comment) continue
    if (quoted) {
      if (escaped) escaped = false
      else if (ch === '\\') escaped = true
      else if (ch === '"') quoted = false
    } else if (depth === 0 && ch === '"') quoted = true
    else if (ch === '[') depth++
    else if (ch === ']' && depth > 0) depth--
    else if (depth === 0 && ch === '#') {
      comment = true
      continue
    } else if (depth === 0 && ch === ';') {
      rules.push(current)
      current = ''
      continue
    }
    current += ch
  }
  rules.push(current)
  return rules.map((r) => r.trim()).filter((r) => r.length > 0)
}

/**
 * Parses gate rules and checks their metrics against those of the run. A malformed rule, an unknown metric or
 * class, or a score metric without scores is a ConfigError that quotes the rule.
 */
export function parseGates(text: string, known: { metrics: readonly string[]; labels: readonly string[]; slices?: KnownSlices }): GateRule[] {
  return splitRules(text).map((rule) => {
    const parsed = parseRule(rule)
    checkMetric(parsed, known)
    checkSliceRule(parsed, known.slices)
    return parsed
  })
}

function parseRule(text: string): GateRule {
  const fail = (why: string): never => {
    throw new ConfigError(`gate ${quote(text, 120)}: ${why}. Rules look like "recall no-regression", "f1 >= 0.8", "accuracy delta >= -0.01", "recall non-inferior 0.02"`)
  }
  // Names may hold `.` and `-`: an evaluation tool's metrics (`exact_match.flexible-extract`, docs/tools.md).
  const head = /^([A-Za-z_][A-Za-z0-9_.-]*)(\[[\s\S]*\])?([\s\S]*)$/.exec(text)
  if (!head) return fail('does not start with a metric name')
  const metric = head[1] + (head[2] ?? '')
  let tail = head[3].trim()
  let slice: { field: string; value: string } | undefined
  if (tail.startsWith('@')) {
    const selector = parseSliceSelector(tail.slice(1))
    if (typeof selector === 'string') return fail(selector)
    slice = { field: selector.field, value: selector.value }
    tail = selector.rest
  }
  const sliced = slice ? { slice } : {}
  const number = (s: string, what: string): number => {
    const x = parseDecimal(s)
    if (!Number.isFinite(x)) fail(`${what} ${quote(s)} is not a number`)
    return x
  }
  let m: RegExpExecArray | null
  if ((m = /^(?:(delta|train-gap)\s*)?(>=|<=|>|<)\s*(\S+)$/.exec(tail))) {
    return { text, metric, kind: m[1] === 'delta' ? 'delta' : m[1] === 'train-gap' ? 'train-gap' : 'threshold', op: m[2] as Operator, value: number(m[3], 'the threshold'), ...sliced }
  }
  if (/^no-regression$/.test(tail)) return { text, metric, kind: 'no-regression', ...sliced }
  if ((m = /^no-regression\s+by(\s[\s\S]*)?$/.exec(tail))) {
    if (slice) fail('a rule is about one slice (@FIELD=VALUE) or every slice of a field (by FIELD), not both')
    const by = parseByField(m[1] ?? '')
    if (by === null) fail('"no-regression by" needs one slice field, e.g. "f1 no-regression by region"')
    return { text, metric, kind: 'no-regression', by: by as string }
  }
  if ((m = /^non-inferior(?:\s+(\S+))?$/.exec(tail))) {
    if (m[1] === undefined) fail('non-inferior needs a margin, e.g. "non-inferior 0.01"')
    const margin = number(m[1], 'the margin')
    if (margin < 0) fail('the margin must not be negative')
    return { text, metric, kind: 'non-inferior', margin, ...sliced }
  }
  if (tail === '') return fail('has a metric but no condition')
  return fail(`cannot read ${quote(tail)}`)
}

function checkMetric(rule: GateRule, known: { metrics: readonly string[]; labels: readonly string[] }): void {
  if (known.metrics.includes(rule.metric)) return
  const perClass = parsePerClass(rule.metric)
  if (perClass) {
    const shown = known.labels.slice(0, 20).map((l) => quote(l)).join(', ') + (known.labels.length > 20 ? ', …' : '')
    throw new ConfigError(`gate ${quote(rule.text, 120)}: unknown class ${quote(perClass.label)}; the classes are ${shown}`)
  }
  if (Object.values(SCORE_METRICS).some((list) => list.includes(rule.metric))) {
    throw new ConfigError(`gate ${quote(rule.text, 120)}: ${rule.metric} needs scores, and the candidate file has none (field "score" or "scores")`)
  }
  throw new ConfigError(`gate ${quote(rule.text, 120)}: unknown metric ${quote(rule.metric)}; known metrics: ${known.metrics.filter((m) => !m.includes('[')).join(', ')}, and per class precision[L], recall[L], f1[L], support[L]`)
}

/** How the one-sided p-values of a run's `no-regression` rules are adjusted for their number. */
export type Multiplicity = 'holm' | 'westfall-young' | 'max-t'

/**
 * The default adjustment: Holm, as SPEC §5 states it. Westfall–Young (minP, or max-T: the most power) is the option:
 * exact family-wise control under exchangeable models and about +75% power for a recall drop among six gates (15.4%
 * vs 8.7%, max-T with its ties broken by seeded keys), but short of issue 11's goal and a stronger null for roc_auc
 * (README, "Statistics", `npm run calibrate`).
 */
export const DEFAULT_MULTIPLICITY: Multiplicity = 'holm'

/**
 * A task's joint permutation null of the one-sided tests of the named metrics (src/stats/jointPermutation.ts):
 * the observed p and R resampled p of each, from the same swaps; or, when it cannot give them (a metric without
 * a joint resampling, too many examples for the work cap), the reason, in words.
 */
export type JointNull = (
  metrics: readonly string[]
) => { observed: number[]; resampled: Float64Array[]; resamples: number; statistics?: { observed: number[]; resampled: Float64Array[] }; ties?: Float64Array } | string

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
  /** The report's slices (SPEC §13), for slice rules, and the fewest examples a tested slice has. */
  slices?: Record<string, Record<string, SliceReport>> | null
  minSlice?: number
  /** The compared examples (paired, after `--errors exclude`): an inconclusive gate says how many would settle it. */
  examples?: number
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
  const tested = family.map((h) => h.rule)
  const holmP = (): number[] => holm(family.map((h) => h.m.pValueWorse as number))
  const multiplicity = options.multiplicity ?? DEFAULT_MULTIPLICITY
  if (multiplicity === 'holm' || tested.length === 0) return { p: holmP(), method: 'Holm', note: '' }
  // Asked for by name, say why it is not used; as the default, a task without a joint null simply uses Holm.
  const asked = options.multiplicity !== undefined
  const label = multiplicity === 'max-t' ? 'Westfall–Young max-T' : 'Westfall–Young'
  if (!options.joint) return { p: holmP(), method: 'Holm', note: asked ? ` (this task has no joint resampling for ${label})` : '' }
  // SPEC §13: a slice's statistics come from its own resamples, so slices have no joint null with the rest.
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
    // non-inferior: three-way (SPEC §12)
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
