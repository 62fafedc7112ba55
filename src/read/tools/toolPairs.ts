/**
 * Whether a comparison of two lm-eval files is a classification of a `[gold, pred]` pair metric, and of which
 * metric (docs/tools.md, lm-eval, "[gold, pred] pairs"), with the notes that say what was compared and what was
 * left out; and the notes on how the harness aggregates the metric, once the task and positive class are known.
 *
 * A classification, with label = gold and prediction = pred of each example's pair, when:
 * - `score-metrics` names a pair metric (alone: a comparison is a classification or scores, not both);
 * - the task is `binary` or `multiclass`: the first pair metric of the candidate;
 * - no task is given and the candidate has no per-example number, only pair metrics (masakhaner's span `f1`).
 * Otherwise the numbers are compared as scores and each list metric is left out with a note.
 */
import { ConfigError, InputError, quote } from '../../common/errors.js'
import type { ListColumn } from './listValues.js'
import { SETS, type Aggregation, type MetricColumn, type ToolTable } from './toolTable.js'

/** What the comparison asks, of the options. */
export interface PairAsk {
  task?: string
  scoreMetrics?: { name: string }[]
}

/** The classification of a pair metric: its name, and the label text the empty text is shown as. */
export interface PairChoice {
  metric: string
  empty: string
  /** The aggregations of the chosen metric and of those holding the same pairs, for {@link aggregationNotes}. */
  aggregations: { metric: string; aggregation: Aggregation }[]
}

/** `none`: a classification was asked for, and the candidate has no list metric at all. */
export type PairDecision = PairChoice | 'scores' | 'none'

/** A column's list values when they are classification pairs. */
const labelsOf = (m: MetricColumn): ListColumn | null => (m.lists?.kind === 'labels' ? m.lists : null)

/**
 * Decides the comparison (see the module comment) and pushes its notes. Throws an InputError naming file, line
 * and field for a pair metric that cannot be classified (a list that is neither, a row without a pair, the baseline
 * without the metric), a ConfigError for a score-metrics list that mixes a pair metric with others.
 */
export function decidePairs(ask: PairAsk, candidate: ToolTable, baseline: ToolTable | null, notes: string[]): PairDecision {
  const lists = candidate.metrics.filter((m) => m.lists !== null)
  // docs/tools.md: a list that is neither a [gold, pred] pair nor a pair of label sets stops the run, unless
  // score-metrics leaves it out.
  if (!ask.scoreMetrics) for (const t of baseline ? [candidate, baseline] : [candidate]) refuseOtherLists(t)
  if (ask.task === 'scores') {
    listNotes(null, candidate, baseline, notes)
    return 'scores'
  }
  const forced = ask.task === 'binary' || ask.task === 'multiclass'
  const named = (ask.scoreMetrics ?? []).filter((a) => lists.some((m) => m.name === a.name))
  let chosen: MetricColumn | undefined
  if (named.length > 0) {
    if ((ask.scoreMetrics ?? []).length > 1) {
      throw new ConfigError(`score-metrics: ${quote(named[0].name)} is a [gold, pred] list metric, compared as a classification of its pairs: name it alone (a comparison is a classification or scores, not both)`)
    }
    chosen = lists.find((m) => m.name === named[0].name)
  } else if (forced) {
    if (ask.scoreMetrics) {
      const pairs = lists.filter((m) => labelsOf(m))
      throw new ConfigError(
        `score-metrics ${list(ask.scoreMetrics.map((a) => a.name))}: task ${ask.task} compares a [gold, pred] pair metric as a classification, ` +
          `and ${pairs.length ? `the pair metrics of ${candidate.name} are ${list(pairs.map((m) => m.name))}` : `${candidate.name} has none`}: name one, or leave score-metrics out`
      )
    }
    if (lists.length === 0) return 'none'
    chosen = lists.find((m) => labelsOf(m)) ?? lists[0]
  } else if (!ask.scoreMetrics && lists.length < candidate.metrics.length) {
    // Per-example numbers: compared as scores, the lists noted.
    listNotes(null, candidate, baseline, notes)
    return 'scores'
  } else if (!ask.scoreMetrics) {
    chosen = lists.find((m) => labelsOf(m))
  }
  if (!chosen) {
    listNotes(null, candidate, baseline, notes)
    return 'scores'
  }
  const tables = baseline ? [candidate, baseline] : [candidate]
  const columns = tables.map((t) => pairColumn(t, chosen.name))
  const empty = emptyLabel(columns.map((c) => c.lists as ListColumn))
  const same = lists.filter((m) => m !== chosen && labelsOf(m) && (labelsOf(m) as ListColumn).samePairs(chosen.lists as ListColumn, candidate.n))
  listNotes(chosen, candidate, baseline, notes, same)
  notes.push(...emptyNotes(tables, columns, empty))
  const aggregations: PairChoice['aggregations'] = []
  for (const m of [chosen, ...same]) {
    const aggregation = m.aggregation ?? (baseline ? (baseline.metrics.find((b) => b.name === m.name)?.aggregation ?? null) : null)
    if (aggregation) aggregations.push({ metric: m.name, aggregation })
  }
  return { metric: chosen.name, empty, aggregations }
}

