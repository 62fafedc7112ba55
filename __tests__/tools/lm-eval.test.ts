/**
 * lm-evaluation-harness samples files (docs/tools.md, lm-eval): the real pairable sets of
 * /work/shared/formats/real (read in place) give the tool's own per-sample values and its results_*.json
 * aggregates; small fixtures written here cover the error paths.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCli } from '../../src/cli/args.js'
import { readConfig } from '../../src/action/inputs.js'
import { ConfigError } from '../../src/common/errors.js'
import { recogniseTool, tableOf } from '../../src/read/tools/toolFormats.js'
import { compareFiles, failure, haveReal, jsonLines, mean, real, tempFolder } from './support.js'

const NEG = real('lm-eval-harness/harness-pr3936-negotiationtom-qwen3-8b/outputs/qwen3-8b/negotiationtom/Qwen__Qwen3-8B')
const ASDIV = real('lm-eval-harness/harness-pr2236-asdiv-llama3-8b/results')
const TQA = real('lm-eval-harness/harness-pr3032-truthfulqa-gen-neo125m/results')
const WINO = real('lm-eval-harness/harness-main-2023-06-refactor-winogrande/output')
const NER = real('lm-eval-harness/harness-pr3506-masakhaner-gemma2b/african_nlp_benchmarks')

const results = (file: string): Record<string, Record<string, unknown>> => JSON.parse(readFileSync(file, 'utf8').replace(/\bNaN\b/g, 'null').replace(/\bInfinity\b/g, '1e999')).results

/** Per doc_id, the file's own value of `field`, and their mean. */
function perSample(file: string, field: string): { byId: Map<number, number>; mean: number } {
  const rows = jsonLines(file)
  const byId = new Map(rows.map((r) => [r.doc_id as number, Number(r[field])]))
  return { byId, mean: mean([...byId.values()]) }
}

/** The table's values of `metric` by id equal the file's own per-sample field. */
async function expectSameValues(file: string, metric: string, field = metric): Promise<void> {
  const table = await tableOf({ name: file, path: file }, 'lm-eval')
  const column = table.metrics.find((m) => m.name === metric)
  expect(column, metric).toBeDefined()
  const own = perSample(file, field).byId
  expect(table.n).toBe(own.size)
  table.ids.forEach((id, i) => expect(column?.values[i]).toBe(own.get(id as number)))
}

