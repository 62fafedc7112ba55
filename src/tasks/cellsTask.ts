/**
 * Classification from cell counts (docs/scale.md, `--format cells`): one file of (true label, baseline prediction,
 * candidate prediction, count) rows, as a `GROUP BY` over the two predictions tables joined on id gives it
 * (src/read/cellsFile.ts), stands for both prediction files. The cell table (src/pair/cellTable.ts) is built straight from the
 * counts, and everything after it is the classification task's own code: the same metrics, McNemar tests,
 * bootstrap and permutation streams, Westfall–Young null, warnings and confusion matrices. So a cells file gives
 * byte for byte the report its row files give (same seed), but for:
 *
 * - `disagreement`: the counts are there; the first ids (`firstRegressions`, `firstImprovements`) are empty;
 * - `settings.candidate` is the cells file, `settings.baseline` null;
 * - `counts`: every example is paired (candidate = baseline = paired = the total; the rest 0): the join on id
 *   left the unpaired examples out, so the row files' `candidateOnly`, `baselineOnly` and `labelConflicts` are
 *   not known (a SQL join that keeps label conflicts should filter `c.label = b.label`, as the rows path does);
 * - score metrics need rows: cells carry no scores, and a gate naming one is a ConfigError.
 *
 * Slices (docs/slices.md): each `--slice-field` is a column of the cells file (`GROUP BY` it too). The overall table
 * adds the cells up over the slice values; a slice's table adds up that slice's cells (over the other slice
 * fields' values). Both are the tables countCells makes from the row files (the same cells in the same (t, b, c)
 * order), and src/slices/ gives each slice the same seed, so `slices` and the slice gates are the row files' too
 * (a slice's size is the sum of its cells' counts: `keys.weights`).
 *
 * What needs examples is refused with a ConfigError: a baseline file (the cells file holds both models), tasks
 * other than binary/multiclass, `--train`/`--train-predictions` (ids, text), repeats and clusters (which row
 * belongs to which id or cluster), `--errors` (error rows are gone once counted).
 *
 * Cost: O(cells · log cells) to read and order the cells, and so per tested slice; every resample O(cells),
 * whatever the total (10⁹ examples are a few dozen cells).
 */
import type { CellTable } from '../pair/cellTable.js'
import type { CompareOptions } from './options.js'
import { ConfigError, InputError, quote } from '../common/errors.js'
import { DEFAULT_GATES, splitRules } from '../gates/rules.js'
import { metricNames, SCORE_METRICS } from '../metrics/names.js'
import type { Pairing } from '../pair/pairByIds.js'
import { CELL_COLUMNS, CellsBuilder, type CellRows } from '../read/cellsFile.js'
import { readRows, textCells } from '../read/readPredictions.js'
import { keyFields } from '../read/keys.js'
import { classificationJoint } from '../significance/classification/classificationJoint.js'
import { DEFAULT_MCNEMAR } from '../stats/mcnemar.js'
import { confusionStatistics } from '../significance/classification/classificationStatistics.js'
import { shiftedMcNemar } from '../significance/classification/shiftedMcNemar.js'
import { classDropWarnings } from './classification/classDropWarnings.js'
import { type Disagreement, type MetricReport } from '../report/schema.js'
import { LabelDictionary } from '../read/predictionFile.js'
import { classificationWarnings } from './classification/classificationWarnings.js'
import { classesOf, confusionMatrixOf, gatedClassesOf, MAX_CLASSES, sparseMatrixWarning } from './classification/classificationTask.js'
import { countsOf, type Analysis, type Prepared, type TaskModule } from './taskModule.js'

