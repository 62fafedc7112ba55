/**
 * lm-eval `[gold, pred]` list metrics (docs/tools.md, lm-eval, "[gold, pred] pairs"): a classification pair is
 * compared as a classification (label = gold, prediction = pred) when the task asks for one or the file has no
 * per-example number; pairs of label sets and other lists are left out with a note, or refused when asked for.
 * An mrpc-like fixture written here (every number worked out by hand below), and the real masakhaner and
 * negotiationtom runs of /work/shared/formats/real, read in place.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LabelDictionary } from '../../src/read/predictionFile.js'
import { readPredictions } from '../../src/read/readPredictions.js'
import { resolveTools } from '../../src/read/tools/toolFormats.js'
import type { CompareOptions } from '../../src/tasks/options.js'
import { removeAfterTest } from '../temp.js'
import { compareFiles, failure, haveReal, jsonLines, mean, real, tempFolder } from './support.js'

const NER = real('lm-eval-harness/harness-pr3506-masakhaner-gemma2b/african_nlp_benchmarks')
const NEG = real('lm-eval-harness/harness-pr3936-negotiationtom-qwen3-8b/outputs/qwen3-8b/negotiationtom/Qwen__Qwen3-8B')
const TIME = '2025-01-01T00-00-00.000000'

/** A temp folder removed when the test ends. */
function temp(): ReturnType<typeof tempFolder> {
  const t = tempFolder()
  removeAfterTest(t.dir)
  return t
}

/** One lm-eval sample line (0.4.4 layout: filter, metrics, hashes), with long skipped fields like the harness's. */
const sample = (id: number, extra: Record<string, unknown>): string =>
  JSON.stringify({
    doc_id: id,
    doc: { sentence1: `a sentence ${id}`, sentence2: 'another' },
    target: 1,
    arguments: { gen_args_0: { arg_0: 'a long prompt '.repeat(30), arg_1: ' yes' } },
    resps: [[['-1.5', 'False']]],
    filtered_resps: [['-1.5', 'False']],
    filter: 'none',
    metrics: ['acc', 'f1'],
    doc_hash: `doc${id}`,
    prompt_hash: 'p0',
    target_hash: `t${id}`,
    ...extra
  })

/*
 * The mrpc-like runs (10 examples, labels 0/1; acc is lm-eval's per-example 1 when pred = gold).
 *   gold       1 1 1 1 1 1 0 0 0 0
 *   candidate  1 1 1 1 0 0 1 0 0 0   TP 4 (ids 0-3), FN 2 (4, 5), FP 1 (6), TN 3 (7-9)
 *              F1 = 2·TP / (2·TP + FP + FN) = 8 / (8 + 1 + 2) = 8/11; accuracy = (4 + 3)/10 = 0.7
 *   baseline   1 1 1 0 0 0 1 1 0 0   TP 3 (0-2), FN 3 (3-5), FP 2 (6, 7), TN 2 (8, 9)
 *              F1 = 6 / (6 + 2 + 3) = 6/11; accuracy = (3 + 2)/10 = 0.5
 * Confusion matrix (rows true 0, 1; columns predicted 0, 1): candidate [[3, 1], [2, 4]], baseline [[2, 2], [3, 3]].
 * Flips: ids 3 (baseline wrong → candidate right) and 7 (wrong → right): wrongToRight 2, rightToWrong 0.
 */
const GOLD = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
const CAND = [1, 1, 1, 1, 0, 0, 1, 0, 0, 0]
const BASE = [1, 1, 1, 0, 0, 0, 1, 1, 0, 0]
const F1 = { candidate: 8 / 11, baseline: 6 / 11 }

/** A samples file and its results file in `dir`: f1 as [gold, pred] ints, acc numeric; `rowExtra` changes a row. */
function mrpcRun(t: ReturnType<typeof tempFolder>, dir: string, preds: number[], f1: number, rowExtra: (id: number) => Record<string, unknown> = () => ({})): string {
  const lines = GOLD.map((g, id) => sample(id, { acc: preds[id] === g ? 1.0 : 0.0, f1: [g, preds[id]], ...rowExtra(id) }))
  const file = t.write(`${dir}/samples_mrpc_${TIME}.jsonl`, lines.join('\n') + '\n')
  const acc = mean(GOLD.map((g, id) => (preds[id] === g ? 1 : 0)))
  t.write(
    `${dir}/results_${TIME}.json`,
    JSON.stringify({
      results: { mrpc: { alias: 'mrpc', 'acc,none': acc, 'f1,none': f1, 'f1_stderr,none': 'N/A' } },
      configs: { mrpc: { task: 'mrpc', metric_list: [{ metric: 'acc' }, { metric: 'f1', aggregation: 'f1', higher_is_better: true }] } },
      higher_is_better: { mrpc: { acc: true, f1: true } }
    })
  )
  return file
}

