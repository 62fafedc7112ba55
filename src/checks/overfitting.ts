/**
 * The overfitting check (docs/data-checks.md, `--train-predictions FILE`): the candidate's headline metrics on its own
 * training set beside the same metrics on the test set (the compared examples), their gap, and an interval of
 * the gap.
 *
 * - Train values: the training file is read and measured by the task's own module, as a candidate with no
 *   baseline (same fields, same format, same metric code as the test side; a classification task keeps the test
 *   side's task and positive class). Test values: the candidate's values of the report.
 * - Gap: the side that should be better on train minus the other, so a positive gap always means "better on
 *   train": train − test for metrics better when higher, test − train for those better when lower (log_loss,
 *   brier, mae, rmse, max_error, loss, perplexity, `:lower` score fields).
 * - Interval: train and test are independent samples, so the (1 − alpha) interval of the gap combines each side's
 *   own (1 − alpha) interval (the report's `candidateCi` of each) by MOVER (src/stats/mover.ts): for the
 *   proportions that have a Wilson interval (accuracy, precision, recall, specificity, pass rates, exact_match)
 *   this is Newcombe's hybrid score interval for a difference of independent proportions; for the others, MOVER
 *   on their bootstrap percentile (or t, DeLong) intervals.
 * - Metrics: those the gates name (a model metric of the run) and those of the task's default gates, in report
 *   order.
 *
 * Cost: one read of the training file and one analysis of it without a baseline (the candidate interval's
 * resamples), as `compare` with no baseline would spend on it.
 */
import type { CompareOptions } from '../tasks/options.js'
import { ConfigError, quote } from '../common/errors.js'
import { formatInterval, formatValue } from '../report/format.js'
import type { GateRule } from '../gates/rules.js'
import { moverDifference } from '../stats/mover.js'
import { taskModule } from '../tasks/registry.js'
import { shownGap } from '../gates/trainGap.js'
import type { Prepared, Settings } from '../tasks/taskModule.js'
import type { MetricReport, Overfitting, TaskName } from '../report/schema.js'

/** How the interval of the gap is made (the report's `overfitting.ciMethod`). */
export const GAP_CI_METHOD = 'mover'

/** A gap this large relative to the metric's larger value (train or test), and significant, gives a warning. */
export const LARGE_GAP = 0.1

export interface OverfittingOptions {
  /** The run's options: the training file is read with its fields, format and task options. */
  options: CompareOptions & { trainPredictions: NonNullable<CompareOptions['trainPredictions']> }
  /** The test side, prepared: its task and positive class are kept for the training file. */
  test: Pick<Prepared, 'task' | 'positiveLabel' | 'counts' | 'pairing'>
  /** The test side's metrics (candidate values and candidateCi on the compared examples). */
  testMetrics: Record<string, MetricReport>
  /** The metrics to compare, in report order. */
  names: readonly string[]
  /** The run's rules (a classification task measures the classes they name). */
  rules: readonly GateRule[]
  settings: Settings
}

/** The report's `overfitting`: each metric on train and test, the gap and its interval. */
export async function overfittingCheck(o: OverfittingOptions): Promise<Overfitting> {
  const { options, test } = o
  const classification = test.task === 'binary' || test.task === 'multiclass'
  const task: TaskName | undefined = classification ? test.task : options.task
  const trainOptions: CompareOptions = {
    ...options,
    candidate: options.trainPredictions,
    baseline: null,
    task,
    positiveLabel: test.positiveLabel ?? options.positiveLabel,
    gates: undefined,
    train: undefined,
    trainPredictions: undefined,
    sliceFields: undefined,
    minSlice: undefined
  }
  let trainMetrics: Record<string, MetricReport>
  let trainRows: number
  try {
    const prepared = await taskModule(task).prepare(trainOptions)
    trainRows = prepared.counts.candidate
    trainMetrics = (await prepared.analyze(o.rules, o.settings)).metrics
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`train-predictions ${quote(options.trainPredictions.name)}: ${error.message}`)
    throw error
  }
  const metrics: Overfitting['metrics'] = {}
  for (const name of o.names) {
    const t = o.testMetrics[name]
    if (!t) continue
    const r = trainMetrics[name]
    metrics[name] = gapOf(r ? r.candidate : null, r ? r.candidateCi : null, t.candidate, t.candidateCi, t.direction)
  }
  return { trainRows, testRows: test.pairing ? test.pairing.n : test.counts.candidate, ciMethod: GAP_CI_METHOD, metrics }
}

/**
 * One metric's entry: the gap (positive: better on train) and its MOVER interval, null where either value or
 * either interval is undefined.
 *
 * @example gapOf(0.8, [0.6918, 0.8770], 0.6, [0.4905, 0.7004], 'higher').gap // 0.2 (up to rounding)
 */
export function gapOf(
  train: number | null,
  trainCi: [number, number] | null,
  test: number | null,
  testCi: [number, number] | null,
  direction: 'higher' | 'lower'
): Overfitting['metrics'][string] {
  const higher = direction === 'higher'
  const gap = train === null || test === null ? null : higher ? train - test : test - train
  let ci: [number, number] | null = null
  if (train !== null && test !== null && trainCi && testCi) {
    ci = higher ? moverDifference(train, trainCi, test, testCi) : moverDifference(test, testCi, train, trainCi)
  }
  return { train, test, gap, ci, trainCi, testCi, direction }
}

/** The metrics the check compares: the model metrics the rules name and those of the default rules, in report order. */
export function overfittingMetrics(rules: readonly GateRule[], defaultRules: readonly GateRule[], reportOrder: readonly string[]): string[] {
  const wanted = new Set([...defaultRules, ...rules].map((r) => r.metric))
  return reportOrder.filter((name) => wanted.has(name))
}

/**
 * One warning, starting "Overfitting:", naming the metrics whose gap is significant (the interval's lower end
 * above 0) and large (at least {@link LARGE_GAP} of the larger of the two values).
 */
export function overfittingWarnings(o: Overfitting, alpha: number): string[] {
  const level = `${Math.round((1 - alpha) * 1000) / 10}%`
  const flagged = Object.entries(o.metrics).filter(([, m]) => {
    if (m.gap === null || m.ci === null || m.train === null || m.test === null) return false
    return m.ci[0] > 0 && m.gap >= LARGE_GAP * Math.max(Math.abs(m.train), Math.abs(m.test))
  })
  if (flagged.length === 0) return []
  const parts = flagged.map(
    ([name, m]) => `${name} ${formatValue(name, m.train)} on train, ${formatValue(name, m.test)} on test (gap ${shownGap(name, m)}, ${level} CI ${formatInterval(name, m.ci)})`
  )
  return [
    `Overfitting: the candidate does much better on its training set than on the test set: ${parts.join('; ')}. ` +
      'The test values are the ones to trust for unseen data.'
  ]
}
