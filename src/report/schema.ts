/**
 * The report and its parts (docs/report.md): what the statistics, the gates and the checks produce, and what
 * the renderer and the JSON report read. Plain data.
 */
import type { Direction } from '../stats/direction.js'

/** A classification task (docs/tasks.md). */
export type Task = 'binary' | 'multiclass'

/** Every task (docs/tasks.md, docs/tasks.md, docs/tasks.md): classification, per-example scores, regression, text generation. */
export type TaskName = Task | 'scores' | 'regression' | 'generation'

/** One metric of the report (docs/report.md `metrics.NAME`). Statistics fields are null without a baseline. */
export interface MetricReport {
  candidate: number | null
  baseline: number | null
  delta: number | null
  /** Two-sided (1 − alpha) interval of delta. */
  ci: [number, number] | null
  /** Two-sided p-value for "no difference". */
  pValue: number | null
  /** (1 − alpha) interval of the candidate's own value. */
  candidateCi: [number, number] | null
  /** Name of the test behind pValue: `mcnemar-exact`, `permutation`, `delong`, `paired-t`. */
  test: string | null
  /** Added field: which way is better. */
  direction: Direction
  /** Added field: one-sided p-value for a change in the worse direction (used by `no-regression`). */
  pValueWorse: number | null
  /** Added field: one-sided (1 − alpha) confidence bound of delta on the worse side (used by `non-inferior`). */
  worseBound: number | null
  /** Added field: how ci was made: `bootstrap-percentile`, `delong`, `paired-t`. */
  ciMethod: string | null
  /** Added field, where candidateCi is not the metric's usual one: `delong-logit` (roc_auc), `log-t` (log_loss). */
  candidateCiMethod?: string
  /**
   * Added field (docs/gates.md, "A drop the test set cannot judge"): the minimum detectable effect of the test behind
   * `pValueWorse`, the smallest change in the worse direction it detects with 80% power at one-sided alpha (a
   * positive number in the metric's unit). Set where that test's power has a closed form: McNemar (Connor 1987;
   * clustered: with the design effect of src/significance/clusters/clusterPower.ts) and the paired t (plain and
   * cluster-robust). Absent otherwise, and without a baseline.
   */
  mde?: number
  /**
   * Added field, per-class metrics (`precision[L]`, `recall[L]`, `f1[L]`) with a pValue: the Benjamini–Hochberg
   * adjusted two-sided p over every per-class metric of the run that has one (all classes together; as statsmodels
   * `multipletests(p, method="fdr_bh")`). Null where pValue is null; absent on other metrics.
   */
  qValue?: number | null
}

