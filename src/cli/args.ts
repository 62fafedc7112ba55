/**
 * Command-line arguments of `eval-gate compare` (docs/cli.md), parsed into CompareOptions. Every problem is a
 * ConfigError naming the option; `--help` text lists every option with its default.
 */
import { parseArgs } from 'node:util'
import type { CompareOptions } from '../tasks/options.js'
import { ConfigError, quote } from '../common/errors.js'
import { parseDecimal } from '../read/number.js'
import { parseScoreMetrics, TASKS } from '../tasks/scoreMetrics.js'
import { DEFAULT_FIELDS, FORMATS, type Format } from '../read/predictionFile.js'
import type { SuiteInput } from '../compare/suites.js'
import { suiteOptions } from './suiteOptions.js'

export interface CliCommand {
  kind: 'compare'
  options: CompareOptions
  json?: string
  markdown?: string
  /** docs/cli.md `--output-format`: what standard output gets; absent: text on a terminal, else Markdown. */
  outputFormat?: 'text' | 'markdown'
  /** `--suite` (docs/suites.md): the suites, each with its files; `options` then holds what they share. */
  suites?: SuiteInput[]
  /** docs/reference.md: `--reference FILE`, the pinned reference's predictions. */
  reference?: string
}

export type CliRequest = CliCommand | { kind: 'help' } | { kind: 'version' }

export const HELP = `Usage: eval-gate compare --candidate FILE [--baseline FILE] [options]

Compares a candidate model's predictions with a baseline's, paired by example id, and checks the gates.
Prints the report: plain text on a terminal, Markdown otherwise. Exit status: 0 every gate passes, 1 a gate
fails (or no baseline under --missing-baseline fail), 2 bad input or usage.

Files
  --candidate FILE         the candidate model's predictions (required)
  --baseline FILE          the baseline model's predictions (default: none; baseline gates then follow --missing-baseline)
  --suite NAME=CAND[,BASE] one suite of several (repeatable, instead of --candidate): its name (letters, digits,
                           - _ .), candidate file and baseline file; one report, one verdict (docs/suites.md)
  --baseline-dir DIR       with --suite: a suite without BASE takes DIR's file of its candidate's file name (none
                           there: the suite is new, compared alone)
  --reference FILE         a pinned reference model's predictions (a release's): the change since it, and the rules
                           written "… vs reference" are decided against it (docs/reference.md)
  --format F               jsonl | csv | tsv | json | parquet | cells (default: from the extension; .gz is
                           unpacked; cells: the --candidate file holds counts of (label, baseline, candidate,
                           each --slice-field) from a GROUP BY, written as the extension says; no --baseline);
                           or an evaluation tool's output, compared as task scores (an lm-eval [gold, pred]
                           pair metric as a classification): lm-eval | inspect | promptfoo | eee | deepeval
                           (default: recognised from the content; docs/tools.md)
  --id-field NAME          example id field (default: id)
  --label-field NAME       true label field (default: label)
  --prediction-field NAME  predicted label field (default: prediction)
  --score-field NAME       positive-class probability, or an object label -> probability (default: score)

Task
  --positive-label L       the positive class of a binary task (default: 1 or true when present)
  --task T                 binary | multiclass | scores | regression | generation (default: binary when at most
                           two labels and a positive class, else multiclass)
  --score-metrics LIST     task scores: the per-example fields to compare, NAME[:higher|:lower],… (higher is
                           better unless :lower), e.g. judge,passed,latency_ms:lower

Rows
  --repeat-field NAME      several rows per id (k samples): ids are resampled, rows are averaged
  --cluster-field NAME     examples sharing this field are resampled and permuted together
  --errors E               wrong | exclude: a row with an empty prediction or an "error" is counted wrong
                           (worst value for scores), or left out of both models (default: wrong)

Slices
  --slice-field NAME       per value of this field, the headline metrics and their tests (repeatable)
  --min-slice N            the fewest paired examples a slice needs to be tested (default: 30)

Data checks
  --train FILE             the training examples: counts test examples whose id (or text) is in it (metric leakage)
  --text-field NAME        with --train: the text field compared after normalisation (NFKC, case fold, spaces)
  --train-predictions FILE the candidate's predictions on its training set: train vs test gap (overfitting)

Gates and statistics
  --gates RULES            rules separated by ';' or newlines, e.g. "recall no-regression; f1 >= 0.8"; with
                           --suite, a rule starting "NAME:" applies to that suite only
                           (default: no-regression on accuracy, precision, recall and f1; scores: on every
                           field; regression: on mae and rmse; generation: on every metric but perplexity)
  --missing-baseline M     skip | fail: what rules that need a baseline do without one (default: skip)
  --alpha A                significance level (default: 0.05)
  --resamples N            bootstrap and permutation resamples (default: 10000)
  --seed S                 random seed; the same inputs and seed give the same report (default: 0)
  --multiplicity M         holm | westfall-young | max-t: how the no-regression rules' p-values are adjusted for
                           their number (default: holm, as docs/gates.md; westfall-young (minP) and max-t use the joint
                           distribution of the metrics in the same seeded permutations, where a task has it)
  --mcnemar M              exact | mid-p: the McNemar test of accuracy and recall (default: exact)
  --inconclusive I         fail | pass: what an inconclusive non-inferior gate does to the verdict (default: fail)

Output
  --json OUT.json          also write the JSON report
  --markdown OUT.md        also write the Markdown report, in the form posted as the pull-request comment (standard
                           output is then Markdown too, unless --output-format text)
  --output-format F        text | markdown: what standard output gets (default: text on a terminal, else Markdown)
  -h, --help               this help
  -v, --version            the version
`