function mrpc(baselineExtra?: (id: number) => Record<string, unknown>): { c: string; b: string; dir: string } {
  const t = temp()
  mkdirSync(path.join(t.dir, 'cand'))
  mkdirSync(path.join(t.dir, 'base'))
  // The baseline was asked with another prompt on ids 8 and 9.
  const c = mrpcRun(t, 'cand', CAND, F1.candidate)
  const b = mrpcRun(t, 'base', BASE, F1.baseline, (id) => ({ ...(id >= 8 ? { prompt_hash: 'p5' } : {}), ...(baselineExtra ? baselineExtra(id) : {}) }))
  return { c, b, dir: t.dir }
}

const results = (file: string): Record<string, Record<string, unknown>> => JSON.parse(readFileSync(file, 'utf8')).results

describe('lm-eval [gold, pred] pairs: an mrpc-like fixture', () => {
  it('by default acc is compared as scores, with a note on f1 saying how to compare it', async () => {
    const { c, b } = mrpc()
    const report = await compareFiles(c, b)
    expect(report.task).toBe('scores')
    expect(Object.keys(report.metrics)).toEqual(['acc'])
    expect(report.metrics.acc.candidate).toBeCloseTo(0.7, 15)
    expect(report.metrics.acc.baseline).toBeCloseTo(0.5, 15)
    expect(report.warnings).toContain('"f1" is a [gold, pred] pair of labels per example, not a number: not compared here; compare it as a classification with --task binary (docs/tools.md, lm-eval)')
  })

  it('--task binary: the pairs as a classification; F1 = the results file\'s "f1,none" (built-in f1), accuracy = the mean of acc', async () => {
    const { c, b } = mrpc()
    const report = await compareFiles(c, b, { task: 'binary' })
    expect(report.task).toBe('binary')
    expect(report.labels).toEqual(['0', '1'])
    expect(report.positiveLabel).toBe('1')
    expect(report.counts).toMatchObject({ candidate: 10, baseline: 10, paired: 10, labelConflicts: 0 })
    const own = (file: string): number => results(path.join(path.dirname(file), `results_${TIME}.json`)).mrpc['f1,none'] as number
    expect(Math.abs((report.metrics.f1.candidate as number) - own(c))).toBeLessThan(1e-9)
    expect(Math.abs((report.metrics.f1.baseline as number) - own(b))).toBeLessThan(1e-9)
    expect(Math.abs((report.metrics.f1.candidate as number) - 8 / 11)).toBeLessThan(1e-12)
    const accOf = (file: string): number => mean(jsonLines(file).map((r) => r.acc as number))
    expect(report.metrics.accuracy.candidate).toBeCloseTo(accOf(c), 15)
    expect(report.metrics.accuracy.baseline).toBeCloseTo(accOf(b), 15)
    expect(report.confusionMatrix).toMatchObject({ labels: ['0', '1'], candidate: [[3, 1], [2, 4]], baseline: [[2, 2], [3, 3]] })
    expect(report.disagreement).toMatchObject({ rightToWrong: 0, wrongToRight: 2, bothWrongDiffer: 0, firstImprovements: ['3', '7'] })
    const text = report.warnings.join('\n')
    expect(text).toContain('"f1" holds a [gold, pred] pair per example: compared as a classification (label = gold, prediction = pred')
    expect(text).toContain('"acc" is not compared: a classification compares the labels of "f1"')
    expect(text).toContain('the report\'s f1 (of positive class 1) is the tool\'s "f1" value: lm-eval aggregates it with scikit-learn\'s f1_score, positive class 1')
    expect(text).toMatch(/the prompts differ on 2 of 10 paired examples \(lm-eval prompt_hash\)/)
  })

  it('--score-metrics f1 picks the pair metric (binary by its labels); named with another metric it is refused', async () => {
    const { c, b } = mrpc()
    const report = await compareFiles(c, b, { scoreMetrics: [{ name: 'f1', direction: 'higher' }] })
    expect(report.task).toBe('binary')
    expect(report.metrics.f1.candidate).toBeCloseTo(8 / 11, 12)
    const both = await failure(compareFiles(c, b, { scoreMetrics: [{ name: 'acc', direction: 'higher' }, { name: 'f1', direction: 'higher' }] }))
    expect(both).toBe('score-metrics: "f1" is a [gold, pred] list metric, compared as a classification of its pairs: name it alone (a comparison is a classification or scores, not both)')
    // --task scores keeps the scores task: the pair named is refused with the way to compare it.
    const asScores = await failure(compareFiles(c, b, { task: 'scores', scoreMetrics: [{ name: 'f1', direction: 'higher' }] }))
    expect(asScores).toMatch(new RegExp(`^${escape(c)}:1: field "f1" is a \\[gold, pred\\] pair of labels, .* compare it as a classification \\(--task multiclass, or binary`))
  })

  it('--task multiclass on the 0/1 pairs: f1 is the macro average, and the note says it is not the tool\'s number', async () => {
    const { c, b } = mrpc()
    const report = await compareFiles(c, b, { task: 'multiclass' })
    expect(report.task).toBe('multiclass')
    // Class 0 of the candidate: TP 3, FP 2 (ids 4, 5), FN 1 (id 6): F1 = 6/9; class 1: 8/11 (above). Macro: (6/9 + 8/11)/2.
    expect(Math.abs((report.metrics.f1.candidate as number) - (6 / 9 + 8 / 11) / 2)).toBeLessThan(1e-12)
    expect(report.warnings.join('\n')).toContain('lm-eval aggregates "f1" with scikit-learn\'s binary f1_score (positive class 1); the report\'s f1 is the macro average over the classes, so it is not the tool\'s "f1" value')
  })

  it('a doc_hash or gold that differs between the runs is a label conflict of the classification', async () => {
    // Baseline id 9 is another document; id 8 has another gold (and so another target_hash).
    const { c, b } = mrpc((id) => (id === 9 ? { doc_hash: 'other' } : id === 8 ? { f1: [1, 0], target_hash: 'changed' } : {}))
    const report = await compareFiles(c, b, { task: 'binary' })
    expect(report.counts).toMatchObject({ paired: 8, labelConflicts: 2 })
    const text = report.warnings.join('\n')
    expect(text).toMatch(/2 examples have a different true label in the two files \(ids "8", "9"\)/)
    expect(text).toMatch(/doc_hash or target_hash differs/)
    // Ids 0-7 only: candidate TP 4, FN 2, FP 1 → F1 8/11 still; the prompts differ on none of them.
    expect(report.metrics.f1.candidate).toBeCloseTo(8 / 11, 12)
    expect(text).not.toMatch(/the prompts differ/)
  })

  it('the same pairs in a ~0.4.2 JSON array file, and booleans as labels (positive class true)', async () => {
    const t = temp()
    const rows = GOLD.map((g, id) => JSON.parse(sample(id, { metrics: ['f1'], f1: [g === 1, [CAND[id] === 1]] })) as Record<string, unknown>)
    const file = t.write(`samples_mrpc_${TIME}.jsonl`, JSON.stringify(rows, null, 2))
    const report = await compareFiles(file, null)
    expect(report.task).toBe('binary')
    expect(report.labels).toEqual(['false', 'true'])
    expect(report.positiveLabel).toBe('true')
    expect(report.metrics.f1.candidate).toBeCloseTo(8 / 11, 12)
  })
})