export interface GateResult {
  rule: string
  metric: string
  /** `inconclusive` (docs/repeats-and-clusters.md): a non-inferior rule whose interval straddles the margin. */
  status: 'pass' | 'fail' | 'skip' | 'inconclusive'
  /** The observed value (threshold rules) or delta (delta, no-regression, non-inferior rules). */
  observed: number | null
  /** One-sided p adjusted over the run's no-regression rules (no-regression). */
  pValue: number | null
  /** One-sided bound of delta on the worse side (non-inferior). */
  bound: number | null
  detail: string
  /** Added field: how pValue was adjusted, `Holm` or `Westfall–Young` (no-regression rules with a p-value). */
  adjustment?: string
  /**
   * Added field (docs/slices.md), slice rules only. `METRIC@F=V …`: `{ field: F, value: V }`, and `metric` is the bare
   * metric (`observed`, `pValue`, `bound` are the slice's). `METRIC no-regression by F`: `{ field: F, failing }`,
   * the values of the slices that regressed significantly (in slice order; empty when it passes), and `pValue`
   * the smallest adjusted one-sided p over the slices of F (observed: that slice's delta).
   */
  slice?: { field: string; value?: string; failing?: string[] }
  /**
   * Added field (inconclusive non-inferior rules): the paired examples that would settle the rule if the change and
   * its spread per example stay as observed (src/gates/evaluate.ts `examplesToSettle`); null when none would.
   */
  examplesNeeded?: number | null
  /**
   * Added field (docs/gates.md, "Closest to failing"): how far the gate is from failing, in standard errors of its
   * own statistic: z(1 − alpha) − z(1 − p) for a test (p its adjusted p), (bound − margin) / SE for a non-inferior
   * rule, (value − threshold) / SE for an absolute or delta rule, signed so that a passing gate is ≥ 0. Null when
   * the gate has no such scale (no test, no interval, a skipped rule).
   */
  distance?: number | null
  /**
   * Added field (docs/gates.md, "A drop the test set cannot judge"): a passing `no-regression` rule whose change is in
   * the worse direction and material (beyond `threshold`: the rule's tolerance, else 1 point for proportions and
   * 1% of the baseline's value otherwise). `change` is the signed delta, `mde` the test set's minimum detectable
   * effect at 80% power (positive, null when unknown), `mdeFrom` the test it belongs to (`mcnemar-exact`,
   * `mcnemar-cluster`, `paired-t` …, as `MetricReport.test`) or `interval` (from the standard error of the interval
   * of the change). The gate still passes; the report shows ⚠️ in the gate's row and in the title.
   */
  materialDrop?: { change: number; threshold: number; mde: number | null; mdeFrom: string }
  /**
   * Added field (inconclusive non-inferior rules): where the estimate already stands, `within` the margin (more
   * examples would show it non-inferior, if the change stays) or `beyond` it (they would show it inferior).
   */
  leaning?: 'within' | 'beyond'
  /** Added fields (docs/gates.md), as the rule gives them: `tolerance T` and `weight W`. */
  tolerance?: number
  weight?: number
  /** Added field (a no-regression rule with a tolerance): the test of the shifted null (src/gates/tolerance.ts), e.g. `tango-score`. */
  toleranceTest?: string
  /**
   * Added field (`METRIC no-regression by class`): how many classes had enough support to be tested, and those
   * that regressed significantly (label order; empty when it passes). `pValue` is the smallest adjusted p.
   */
  classes?: { tested: number; failing: string[] }
  /** Added field (docs/reference.md): `reference` for a `… vs reference` rule, decided on `Report.reference`'s metrics. */
  vs?: 'reference'
}

/** Where the two models disagree (paired examples only). */
export interface Disagreement {
  /** Baseline right, candidate wrong. */
  rightToWrong: number
  /** Baseline wrong, candidate right. */
  wrongToRight: number
  /** Both wrong with different predictions. */
  bothWrongDiffer: number
  /** Ids of the first right → wrong examples, in candidate file order. */
  firstRegressions: string[]
  /** Ids of the first wrong → right examples, in candidate file order. */
  firstImprovements: string[]
}

/** The run's verdict (docs/gates.md, docs/report.md). */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'no-baseline'

/** How a metric's values read (Report.units). */
export type MetricUnit = 'proportion' | 'integer'

