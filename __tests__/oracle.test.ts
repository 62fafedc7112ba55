/**
 * Every reference case of the oracle (scikit-learn 1.2.1, scipy 1.10.1, statsmodels 0.13.5; see
 * fixtures/oracle/README.md) run through compare(): task, labels, paired count, both confusion matrices, every
 * metric, McNemar, Wilson, and the bootstrap interval and permutation p-value of the F1 delta.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type Report } from '../src/report/schema.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/oracle')
const cases = readdirSync(dir).filter((d) => d.startsWith('case-'))

interface Expected {
  task: string
  labels: string[]
  positiveLabel?: string
  counts: { candidate: number; baseline: number; paired: number }
  metrics: Record<string, { candidate: number; baseline: number; delta: number }>
  confusionMatrix: { labels: string[]; candidate: number[][]; baseline: number[][] }
  mcnemar: { table: number[][]; pValue: number; pValueDropOneSided: number }
  mcnemarRecall?: { table: number[][]; pValue: number }
  wilson: Record<string, [number, number] | null>
  bootstrapF1DeltaCI95?: [number, number]
  permutationF1PValue?: number
}

async function run(name: string): Promise<{ report: Report; expected: Expected }> {
  const files = readdirSync(path.join(dir, name))
  const source = (model: string) => {
    const file = files.find((f) => f.startsWith(model)) as string
    return { name: file, path: path.join(dir, name, file) }
  }
  const expected = JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as Expected
  const report = await compare({
    candidate: source('candidate'),
    baseline: source('baseline'),
    fields: DEFAULT_FIELDS,
    positiveLabel: expected.positiveLabel ?? undefined,
    alpha: 0.05,
    resamples: 10000,
    seed: 0,
    missingBaseline: 'skip'
  })
  return { report, expected }
}

const close = (actual: number | null | undefined, expected: number, tol: number, what: string): void => {
  expect(actual, what).not.toBeNull()
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol)
}

describe.each(cases)('oracle %s', (name) => {
  it('matches scikit-learn, scipy and statsmodels', async () => {
    const { report, expected } = await run(name)
    expect(report.task).toBe(expected.task)
    expect(report.labels).toEqual(expected.labels)
    expect(report.positiveLabel).toBe(expected.positiveLabel ?? null)
    expect(report.counts.candidate).toBe(expected.counts.candidate)
    expect(report.counts.baseline).toBe(expected.counts.baseline)
    expect(report.counts.paired).toBe(expected.counts.paired)
    expect(report.confusionMatrix!.labels).toEqual(expected.confusionMatrix.labels)
    expect(report.confusionMatrix!.candidate).toEqual(expected.confusionMatrix.candidate)
    expect(report.confusionMatrix!.baseline).toEqual(expected.confusionMatrix.baseline)

    for (const [metric, want] of Object.entries(expected.metrics)) {
      const got = report.metrics[metric]
      expect(got, metric).toBeDefined()
      const tol = metric === 'log_loss' ? 1e-6 : 1e-9
      close(got.candidate, want.candidate, tol, `${metric}.candidate`)
      close(got.baseline, want.baseline, tol, `${metric}.baseline`)
      close(got.delta, want.delta, tol, `${metric}.delta`)
    }

    const accuracy = report.metrics.accuracy
    expect(accuracy.test).toBe('mcnemar-exact')
    close(accuracy.pValue, expected.mcnemar.pValue, 1e-9, 'mcnemar pValue')
    close(accuracy.pValueWorse, expected.mcnemar.pValueDropOneSided, 1e-9, 'mcnemar one-sided')
    if (expected.mcnemarRecall) {
      expect(report.metrics.recall.test).toBe('mcnemar-exact')
      close(report.metrics.recall.pValue, expected.mcnemarRecall.pValue, 1e-9, 'mcnemar recall pValue')
    }
    for (const [metric, interval] of Object.entries(expected.wilson)) {
      const got = report.metrics[metric].candidateCi
      if (interval === null) {
        expect(got, `wilson ${metric}`).toBeNull()
        continue
      }
      close(got?.[0], interval[0], 1e-9, `wilson ${metric} low`)
      close(got?.[1], interval[1], 1e-9, `wilson ${metric} high`)
    }
    if (expected.bootstrapF1DeltaCI95) {
      // scipy.stats.bootstrap(paired=True, method="percentile"), 20,000 resamples: random, so within 10% of the width.
      const [lo, hi] = expected.bootstrapF1DeltaCI95
      const width = hi - lo
      const ci = report.metrics.f1.ci as [number, number]
      close(ci[0], lo, 0.1 * width, 'bootstrap F1 delta low')
      close(ci[1], hi, 0.1 * width, 'bootstrap F1 delta high')
    }
    if (expected.permutationF1PValue !== undefined) {
      expect(report.metrics.f1.test).toBe('permutation')
      close(report.metrics.f1.pValue, expected.permutationF1PValue, 0.025, 'permutation F1 p')
    }
  })
})
