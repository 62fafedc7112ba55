/**
 * The gate form `METRIC train-gap <= X` (any operator; docs/data-checks.md): the gap of the overfitting check
 * (src/checks/overfitting.ts; positive means better on train, in the metric's own units: 0.05 is 5 points of
 * accuracy) against the threshold. Kept apart from the check so that src/gates/evaluate.ts imports nothing that reads files.
 */
import { ConfigError, quote } from '../common/errors.js'
import { formatInterval, formatNumber, formatShownDelta, formatValue } from '../report/format.js'
import type { GateRule, Operator } from './rules.js'
import type { GateResult, Overfitting } from '../report/schema.js'

const satisfies = (x: number, op: Operator, y: number): boolean => (op === '>=' ? x >= y : op === '>' ? x > y : op === '<=' ? x <= y : x < y)

/**
 * A gap as the two shown values give it (`97.3%` on train and `80.0%` on test read `+17.3 pts`), signed so that
 * positive means better on train.
 *
 * @example shownGap('log_loss', { train: 0.1, test: 0.35, direction: 'lower' }) // '+0.2500'
 */
export function shownGap(name: string, m: Pick<Overfitting['metrics'][string], 'train' | 'test' | 'direction'>): string {
  return m.direction === 'higher' ? formatShownDelta(name, m.test, m.train) : formatShownDelta(name, m.train, m.test)
}

/**
 * Rules of the form `METRIC train-gap <= X` need `--train-predictions`, and a model metric (not a data check such
 * as `leakage`): a ConfigError quoting the rule otherwise.
 */
export function checkTrainGapRules(rules: readonly GateRule[], hasTrainPredictions: boolean, checkMetrics: readonly string[]): void {
  for (const rule of rules) {
    if (rule.kind !== 'train-gap') continue
    if (!hasTrainPredictions) {
      throw new ConfigError(
        `gate ${quote(rule.text, 120)}: train-gap needs --train-predictions (action: train-predictions), the candidate's predictions on its own training set`
      )
    }
    if (checkMetrics.includes(rule.metric)) throw new ConfigError(`gate ${quote(rule.text, 120)}: ${rule.metric} is a data check, not a metric of the model; it has no train-gap`)
  }
}

/** A train-gap rule's verdict: the gap (positive: better on train) against the rule's threshold. */
export function trainGapGate(rule: GateRule, overfitting: Overfitting | null, level: string): Pick<GateResult, 'status' | 'detail' | 'observed'> {
  const name = rule.metric
  const m = overfitting?.metrics[name]
  if (!m || m.gap === null) {
    return { status: 'fail', detail: `${name} is undefined on the training or the test set, so the train-gap cannot be judged`, observed: null }
  }
  const ok = satisfies(m.gap, rule.op as Operator, rule.value as number)
  const ci = m.ci ? ` (${level} CI ${formatInterval(name, m.ci)})` : ''
  return {
    status: ok ? 'pass' : 'fail',
    detail: `${name} is ${formatValue(name, m.train)} on train and ${formatValue(name, m.test)} on test: a gap of ${shownGap(name, m)}${ci}; the rule needs a gap ${rule.op} ${formatNumber(rule.value as number)}`,
    observed: m.gap
  }
}