/** The JSON report (docs/report.md). Fields may be added; these may not change meaning. */
export interface Report {
  schemaVersion: 1
  passed: boolean
  task: TaskName
  labels: string[]
  positiveLabel: string | null
  counts: {
    candidate: number
    baseline: number | null
    paired: number | null
    candidateOnly: number | null
    baselineOnly: number | null
    labelConflicts: number | null
    /**
     * docs/errors.md (`--errors`): error rows among the compared examples (the paired examples before exclusion; every
     * candidate row without a baseline), per side. Present in every report of this version.
     */
    errors?: { candidate: number; baseline: number | null }
    /** docs/errors.md, `--errors exclude`: compared examples left out because either side errored (metrics are on paired − excluded). */
    excluded?: number
    /** docs/repeats-and-clusters.md (`--repeat-field`): rows per id of each file. */
    repeats?: { candidate: number; baseline: number | null }
  }
  /**
   * docs/repeats-and-clusters.md: `pass`, `fail` or `inconclusive` (a non-inferior gate straddles its margin);
   * docs/report.md: `no-baseline` when nothing was compared (no baseline) and no absolute rule failed.
   */
  verdict?: Verdict
  metrics: Record<string, MetricReport>
  /**
   * Rows true labels, columns predicted, in label order. Above 1,000 classes `candidate` and `baseline` are null
   * and `entries` (added) lists each matrix's non-zero cells as [true index, predicted index, count]. Null for the
   * tasks that have no classes (scores, regression, generation).
   */
  confusionMatrix: {
    labels: string[]
    candidate: number[][] | null
    baseline: number[][] | null
    entries?: { candidate: [number, number, number][]; baseline: [number, number, number][] | null }
  } | null
  gates: GateResult[]
  warnings: string[]
  /** Added: null without a baseline. */
  disagreement: Disagreement | null
  /**
   * Added (scores, regression, generation): per metric, where single examples changed: the flips of a pass/fail
   * metric, or the largest per-example drops, with their ids. Absent without a baseline.
   */
  examples?: Record<string, ExampleChanges>
  /**
   * Added (scores): what a metric's values are where its name does not say (docs/report.md): `proportion` for a
   * field whose values are all 0/1 or true/false (shown in % and points, like accuracy), `integer` for a field of
   * whole numbers (shown without trailing zeros). Absent: none.
   */
  units?: Record<string, MetricUnit>
  /** Added by `--train` (docs/data-checks.md): test examples that also occur in the training file. */
  leakage?: Leakage
  /** Added by `--slice-field` (docs/slices.md): field → slice value → that slice's comparison. */
  slices?: Record<string, Record<string, SliceReport>>
  /** Added by `--train-predictions` (docs/data-checks.md): each headline metric on train and test, and the gap. */
  overfitting?: Overfitting
  /**
   * Added by the action (docs/action.md provenance): which baseline run and commit were compared, and how that commit
   * relates to the pull request's base commit. Absent in the CLI's report.
   */
  baseline?: BaselineProvenance
  /** Added by the action (docs/history.md): the base branch's latest runs' metrics, oldest first. */
  history?: HistoryEntry[]
  /** Added with `history` (docs/history.md): the runs looked at whose report was expired, missing or refused. */
  historySkipped?: { expired: number; missing: number; invalid: number }
  /** Added by `reference` (docs/reference.md): the comparison with a pinned reference model. */
  reference?: ReferenceReport
  /** Added: everything needed to reproduce the numbers. */
  settings: {
    alpha: number
    resamples: number
    seed: number
    version: string
    candidate: string
    baseline: string | null
    /** Added by `--slice-field` (docs/slices.md). */
    slices?: SliceSettings
    /** docs/errors.md: the error rule and what an inconclusive gate counts as (added; absent in older reports). */
    errors?: 'wrong' | 'exclude'
    inconclusive?: 'fail' | 'pass'
    /** docs/suites.md: the no-regression family this suite's rules were adjusted in: `size` hypotheses of `suites` suites. */
    family?: { method: string; size: number; suites: number }
  }
}

/**
 * One slice of a field (docs/slices.md): `Report.slices[field][value]`, e.g. `slices.region["EU West"]`.
 *
 * - Fields are in `--slice-field` order; within a field, values are in label order (src/read/labels.ts `labelOrder`:
 *   ascending numeric when every value is a number, else by code point). Beware: a JavaScript object iterates
 *   integer-like keys ("7", "10") first and in numeric order, whatever order the JSON text has.
 * - A slice's examples are the paired examples whose candidate row has that value (without a baseline: the
 *   candidate's rows). When the baseline row of a pair has another value, the candidate's wins and a warning
 *   counts such pairs.
 * - `tested` is true when the slice has at least `settings.slices.minSlice` examples (default 30). An untested
 *   slice has its `counts` and empty `metrics`: nothing is computed for it, and no gate can fail on it.
 * - `metrics`: the headline metrics of the run (the task's default-gate metrics, then any other metric a gate
 *   names, in the report order of `Report.metrics`), each a full MetricReport computed on the slice's examples
 *   alone with the same tests as the overall metric (McNemar where the overall uses McNemar, …; `test` names it),
 *   plus `qValue`.
 */
