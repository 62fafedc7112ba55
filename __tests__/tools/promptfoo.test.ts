/**
 * promptfoo results files (docs/tools.md, promptfoo): the real pairable sets of /work/shared/formats/real (read in
 * place) give each row's own fields and each column's own totals (`results.prompts[].metrics`); fixtures cover
 * repeats, ids by vars and errors.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { recogniseTool, tableOf } from '../../src/read/tools/toolFormats.js'
import { compareFiles, failure, haveReal, real, tempFolder } from './support.js'

const WB = ['19256d87ce', 'a9adcf0aba', '2eb71c1692'].map((c) => real(`promptfoo/prompt-eval-workbench/${c}/promptfoo-results.json`))
const DRIFT_OK = real('promptfoo/measure-ai-drift/cb2be90fda/promptfoo-results.json')
const DRIFT_ERR = real('promptfoo/measure-ai-drift/163074217f/promptfoo-results.json')
const TDS = real('promptfoo/TDS-Project-1/promptfoo_results.json')

interface Results {
  results: {
    prompts: { provider: string; metrics: { score: number; testPassCount: number; totalLatencyMs: number; cost: number; namedScores: Record<string, number> } }[]
    results: { testIdx: number; promptIdx: number; success: boolean; score: number; latencyMs: number; cost: number; testCase: { description: string } }[]
  }
}
const load = (f: string): Results => JSON.parse(readFileSync(f, 'utf8'))

/** The column's own totals (`results.prompts[c].metrics`) as means over its rows, and each row by description. */
function own(file: string, column = 0): { n: number; success: number; score: number; latencyMs: number; cost: number; rows: Map<string, Results['results']['results'][number]> } {
  const r = load(file).results
  const rows = r.results.filter((x) => x.promptIdx === column)
  const m = r.prompts[column].metrics
  return { n: rows.length, success: m.testPassCount / rows.length, score: m.score / rows.length, latencyMs: m.totalLatencyMs / rows.length, cost: m.cost / rows.length, rows: new Map(rows.map((x) => [x.testCase.description, x])) }
}

