/**
 * Tasks scores, regression and generation end to end through compare(): the reader, the pairing (the baseline's
 * rows are in another order), the task module and the statistics, against every cases-v2 value that is exact
 * (scipy, scikit-learn, statsmodels, sacrebleu 2.6.0; each case's expected.json under __tests__/fixtures/oracle-v2).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { parseScoreMetrics } from '../src/tasks/scoreMetrics.js'
import { type TaskName } from '../src/report/schema.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/oracle-v2')
const cases = readdirSync(root).filter((c) => /^(scores|regression|generation)-/.test(c))

function optionsOf(dir: string): CompareOptions {
  const args = JSON.parse(readFileSync(path.join(dir, 'args.json'), 'utf8')) as string[]
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const metrics = arg('--score-metrics')
  return {
    candidate: { name: 'candidate.jsonl', path: path.join(dir, 'candidate.jsonl') },
    baseline: { name: 'baseline.jsonl', path: path.join(dir, 'baseline.jsonl') },
    fields: DEFAULT_FIELDS,
    task: arg('--task') as TaskName,
    ...(metrics ? { scoreMetrics: parseScoreMetrics(metrics, '--score-metrics') } : {}),
    alpha: 0.05,
    resamples: 2000,
    seed: 1,
    missingBaseline: 'skip'
  }
}

describe.each(cases)('%s', (name) => {
  const dir = path.join(root, name)
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
    task: string
    counts: { paired: number }
    metrics: Record<string, { candidate: number; baseline: number; delta: number; pValue?: number; test?: string; candidateCi?: [number, number] }>
  }
  it('matches the reference values', async () => {
    const report = await compare(optionsOf(dir))
    expect(report.task).toBe(expected.task)
    expect(report.counts.paired).toBe(expected.counts.paired)
    for (const [metric, want] of Object.entries(expected.metrics)) {
      const got = report.metrics[metric]
      expect(got, metric).toBeDefined()
      expect(got.candidate, `${metric} candidate`).toBeCloseTo(want.candidate, 9)
      expect(got.baseline, `${metric} baseline`).toBeCloseTo(want.baseline, 9)
      expect(got.delta, `${metric} delta`).toBeCloseTo(want.delta, 9)
      if (want.pValue !== undefined) expect(Math.abs((got.pValue as number) - want.pValue), `${metric} p`).toBeLessThan(1e-9)
      if (want.test !== undefined) expect(got.test, `${metric} test`).toBe(want.test)
      if (want.candidateCi !== undefined) {
        expect(got.candidateCi?.[0], `${metric} candidateCi`).toBeCloseTo(want.candidateCi[0], 9)
        expect(got.candidateCi?.[1], `${metric} candidateCi`).toBeCloseTo(want.candidateCi[1], 9)
      }
    }
    expect(report.confusionMatrix).toBeNull()
    expect(report.gates.length).toBeGreaterThan(0)
  })
})