describe('lm-eval [gold, pred] pairs: bad lists, one line each naming file, line and field', () => {
  const lines = (values: unknown[], metric = 'f1'): string => values.map((v, id) => sample(id, { metrics: [metric], [metric]: v })).join('\n')

  it('a list of 3 items, and a pred list of 2 under --task multiclass: one line each; beside a number, an error unless --score-metrics leaves it out', async () => {
    const t = temp()
    const neither = 'lm-eval aggregates it over the whole test set, and it is neither a classification pair [gold, pred] nor a pair of label sets'
    const three = t.write('three.jsonl', lines([[1, 0, 1], [1, 1, 1]]))
    expect(await failure(compareFiles(three, null, { task: 'multiclass' }))).toBe(`${three}:1: field "f1" is a list of 3 items, not a [gold, pred] pair: ${neither} (--score-metrics naming the other metrics leaves it out)`)
    const twoPreds = t.write('two.jsonl', lines([[1, [0]], ['DATE: x', ['a', 'b']]]))
    expect(await failure(compareFiles(twoPreds, null, { task: 'multiclass' }))).toBe(
      `${twoPreds}:2: field "f1" is a [gold, pred] list whose pred is a list of 2 items: a classification pair's pred is one label, or a list of one (--score-metrics naming the other metrics leaves it out)`
    )
    // Beside a number (acc), the list stops the run (docs/tools.md) unless score-metrics names the others.
    const withAcc = t.write('acc.jsonl', [0, 1].map((id) => sample(id, { metrics: ['acc', 'f1'], acc: id, f1: [1, 0, 1] })).join('\n'))
    expect(await failure(compareFiles(withAcc, null))).toBe(`${withAcc}:1: field "f1" is a list of 3 items, not a [gold, pred] pair: ${neither} (--score-metrics naming the other metrics leaves it out)`)
    const report = await compareFiles(withAcc, null, { scoreMetrics: [{ name: 'acc', direction: 'higher' }] })
    expect(Object.keys(report.metrics)).toEqual(['acc'])
    expect(report.metrics.acc.candidate).toBe(0.5)
  })

  it('a metric with a pair on some rows and a number on others', async () => {
    const t = temp()
    const mixed = t.write('mixed.jsonl', lines([[1, 1], [0, 1], 0.5]))
    const message = await failure(compareFiles(mixed, null))
    expect(message).not.toContain('\n')
    expect(message).toBe(`${mixed}:3: field "f1" is a number here, but line 1 has a list for it: a metric is a number on every row, or a [gold, pred] list on every row`)
    const first = t.write('first.jsonl', lines([0.5, [0, 1]]))
    expect(await failure(compareFiles(first, null))).toBe(`${first}:2: field "f1" is a list here, but line 1 has a number for it: a metric is a number on every row, or a [gold, pred] list on every row`)
  })

  it('a row without its pair, a baseline without the metric, a task that needs a pair on a file with none', async () => {
    const t = temp()
    const gap = t.write('gap.jsonl', lines([[1, 1], null, [0, 1]]))
    expect(await failure(compareFiles(gap, null))).toBe(`${gap}:2: field "f1" has no [gold, pred] pair on this row (missing or null): a classification needs one on every row`)
    const pairs = t.write('pairs.jsonl', lines([[1, 1], [0, 1]]))
    const numbers = t.write('numbers.jsonl', lines([1, 0], 'acc'))
    expect(await failure(compareFiles(pairs, numbers))).toBe(`${numbers}: has no metric "f1", the [gold, pred] pair metric compared as a classification: its metrics are "acc"`)
    expect(await failure(compareFiles(numbers, null, { format: 'lm-eval', task: 'binary' }))).toBe(
      `task binary compares an lm-eval [gold, pred] pair metric as a classification, and ${numbers} has none (its metrics: "acc"): leave task out to compare its per-example numbers as scores`
    )
    // Recognised (not named), such a file is read as plain rows, as before: then label is missing.
    expect(await failure(compareFiles(numbers, null, { task: 'binary' }))).toMatch(/field "label"/)
  })

  it('the empty text is a label of its own, "(empty)" (or "(empty 2)" when a label is spelled so)', async () => {
    const t = temp()
    const file = t.write('empty.jsonl', lines([['', ['']], ['LOC: a', ['']], ['(empty)', ['(empty)']], ['LOC: a', ['LOC: a']]]))
    const report = await compareFiles(file, null)
    expect(report.task).toBe('multiclass')
    expect(report.labels).toEqual(['(empty 2)', '(empty)', 'LOC: a'])
    // Right on rows 1, 3 and 4 (the empty gold predicted empty counts as right): 3/4.
    expect(report.metrics.accuracy.candidate).toBe(0.75)
    expect(report.warnings.join('\n')).toContain(`${file}: the empty text is the label "(empty 2)" (1 gold, 2 predictions)`)
  })
})