/** Throws an InputError naming file, line and field at a table's first list value that is neither kind of pair. */
function refuseOtherLists(t: ToolTable): void {
  for (const m of t.metrics) {
    if (m.lists?.kind !== 'other' || !m.lists.bad) continue
    const place = t.place(m.lists.bad.row)
    throw new InputError(place.file, place.line, m.bad?.field ?? m.name, `${m.lists.bad.reason} (--score-metrics naming the other metrics leaves it out)`)
  }
}

/**
 * The column of pair metric `name` in a table, checked: every row holds a classification pair. Throws an
 * InputError at the first row that does not (or naming the table when it lacks the metric).
 */
function pairColumn(t: ToolTable, name: string): MetricColumn {
  const column = t.metrics.find((m) => m.name === name)
  if (!column) {
    const has = t.metrics.map((m) => quote(m.name))
    throw new InputError(t.name, null, null, `has no metric ${quote(name)}, the [gold, pred] pair metric compared as a classification: its metrics are ${has.length ? has.join(', ') : 'none'}`)
  }
  const lists = column.lists
  if (!lists || lists.kind !== 'labels') {
    const bad = lists?.bad ?? (lists ? { row: lists.first, reason: SETS } : null)
    if (bad) {
      const place = t.place(bad.row)
      throw new InputError(place.file, place.line, column.bad?.field ?? name, bad.reason)
    }
    throw new InputError(t.name, null, name, 'holds numbers, not [gold, pred] pairs: a classification compares the labels of a pair metric; compare numbers as scores (leave the task out)')
  }
  const without = lists.firstWithout(t.n)
  if (without >= 0) {
    const place = t.place(without)
    throw new InputError(place.file, place.line, column.bad?.field ?? name, 'has no [gold, pred] pair on this row (missing or null): a classification needs one on every row')
  }
  return column
}

/**
 * The notes on a table's list metrics: the one classified (and those holding the same pairs), the other pair
 * metrics, the pairs of label sets and the lists that are neither; with a classification, the numbers not compared.
 */
function listNotes(chosen: MetricColumn | null, candidate: ToolTable, baseline: ToolTable | null, notes: string[], same: MetricColumn[] = []): void {
  const lists = candidate.metrics.filter((m) => m.lists !== null)
  const pairs = lists.filter((m) => labelsOf(m) && m !== chosen && !same.includes(m))
  const sets = lists.filter((m) => m.lists?.kind === 'sets')
  const others = lists.filter((m) => m.lists?.kind === 'other')
  if (chosen) {
    const names = [chosen, ...same].map((m) => m.name)
    notes.push(
      `${list(names)} ${names.length === 1 ? 'holds a [gold, pred] pair' : 'hold the same [gold, pred] pair'} per example: compared as a classification (label = gold, prediction = pred; docs/tools.md, lm-eval)`
    )
    if (pairs.length > 0) {
      notes.push(`${list(pairs.map((m) => m.name))} ${pairs.length === 1 ? 'holds' : 'hold'} other [gold, pred] pairs than ${quote(chosen.name)}: not compared; the classification uses the first pair metric (--score-metrics NAME picks another)`)
    }
    const numbers = candidate.metrics.filter((m) => m.lists === null)
    if (numbers.length > 0) {
      notes.push(`${list(numbers.map((m) => m.name))} ${numbers.length === 1 ? 'is' : 'are'} not compared: a classification compares the labels of ${quote(chosen.name)} (leave --task out to compare the per-example numbers as scores)`)
    }
  } else if (pairs.length > 0) {
    const task = labelCount(pairs[0], candidate, baseline) <= 2 ? 'binary' : 'multiclass'
    notes.push(
      `${list(pairs.map((m) => m.name))} ${pairs.length === 1 ? 'is a [gold, pred] pair' : 'are [gold, pred] pairs'} of labels per example, not a number: not compared here; ` +
        `compare ${pairs.length === 1 ? 'it' : 'one'} as a classification with --task ${task} (docs/tools.md, lm-eval)`
    )
  }
  if (sets.length > 0) {
    const aggs = sets.map((m) => m.aggregation?.name).filter((a): a is string => a !== undefined)
    notes.push(
      `${list(sets.map((m) => m.name))} ${sets.length === 1 ? 'is' : 'are'} left out: each is a multi-label pair of label sets ([gold labels, predicted labels]) that lm-eval aggregates over the whole test set` +
        `${aggs.length ? ` (${aggs.join(', ')})` : ''}: there is no per-example value, and it is not a classification pair`
    )
  }
  for (const m of others) {
    const bad = m.lists?.bad as { row: number; reason: string }
    const place = candidate.place(bad.row)
    const where = place.line !== null ? `${place.file}:${place.line}` : place.file
    notes.push(`${quote(m.name)} is left out: at ${where} it ${bad.reason}`)
  }
}