/** Parses `argv` (without `node` and the script). */
export function parseCli(argv: readonly string[]): CliRequest {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        candidate: { type: 'string' },
        baseline: { type: 'string' },
        suite: { type: 'string', multiple: true },
        'baseline-dir': { type: 'string' },
        reference: { type: 'string' },
        gates: { type: 'string' },
        alpha: { type: 'string' },
        resamples: { type: 'string' },
        seed: { type: 'string' },
        'positive-label': { type: 'string' },
        task: { type: 'string' },
        format: { type: 'string' },
        'id-field': { type: 'string' },
        'label-field': { type: 'string' },
        'prediction-field': { type: 'string' },
        'score-field': { type: 'string' },
        'score-metrics': { type: 'string' },
        'missing-baseline': { type: 'string' },
        multiplicity: { type: 'string' },
        mcnemar: { type: 'string' },
        train: { type: 'string' },
        'text-field': { type: 'string' },
        'train-predictions': { type: 'string' },
        'slice-field': { type: 'string', multiple: true },
        'min-slice': { type: 'string' },
        'repeat-field': { type: 'string' },
        'cluster-field': { type: 'string' },
        errors: { type: 'string' },
        inconclusive: { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        'output-format': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      }
    })
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.replace(/\. To specify.*$/s, '')} (see --help)`)
  }
  const { values, positionals } = parsed
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  if (positionals.length === 0) throw new ConfigError('missing command: eval-gate compare --candidate FILE … (see --help)')
  if (positionals[0] !== 'compare') throw new ConfigError(`unknown command ${quote(positionals[0])}: the command is "compare" (see --help)`)
  if (positionals.length > 1) throw new ConfigError(`unexpected argument ${quote(positionals[1])} (see --help)`)
  const suites = suiteOptions(values.suite, values['baseline-dir'], values.candidate !== undefined || values.baseline !== undefined)
  if (!values.candidate && !suites) throw new ConfigError('--candidate FILE is required (see --help)')

  const options: CompareOptions = {
    // With --suite, each suite has its own files (the command's `suites`).
    candidate: { name: values.candidate ?? '', path: values.candidate ?? '' },
    baseline: values.baseline ? { name: values.baseline, path: values.baseline } : null,
    format: oneOf('--format', values.format, FORMATS) as Format | undefined,
    fields: {
      id: field('--id-field', values['id-field'], DEFAULT_FIELDS.id),
      label: field('--label-field', values['label-field'], DEFAULT_FIELDS.label),
      prediction: field('--prediction-field', values['prediction-field'], DEFAULT_FIELDS.prediction),
      score: field('--score-field', values['score-field'], DEFAULT_FIELDS.score)
    },
    positiveLabel: values['positive-label'],
    task: oneOf('--task', values.task, TASKS),
    ...(values['score-metrics'] !== undefined ? { scoreMetrics: parseScoreMetrics(values['score-metrics'], '--score-metrics') } : {}),
    ...(values.train ? { train: { name: values.train, path: values.train } } : {}),
    ...(values['text-field'] !== undefined ? { textField: field('--text-field', values['text-field'], '') } : {}),
    ...(values['train-predictions'] ? { trainPredictions: { name: values['train-predictions'], path: values['train-predictions'] } } : {}),
    ...(values['slice-field'] !== undefined ? { sliceFields: values['slice-field'].map((f) => field('--slice-field', f, '')) } : {}),
    ...optional('minSlice', values['min-slice'] === undefined ? undefined : numberOption('--min-slice', values['min-slice'], 30, (x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1')),
    ...(values['repeat-field'] !== undefined ? { repeatField: field('--repeat-field', values['repeat-field'], '') } : {}),
    ...(values['cluster-field'] !== undefined ? { clusterField: field('--cluster-field', values['cluster-field'], '') } : {}),
    ...optional('errors', oneOf('--errors', values.errors, ['wrong', 'exclude'] as const)),
    ...optional('inconclusive', oneOf('--inconclusive', values.inconclusive, ['fail', 'pass'] as const)),
    gates: values.gates,
    alpha: numberOption('--alpha', values.alpha, 0.05, (x) => x > 0 && x < 1, 'a number between 0 and 1'),
    resamples: numberOption('--resamples', values.resamples, 10000, (x) => Number.isInteger(x) && x >= 1 && x <= 1_000_000, 'a whole number from 1 to 1000000'),
    seed: numberOption('--seed', values.seed, 0, (x) => Number.isSafeInteger(x) && x >= 0, 'a whole number ≥ 0'),
    missingBaseline: (oneOf('--missing-baseline', values['missing-baseline'], ['skip', 'fail'] as const) ?? 'skip') as 'skip' | 'fail',
    ...optional('multiplicity', oneOf('--multiplicity', values.multiplicity, ['holm', 'westfall-young', 'max-t'] as const)),
    ...optional('mcnemar', oneOf('--mcnemar', values.mcnemar, ['exact', 'mid-p'] as const))
  }
  if (values.reference !== undefined && values.reference.trim() === '') throw new ConfigError('--reference must not be empty')
  const outputFormat = oneOf('--output-format', values['output-format'], ['text', 'markdown'] as const)
  return {
    kind: 'compare',
    options,
    json: values.json,
    markdown: values.markdown,
    ...(outputFormat ? { outputFormat } : {}),
    ...(suites ? { suites } : {}),
    ...(values.reference !== undefined ? { reference: values.reference } : {})
  }
}

/** `{ key: value }`, or nothing when the option is not given (so that the core's default applies). */
function optional<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T }
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got ${quote(value)}`)
  return value as T
}

function field(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback
  if (value.trim() === '') throw new ConfigError(`${name} must not be empty`)
  return value
}

function numberOption(name: string, value: string | undefined, fallback: number, ok: (x: number) => boolean, what: string): number {
  if (value === undefined) return fallback
  const x = parseDecimal(value)
  if (!ok(x)) throw new ConfigError(`${name} must be ${what}, got ${quote(value)}`)
  return x
}
