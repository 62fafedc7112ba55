/**
 * The shapes that flow through the core: parse → pair → metrics → statistics → gates → render.
 * Everything here is plain data; the core has no `@actions/*` import.
 */
import type { KeyColumn } from './read/keys.js'

/** Input formats of SPEC §1; each may also be gzip-compressed (`.gz`). The evaluation tools' outputs: docs/tools.md. */
export type Format = 'jsonl' | 'csv' | 'tsv' | 'json' | 'parquet' | 'cells' | 'lm-eval' | 'inspect' | 'promptfoo' | 'eee' | 'deepeval'

/** The formats a user may name (`--format`, action `format`). */
export const FORMATS: readonly Format[] = ['jsonl', 'csv', 'tsv', 'json', 'parquet', 'cells', 'lm-eval', 'inspect', 'promptfoo', 'eee', 'deepeval']

/** Names of the fields in a prediction file (SPEC §1, `id-field` …). */
export interface FieldNames {
  id: string
  label: string
  prediction: string
  score: string
}

export const DEFAULT_FIELDS: FieldNames = { id: 'id', label: 'label', prediction: 'prediction', score: 'score' }

/** Where a prediction file comes from: a path on disk, or bytes in memory (an artifact) with a display name. */
export interface PredictionSource {
  /** Shown in messages (`candidate.jsonl:17: …`) and used to pick the format by extension. */
  name: string
  /** Read from here when `data` is absent. */
  path?: string
  /** Bytes already in memory (e.g. a file read from an artifact zip). */
  data?: Uint8Array
  /**
   * A cap on the bytes the reader will decode from this source after any gzip layer (an artifact's file is
   * capped as a whole, however many layers of compression it has). Past it the read stops with an InputError.
   */
  maxUnpackedBytes?: number
}

/**
 * Interns label texts to small integer codes, shared by both files of a comparison so that codes agree.
 * Codes are in first-seen order; `labelOrder` (src/labels.ts) gives the report order.
 */
export class LabelDictionary {
  readonly names: string[] = []
  private readonly codes = new Map<string, number>()

  /** The code of `text`, adding it when new. */
  code(text: string): number {
    let c = this.codes.get(text)
    if (c === undefined) {
      c = this.names.length
      this.codes.set(text, c)
      this.names.push(text)
    }
    return c
  }

  /** The code of `text`, or -1 when it was never seen. */
  find(text: string): number {
    return this.codes.get(text) ?? -1
  }

  get size(): number {
    return this.names.length
  }
}

/**
 * One prediction file, column-wise (one typed array per field, so a million rows stay small).
 * Labels are normalised to text (SPEC §1) and interned in the shared LabelDictionary.
 */
export interface PredictionFile {
  /** Display name, as in messages. */
  name: string
  /** The id field's name, as in messages (`--id-field`). */
  idField: string
  /** Number of rows (blank lines skipped). */
  n: number
  /**
   * Example ids; null when no row has the id field. Ids are compared as text (a JSON integer 17 and a CSV cell
   * "17" are the same id), but a file whose ids are all JSON integers keeps them as numbers (no text per row).
   */
  ids: string[] | Float64Array | null
  /** 1-based line (JSONL/CSV/TSV: the line where the row starts; JSON array: the line of the element's opening brace). */
  line: Uint32Array
  /** True label codes. */
  truth: Uint32Array
  /** Predicted label codes. */
  pred: Uint32Array
  /** Binary: probability of the positive class per row; null when the file has no `score` field. */
  score: Float64Array | null
  /**
   * Multiclass: label text → probability, per row (row-major, `labels.length` per row); null when absent.
   * `labels` are the keys as they appear (normalised to text), in first-seen order.
   */
  scores: { labels: string[]; values: Float64Array } | null
  /** The key fields asked for (slice, repeat, cluster: src/read/keys.ts), when any. */
  keys?: KeyColumn[]
  /**
   * SPEC §12: 1 on each error row (its `error` field set, or its prediction empty or null; `pred` holds ERROR_CODE
   * there until the task decides what it counts as); null or absent: no error row.
   */
  errors?: Uint8Array | null
}