describe.skipIf(!haveReal)('promptfoo: the real pairable sets (skipped: /work/shared/formats/real is absent)', () => {
  it('prompt-eval-workbench, 3 runs of 3 tests (rows out of testIdx order): per-row values by description; means = the column totals', async () => {
    for (const file of WB) {
      expect(await recogniseTool({ name: file, path: file })).toBe('promptfoo')
      const t = await tableOf({ name: file, path: file }, 'promptfoo')
      expect(t.idField).toBe('description')
      const mine = own(file)
      t.ids.forEach((id, i) => {
        const row = mine.rows.get(id as string)
        expect(t.metrics.find((m) => m.name === 'success')?.values[i]).toBe(row?.success ? 1 : 0)
        expect(t.metrics.find((m) => m.name === 'latencyMs')?.values[i]).toBe(row?.latencyMs)
      })
    }
    const report = await compareFiles(WB[1], WB[0])
    expect(report.counts).toMatchObject({ candidate: 3, baseline: 3, paired: 3 })
    const [c, b] = [own(WB[1]), own(WB[0])]
    for (const name of ['success', 'score', 'latencyMs', 'cost'] as const) {
      expect(Math.abs((report.metrics[name].candidate as number) - c[name]), name).toBeLessThan(1e-9)
      expect(Math.abs((report.metrics[name].baseline as number) - b[name]), name).toBeLessThan(1e-9)
    }
    expect(report.metrics.latencyMs.direction).toBe('lower')
    expect(report.metrics.cost.direction).toBe('lower')
    expect(report.metrics.success.test).toBe('mcnemar-exact')
  })

  it('measure-ai-drift: 8 passing tests with 18 namedScores vs the same 8 errored (failureReason 2) in 2 prompt columns: the columns listed; #0 compared, its rows error rows', async () => {
    const message = await failure(compareFiles(DRIFT_OK, DRIFT_ERR))
    expect(message).not.toContain('\n')
    expect(message).toMatch(/holds 2 prompt × provider columns, one model each: given as the candidate file, it is compared one suite per column \(docs\/tools\.md, promptfoo\); here, name one column by appending its index to the path: .*promptfoo-results\.json#0 \(/)
    const report = await compareFiles(DRIFT_OK, `${DRIFT_ERR}#0`, { errors: 'exclude' })
    expect(report.counts).toMatchObject({ candidate: 8, baseline: 8, paired: 8, errors: { candidate: 0, baseline: 8 } })
    const named = Object.keys(load(DRIFT_OK).results.prompts[0].metrics.namedScores)
    expect(named.length).toBe(18)
    const alone = await compareFiles(DRIFT_OK, null)
    for (const key of named) expect(alone.metrics[key].candidate, key).toBe(load(DRIFT_OK).results.prompts[0].metrics.namedScores[key] / 8)
    expect(report.warnings.join('\n')).toContain('"NoTherapistValidation" is in ')
    const wrong = await compareFiles(DRIFT_OK, `${DRIFT_ERR}#1`)
    expect(wrong.counts.paired).toBe(8)
    expect(wrong.metrics.success.baseline).toBe(0)
  })

  it('TDS-Project-1: 5 tests × 2 providers in one file, interleaved: #0 vs #1 pair on the tests; each column = its totals', async () => {
    const report = await compareFiles(`${TDS}#1`, `${TDS}#0`)
    expect(report.counts).toMatchObject({ candidate: 5, baseline: 5, paired: 5 })
    const [c, b] = [own(TDS, 1), own(TDS, 0)]
    for (const name of ['success', 'score', 'latencyMs', 'cost'] as const) {
      expect(Math.abs((report.metrics[name].candidate as number) - c[name]), name).toBeLessThan(1e-9)
      expect(Math.abs((report.metrics[name].baseline as number) - b[name]), name).toBeLessThan(1e-9)
    }
    expect(await failure(compareFiles(`${TDS}#7`, null))).toMatch(/has no prompt × provider column 7 \(#7\): its columns are #0, #1/)
  })
})

describe('promptfoo: fixtures', () => {
  let temp: ReturnType<typeof tempFolder>
  afterEach(() => temp?.done())
  const file = (rows: Record<string, unknown>[], version = 3): string =>
    JSON.stringify({ evalId: 'e', results: { version, prompts: [{ provider: 'p', label: 'x' }], results: rows }, config: {} })
  const row = (testIdx: number, extra: Record<string, unknown>): Record<string, unknown> => ({
    testIdx,
    promptIdx: 0,
    testCase: { description: `t${testIdx}`, vars: { q: `q${testIdx}` } },
    vars: { q: `q${testIdx}` },
    success: true,
    score: 1,
    namedScores: { Accuracy: 1 },
    latencyMs: 100,
    cost: 0.001,
    failureReason: 0,
    ...extra
  })

  it('repeated tests (the same description and vars) are repeats; without distinct descriptions ids are hashes of vars', async () => {
    temp = tempFolder()
    const rows = [0, 1, 2, 3].map((k) => row(k, { testCase: { description: `t${k % 2}`, vars: { q: `q${k % 2}` } }, vars: { q: `q${k % 2}` }, success: k !== 3, score: k === 3 ? 0 : 1 }))
    const f = temp.write('r.json', file(rows))
    const t = await tableOf({ name: f, path: f }, 'promptfoo')
    expect(t.idField).toBe('vars')
    expect(t.repeatKey).toBe('repeat')
    const report = await compareFiles(f, null)
    expect(report.counts.repeats).toEqual({ candidate: 2, baseline: null })
    expect(report.metrics.success.candidate).toBe(0.75)
    expect(report.warnings.join('\n')).toMatch(/descriptions are not all distinct, so examples are paired by a hash of their vars/)
  })

  it('a failureReason 2 row is an error row; an assertion failure (1) is a measured failure; version 2 files are refused', async () => {
    temp = tempFolder()
    const f = temp.write('r.json', file([row(0, {}), row(1, { success: false, score: 0, failureReason: 1 }), row(2, { success: false, score: 0, failureReason: 2, error: 'Rate limit', namedScores: {} })]))
    const report = await compareFiles(f, null, { errors: 'exclude' })
    expect(report.counts.errors).toEqual({ candidate: 1, baseline: null })
    expect(report.metrics.success.candidate).toBe(0.5)
    const old = temp.write('old.json', file([row(0, {})], 2))
    expect(await failure(compareFiles(old, null, { format: 'promptfoo' }))).toMatch(/field "results\.version" is 2: Eval Gate reads promptfoo results version 3 or later/)
  })

  it('telemetry some rows lack (cost from a provider that reports none) is left out with a note, not made error rows', async () => {
    temp = tempFolder()
    const f = temp.write('r.json', file([row(0, {}), row(1, { cost: undefined, success: false, score: 0 })]))
    const report = await compareFiles(f, null)
    expect(Object.keys(report.metrics)).toEqual(['success', 'score', 'Accuracy', 'latencyMs'])
    expect(report.counts.errors?.candidate ?? 0).toBe(0)
    expect(report.warnings.join('\n')).toMatch(/"cost" is absent on 1 of 2 rows of .*r\.json: not compared/)
  })

  it('a namedScores value that is not a number names the row', async () => {
    temp = tempFolder()
    const f = temp.write('r.json', file([row(0, {}), row(1, { namedScores: { Accuracy: 'high' } })]))
    expect(await failure(compareFiles(f, null))).toBe(`${f}: results.results[1] (testIdx 1): field "namedScores.Accuracy" is not a number: the string "high"`)
  })
})