/** How many distinct label texts (gold and pred) a pair metric has in the candidate and the baseline. */
function labelCount(m: MetricColumn, candidate: ToolTable, baseline: ToolTable | null): number {
  const seen = new Set<string>()
  for (const t of baseline ? [candidate, baseline] : [candidate]) {
    const lists = labelsOf(t.metrics.find((c) => c.name === m.name) ?? m)
    if (!lists) continue
    for (let i = 0; i < t.n && seen.size <= 2; i++) {
      if (lists.gold[i] !== undefined) seen.add(lists.gold[i] as string)
      if (lists.pred[i] !== undefined) seen.add(lists.pred[i] as string)
    }
  }
  return seen.size
}

/**
 * The label the empty text is shown as: `(empty)`, or `(empty 2)`, … when a label of the pairs is spelled so
 * (a label is never empty in a prediction file, docs/inputs.md; an lm-eval gold or pred may be: no entity, no answer).
 */
function emptyLabel(columns: ListColumn[]): string {
  const used = new Set<string>()
  for (const c of columns) {
    for (const g of c.gold) if (g !== undefined && g.startsWith('(empty')) used.add(g)
    for (const p of c.pred) if (p !== undefined && p.startsWith('(empty')) used.add(p)
  }
  let name = '(empty)'
  for (let k = 2; used.has(name); k++) name = `(empty ${k})`
  return name
}

/** A note per table whose pairs hold the empty text, with how many golds and predictions do. */
function emptyNotes(tables: ToolTable[], columns: MetricColumn[], empty: string): string[] {
  const out: string[] = []
  tables.forEach((t, k) => {
    const lists = columns[k].lists as ListColumn
    let golds = 0
    let preds = 0
    for (let i = 0; i < t.n; i++) {
      if (lists.gold[i] === '') golds++
      if (lists.pred[i] === '') preds++
    }
    if (golds + preds > 0) {
      out.push(`${t.name}: the empty text is the label ${quote(empty)} (${golds} gold${golds === 1 ? '' : 's'}, ${preds} prediction${preds === 1 ? '' : 's'}): a prediction of nothing, right when the gold is empty too`)
    }
  })
  return out
}

/**
 * The notes on how lm-eval aggregates the metrics classified, given the task and positive class chosen: whether
 * the report's classification metric is the tool's number (built-in `f1` of positive class 1 on a binary pair,
 * `matthews_corrcoef`) or not (a task's own function, another built-in).
 */
export function aggregationNotes(choice: PairChoice, classes: { task: string; positiveLabel: string | null }): string[] {
  return choice.aggregations.map(({ metric, aggregation }) => {
    const m = quote(metric)
    if (aggregation.custom) {
      return `lm-eval aggregates ${m} with its own function ${aggregation.name}, so the report's classification metrics (accuracy, F1 of the labels) are not the tool's ${m} value`
    }
    if (aggregation.name === 'f1') {
      if (classes.task === 'binary' && (classes.positiveLabel === '1' || classes.positiveLabel === 'true')) {
        return `the report's f1 (of positive class ${classes.positiveLabel}) is the tool's ${m} value: lm-eval aggregates it with scikit-learn's f1_score, positive class 1`
      }
      return classes.task === 'binary'
        ? `lm-eval aggregates ${m} with scikit-learn's f1_score of positive class 1; the report's f1 is of positive class ${quote(classes.positiveLabel ?? '')}, so it is not the tool's ${m} value`
        : `lm-eval aggregates ${m} with scikit-learn's binary f1_score (positive class 1); the report's f1 is the macro average over the classes, so it is not the tool's ${m} value`
    }
    if (aggregation.name === 'matthews_corrcoef' || aggregation.name === 'mcc') {
      return `the report's mcc is the tool's ${m} value: lm-eval aggregates it with scikit-learn's matthews_corrcoef`
    }
    return `lm-eval aggregates ${m} with its built-in ${aggregation.name}, so the report's classification metrics (accuracy, F1 of the labels) are not the tool's ${m} value`
  })
}

const list = (names: string[]): string => names.map((n) => quote(n)).join(', ')
