/**
 * The "too small to see a 1-point drop" warning with clusters (docs/repeats-and-clusters.md): the minimum
 * detectable effect of the clustered McNemar test, MDE = (z₀.₉₅ + z₀.₈) · √(Σ_g d_g²) / N, design effect
 * D = Σ_g d_g² / (b + c), effective n = N / D; checked against a hand computation.
 */
import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/compare.js'
import { type CompareOptions } from '../../src/tasks/options.js'
import type { PredictionSource } from '../../src/read/predictionFile.js'

const enc = new TextEncoder()
const rows = (name: string, list: object[]): PredictionSource => ({ name, data: enc.encode(list.map((r) => JSON.stringify(r)).join('\n') + '\n') })
// scipy.stats.norm.ppf(0.95) + norm.ppf(0.8)
const Z = 1.6448536269514722 + 0.8416212335729143

// 6 documents × 5 examples. d0: labels 1,1,1,0,0, the baseline right on all, the candidate wrong on all (d = −5);
// d1: labels 1,1,0,0,0, the baseline wrong on the first three, the candidate right on all (d = +3); d2–d5: labels
// 1,0,1,0,1, both right everywhere.
const labels = [[1, 1, 1, 0, 0], [1, 1, 0, 0, 0], ...Array.from({ length: 4 }, () => [1, 0, 1, 0, 1])]
const candidate: object[] = []
const baseline: object[] = []
labels.forEach((list, g) =>
  list.forEach((label, j) => {
    const id = `e${g}-${j}`
    candidate.push({ id, doc: `d${g}`, label, prediction: g === 0 ? 1 - label : label })
    baseline.push({ id, doc: `d${g}`, label, prediction: g === 1 && j < 3 ? 1 - label : label })
  })
)
const options: CompareOptions = {
  candidate: rows('c.jsonl', candidate),
  baseline: rows('b.jsonl', baseline),
  fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
  alpha: 0.05,
  resamples: 200,
  seed: 0,
  missingBaseline: 'skip',
  gates: 'accuracy no-regression'
}

describe('the power warning of the clustered test', () => {
  it('accuracy: N = 30, b + c = 8, Σd² = 25 + 9 = 34 → D = 4.25, effective n ≈ 7.06, MDE = Z·√34/30 ≈ 48.3 points', async () => {
    const r = await compare({ ...options, clusterField: 'doc' })
    const mde = (Z * Math.sqrt(34)) / 30
    expect(mde).toBeCloseTo(0.48328, 5)
    // The same as Connor's MDE with n → N / D: Z·√((8/30) / (30/4.25)).
    expect(Z * Math.sqrt(8 / 30 / (30 / 4.25))).toBeCloseTo(mde, 14)
    expect(r.warnings).toContain(
      'This test set is too small to see a 1-point drop in accuracy: with 30 examples in 6 clusters of doc and the models disagreeing on 26.7% of them, ' +
        'the clustered McNemar test weighs as 7 independent examples (design effect 4.25); the smallest drop it can detect with 80% power at α = 0.05 is 48.3 points.'
    )
    // recall, on the 3 + 2 + 4·3 = 17 positives: b + c = 3 + 2 = 5, Σd² = 9 + 4 = 13 → D = 2.6, effective n ≈ 6.54,
    // MDE = Z·√13/17 ≈ 52.7 points.
    expect((Z * Math.sqrt(13)) / 17).toBeCloseTo(0.52736, 5)
    expect(r.warnings).toContain(
      'This test set is too small to see a 1-point drop in recall: with 17 examples in 6 clusters of doc and the models disagreeing on 29.4% of them, ' +
        'the clustered McNemar test weighs as 7 independent examples (design effect 2.60); the smallest drop it can detect with 80% power at α = 0.05 is 52.7 points.'
    )
  })

  it('without clusters it is the plain test\'s: Z·√(8/30)/√30 ≈ 23.4 points', async () => {
    const r = await compare(options)
    expect(Z * Math.sqrt(8 / 30 / 30)).toBeCloseTo(0.23443, 5)
    expect(r.warnings.find((w) => w.includes('1-point drop in accuracy'))).toContain('is 23.4 points')
  })

  it('with repeats the ids are the clusters', async () => {
    // The documents as ids, their five rows as repeats: the same clusters, so the same numbers.
    const asRepeats = (list: object[]): PredictionSource =>
      rows('r.jsonl', list.map((row) => {
        const { id, doc, ...rest } = row as { id: string; doc: string }
        return { ...rest, id: doc, sample: id }
      }))
    const r = await compare({ ...options, candidate: asRepeats(candidate), baseline: asRepeats(baseline), repeatField: 'sample' })
    expect(r.warnings).toContain(
      'This test set is too small to see a 1-point drop in accuracy: with 30 examples in 6 ids (their repeats) and the models disagreeing on 26.7% of them, ' +
        'the clustered McNemar test weighs as 7 independent examples (design effect 4.25); the smallest drop it can detect with 80% power at α = 0.05 is 48.3 points.'
    )
  })
})