export interface SliceReport {
  counts: {
    /** The slice's compared examples (paired examples; without a baseline, candidate rows). */
    paired: number
  }
  tested: boolean
  metrics: Record<string, SliceMetricReport>
}

/**
 * A metric on one slice: as MetricReport, plus `qValue`: the Benjamini–Hochberg adjusted two-sided p-value over
 * every tested slice metric of the run that has a p-value (all fields, all values, all headline metrics
 * together; as statsmodels `multipletests(p, method="fdr_bh")`). Null where `pValue` is null.
 */
export type SliceMetricReport = MetricReport & { qValue: number | null }

/** `Report.settings.slices`: how the slices were made (present with `--slice-field`). */
export interface SliceSettings {
  /** The slice fields, in `--slice-field` order. */
  fields: string[]
  /** The fewest examples a tested slice has (`--min-slice`). */
  minSlice: number
  /** The headline metrics each tested slice gives, in order. */
  metrics: string[]
  /** Per field: pairs whose baseline row has another value of the field than the candidate row (the candidate's is used). */
  disagreements: Record<string, number>
}

/**
 * The overfitting check's result (docs/data-checks.md, src/checks/overfitting.ts): per headline metric, its value on train
 * and on test (the compared examples) and the gap, positive when better on train (train − test for metrics better
 * when higher, test − train for those better when lower), with the (1 − alpha) interval of the gap.
 */
export interface Overfitting {
  /** Rows of the training predictions file; compared test examples. */
  trainRows: number
  testRows: number
  /** How `ci` is made: `mover` (each side's own interval combined; Newcombe's hybrid score for Wilson intervals). */
  ciMethod: string
  metrics: Record<
    string,
    {
      train: number | null
      test: number | null
      gap: number | null
      ci: [number, number] | null
      /** Each side's own (1 − alpha) interval (its candidateCi). */
      trainCi: [number, number] | null
      testCi: [number, number] | null
      direction: Direction
    }
  >
}

/** The leakage check's result (src/checks/leakage.ts). */
export interface Leakage {
  trainRows: number
  tested: number
  byId: number
  byText: number | null
  examples: number
  firstIds: string[]
  textField: string | null
}

/** Where single examples changed for one metric (Report.examples). */
export type ExampleChanges =
  | { kind: 'flips'; worse: number; better: number; firstWorse: string[]; firstBetter: string[] }
  | { kind: 'drops'; drops: { id: string; baseline: number; candidate: number; change: number }[] }

/**
 * One run of the base branch in `Report.history` (docs/history.md): its id and commit (from the API, not from the
 * report it uploaded), when it was created, and each metric's value for the model that run evaluated (its report's
 * `candidate`; null where that report has the metric without a value).
 */
export interface HistoryEntry {
  runId: number
  sha: string
  createdAt: string | null
  metrics: Record<string, number | null>
}

/**
 * `Report.reference` (docs/reference.md): the same comparison run with the reference as the baseline, on the
 * examples paired with it. `source` says which reference (`release:v1.2.0`, `run:123`, a file path); `metrics` are
 * full metric reports (baseline = the reference's value); `paired` the examples compared.
 */
export interface ReferenceReport {
  source: string
  paired: number
  metrics: Record<string, MetricReport>
}

