/**
 * The interface every task implements (classification, scores, regression, generation): compare() reads the
 * options, asks the task to read and pair both files, parses the gates against the metric names the task knows,
 * asks it for its statistics, evaluates the gates and assembles the report. A new task is one module behind this
 * interface, never a branch in compare().
 */
import type { CompareOptions } from './options.js'
import type { ErrorOutcome } from '../pair/errorRule.js'
import type { JointNull } from '../stats/jointNull.js'
import type { ShiftedTest } from '../stats/shiftedNull.js'
import type { GateRule } from '../gates/rules.js'
import type { Pairing } from '../pair/pairByIds.js'
import type { KeyColumn } from '../read/keys.js'
import type { GateResult, MetricReport, Report, TaskName } from '../report/schema.js'

export interface Settings {
  alpha: number
  resamples: number
  seed: number
}

/** A task's files, read and paired: what compare() needs before any statistic is computed. */
export interface Prepared {
  task: TaskName
  /** Classification: the report's labels and positive class; other tasks: [] and null. */
  labels: string[]
  positiveLabel: string | null
  counts: Report['counts']
  /** The pairing of the compared examples (after `--errors exclude`). */
  pairing: Pairing | null
  hasBaseline: boolean
  /** The error rule's outcome (docs/errors.md): counts, flags for `error_rate`; absent for a task without it. */
  errors?: ErrorOutcome
  /** The metric names (and class labels) rules may name; parseGates checks rules against them. */
  known: { metrics: readonly string[]; labels: readonly string[] }
  /** The rules used when no `gates` are given. */
  defaultGates: string
  /** Every statistic of the task; `rules` lets it spend its work where the gates look. */
  analyze(rules: readonly GateRule[], settings: Settings): Analysis | Promise<Analysis>
  /**
   * The key columns (slice, repeat, cluster fields) of both files, as read (src/read/keys.ts). `weights`: without
   * a pairing, how many examples each candidate row stands for (a cells file's counts); absent: one each.
   */
  keys: { candidate: readonly KeyColumn[] | undefined; baseline: readonly KeyColumn[] | undefined | null; weights?: Float64Array }
  /**
   * docs/slices.md: the named metrics (at least; others may come along) on a subset of the compared examples, with
   * the same tests as {@link analyze}. `rows` indexes the pairing (pair p is `pairing.cand[p]`,
   * `pairing.base[p]`), or the candidate's rows when there is no baseline; ascending. `warnings`: what the
   * statistics had to cap or leave out on this slice.
   */
  analyzeSlice(rows: Uint32Array, metrics: readonly string[], settings: Settings): { metrics: Record<string, MetricReport>; warnings: string[]; shifted?: ShiftedTest }
  /**
   * Checks of the input still under way on another thread (classification: a repeated baseline id, src/pair/pairByIds.ts
   * `checkedElsewhere`): throws what they found. compare() awaits it before it returns or throws anything else, so
   * the errors come in the order they would on one thread.
   */
  settle?(): Promise<void>
}

/** A task's statistics and the report sections that are its own. */
export interface Analysis {
  /** In report order. */
  metrics: Record<string, MetricReport>
  confusionMatrix: Report['confusionMatrix']
  disagreement: Report['disagreement']
  examples?: Report['examples']
  /** What the metrics' values are, where their names do not say (Report.units). */
  units?: Report['units']
  /** Warnings placed after the pairing's (power of the test set …) and after the generic ones (method notes). */
  warnings: { first: string[]; last: string[] }
  /** The joint permutation null of the task's one-sided tests, for Westfall–Young; absent: the gates use Holm. */
  joint?: JointNull
  /** The task's own tests of a shifted null, for `tolerance` (docs/gates.md); absent: the gates' fallbacks (src/gates/tolerance.ts). */
  shifted?: ShiftedTest
}

export interface TaskModule {
  prepare(options: CompareOptions): Promise<Prepared>
}

/** The counts of a comparison (docs/report.md), from the two files' sizes and the pairing. */
export function countsOf(candidate: number, baseline: number | null, pairing: Pairing | null): Report['counts'] {
  return {
    candidate,
    baseline,
    paired: pairing ? pairing.n : null,
    candidateOnly: pairing ? pairing.candidateOnly : null,
    baselineOnly: pairing ? pairing.baselineOnly : null,
    labelConflicts: pairing ? pairing.labelConflicts : null
  }
}

export type { GateResult }