/** A classification task (SPEC §2). */
export type Task = 'binary' | 'multiclass'

/** Every task (SPEC §2, §10, §11): classification, per-example scores, regression, text generation. */
export type TaskName = Task | 'scores' | 'regression' | 'generation'

/** `log_loss` and `brier` are better when lower; every other metric when higher (SPEC §3). */
export type Direction = 'higher' | 'lower'

/** One metric of the report (SPEC §7 `metrics.NAME`). Statistics fields are null without a baseline. */
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
}

export interface GateResult {
  rule: string
  metric: string
  /** `inconclusive` (SPEC §12): a non-inferior rule whose interval straddles the margin. */
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
   * Added field (SPEC §13), slice rules only. `METRIC@F=V …`: `{ field: F, value: V }`, and `metric` is the bare
   * metric (`observed`, `pValue`, `bound` are the slice's). `METRIC no-regression by F`: `{ field: F, failing }`,
   * the values of the slices that regressed significantly (in slice order; empty when it passes), and `pValue`
   * the smallest adjusted one-sided p over the slices of F (observed: that slice's delta).
   */
  slice?: { field: string; value?: string; failing?: string[] }
  /**
   * Added field (inconclusive non-inferior rules): the paired examples that would settle the rule if the change and
   * its spread per example stay as observed (src/gates.ts `examplesToSettle`); null when none would.
   */
  examplesNeeded?: number | null
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

/** The JSON report (SPEC §7). Fields may be added; these may not change meaning. */
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
     * SPEC §12 (`--errors`): error rows among the compared examples (the paired examples before exclusion; every
     * candidate row without a baseline), per side. Present in every report of this version.
     */
    errors?: { candidate: number; baseline: number | null }
    /** SPEC §12, `--errors exclude`: compared examples left out because either side errored (metrics are on paired − excluded). */
    excluded?: number
    /** SPEC §12 (`--repeat-field`): rows per id of each file. */
    repeats?: { candidate: number; baseline: number | null }
  }
  /** SPEC §12: `pass`, `fail` or `inconclusive` (a non-inferior gate straddles its margin). */
  verdict?: 'pass' | 'fail' | 'inconclusive'
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
  /** Added by `--train` (SPEC §14): test examples that also occur in the training file. */
  leakage?: Leakage
  /** Added by `--slice-field` (SPEC §13): field → slice value → that slice's comparison. */
  slices?: Record<string, Record<string, SliceReport>>
  /** Added by `--train-predictions` (SPEC §14): each headline metric on train and test, and the gap. */
  overfitting?: Overfitting
  /**
   * Added by the action (SPEC §9 provenance): which baseline run and commit were compared, and how that commit
   * relates to the pull request's base commit. Absent in the CLI's report.
   */
  baseline?: BaselineProvenance
  /** Added: everything needed to reproduce the numbers. */
  settings: {
    alpha: number
    resamples: number
    seed: number
    version: string
    candidate: string
    baseline: string | null
    /** Added by `--slice-field` (SPEC §13). */
    slices?: SliceSettings
    /** SPEC §12: the error rule and what an inconclusive gate counts as (added; absent in older reports). */
    errors?: 'wrong' | 'exclude'
    inconclusive?: 'fail' | 'pass'
  }
}

/**
 * One slice of a field (SPEC §13): `Report.slices[field][value]`, e.g. `slices.region["EU West"]`.
 *
 * - Fields are in `--slice-field` order; within a field, values are in label order (src/labels.ts `labelOrder`:
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
 * The overfitting check's result (SPEC §14, src/checks/overfitting.ts): per headline metric, its value on train
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

/** Where the baseline of a report came from (SPEC §9 provenance). */
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
}

/** The text of id i of a file (the id column must exist). */
export function idText(ids: string[] | Float64Array, i: number): string {
  return typeof ids[i] === 'number' ? String(ids[i]) : (ids[i] as string)
}
