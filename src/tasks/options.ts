/**
 * What a comparison is asked to do (docs/cli.md, docs/inputs.md): the CLI options or action inputs, validated,
 * as one typed object that every task and check reads.
 */
import type { McNemarMethod } from '../stats/mcnemar.js'
import type { Multiplicity } from '../gates/rules.js'
import type { FieldNames, Format, PredictionSource } from '../read/predictionFile.js'
import type { TaskName } from '../report/schema.js'

/** Everything a comparison needs besides the files (CLI options / action inputs, already validated). */
export interface CompareOptions {
  candidate: PredictionSource
  /** null: no baseline (statistics fields are null; baseline-only gates follow missingBaseline). */
  baseline: PredictionSource | null
  format?: Format
  fields: FieldNames
  positiveLabel?: string
  /** binary / multiclass (forced), scores, regression, generation; undefined: classification, binary or multiclass by the labels. */
  task?: TaskName
  /** `--score-metrics` (task scores): the fields, each better when higher unless `:lower`. */
  scoreMetrics?: { name: string; direction: 'higher' | 'lower' }[]
  /** docs/data-checks.md: the training examples, for the leakage check, and the text field compared (null: ids only). */
  train?: PredictionSource
  textField?: string
  /** docs/data-checks.md: the candidate's predictions on its training set (overfitting check). */
  trainPredictions?: PredictionSource
  /** docs/slices.md: the slice fields (`--slice-field`, repeatable) and the fewest paired examples a tested slice has (default 30). */
  sliceFields?: string[]
  minSlice?: number
  /** docs/repeats-and-clusters.md: several rows per id (`--repeat-field`), examples resampled together (`--cluster-field`). */
  repeatField?: string
  clusterField?: string
  /** docs/errors.md: what an error row is (default `wrong`), and what an inconclusive gate does to `passed` (default `fail`). */
  errors?: 'wrong' | 'exclude'
  inconclusive?: 'fail' | 'pass'
  /** Gate rules text (docs/gates.md); undefined: the task's default rules. */
  gates?: string
  alpha: number
  resamples: number
  seed: number
  missingBaseline: 'skip' | 'fail'
  /** Adjustment of the `no-regression` rules' p-values: `holm`, `westfall-young` (minP) or `max-t` (default DEFAULT_MULTIPLICITY). */
  multiplicity?: Multiplicity
  /** Calibration only (scripts/calibrate.mjs): `count` puts max-T's ties against the observed table (default `random`, src/stats/maxT.ts). */
  maxTTies?: 'count' | 'random'
  /** McNemar p-values (accuracy, recall, specificity, recall[L]): `exact` or `mid-p` (default DEFAULT_MCNEMAR). */
  mcnemar?: McNemarMethod
  /**
   * A script that answers `serveReadRequest()` (the CLI bundle): with it, a large baseline file is read on a
   * second core while this thread reads the candidate. Without it, the files are read one after the other.
   */
  readerScript?: string | URL
  /**
   * docs/suites.md: called once with the raw one-sided p-values of this run's no-regression family and their rules'
   * weights (src/gates/evaluate.ts `familyPValues`), it answers their adjusted values over every suite's family; the gates then use those.
   */
  family?: (raw: readonly number[], weights: readonly number[]) => Promise<{ p: readonly number[]; method: string; note: string }>
}
