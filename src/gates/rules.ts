/**
 * Gates (docs/gates.md): rules, one per line or separated by `;`, `#` starting a comment.
 *
 * | rule | passes when |
 * | `METRIC >= X` (`>`, `<=`, `<`) | the candidate's value satisfies it |
 * | `METRIC delta >= X` (any operator) | candidate − baseline satisfies it |
 * | `METRIC no-regression` | not a significant regression: fails only when the change is in the worse direction and its one-sided p, adjusted over all no-regression rules (Westfall–Young minP or Holm, `multiplicity`), is below alpha |
 * | `METRIC non-inferior M` | three-way (docs/repeats-and-clusters.md): `pass` when the one-sided (1 − alpha) bound of delta on the worse side lies within M, `fail` when the bound on the better side lies beyond M on the worse side (shown inferior), `inconclusive` otherwise |
 * | `METRIC train-gap <= X` (any operator) | the gap train − test (positive: better on train) satisfies it (src/checks/overfitting.ts) |
 *
 * | `METRIC no-regression by class` | every class with at least `min-slice` examples of support, METRIC[L] for each (precision, recall, f1) |
 *
 * Options after a rule (docs/gates.md "Choosing gates", "Several no-regression rules"), in any order, each at most once:
 * `tolerance T` (no-regression: fails only when the drop is significantly larger than T; non-inferior: its margin)
 * and `weight W` (no-regression: the rule's relative share of alpha, default 1).
 *
 * METRIC is a name of docs/metrics.md, per class included (`recall[spam]`; a label may hold spaces, `;` and `#`, which do
 * not split or end a rule inside the brackets), or a slice of one (docs/slices.md, src/gates/sliceRules.ts):
 * `METRIC@FIELD=VALUE …` and `METRIC no-regression by FIELD`.
 */
import { ConfigError, quote } from '../common/errors.js'
import { parseDecimal } from '../read/number.js'
import { parsePerClass, SCORE_METRICS } from '../metrics/names.js'
import { checkSliceRule, parseByField, parseSliceSelector, type KnownSlices } from './sliceRules.js'

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
  /** docs/slices.md `METRIC@FIELD=VALUE …`: the rule is about this slice. */
  slice?: { field: string; value: string }
  /** docs/slices.md `METRIC no-regression by FIELD`: every tested slice of FIELD. */
  by?: string
  /** docs/gates.md `METRIC no-regression by class`: METRIC[L] of every class with at least `min-slice` examples of support. */
  byClass?: boolean
  /**
   * docs/gates.md `tolerance T` (no-regression; non-inferior, where it is the margin): the drop, in the metric's
   * delta unit, below which no regression is claimed; the test is of delta beyond −T (src/gates/tolerance.ts). Absent: 0.
   */
  tolerance?: number
  /** docs/gates.md `weight W` (no-regression): the rule's relative share of alpha in the run's family. Absent: 1. */
  weight?: number
  /** docs/reference.md `… vs reference`: a comparative rule evaluated against the pinned reference, not the baseline. */
  vs?: 'reference'
}

/** docs/reference.md: the ending that turns a comparative rule against the reference. */
export const VS_REFERENCE = /\s+vs\s+reference$/

/** The per-class metrics a `by class` rule takes: METRIC[L] exists for these. */
export const BY_CLASS_METRICS = ['precision', 'recall', 'f1'] as const

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
  const vs = VS_REFERENCE.exec(text)
  if (vs) return againstReference(parseRule(text.slice(0, vs.index)), text)
  const fail = (why: string): never => {
    throw new ConfigError(`gate ${quote(text, 120)}: ${why}. Rules look like "recall no-regression", "f1 >= 0.8", "accuracy delta >= -0.01", "recall non-inferior 0.02"`)
  }
  const { rest, options } = splitOptions(text, fail)
  const rule = parseBase(rest, text, fail)
  return withOptions(rule, options, fail)
}

/** The options a rule may end with (docs/gates.md): `tolerance T`, `weight W`. */
type RuleOptions = { tolerance?: number; weight?: number }

/**
 * Strips the trailing options `tolerance T` and `weight W` (any order, each once) from a rule. A value holding a
 * `"` is left alone (it ends a quoted slice name, `by "my weight 3"`), so only options outside quotes are read.
 * @example splitOptions('recall no-regression weight 4 tolerance 0.005', fail) // { rest: 'recall no-regression', options: { weight: 4, tolerance: 0.005 } }
 */
