/**
 * The core, end to end: parse → pair → metrics → statistics → gates. Pure: no `@actions/*` import; the CLI
 * and the action are thin shells around `compare()`. What is particular to a task (its fields, its metrics, its
 * statistics, its report sections) is in src/tasks/, behind one interface.
 */
import { ConfigError } from '../common/errors.js'
import { evaluateGates, familyPValues, type GateOptions } from '../gates/evaluate.js'
import { withEvidence } from '../gates/gateEvidence.js'
import { parseGates, type GateRule } from '../gates/rules.js'
import { leakageCheck, leakageMetric, leakageWarnings } from '../checks/leakage.js'
import { overfittingCheck, overfittingMetrics, overfittingWarnings } from '../checks/overfitting.js'
import { checkTrainGapRules } from '../gates/trainGap.js'
import { anyErrors, DEFAULT_ERRORS, errorWarning } from '../pair/errorRule.js'
import { errorRateMetric } from '../tasks/errorRate.js'
import { slicesOf } from '../slices/sliceAnalysis.js'
import { sliceKey } from '../slices/analyze.js'
import { taskModule } from '../tasks/registry.js'
import type { Analysis, Prepared, Settings } from '../tasks/taskModule.js'
import type { GateResult, MetricReport, Report, Verdict } from '../report/schema.js'
import type { CompareOptions } from '../tasks/options.js'
import { VERSION } from '../common/version.js'
import { resultWarnings } from './resultWarnings.js'
import { pairingWarnings } from '../pair/pairWarnings.js'
import { withUnits } from '../report/format.js'
import { resolveTools } from '../read/tools/toolFormats.js'


/** Reads both files, pairs them, computes metrics and statistics, evaluates the gates. Throws InputError / ConfigError. */
export async function compare(given: CompareOptions): Promise<Report> {
  checkSettings(given)
  // An evaluation tool's output (docs/tools.md): task scores on the tool's metrics, ids and repeats.
  const options = await resolveTools(given)
  const prepared = await taskModule(options.task, options.format).prepare(options)
  let report: Report
  try {
    report = await comparePrepared(options, prepared)
  } catch (error) {
    // An input check still under way elsewhere found the earlier error (it would have come first on one thread).
    await prepared.settle?.()
    throw error
  }
  await prepared.settle?.()
  return report
}

/** compare() once the task has read and paired the files. */
async function comparePrepared(options: CompareOptions, prepared: Prepared): Promise<Report> {
  const checks = dataChecks(options, prepared)
  const slicing = slicesOf(options, prepared)
  const errorMetrics = prepared.errors ? ['error_rate'] : []
  const rules = parseGates(options.gates ?? prepared.defaultGates, {
    ...prepared.known,
    metrics: [...prepared.known.metrics, ...errorMetrics, ...checks.metrics],
    slices: slicing.known
  })
  checkTrainGapRules(rules, options.trainPredictions !== undefined, checks.metrics)
  const settings = { alpha: options.alpha, resamples: options.resamples, seed: options.seed }
  const analysis = await prepared.analyze(rules, settings)
  const errors = prepared.errors
  // docs/errors.md: error_rate is reported when gated, when an example errored, or when --errors was given.
  if (errors && (options.errors !== undefined || anyErrors(errors) || rules.some((r) => r.metric === 'error_rate'))) {
    analysis.metrics.error_rate = errorRateMetric(errors, null, settings, { candidate: options.candidate.name, baseline: options.baseline ? options.baseline.name : null })
  }
  const errorNote = errors ? errorWarning(errors) : null
  const slices = slicing.analyze(rules, settings)
  const checked = await checks.run(rules, analysis, settings)
  Object.assign(analysis.metrics, checked.metrics)
  const compared = prepared.pairing ? prepared.pairing.n : prepared.counts.candidate - (prepared.counts.excluded ?? 0)
  const gateOptions: GateOptions = {
    alpha: options.alpha,
    hasBaseline: prepared.hasBaseline,
    missingBaseline: options.missingBaseline,
    multiplicity: options.multiplicity,
    maxTTies: options.maxTTies,
    joint: analysis.joint ?? null,
    overfitting: checked.sections.overfitting ?? null,
    slices: slices?.report ?? null,
    minSlice: slices?.settings.minSlice ?? options.minSlice,
    examples: compared,
    labels: prepared.labels,
    shifted: (metric, tolerance, slice) => (slice ? slices?.shifted.get(sliceKey(slice.field, slice.value)) : analysis.shifted)?.(metric, tolerance) ?? null
  }
  // docs/suites.md: with several suites, the no-regression family is adjusted over all of them.
  if (options.family) {
    const family = familyPValues(rules, analysis.metrics, gateOptions)
    gateOptions.family = await options.family(family.p, family.weights)
  }
  // Gate details read scores fields by what their values are (docs/report.md).
  const gates = withUnits(analysis.units, () => {
    const evaluated = evaluateGates(rules, analysis.metrics, gateOptions)
    // docs/gates.md: how far from failing, material drops, which way an inconclusive gate leans.
    return withEvidence(rules, evaluated, analysis.metrics, { alpha: options.alpha, hasBaseline: prepared.hasBaseline, slices: slices?.report ?? null, overfitting: checked.sections.overfitting ?? null })
  })
  const verdict = prepared.hasBaseline ? verdictOf(gates) : noBaselineVerdict(gates, rules)
  return {
    schemaVersion: 1,
    passed: passedOf(verdict, options),
    verdict,
    task: prepared.task,
    labels: prepared.labels,
    positiveLabel: prepared.positiveLabel,
    counts: prepared.counts,
    metrics: analysis.metrics,
    confusionMatrix: analysis.confusionMatrix,
    gates,
    warnings: [
      ...pairingWarnings(prepared.pairing),
      ...(errorNote ? [errorNote] : []),
      ...analysis.warnings.first,
      ...resultWarnings(analysis.metrics, gates, settings),
      ...analysis.warnings.last,
      ...(slices?.warnings ?? []),
      ...checked.warnings
    ],
    disagreement: analysis.disagreement,
    ...(analysis.examples ? { examples: analysis.examples } : {}),
    ...(analysis.units ? { units: analysis.units } : {}),
    ...checked.sections,
    ...(slices ? { slices: slices.report } : {}),
    settings: {
      alpha: options.alpha,
      resamples: options.resamples,
      seed: options.seed,
      version: VERSION,
      candidate: options.candidate.name,
      baseline: options.baseline ? options.baseline.name : null,
      errors: options.errors ?? DEFAULT_ERRORS,
      inconclusive: options.inconclusive ?? 'fail',
      ...(slices ? { slices: slices.settings } : {})
    }
  }
}

