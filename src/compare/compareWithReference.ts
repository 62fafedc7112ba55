/**
 * A pinned reference (docs/reference.md): a second baseline that does not move with the base branch (a release's
 * predictions), so that a slow drift no single pull request shows is still seen. The same compare engine runs twice:
 * against the baseline with every rule but the `… vs reference` ones, and against the reference with those rules
 * only, on the examples paired with it. The report is the first one, with `reference` (the second's metrics) and
 * the second's gate results (marked `vs: 'reference'`) in the order the rules were written; the verdict is
 * recomputed over all of them.
 *
 * The `vs reference` no-regression rules are adjusted for their number among themselves (Holm, or the run's
 * `multiplicity`), as a family of their own: they test another hypothesis (drift since the reference) than the
 * rules against the baseline.
 */
import { ConfigError, InputError, quote } from '../common/errors.js'
import { splitRules, VS_REFERENCE } from '../gates/rules.js'
import type { PredictionSource } from '../read/predictionFile.js'
import type { Report } from '../report/schema.js'
import { verdictChanging } from '../report/verdictChanging.js'
import type { CompareOptions } from '../tasks/options.js'
import { compare, passedOf, verdictOf } from './compare.js'

export interface Reference {
  /** The predictions of the reference model. */
  source: PredictionSource
  /** What the reference is, for the report and the comment: `release:v1.2.0`, `run:123`, a file path. */
  label: string
}

/** compare(), and with a reference its comparison and the `vs reference` rules. Throws InputError / ConfigError. */
export async function compareWithReference(options: CompareOptions, reference: Reference | null): Promise<Report> {
  const rules = options.gates === undefined ? [] : splitRules(options.gates)
  const against = rules.filter((r) => VS_REFERENCE.test(r))
  if (!reference) {
    if (against.length > 0) {
      throw new ConfigError(`gate ${quote(against[0], 120)}: "vs reference" needs a reference (the input "reference", or --reference FILE on the command line)`)
    }
    return compare(options)
  }
  const main = await compare(against.length === 0 ? options : { ...options, gates: rules.filter((r) => !VS_REFERENCE.test(r)).join('\n') })
  // The data checks (leakage, overfitting) are about the candidate alone: the first comparison has them.
  const { train: _train, trainPredictions: _trainPredictions, ...rest } = options
  const ref = await compare({ ...rest, baseline: reference.source, gates: against.join('\n'), missingBaseline: 'fail' })
  if (!ref.counts.paired) {
    throw new InputError(
      reference.source.name,
      null,
      null,
      `no example is in both the reference (${plural(ref.counts.baseline ?? 0)}) and the candidate (${plural(ref.counts.candidate)}) with the same id and true label: nothing can be compared. ` +
        `The reference must be predictions on the same test set, with the same ids`
    )
  }
  main.reference = { source: reference.label, paired: ref.counts.paired, metrics: ref.metrics }
  if (against.length > 0) {
    const order = new Map(rules.map((r, i) => [r, i]))
    const gates = [...main.gates, ...ref.gates.map((g) => ({ ...g, vs: 'reference' as const }))]
    main.gates = gates.map((g, i) => ({ g, i })).sort((a, b) => (order.get(a.g.rule) ?? a.i) - (order.get(b.g.rule) ?? b.i)).map((x) => x.g)
    // With no baseline, passing rules against the reference leave the verdict at no-baseline (nothing compared with the base branch).
    const combined = verdictOf(main.gates)
    main.verdict = main.verdict === 'no-baseline' && combined === 'pass' ? 'no-baseline' : combined
    main.passed = passedOf(main.verdict, options)
    // What could change the verdict of the rules against the reference (examples on one side only, a changed test set).
    main.warnings.push(...ref.warnings.filter((w) => verdictChanging(w, ref.passed)).map((w) => `Against the reference ${reference.label}: ${w}`))
  }
  return main
}

const plural = (n: number): string => `${n.toLocaleString('en-US')} example${n === 1 ? '' : 's'}`