export function splitOptions(text: string, fail: (why: string) => never): { rest: string; options: RuleOptions } {
  const options: RuleOptions = {}
  let rest = text
  let m: RegExpExecArray | null
  while ((m = /\s(tolerance|weight)(?:\s+([^\s"]+))?\s*$/.exec(rest))) {
    const name = m[1] as 'tolerance' | 'weight'
    if (m[2] === undefined) fail(`${name} needs a number, e.g. "${name} ${name === 'weight' ? '4' : '0.005'}"`)
    if (options[name] !== undefined) fail(`${name} is given twice`)
    const x = parseDecimal(m[2] as string)
    if (!Number.isFinite(x)) fail(`the ${name} ${quote(m[2] as string)} is not a number`)
    if (name === 'tolerance' && x < 0) fail('the tolerance must not be negative')
    if (name === 'weight' && !(x > 0)) fail('the weight must be positive')
    options[name] = x
    rest = rest.slice(0, m.index)
  }
  return { rest: rest.trim(), options }
}

/** Checks which rules take the options given, and sets them. */
function withOptions(rule: GateRule, options: RuleOptions, fail: (why: string) => never): GateRule {
  const { tolerance, weight } = options
  if (weight !== undefined) {
    if (rule.kind !== 'no-regression') fail('weight applies to no-regression rules only (their share of alpha)')
    rule.weight = weight
  }
  if (tolerance !== undefined) {
    if (rule.kind === 'non-inferior') {
      // docs/gates.md: a non-inferior rule's margin is its tolerance; `non-inferior tolerance M` reads as `non-inferior M`.
      if (rule.margin !== undefined && rule.margin !== tolerance) fail('a non-inferior rule has one margin: write "non-inferior M" (its margin is its tolerance)')
      rule.margin = tolerance
    } else if (rule.kind !== 'no-regression') {
      fail(
        rule.kind === 'delta'
          ? 'a delta rule\'s threshold is its margin already; tolerance applies to no-regression and non-inferior rules'
          : 'tolerance applies to comparative rules (no-regression, non-inferior)'
      )
    }
    rule.tolerance = tolerance
  }
  if (rule.kind === 'non-inferior' && rule.margin === undefined) fail('non-inferior needs a margin, e.g. "non-inferior 0.01"')
  return rule
}

/** The rule without its options (`body`); `text` is the whole rule, as written. */
function parseBase(body: string, text: string, fail: (why: string) => never): GateRule {
  // Names may hold `.` and `-`: an evaluation tool's metrics (`exact_match.flexible-extract`, docs/tools.md).
  const head = /^([A-Za-z_][A-Za-z0-9_.-]*)(\[[\s\S]*\])?([\s\S]*)$/.exec(body)
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
    // docs/gates.md: bare `by class` is every class; a slice field named "class" is written quoted, `by "class"`.
    if ((m[1] ?? '').trim() === 'class') {
      if (!(BY_CLASS_METRICS as readonly string[]).includes(metric)) fail(`"by class" takes ${BY_CLASS_METRICS.join(', ')} (per class METRIC[L]); a slice field named class is written by "class"`)
      return { text, metric, kind: 'no-regression', byClass: true }
    }
    const by = parseByField(m[1] ?? '')
    if (by === null) fail('"no-regression by" needs one slice field, e.g. "f1 no-regression by region"')
    return { text, metric, kind: 'no-regression', by: by as string }
  }
  if ((m = /^non-inferior(?:\s+(\S+))?$/.exec(tail))) {
    // Without a number the margin may come as `tolerance M` (withOptions checks that one is there).
    if (m[1] === undefined) return { text, metric, kind: 'non-inferior', ...sliced }
    const margin = number(m[1], 'the margin')
    if (margin < 0) fail('the margin must not be negative')
    return { text, metric, kind: 'non-inferior', margin, ...sliced }
  }
  if (tail === '') return fail('has a metric but no condition')
  return fail(`cannot read ${quote(tail)}`)
}

function againstReference(rule: GateRule, text: string): GateRule {
  if (rule.kind === 'threshold' || rule.kind === 'train-gap') {
    throw new ConfigError(`gate ${quote(text, 120)}: "vs reference" goes with the rules that compare (delta, no-regression, non-inferior), not with ${rule.kind === 'threshold' ? 'an absolute threshold' : 'train-gap'}`)
  }
  if (rule.slice || rule.by !== undefined) throw new ConfigError(`gate ${quote(text, 120)}: "vs reference" compares the whole test set, not a slice`)
  return { ...rule, text, vs: 'reference' }
}

function checkMetric(rule: GateRule, known: { metrics: readonly string[]; labels: readonly string[] }): void {
  if (rule.byClass && known.labels.length === 0) throw new ConfigError(`gate ${quote(rule.text, 120)}: "by class" needs a classification task (this one has no classes)`)
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
 * The default adjustment: Holm, as docs/gates.md states it. Westfall–Young (minP, or max-T: the most power) is the option:
 * exact family-wise control under exchangeable models and about +75% power for a recall drop among six gates (15.4%
 * vs 8.7%, max-T with its ties broken by seeded keys), but short of issue 11's goal and a stronger null for roc_auc
 * (README, "Statistics", `npm run calibrate`).
 */
export const DEFAULT_MULTIPLICITY: Multiplicity = 'holm'
