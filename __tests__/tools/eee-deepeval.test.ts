/**
 * Every Eval Ever instance files and DeepEval test runs (docs/tools.md): the real pairable sets of
 * /work/shared/formats/real (read in place) give each instance's / test case's own values and the files' own
 * aggregates; fixtures cover the error paths.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { recogniseTool, tableOf } from '../../src/read/tools/toolFormats.js'
import { snakeCase } from '../../src/read/tools/deepeval.js'
import { compareFiles, failure, haveReal, jsonLines, mean, real, tempFolder } from './support.js'

const EEE = real('every_eval_ever/eee-pr30-inspect-converted')
const SONNET = `${EEE}/instance_level_data/ai2_arc_anthropic_claude-sonnet-4-0_3386284e-669c-440a-a7f0-90993d81873d.Format.jsonl`
const QWEN = `${EEE}/instance_level_data/ai2_arc_ollama_qwen2.5:0.5b_2e4e64ca-5622-42d3-9ef1-0f4e4475cdf7.Format.jsonl`
const DE = real('deepeval/deepeval-repo')

describe.skipIf(!haveReal)('EEE and DeepEval: the real pairable sets (skipped: /work/shared/formats/real is absent)', () => {
  it('EEE ai2_arc claude-sonnet-4-0 (5) vs qwen2.5-0.5b (3): per-instance score and is_correct; each file alone = its aggregate file', async () => {
    for (const f of [SONNET, QWEN]) expect(await recogniseTool({ name: f, path: f })).toBe('eee')
    const report = await compareFiles(SONNET, QWEN)
    expect(report.counts).toMatchObject({ candidate: 5, baseline: 3, paired: 3, candidateOnly: 2 })
    const own = (f: string): { score: number; is_correct: number }[] => jsonLines(f).map((r) => r.evaluation as { score: number; is_correct: number })
    expect(report.metrics.score.baseline).toBe(mean(own(QWEN).map((e) => e.score)))
    expect(report.metrics.is_correct.baseline).toBe(mean(own(QWEN).map((e) => (e.is_correct ? 1 : 0))))
    const t = await tableOf({ name: QWEN, path: QWEN }, 'eee')
    expect(t.metrics.find((m) => m.name === 'is_correct')?.booleans).toBe(true)
    expect([...t.altIds.keys()]).toEqual(['sample_hash'])
    // The aggregate files of the same runs (every_eval_ever data/…): evaluation_results[].score_details.score.
    for (const [f, agg] of [
      [SONNET, `${EEE}/data/ai2_arc/anthropic/claude-sonnet-4-0/0479dd23-e008-47f5-a790-15e7cbb08fc7.json`],
      [QWEN, `${EEE}/data/ai2_arc/ollama/qwen2.5-0.5b/75e7b3c4-5d2f-4526-aef0-9ccd88690f5a.json`]
    ]) {
      const doc = JSON.parse(readFileSync(agg, 'utf8')) as { evaluation_results: { score_details: { score: number } }[] }
      const alone = await compareFiles(f, null)
      expect(Math.abs((alone.metrics.score.candidate as number) - doc.evaluation_results[0].score_details.score)).toBeLessThan(1e-9)
    }
    const byHash = await compareFiles(SONNET, QWEN, { fields: { id: 'sample_hash', label: 'label', prediction: 'prediction', score: 'score' } })
    expect(byHash.counts.paired).toBe(3)
    const asked = await compareFiles(SONNET, QWEN, { scoreMetrics: [{ name: 'evaluation.is_correct', direction: 'higher' }] })
    expect(Object.keys(asked.metrics)).toEqual(['evaluation.is_correct'])
  })

  it('EEE pubmed_qa: string sample ids', async () => {
    const f = `${EEE}/instance_level_data/pubmed_qa_openai_azure_gpt-4o-mini-2024-07-18_6956fc23-6adf-4539-90ea-caf6b5fec1d5.Format.jsonl`
    const t = await tableOf({ name: f, path: f }, 'eee')
    expect(t.ids).toEqual(['12377809', '26163474'])
  })

  it('DeepEval crewai async vs sync: answer_relevancy per test case; means = metricsScores', async () => {
    const a = `${DE}/tests/test_integrations/test_crewai/test_run/test_async_eval.json`
    const s = `${DE}/tests/test_integrations/test_crewai/test_run/test_sync_eval.json`
    expect(await recogniseTool({ name: a, path: a })).toBe('deepeval')
    const report = await compareFiles(a, s)
    expect(report.counts.paired).toBe(2)
    const scores = (f: string): number[] => (JSON.parse(readFileSync(f, 'utf8')) as { metricsScores: { scores: number[] }[] }).metricsScores[0].scores
    expect(report.metrics.answer_relevancy.candidate).toBe(mean(scores(a)))
    expect(report.metrics.answer_relevancy.baseline).toBe(mean(scores(s)))
  })

  it('DeepEval openai completion sync vs async: empty metricsData (scores on traces): one line saying so', async () => {
    const a = `${DE}/tests/test_integrations/test_openai/test_run/test_completion_sync_eval.json`
    const b = `${DE}/tests/test_integrations/test_openai/test_run/test_completion_async_eval.json`
    const message = await failure(compareFiles(a, b))
    expect(message).not.toContain('\n')
    expect(message).toMatch(/has no per-example metric to compare; its metrics: none; the baseline's: none \(.*DeepEval put the scores on traces \(traceMetricsScores\)/)
  })

  it('DeepEval 2024 schema (metricsMetadata): hallucination, latency and cost are lower-is-better; coherence higher', async () => {
    const f = `${DE}/temp_test_run_data.json`
    const t = await tableOf({ name: f, path: f }, 'deepeval')
    const dir = Object.fromEntries(t.metrics.map((m) => [m.name, m.direction]))
    expect(dir).toEqual({ latency: 'lower', coherence: 'higher', hallucination: 'lower', cost: 'lower' })
    expect(t.metrics.find((m) => m.name === 'coherence')?.present).toBe(4)
  })
})

describe('EEE and DeepEval: fixtures', () => {
  let temp: ReturnType<typeof tempFolder>
  afterEach(() => temp?.done())

  it('snake case of DeepEval metric names', () => {
    expect(snakeCase('Answer Relevancy')).toBe('answer_relevancy')
    expect(snakeCase('G-Eval (Correctness)')).toBe('g_eval_correctness')
    expect(snakeCase('ContextualPrecision')).toBe('contextual_precision')
  })

  it('EEE: an error row, NaN, a bad value naming file, line and field', async () => {
    temp = tempFolder()
    const line = (id: number, evaluation: string, error = 'null'): string => `{"schema_version": "0.2.0", "evaluation_id": "e", "sample_id": ${id}, "evaluation": ${evaluation}, "error": ${error}}`
    const f = temp.write('i.jsonl', [line(1, '{"score": 1.0, "is_correct": true}'), line(2, '{"score": NaN, "is_correct": false}'), line(3, '{"score": 0.0, "is_correct": false}', '"timeout"')].join('\n'))
    const report = await compareFiles(f, null, { errors: 'exclude' })
    expect(report.counts.errors).toEqual({ candidate: 2, baseline: null })
    expect(report.metrics.score.candidate).toBe(1)
    const bad = temp.write('b.jsonl', [line(1, '{"score": 1.0, "is_correct": true}'), line(2, '{"score": "high", "is_correct": true}')].join('\n'))
    expect(await failure(compareFiles(bad, null))).toBe(`${bad}:2: field "evaluation.score" is not a number: the string "high"`)
  })

  it('DeepEval: a metric that errored makes its case an error row; a case without a name is named', async () => {
    temp = tempFolder()
    const tc = (name: string, score: number | null, error: string | null = null): Record<string, unknown> => ({ name, metricsData: [{ name: 'Faithfulness', score, threshold: 0.5, success: score !== null && score >= 0.5, error }] })
    const f = temp.write('run.json', JSON.stringify({ testCases: [tc('a', 0.9), tc('b', null, 'timeout'), tc('c', 0.5)] }))
    const report = await compareFiles(f, null, { errors: 'exclude' })
    expect(report.counts.errors).toEqual({ candidate: 1, baseline: null })
    expect(report.metrics.faithfulness.candidate).toBe(0.7)
    const noName = temp.write('n.json', JSON.stringify({ testCases: [tc('a', 1), { metricsData: [] }] }))
    expect(await failure(compareFiles(noName, null))).toBe(`${noName}: testCases[1]: field "name" is missing: a test case is paired by its name`)
  })
})