describe.skipIf(!haveReal)('lm-eval: the real pairable sets (skipped: /work/shared/formats/real is absent)', () => {
  for (const [task, metric] of [
    ['belief', 'acc'],
    ['desire', 'acc'],
    ['intention', 'exact_match']
  ]) {
    it(`negotiationtom_${task} (Qwen3-8B rerun): per-sample values, means = results_*.json "${metric},none", 0 discordant`, async () => {
      const c = path.join(NEG, `samples_negotiationtom_${task}_2026-07-08T16-04-34.219874.jsonl`)
      const b = path.join(NEG, `samples_negotiationtom_${task}_2026-07-08T18-15-33.115417.jsonl`)
      await expectSameValues(c, metric)
      await expectSameValues(b, metric)
      const report = await compareFiles(c, b)
      expect(report.task).toBe('scores')
      expect(report.counts).toMatchObject({ candidate: 20, baseline: 20, paired: 20, labelConflicts: 0 })
      const m = report.metrics[metric]
      expect(m.candidate).toBeCloseTo(perSample(c, metric).mean, 12)
      expect(Math.abs((m.candidate as number) - (results(path.join(NEG, 'results_2026-07-08T16-04-34.219874.json'))[`negotiationtom_${task}`][`${metric},none`] as number))).toBeLessThan(1e-9)
      expect(Math.abs((m.baseline as number) - (results(path.join(NEG, 'results_2026-07-08T18-15-33.115417.json'))[`negotiationtom_${task}`][`${metric},none`] as number))).toBeLessThan(1e-9)
      expect(m.delta).toBe(0)
      if (task === 'intention') {
        // micro_f1 / macro_f1 are pairs of label sets of a corpus-level metric: left out, and said so (lm-eval-pairs.test.ts).
        expect(Object.keys(report.metrics)).toEqual(['exact_match'])
        expect(report.warnings.join('\n')).toMatch(/"micro_f1", "macro_f1" are left out: each is a multi-label pair of label sets/)
      }
    })
  }

  it('asdiv (Llama-3-8B-Instruct, pre-0.4.4 layout, acc an int): per-sample values, means = results "acc,none"', async () => {
    const c = path.join(ASDIV, 'asdiv/meta-llama__Meta-Llama-3-8B-Instruct/samples_asdiv_2024-08-21T03-44-09.494230.jsonl')
    const b = path.join(ASDIV, 'asdiv_cot/meta-llama__Meta-Llama-3-8B-Instruct/samples_asdiv_2024-08-21T03-40-10.802679.jsonl')
    await expectSameValues(c, 'acc')
    const report = await compareFiles(c, b)
    expect(Object.keys(report.metrics)).toEqual(['acc'])
    expect(report.counts.paired).toBe(50)
    const agg = results(path.join(ASDIV, 'asdiv/meta-llama__Meta-Llama-3-8B-Instruct/results_2024-08-21T03-44-09.494230.json')).asdiv['acc,none'] as number
    const aggB = results(path.join(ASDIV, 'asdiv_cot/meta-llama__Meta-Llama-3-8B-Instruct/results_2024-08-21T03-40-10.802679.json')).asdiv['acc,none'] as number
    expect(Math.abs((report.metrics.acc.candidate as number) - agg)).toBeLessThan(1e-9)
    expect(Math.abs((report.metrics.acc.baseline as number) - aggB)).toBeLessThan(1e-9)
    expect(report.metrics.acc.test).toBe('mcnemar-exact')
  })

  it('truthfulqa_gen (817 rows vs limit 20): 12 metrics, the string field "hallucination" is none; paired on doc_id 0-19; each run alone = its results file', async () => {
    const c = path.join(TQA, 'samples_truthfulqa_gen_2025-05-31T14-30-51.983293.jsonl')
    const b = path.join(TQA, 'samples_truthfulqa_gen_2025-05-31T13-51-32.759677.jsonl')
    const names = ['bleu_max', 'bleu_acc', 'bleu_diff', 'rouge1_max', 'rouge1_acc', 'rouge1_diff', 'rouge2_max', 'rouge2_acc', 'rouge2_diff', 'rougeL_max', 'rougeL_acc', 'rougeL_diff']
    const report = await compareFiles(c, b)
    expect(Object.keys(report.metrics).filter((k) => k !== 'error_rate')).toEqual(names)
    expect(report.counts).toMatchObject({ candidate: 20, baseline: 817, paired: 20, baselineOnly: 797, candidateOnly: 0 })
    for (const name of names) {
      await expectSameValues(c, name)
      const own = perSample(b, name).byId
      expect(report.metrics[name].baseline).toBeCloseTo(mean([...Array(20).keys()].map((i) => own.get(i) as number)), 10)
      expect(report.metrics[name].delta).toBeCloseTo(0, 12)
    }
    for (const [file, resultsFile] of [
      [c, 'truthfulqa_gen_neo125_2025-05-31T14-30-51.983293.json'],
      [b, 'truthfulqa_gen_neo125_2025-05-31T13-51-32.759677.json']
    ]) {
      const alone = await compareFiles(file, null)
      const agg = results(path.join(TQA, resultsFile)).truthfulqa_gen
      for (const name of names) expect(Math.abs((alone.metrics[name].candidate as number) - (agg[`${name},none`] as number)), name).toBeLessThan(1e-9)
    }
  })

  it('winogrande, 2023 big-refactor layout (no hashes, no filter, no metrics; names with "="): paired on doc_id 0-1; w.json "acc,none"', async () => {
    const c = path.join(WINO, 'pretrained=EleutherAI__pythia-2.8b_winogrande.jsonl')
    const b = path.join(WINO, '_winogrande.jsonl')
    expect(await recogniseTool({ name: c, path: c })).toBe('lm-eval')
    const report = await compareFiles(c, b)
    expect(report.counts).toMatchObject({ candidate: 4, baseline: 2, paired: 2, candidateOnly: 2 })
    expect(report.metrics.acc.baseline).toBe(perSample(b, 'acc').mean)
    const agg = results(path.join(WINO, 'w.json')).winogrande['acc,none'] as number
    expect(Math.abs((report.metrics.acc.baseline as number) - agg)).toBeLessThan(1e-9)
  })

  it('masakhaner (0-shot vs 5-shot): the only metric is f1 as [gold, [pred]] pairs: compared as a classification (lm-eval-pairs.test.ts); --task scores says how to compare it', async () => {
    const c = path.join(NER, 'samples_masakhaner_luo_prompt_1_2026-01-16T16-02-26.648276.jsonl')
    const b = path.join(NER, 'google__gemma-2b/samples_masakhaner_luo_prompt_1_2026-01-16T15-23-47.285735.jsonl')
    const report = await compareFiles(c, b)
    expect(report.task).toBe('multiclass')
    expect(report.counts.paired).toBe(185)
    const message = await failure(compareFiles(c, b, { task: 'scores' }))
    expect(message).not.toContain('\n')
    expect(message).toContain(c)
    expect(message).toMatch(/has no per-example metric to compare: "f1\.flexible-extract" is a list metric with no per-example value .*: compare them as a classification \(leave --task out, or --task multiclass\)/)
    const asked = await failure(compareFiles(c, b, { task: 'scores', scoreMetrics: [{ name: 'f1.flexible-extract', direction: 'higher' }] }))
    expect(asked).toMatch(new RegExp(`^${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: field "f1" is a \\[gold, pred\\] pair of labels, .*--task multiclass`))
  })

  it('masakhaner: doc_hash is the stable key (equal across n-shot), and the filter name joins the metric (f1.flexible-extract)', async () => {
    const c = path.join(NER, 'samples_masakhaner_luo_prompt_2_2026-01-16T16-37-38.713565.jsonl')
    const t = await tableOf({ name: c, path: c }, 'lm-eval')
    expect(t.metrics.map((m) => m.name)).toEqual(['f1.flexible-extract'])
    expect(t.altIds.get('doc_hash')?.length).toBe(185)
    expect(t.prompts?.[0]).toMatch(/^[0-9a-f]{64}$/)
  })

  it('wmdp_bio (~0.4.2): one pretty-printed JSON array in a .jsonl file; mean = results.json "exact_match,none"', async () => {
    const file = real('lm-eval-harness/harness-pr1668-wmdp-gpt35-json-array/out/model__gpt-3.5-turbo-0125_wmdp_bio.jsonl')
    expect(await recogniseTool({ name: file, path: file })).toBe('lm-eval')
    const report = await compareFiles(file, null)
    const own = JSON.parse(readFileSync(file, 'utf8')) as { exact_match: number }[]
    expect(report.counts.candidate).toBe(100)
    expect(report.metrics.exact_match.candidate).toBe(mean(own.map((r) => r.exact_match)))
    const agg = results(real('lm-eval-harness/harness-pr1668-wmdp-gpt35-json-array/out/results.json')).wmdp_bio['exact_match,none'] as number
    expect(Math.abs((report.metrics.exact_match.candidate as number) - agg)).toBeLessThan(1e-9)
  })

  it('polymer: "mae": Infinity on 17 of 24 rows reads as missing (error rows, said so); mae is lower-is-better as its results file says; the output folder named tgpred.json is read', async () => {
    const folder = real('lm-eval-harness/harness-pr3144-polymer-gpt4o-mini/results/tgpred.json')
    const report = await compareFiles(folder, null, { errors: 'exclude' })
    expect(report.metrics.mae.direction).toBe('lower')
    expect(report.counts.errors).toEqual({ candidate: 17, baseline: null })
    expect(report.warnings.join('\n')).toMatch(/"mae" is ±Infinity on 17 of 24 rows of .*samples_polymer_tg_prediction_.*: read as missing, so those rows are error rows/)
    const own = jsonLines(path.join(folder, 'gpt-4o-mini/samples_polymer_tg_prediction_2025-06-30T19-40-09.461247.jsonl'))
      .map((r) => r.mae as number)
      .filter(Number.isFinite)
    expect(report.metrics.mae.candidate).toBeCloseTo(mean(own), 12)
  })

  it('calamita MT (late 2024: hashes, no filter/metrics keys): every numeric top-level field is a metric', async () => {
    const file = real('lm-eval-harness/harness-pr2792-calamita-mt/test_results/microsoft__Phi-3.5-mini-instruct/samples_en_it_public_2024-10-11T13-58-59.572420.jsonl')
    const t = await tableOf({ name: file, path: file }, 'lm-eval')
    expect(t.metrics.map((m) => m.name)).toEqual(['bleu_score', 'chrf_score', 'bleurt_score', 'comet_score'])
    await expectSameValues(file, 'comet_score')
  })

  it('recognises every real samples file without --format', async () => {
    for (const file of [
      path.join(NEG, 'samples_negotiationtom_belief_2026-07-08T16-04-34.219874.jsonl'),
      path.join(TQA, 'samples_truthfulqa_gen_2025-05-31T14-30-51.983293.jsonl'),
      path.join(NER, 'samples_masakhaner_luo_prompt_2_2026-01-16T16-59-59.899345.jsonl'),
      real('lm-eval-harness/eee-tests-lm_eval/tests/data/lm_eval/samples_math_perturbed_full_2026-01-21T03-44-18.458309.jsonl'),
      path.join(WINO, '_winogrande.jsonl')
    ]) {
      expect(await recogniseTool({ name: file, path: file }), file).toBe('lm-eval')
    }
    expect(await recogniseTool({ name: NEG, path: NEG })).toBe('lm-eval')
  })

  it('an output folder with several tasks: one line listing the tasks and how to pick one (its file)', async () => {
    const message = await failure(compareFiles(NEG, null))
    expect(message).not.toContain('\n')
    expect(message).toMatch(/is a folder with 6 samples files \(3 tasks\); compare one at a time: give its file as the path/)
    for (const task of ['negotiationtom_belief', 'negotiationtom_desire', 'negotiationtom_intention']) expect(message).toContain(task)
  })

  it('an output folder with one samples file (and its results files) is read as that file', async () => {
    const report = await compareFiles(path.join(ASDIV, 'asdiv/meta-llama__Meta-Llama-3-8B-Instruct'), path.join(ASDIV, 'asdiv_cot/meta-llama__Meta-Llama-3-8B-Instruct'))
    expect(report.counts.paired).toBe(50)
    expect(report.metrics.acc.candidate).toBe(0.92)
  })
})