/** A label as docs/inputs.md reads it: a string as it is, a number in its shortest form, a boolean as true/false. */
const text = (v: unknown): string => (typeof v === 'string' ? v : String(v))

/** Per doc_id, the file's own gold and pred (pred[0] of the one-element list) as label text. */
function ownPairs(file: string, metric: string): Map<number, { gold: string; pred: string }> {
  return new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const row = JSON.parse(l) as Record<string, unknown>
        const [gold, pred] = row[metric] as [unknown, unknown[]]
        return [row.doc_id as number, { gold: text(gold), pred: text(pred[0]) }]
      })
  )
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe.skipIf(!haveReal)('lm-eval [gold, pred] pairs: the real runs (skipped: /work/shared/formats/real is absent)', () => {
  for (const [name, c, b] of [
    ['prompt_1', 'samples_masakhaner_luo_prompt_1_2026-01-16T16-02-26.648276.jsonl', 'google__gemma-2b/samples_masakhaner_luo_prompt_1_2026-01-16T15-23-47.285735.jsonl'],
    ['prompt_2', 'samples_masakhaner_luo_prompt_2_2026-01-16T16-37-38.713565.jsonl', 'samples_masakhaner_luo_prompt_2_2026-01-16T16-59-59.899345.jsonl']
  ]) {
    it(`masakhaner ${name} (gemma-2b, 0-shot vs 5-shot): span f1's [gold, [pred]] pairs as a classification of 185 examples`, async () => {
      const cand = path.join(NER, c)
      const base = path.join(NER, b)
      const report = await compareFiles(cand, base)
      expect(report.task).toBe('multiclass')
      expect(report.counts).toMatchObject({ candidate: 185, baseline: 185, paired: 185, labelConflicts: 0 })
      // Accuracy from the files themselves: gold === pred[0] as text (the same doc_ids in both files).
      const cp = ownPairs(cand, 'f1')
      const bp = ownPairs(base, 'f1')
      const right = (pairs: Map<number, { gold: string; pred: string }>): number => [...pairs.values()].filter((p) => p.gold === p.pred).length
      expect(report.metrics.accuracy.candidate).toBe(right(cp) / 185)
      expect(report.metrics.accuracy.baseline).toBe(right(bp) / 185)
      let wrongToRight = 0
      let rightToWrong = 0
      for (const [id, p] of cp) {
        const q = bp.get(id) as { gold: string; pred: string }
        if (p.gold === p.pred && q.gold !== q.pred) wrongToRight++
        if (p.gold !== p.pred && q.gold === q.pred) rightToWrong++
      }
      expect(report.disagreement).toMatchObject({ wrongToRight, rightToWrong })
      const warnings = report.warnings.join('\n')
      expect(warnings).toMatch(/the prompts differ on 185 of 185 paired examples \(lm-eval prompt_hash\)/)
      expect(warnings).toContain('lm-eval aggregates "f1.flexible-extract" with its own function span_f1_agg, so the report\'s classification metrics (accuracy, F1 of the labels) are not the tool\'s "f1.flexible-extract" value')
      expect(warnings).not.toMatch(/doc_hash or target_hash differs/)

      // Each example's label and prediction, as the classification task reads them, are the file's gold and pred[0].
      const options = await resolveTools<CompareOptions>({ candidate: { name: cand, path: cand }, baseline: { name: base, path: base }, fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' }, alpha: 0.05, resamples: 10, seed: 0, missingBaseline: 'skip' })
      for (const [source, own] of [[options.candidate, cp], [options.baseline, bp]] as const) {
        const dictionary = new LabelDictionary()
        const file = await readPredictions(source as { name: string; path: string }, { format: options.format, fields: options.fields, dictionary, requireId: true })
        expect(file.n).toBe(185)
        for (let i = 0; i < file.n; i++) {
          const mine = own.get(Number((file.ids as Float64Array)[i])) as { gold: string; pred: string }
          const shown = (t: string): string => (t === '' ? '(empty)' : t)
          expect(dictionary.names[file.truth[i]]).toBe(shown(mine.gold))
          expect(dictionary.names[file.pred[i]]).toBe(shown(mine.pred))
        }
      }
    })
  }

  it('negotiationtom_intention: micro_f1 / macro_f1 (pairs of label sets) left out with the multi-label note; exact_match = results "exact_match,none"', async () => {
    const c = path.join(NEG, 'samples_negotiationtom_intention_2026-07-08T16-04-34.219874.jsonl')
    const b = path.join(NEG, 'samples_negotiationtom_intention_2026-07-08T18-15-33.115417.jsonl')
    const report = await compareFiles(c, b)
    expect(report.task).toBe('scores')
    expect(Object.keys(report.metrics)).toEqual(['exact_match'])
    const own = (file: string, time: string): number => results(path.join(NEG, `results_${time}.json`)).negotiationtom_intention['exact_match,none'] as number
    expect(Math.abs((report.metrics.exact_match.candidate as number) - own(c, '2026-07-08T16-04-34.219874'))).toBeLessThan(1e-9)
    expect(Math.abs((report.metrics.exact_match.baseline as number) - own(b, '2026-07-08T18-15-33.115417'))).toBeLessThan(1e-9)
    expect(report.metrics.exact_match.candidate).toBe(mean(jsonLines(c).map((r) => r.exact_match as number)))
    expect(report.warnings).toContain(
      '"micro_f1", "macro_f1" are left out: each is a multi-label pair of label sets ([gold labels, predicted labels]) that lm-eval aggregates over the whole test set (micro_f1_agg, macro_f1_agg): there is no per-example value, and it is not a classification pair'
    )
    // Asked for as a classification, the first set pair stops the run at its line.
    const message = await failure(compareFiles(c, b, { task: 'multiclass' }))
    expect(message).toMatch(new RegExp(`^${escape(c)}:1: field "micro_f1" is a multi-label pair of label sets`))
  })
})