export const cellsTask: TaskModule = {
  async prepare(options: CompareOptions): Promise<Prepared> {
    refuseRowOptions(options)
    const dictionary = new LabelDictionary()
    const source = options.candidate
    const builder = new CellsBuilder(source.name, options.fields.label, dictionary, textCells(source.name, options.format), keyFields({ sliceFields: options.sliceFields }))
    await readRows(source, builder, { format: options.format })
    const rows = builder.finish()

    const used = new Uint8Array(dictionary.size)
    for (let j = 0; j < rows.size; j++) used[rows.truth[j]] = used[rows.baseline[j]] = used[rows.candidate[j]] = 1
    const { task, labels, positiveLabel } = classesOf(dictionary, used, options)
    if (labels.length > MAX_CLASSES) {
      throw new InputError(
        source.name,
        null,
        null,
        `has ${labels.length.toLocaleString('en-US')} distinct labels (true labels and both predictions); at most ${MAX_CLASSES.toLocaleString('en-US')} classes are supported`
      )
    }
    const index = new Map(labels.map((label, i) => [label, i]))
    const remap = Int32Array.from(dictionary.names, (name) => index.get(name) ?? -1)
    const names = metricNames(task, labels, false)
    const positive = positiveLabel === null ? null : labels.indexOf(positiveLabel)
    const n = rows.total

    return {
      task,
      labels,
      positiveLabel,
      counts: countsOf(n, n, allPaired(n)),
      // Nothing to pair: no pairing warnings (the join on id made them), no ids for the data checks.
      pairing: null,
      hasBaseline: true,
      known: { metrics: names, labels },
      defaultGates: DEFAULT_GATES,
      // The slice columns, one code per cell; a slice's size is the sum of its cells' counts.
      keys: { candidate: rows.keys, baseline: null, weights: rows.count },
      analyzeSlice(cells, wanted, settings) {
        // `cells` indexes the file's cells (no pairing): the slice's table, as the rows path's countCells makes it.
        const table = cellTable(labels.length, remap, rows, cells)
        const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR
        const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline: true, mcnemar, only: new Set(wanted) }, settings)
        const metrics: Record<string, MetricReport> = {}
        for (const name of wanted) {
          const m = confusion.metrics.get(name)
          if (m) metrics[name] = m
        }
        return { metrics, warnings: confusion.warnings, shifted: shiftedMcNemar({ task, labels, positive, table }) }
      },
      analyze(rules, settings): Analysis {
        const k = labels.length
        const table = cellTable(k, remap, rows)
        const gatedClasses = gatedClassesOf(rules, index, table, options.minSlice)
        const mcnemar = options.mcnemar ?? DEFAULT_MCNEMAR
        const confusion = confusionStatistics({ task, labels, positive, table, hasBaseline: true, gatedClasses, mcnemar }, settings)
        const metrics: Record<string, MetricReport> = {}
        for (const name of names) {
          const m = confusion.metrics.get(name)
          if (m) metrics[name] = m
        }
        return {
          metrics,
          confusionMatrix: confusionMatrixOf(table, labels, true),
          disagreement: disagreementOfCells(table),
          warnings: {
            first: [...classificationWarnings({ pairing: allPaired(n), table, task, positive, settings }), ...classDropWarnings(task, labels, metrics, settings.alpha)],
            last: [
              ...confusion.warnings,
              ...sparseMatrixWarning(k)
            ]
          },
          joint: classificationJoint({ task, labels, positive, remap, table, mcnemar, resamples: settings.resamples, seed: settings.seed }),
          shifted: shiftedMcNemar({ task, labels, positive, table })
        }
      }
    }
  }
}

/**
 * The sparse cell table of the file's cells (or of the cells at `subset`): report indices, ordered by (t, b, c)
 * as src/pair/cellTable.ts orders them (so every resample draws its random numbers in the same order as from the row
 * files), cells with the same (t, b, c) (in several slices) added up into one.
 * Cost O(m · log m) for m cells.
 * @example // cells (b, b, a) × 3 then (a, a, a) × 2 then (b, b, a) × 1 (another slice), labels [a, b]
 * cellTable(2, remap, rows) // t [0, 1], b [0, 1], c [0, 0], count [2, 4]
 */
