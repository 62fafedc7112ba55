/**
 * Hostile tool files (docs/tools.md, "Limits"): each ends in one line (no raw newline, input quoted) within the
 * memory cap, lowered through the test-only knobs (EVAL_GATE_MAX_LINE_BYTES, EVAL_GATE_MAX_UNPACKED_BYTES) rather
 * than by writing gigabytes. The .eval archive attacks are in __tests__/tools/inspect.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { tableOf } from '../../src/read/tools/toolFormats.js'
import { parseJson, NAN } from '../../src/read/tools/pythonJson.js'
import { compareFiles, failure, tempFolder } from './support.js'

describe('hostile tool files', () => {
  let temp: ReturnType<typeof tempFolder>
  afterEach(() => {
    temp?.done()
    delete process.env.EVAL_GATE_MAX_LINE_BYTES
    delete process.env.EVAL_GATE_MAX_UNPACKED_BYTES
  })

  it('NaN, Infinity and -Infinity are read outside strings only', () => {
    expect(parseJson('{"a": NaN, "b": Infinity, "c": -Infinity, "d": "NaN Infinity", "e": [NaN]}')).toEqual({ a: NAN, b: Infinity, c: -Infinity, d: 'NaN Infinity', e: [NAN] })
    expect(() => parseJson('{"a": NaNa}')).toThrow(SyntaxError)
    expect(() => parseJson('{"a": nan}')).toThrow(SyntaxError)
  })

  it('an lm-eval line over the row limit: one line naming the line, the line never held whole', async () => {
    temp = tempFolder()
    process.env.EVAL_GATE_MAX_LINE_BYTES = '10000'
    const ok = JSON.stringify({ doc_id: 0, doc: {}, acc: 1 })
    const big = JSON.stringify({ doc_id: 1, doc: { text: 'x'.repeat(50_000) }, acc: 1 })
    const f = temp.write('samples_t_2025-01-01T00-00-00.jsonl', `${ok}\n${big}\n`)
    const message = await failure(compareFiles(f, null))
    expect(message).toBe(`${f}:2: is longer than 10,000 bytes: refused (a line that long is not an example)`)
  })

  it('a promptfoo / DeepEval / Inspect .json document over the cap: refused by size before parsing', async () => {
    temp = tempFolder()
    process.env.EVAL_GATE_MAX_UNPACKED_BYTES = '5000'
    const rows = Array.from({ length: 100 }, (_, k) => ({ testIdx: k, promptIdx: 0, testCase: { description: `t${k}` }, success: true, score: 1, latencyMs: 1, cost: 0 }))
    const f = temp.write('r.json', JSON.stringify({ evalId: 'e', results: { version: 3, prompts: [], results: rows }, config: {} }))
    expect(await failure(compareFiles(f, null, { format: 'promptfoo' }))).toBe(`${f}: is larger than 5,000 bytes (read whole as one JSON document): refused`)
    const d = temp.write('d.json', JSON.stringify({ testCases: rows.map((_, k) => ({ name: `c${k}`, metricsData: [{ name: 'X', score: 1 }] })) }))
    expect(await failure(compareFiles(d, null, { format: 'deepeval' }))).toMatch(/is larger than 5,000 bytes/)
  })

  it('metric names that would break a log line or a gate rule are made inert: `@`, newlines, `::error::`', async () => {
    temp = tempFolder()
    const lines = [0, 1].map((id) => JSON.stringify({ doc_id: id, doc: {}, filter: 'maj@8', metrics: ['acc\n::error::pwned'], 'acc\n::error::pwned': 1 }))
    const f = temp.write('s.jsonl', lines.join('\n'))
    const t = await tableOf({ name: f, path: f }, 'lm-eval')
    expect(t.metrics.map((m) => m.name)).toEqual(['acc_error_pwned.maj_8'])
    const report = await compareFiles(f, null)
    expect(Object.keys(report.metrics)).toEqual(['acc_error_pwned.maj_8'])
    const rows = [{ testIdx: 0, promptIdx: 0, testCase: { description: 'a' }, success: true, score: 1, namedScores: { '<img src=x>\n::warning::': 1 }, latencyMs: 1, cost: 0 }]
    const p = temp.write('p.json', JSON.stringify({ evalId: 'e', results: { version: 3, prompts: [], results: rows } }))
    const pt = await tableOf({ name: p, path: p }, 'promptfoo')
    expect(pt.metrics.map((m) => m.name)).toContain('_img_src_x_warning_')
  })

  it('a bad value quoted in a message cannot start a log line of its own', async () => {
    temp = tempFolder()
    const lines = [0, 1].map((id) => JSON.stringify({ doc_id: id, doc: {}, metrics: ['acc'], acc: id === 1 ? 'x\n::error::owned' + 'y'.repeat(500) : 1 }))
    const f = temp.write('s.jsonl', lines.join('\n'))
    const message = await failure(compareFiles(f, null))
    expect(message).not.toContain('\n')
    expect(message.length).toBeLessThan(400)
    expect(message).toMatch(/field "acc" is not a number: the string "x\\n::error::owned/)
  })

  it('a tool file that is not what it says: one line each', async () => {
    temp = tempFolder()
    const notObject = temp.write('a.json', '[1, 2, 3]')
    expect(await failure(compareFiles(notObject, null, { format: 'promptfoo' }))).toMatch(/a\.json: field "results" must be an object: this is not a promptfoo results file/)
    expect(await failure(compareFiles(notObject, null, { format: 'deepeval' }))).toMatch(/a\.json: must be a JSON object \(a DeepEval test run\)/)
    expect(await failure(compareFiles(notObject, null, { format: 'inspect' }))).toMatch(/a\.json: is not an Inspect log: no "eval" object/)
    const truncated = temp.write('b.json', '{"version": 2, "status": "success", "eval": {"task": "t"}, "samples": [{"id": 1, ')
    expect(await failure(compareFiles(truncated, null))).toMatch(/b\.json: is not valid JSON \(/)
    const nul = temp.write('c.jsonl', '{"doc_id": 0, "doc": {}, "acc": 1}\n\u0000\u0001garbage\n')
    expect(await failure(compareFiles(nul, null, { format: 'lm-eval' }))).toMatch(/c\.jsonl:2: is not valid JSON/)
  })
})