describe('lm-eval: fixtures', () => {
  let temp: ReturnType<typeof tempFolder>
  afterEach(() => temp?.done())
  const row = (id: number, extra: Record<string, unknown>): string =>
    JSON.stringify({ doc_id: id, doc: { q: `question ${id}` }, target: 'x', arguments: { gen_args_0: { arg_0: 'a long prompt '.repeat(20) } }, resps: [['r']], filtered_resps: ['r'], ...extra })

  it('several filters: one example per doc_id, metrics named METRIC.FILTER', async () => {
    temp = tempFolder()
    const lines = [0, 1, 2].flatMap((id) => [
      row(id, { filter: 'strict-match', metrics: ['exact_match'], exact_match: id === 0 ? 1 : 0 }),
      row(id, { filter: 'flexible-extract', metrics: ['exact_match'], exact_match: 1 })
    ])
    const file = temp.write('samples_gsm8k_2025-01-01T00-00-00.000000.jsonl', lines.join('\n') + '\n')
    const report = await compareFiles(file, null)
    expect(report.counts.candidate).toBe(3)
    expect(report.metrics['exact_match.strict-match'].candidate).toBeCloseTo(1 / 3, 15)
    expect(report.metrics['exact_match.flexible-extract'].candidate).toBe(1)
  })

  it('doc_hash / target_hash differing on paired rows are label conflicts, counted and named; prompt_hash differing is a warning with a count', async () => {
    temp = tempFolder()
    const mk = (hashes: (id: number) => Record<string, string>, acc: (id: number) => number): string =>
      Array.from({ length: 6 }, (_, id) => row(id, { filter: 'none', metrics: ['acc'], ...hashes(id), acc: acc(id) })).join('\n')
    const c = temp.write('c.jsonl', mk((id) => ({ doc_hash: `d${id}`, prompt_hash: `p${id}`, target_hash: `t${id}` }), (id) => id % 2))
    const b = temp.write('b.jsonl', mk((id) => ({ doc_hash: id === 4 ? 'other' : `d${id}`, prompt_hash: id < 3 ? `p${id}` : 'five-shot', target_hash: id === 5 ? 'changed' : `t${id}` }), () => 1))
    const report = await compareFiles(c, b)
    expect(report.counts).toMatchObject({ paired: 4, labelConflicts: 2 })
    const text = report.warnings.join('\n')
    expect(text).toMatch(/2 examples have a different true label in the two files \(ids "4", "5"\)/)
    expect(text).toMatch(/doc_hash or target_hash differs/)
    expect(text).toMatch(/the prompts differ on 1 of 4 paired examples \(lm-eval prompt_hash\): e\.g\. 0-shot vs 5-shot/)
  })

  it('--id-field doc_hash pairs by doc_hash (doc_id is a position)', async () => {
    temp = tempFolder()
    const c = temp.write('c.jsonl', [0, 1, 2].map((id) => row(id, { doc_hash: `h${id}`, acc: 1 })).join('\n'))
    const b = temp.write('b.jsonl', [0, 1, 2].map((id) => row(id, { doc_hash: `h${2 - id}`, acc: id === 0 ? 0 : 1 })).join('\n'))
    const report = await compareFiles(c, b, { fields: { id: 'doc_hash', label: 'label', prediction: 'prediction', score: 'score' } })
    expect(report.counts.paired).toBe(3)
    expect(report.metrics.acc.baseline).toBeCloseTo(2 / 3, 15)
    const message = await failure(compareFiles(c, b, { fields: { id: 'uuid', label: 'label', prediction: 'prediction', score: 'score' } }))
    expect(message).toBe('id-field "uuid": a lm-eval file pairs examples by "doc_id" or "doc_hash"')
  })

  it('NaN is a missing value (an error row); Infinity is a number word too; a string metric value names file, line and field unless score-metrics leaves it out', async () => {
    temp = tempFolder()
    const lines = [row(0, { acc: 1, judge: 0.5 }), row(1, { acc: 0, judge: 0.25 }).replace('"judge":0.25', '"judge":NaN'), row(2, { acc: 1, judge: 1 })]
    const file = temp.write('c.jsonl', lines.join('\n'))
    const report = await compareFiles(file, null, { errors: 'exclude' })
    expect(report.counts.errors).toEqual({ candidate: 1, baseline: null })
    expect(report.metrics.judge.candidate).toBe(0.75)
    const bad = temp.write('bad.jsonl', [row(0, { metrics: ['acc', 'judge'], acc: 1, judge: 1 }), row(1, { metrics: ['acc', 'judge'], acc: 1, judge: 'N/A' })].join('\n'))
    const message = await failure(compareFiles(bad, null))
    expect(message).toBe(`${bad}:2: field "judge" is not a number: the string "N/A"`)
    const left = await compareFiles(bad, null, { scoreMetrics: [{ name: 'acc', direction: 'higher' }] })
    expect(Object.keys(left.metrics)).toEqual(['acc'])
  })

  it('bad input: malformed JSON, a repeated doc_id and filter, a missing doc_id, an empty file: one line each naming the place', async () => {
    temp = tempFolder()
    const broken = temp.write('a.jsonl', row(0, { acc: 1 }) + '\n{"doc_id": 1, "doc": {"q": "x"}, "acc": tru}\n')
    expect(await failure(compareFiles(broken, null, { format: 'lm-eval' }))).toMatch(/a\.jsonl:2: is not valid JSON \(/)
    const twice = temp.write('b.jsonl', [row(0, { acc: 1 }), row(1, { acc: 1 }), row(0, { acc: 0 })].join('\n'))
    expect(await failure(compareFiles(twice, null))).toMatch(/b\.jsonl:3: field "doc_id" repeats doc_id "0" with filter "none" of line 1/)
    const noId = temp.write('c.jsonl', [row(0, { acc: 1 }), JSON.stringify({ doc: {}, acc: 1 })].join('\n'))
    expect(await failure(compareFiles(noId, null, { format: 'lm-eval' }))).toMatch(/c\.jsonl:2: field "doc_id" is missing/)
    const empty = temp.write('d.jsonl', '\n\n')
    expect(await failure(compareFiles(empty, null, { format: 'lm-eval' }))).toMatch(/d\.jsonl: is empty: no lm-eval samples/)
  })

  it('plumbing: --format lm-eval on the CLI, and as the action input; a task other than scores is refused', async () => {
    const cli = parseCli(['compare', '--candidate', 'samples.jsonl', '--format', 'lm-eval'])
    expect(cli.kind === 'compare' && cli.options.format).toBe('lm-eval')
    const saved = process.env
    try {
      process.env = { ...saved, INPUT_PREDICTIONS: 'out/samples_gsm8k.jsonl', INPUT_FORMAT: 'lm-eval' }
      expect(readConfig().format).toBe('lm-eval')
      process.env.INPUT_FORMAT = 'lm_eval'
      expect(() => readConfig()).toThrow(/format/)
    } finally {
      process.env = saved
    }
    temp = tempFolder()
    const file = temp.write('c.jsonl', row(0, { acc: 1 }))
    await expect(compareFiles(file, null, { format: 'lm-eval', task: 'regression' })).rejects.toThrow(ConfigError)
    // Recognised (not named), a task other than scores reads the file as plain rows: then label is missing.
    expect(await failure(compareFiles(file, null, { task: 'regression' }))).toMatch(/field "label"/)
  })
})