/** Where the baseline of a report came from (docs/action.md provenance). */
export interface BaselineProvenance {
  /** `artifact`: a workflow run's artifact; `file`: a path given as the baseline input; `none`: no baseline. */
  source: 'artifact' | 'file' | 'none'
  /** The workflow run whose artifact was read, its web URL and number (artifact only). */
  runId: number | null
  runUrl: string | null
  runNumber: number | null
  /** The commit that run built (artifact only). */
  commit: string | null
  /** The pull request's base commit, and the candidate's commit (the pull request's head), when known. */
  baseCommit: string | null
  headCommit: string | null
  /**
   * How `commit` relates to `baseCommit` (the compare API): `same`; `behind` (an ancestor of the base commit, by
   * `behindBy` commits: a warning); `ahead` or `diverged` (not an ancestor); `unknown` (no base commit, or the API
   * did not say).
   */
  relation: 'same' | 'behind' | 'ahead' | 'diverged' | 'unknown'
  behindBy: number | null
  /** Added (source `none`): what was searched for a baseline and why nothing qualified (docs/report.md). */
  searched?: BaselineSearch
  /** Added (docs/action.md, staleness): when the baseline run was created, ISO 8601 (artifact only). */
  createdAt?: string | null
}

/**
 * What the action searched for a baseline when it found none (docs/action.md, docs/report.md): `reason` says why
 * none qualified — `not-requested` (`baseline: none`), `no-branch` (no baseline branch known), `no-workflow` (no
 * workflow to search), `no-runs` (no successful push run of the workflow on the branch), `no-artifact` (runs,
 * none with an unexpired artifact `artifactName`). `runs` lists the runs looked at (the base commit's first, then
 * newest first; at most 10, `runsLookedAt` counts them all) and why each did not qualify.
 */
export interface BaselineSearch {
  reason: 'not-requested' | 'no-branch' | 'no-workflow' | 'no-runs' | 'no-artifact'
  /** The workflow searched: its file (`.github/workflows/ci.yml`) or name when known, else its id. */
  workflow: string | null
  branch: string | null
  artifactName: string | null
  runsLookedAt: number
  runs: { id: number; number: number | null; commit: string; url: string | null; why: 'no-artifact' | 'expired' }[]
}

/**
 * The report of several suites (docs/suites.md): one comparison per suite (test set, task, matrix leg), each a
 * whole {@link Report}, and one verdict for all. From the CLI's `--suite`, the action's multi-line `predictions`,
 * and mode `combine` (the reports of a matrix's legs). Fields may be added; these may not change meaning.
 */
export interface SuitesReport {
  schemaVersion: 1
  /** False when any suite did not pass or a leg is missing. */
  passed: boolean
  /** `fail` when any suite failed or a leg is missing; else `inconclusive` when any suite is; else `pass`. */
  verdict: NonNullable<Report['verdict']>
  /**
   * Suite name → that suite's report, in the order given (a JavaScript object iterates integer-like names first).
   * Names are plain: letters, digits, `-`, `_`, `.`.
   */
  suites: Record<string, Report>
  /** Suites with no baseline counterpart (no baseline file or artifact entry): compared alone, reported as new. */
  newSuites: string[]
  /** Mode `combine`: legs expected (input `legs`) whose report was not uploaded, or was refused; they fail the verdict. */
  missing: string[]
  /** Every suite's gates, each rule prefixed with its suite as a gates line would be (`spam: recall no-regression`). */
  gates: GateResult[]
  /** Warnings about the suites as a whole (a new suite, a missing leg, a refused report); each suite has its own. */
  warnings: string[]
  settings: {
    version: string
    /** `suites`: compared in one run, one multiplicity family; `combine`: the legs' own reports, each its own family. */
    mode: 'suites' | 'combine'
    /** The no-regression hypotheses adjusted together over every suite (`suites` mode), and how. */
    family?: { method: string; size: number }
  }
}

/** Either report a run can write (docs/report.md, docs/suites.md). */
export type AnyReport = Report | SuitesReport

/** True for the report of several suites. */
export const isSuitesReport = (report: AnyReport): report is SuitesReport => 'suites' in report && typeof report.suites === 'object' && report.suites !== null