export function cellTable(k: number, remap: Int32Array, rows: CellRows, subset?: Uint32Array): CellTable {
  const at = subset ?? Uint32Array.from({ length: rows.size }, (_, j) => j)
  const m = at.length
  const t = Int32Array.from(at, (j) => remap[rows.truth[j]])
  const b = Int32Array.from(at, (j) => remap[rows.baseline[j]])
  const c = Int32Array.from(at, (j) => remap[rows.candidate[j]])
  const order = Int32Array.from({ length: m }, (_, j) => j).sort((x, y) => t[x] - t[y] || b[x] - b[y] || c[x] - c[y])
  const out: CellTable = { k, size: 0, total: 0, t: new Int32Array(m), b: new Int32Array(m), c: new Int32Array(m), count: new Float64Array(m) }
  let size = 0
  for (let i = 0; i < m; i++) {
    const j = order[i]
    const count = rows.count[at[j]]
    if (size > 0 && out.t[size - 1] === t[j] && out.b[size - 1] === b[j] && out.c[size - 1] === c[j]) out.count[size - 1] += count
    else {
      out.t[size] = t[j]
      out.b[size] = b[j]
      out.c[size] = c[j]
      out.count[size] = count
      size++
    }
    out.total += count
  }
  out.size = size
  if (size < m) {
    out.t = out.t.slice(0, size)
    out.b = out.b.slice(0, size)
    out.c = out.c.slice(0, size)
    out.count = out.count.slice(0, size)
  }
  return out
}

/** The disagreement counts of the cells (no ids: the first regressions and improvements are not known). Cost O(cells). */
export function disagreementOfCells(table: CellTable): Disagreement {
  const d: Disagreement = { rightToWrong: 0, wrongToRight: 0, bothWrongDiffer: 0, firstRegressions: [], firstImprovements: [] }
  for (let j = 0; j < table.size; j++) {
    const t = table.t[j]
    const b = table.b[j]
    const c = table.c[j]
    if (b === c) continue
    if (b === t) d.rightToWrong += table.count[j]
    else if (c === t) d.wrongToRight += table.count[j]
    else d.bothWrongDiffer += table.count[j]
  }
  return d
}

/** The pairing of n examples that were all paired (counts only: no row indices, which cells do not have). */
function allPaired(n: number): Pairing {
  return { n, cand: new Uint32Array(0), base: new Uint32Array(0), candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, candidateOnlyIds: [], baselineOnlyIds: [], conflictIds: [] }
}

/** Options that need examples, each a ConfigError naming it (see the module's comment). */
function refuseRowOptions(options: CompareOptions): void {
  const refuse = (what: string, why: string): never => {
    throw new ConfigError(`--format cells (action: format: cells): ${what} ${why}`)
  }
  if (options.baseline) refuse('--baseline (action: baseline) is not given:', 'the cells file holds both models (columns label, baseline, candidate, count); give it as --candidate alone')
  if (options.task !== undefined && options.task !== 'binary' && options.task !== 'multiclass') {
    refuse(`--task ${options.task} (action: task)`, 'needs per-example values; cell counts are for binary and multiclass classification')
  }
  if (options.train) refuse('--train (action: train)', 'needs the test examples\' ids or texts, which cell counts do not have')
  if (options.trainPredictions) refuse('--train-predictions (action: train-predictions)', 'is not supported with cell counts; compare the prediction files')
  if (options.sliceFields?.includes(CELL_COLUMNS.count)) refuse('--slice-field count (action: slice-fields)', 'names the column of the counts, not a slice column of the cells file')
  if (options.repeatField) refuse('--repeat-field (action: repeat-field)', 'needs each row\'s id; cell counts have none')
  if (options.clusterField) refuse('--cluster-field (action: cluster-field)', 'needs each row\'s cluster; cell counts have none')
  if (options.errors) refuse('--errors (action: errors)', 'has no meaning for cell counts: count error rows as you want them in the SQL')
  for (const rule of splitRules(options.gates ?? '')) {
    const metric = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rule)?.[0]
    if (metric !== undefined && Object.values(SCORE_METRICS).some((list) => list.includes(metric))) {
      throw new ConfigError(`gate ${quote(rule, 120)}: ${metric} is a score metric, and score metrics need rows (docs/scale.md): cell counts carry no scores; compare the prediction files, or remove the rule`)
    }
  }
}