/**
 * The run's verdict (docs/repeats-and-clusters.md): `fail` when any gate fails; else `inconclusive` when any gate is inconclusive; else
 * `pass` (skipped gates do not count). `passed` follows it, an inconclusive verdict counting as `--inconclusive`
 * says (default fail).
 */
export function verdictOf(gates: readonly GateResult[]): 'pass' | 'fail' | 'inconclusive' {
  if (gates.some((g) => g.status === 'fail')) return 'fail'
  return gates.some((g) => g.status === 'inconclusive') ? 'inconclusive' : 'pass'
}

/**
 * The verdict of a run without a baseline (docs/report.md): `fail` when a rule that needs no baseline failed (an
 * absolute rule, a train-gap rule), else `no-baseline`: nothing was compared, whatever `missing-baseline` made of the
 * rules that need one. `gates` are one per rule, in rule order.
 */
export function noBaselineVerdict(gates: readonly GateResult[], rules: readonly GateRule[]): Verdict {
  const absolute = (rule: GateRule | undefined): boolean => rule?.kind === 'threshold' || rule?.kind === 'train-gap'
  return gates.some((g, i) => g.status === 'fail' && absolute(rules[i])) ? 'fail' : 'no-baseline'
}

/**
 * `passed`, from the verdict: an inconclusive one counts as `inconclusive` says (default fail); `no-baseline`
 * as `missing-baseline` says (`skip`: passed, exit 0; `fail`: failed, exit 1).
 */
export function passedOf(verdict: Verdict, options: Pick<CompareOptions, 'inconclusive' | 'missingBaseline'>): boolean {
  if (verdict === 'no-baseline') return options.missingBaseline === 'skip'
  return verdict === 'pass' || (verdict === 'inconclusive' && options.inconclusive === 'pass')
}

/**
 * The data checks of docs/data-checks.md that the options ask for: their metric names (known to the gates before any
 * statistic is computed), and a run that gives their metrics, report sections and warnings: leakage (`--train`,
 * src/checks/leakage.ts) and overfitting (`--train-predictions`, src/checks/overfitting.ts, which measures the
 * training predictions with the task's own module and needs the test side's analysis and the rules).
 */
function dataChecks(options: CompareOptions, prepared: Prepared) {
  const metrics = options.train ? ['leakage'] : []
  const run = async (
    rules: readonly GateRule[],
    analysis: Analysis,
    settings: Settings
  ): Promise<{ metrics: Record<string, MetricReport>; sections: Pick<Report, 'leakage' | 'overfitting'>; warnings: string[] }> => {
    const out: { metrics: Record<string, MetricReport>; sections: Pick<Report, 'leakage' | 'overfitting'>; warnings: string[] } = { metrics: {}, sections: {}, warnings: [] }
    if (options.train) {
      const leakage = await leakageCheck({
        train: options.train,
        test: options.candidate,
        rows: prepared.pairing ? prepared.pairing.cand : null,
        idField: options.fields.id,
        textField: options.textField ?? null,
        format: options.format
      })
      out.metrics.leakage = leakageMetric(leakage)
      out.sections.leakage = leakage
      out.warnings.push(...leakageWarnings(leakage))
    }
    if (options.trainPredictions) {
      const names = overfittingMetrics(rules, parseGates(prepared.defaultGates, prepared.known), Object.keys(analysis.metrics))
      const overfitting = await overfittingCheck({
        options: { ...options, trainPredictions: options.trainPredictions },
        test: prepared,
        testMetrics: analysis.metrics,
        names,
        rules,
        settings
      })
      out.sections.overfitting = overfitting
      out.warnings.push(...overfittingWarnings(overfitting, settings.alpha))
    }
    return out
  }
  return { metrics, run }
}

/** Alpha, resamples and seed, checked before any file is read. */
function checkSettings(options: CompareOptions): void {
  if (!(options.alpha > 0 && options.alpha < 1)) throw new ConfigError(`alpha must be a number between 0 and 1 (exclusive), got ${options.alpha}`)
  if (!Number.isInteger(options.resamples) || options.resamples < 1 || options.resamples > 1_000_000) {
    throw new ConfigError(`resamples must be a whole number from 1 to 1000000, got ${options.resamples}`)
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw new ConfigError(`seed must be a whole number ≥ 0, got ${options.seed}`)
}
