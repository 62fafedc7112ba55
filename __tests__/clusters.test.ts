/**
 * SPEC §12 repeats and clusters: the clustered tests against independent computations, the cluster forms equal
 * to the plain ones when every cluster is one example, repeats, and the bad-input messages.
 *
 * Fixture: __tests__/fixtures/clusters/{candidate,baseline}.jsonl, 40 binary examples in 12 documents (`doc`,
 * sizes 1–6) with a 1–5 `judge` and a 0/1 `passed` field, made by a seeded numpy script (rng 7). The references
 * were computed with /usr/bin/python3 (numpy, scipy 1.10, statsmodels 0.13, scikit-learn 1.2) as quoted.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { mcnemarCluster } from '../src/stats/mcnemarCluster.js'
import { pairedTCluster } from '../src/stats/pairedTCluster.js'
import { countPatterns, densePatterns } from '../src/significance/clusters/patterns.js'
import { mcnemarChiSquare } from '../src/stats/mcnemar.js'
import { pairedT } from '../src/stats/pairedT.js'
import type { PredictionSource } from '../src/read/predictionFile.js'

const dir = new URL('./fixtures/clusters/', import.meta.url).pathname
const file = (name: string): PredictionSource => ({ name, path: dir + name })
const enc = new TextEncoder()
const rows = (name: string, list: object[]): PredictionSource => ({ name, data: enc.encode(list.map((r) => JSON.stringify(r)).join('\n') + '\n') })
const base: CompareOptions = {
  candidate: file('candidate.jsonl'),
  baseline: file('baseline.jsonl'),
  fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
  alpha: 0.05,
  resamples: 2000,
  seed: 0,
  missingBaseline: 'skip'
}
const judge = { ...base, task: 'scores' as const, scoreMetrics: [{ name: 'judge', direction: 'higher' as const }, { name: 'passed', direction: 'higher' as const }] }

describe('mcnemarCluster (Durkalski et al. 2003)', () => {
  it('is (Σd)²/Σd² with p from χ²₁', () => {
    // d = [2, 1, -1, 0, 3]: X² = 25/15; scipy: chi2.sf(25/15, 1) = 0.1967056024589432, norm.cdf(5/√15) = 0.9016471987705266
    const t = mcnemarCluster(Float64Array.of(2, 1, -1, 0, 3))
    expect(t.statistic).toBeCloseTo(25 / 15, 14)
    expect(t.pValue).toBeCloseTo(0.1967056024589432, 12)
    expect(t.pLess).toBeCloseTo(0.9016471987705266, 12)
    expect(t.pGreater).toBeCloseTo(1 - 0.9016471987705266, 12)
    expect(mcnemarCluster(Float64Array.of(0, 0))).toEqual({ statistic: 0, pValue: 1, pLess: 1, pGreater: 1 })
  })
  it('with clusters of one pair is McNemar χ² without continuity correction', () => {
    // statsmodels mcnemar([[0, 6], [11, 0]], exact=False, correction=False): statistic 1.4705882352941178, p 0.22525290636064965
    const d = Float64Array.from([...Array(11).fill(1), ...Array(6).fill(-1), ...Array(23).fill(0)])
    const t = mcnemarCluster(d)
    expect(t.statistic).toBeCloseTo(1.4705882352941178, 13)
    expect(t.pValue).toBeCloseTo(0.22525290636064965, 12)
    expect(t.pValue).toBeCloseTo(mcnemarChiSquare(11, 6, false).pValue, 14)
  })
})

describe('pairedTCluster (cluster-robust paired t, G − 1 df)', () => {
  it('gives statsmodels OLS cov_type="cluster" standard error and the t p-value on G − 1 df', () => {
    // OLS([1,2,3,4], ones).fit(cov_type='cluster', cov_kwds={'groups': [0,0,1,1]}): bse 1.0, t 2.5
    const t = pairedTCluster(Float64Array.of(1, 2, 3, 4), Uint32Array.of(0, 0, 1, 1), 2, 0.05)
    expect(t?.se).toBeCloseTo(1, 14)
    expect(t?.t).toBeCloseTo(2.5, 14)
    expect(t?.df).toBe(1)
    expect(pairedTCluster(Float64Array.of(1, 2), Uint32Array.of(0, 0), 1, 0.05)).toBeNull()
  })
  it('with clusters of one example is the paired t-test', () => {
    const d = Float64Array.of(0.5, -1, 2, 3, 0, 1.5, -0.25)
    const plain = pairedT(d, 0.05)
    const clustered = pairedTCluster(d, Uint32Array.from(d, (_, i) => i), d.length, 0.05)
    expect(clustered?.se).toBeCloseTo(plain?.se as number, 14)
    expect(clustered?.pValue).toBeCloseTo(plain?.pValue as number, 13)
    expect(clustered?.ci[0]).toBeCloseTo(plain?.ci[0] as number, 13)
  })
})

describe('cluster patterns', () => {
  it('groups clusters with the same cell counts', () => {
    // clusters: 0 → {3: 1, 5: 1}, 1 → {3: 1}, 2 → {5: 1, 3: 1} (the same as 0)
    const p = countPatterns(Uint32Array.of(0, 0, 1, 2, 2), Int32Array.of(3, 5, 3, 5, 3), 3, 8)
    expect(p.size).toBe(2)
    expect([...p.weight]).toEqual([2, 1])
    expect([...p.dim.subarray(p.start[0], p.start[1])]).toEqual([3, 5])
    expect(p.clusters).toBe(3)
    expect([...densePatterns(Float64Array.of(1, 2, 0, 1, 1, 2), 2).weight]).toEqual([2, 1])
  })
})

describe('compare with --cluster-field', () => {
  it('classification: accuracy and recall by the clustered McNemar, as computed in Python', async () => {
    const r = await compare({ ...base, clusterField: 'doc' })
    // d_g = Σ_{i∈g}(candidate right − baseline right) per document; X² = (Σd)²/Σd², scipy chi2.sf(X², 1):
    // accuracy X² 1.1904761904761905, p 0.27523352407483115, one-sided norm.cdf(Σd/√Σd²) 0.8623832379625829;
    // recall (true label 1 only) X² 0.4, p 0.5270892568655381
    expect(r.metrics.accuracy.candidate).toBeCloseTo(0.8, 14)
    expect(r.metrics.accuracy.baseline).toBeCloseTo(0.675, 14)
    expect(r.metrics.accuracy.test).toBe('mcnemar-cluster')
    expect(r.metrics.accuracy.pValue).toBeCloseTo(0.27523352407483115, 12)
    expect(r.metrics.accuracy.pValueWorse).toBeCloseTo(0.8623832379625829, 12)
    expect(r.metrics.recall.pValue).toBeCloseTo(0.5270892568655381, 12)
    expect(r.metrics.accuracy.ciMethod).toBe('cluster-bootstrap-percentile')
    expect(r.metrics.f1.test).toBe('permutation-cluster')
  })
  it('classification slices keep the clusters: a slice is tested on its documents, as computed in Python', async () => {
    // A slice field `part`: documents doc0–doc5 are "a", doc6–doc11 "b". Per slice, d_g over its documents:
    // a: 21 examples in 6 documents, Σd = 1, Σd² = 11 → scipy chi2.sf(1/11, 1) 0.763024600552995, one-sided
    // norm.cdf(1/√11) 0.6184876997235025; b: 19 examples, Σd = 4, Σd² = 10 → 0.20590321073206466, 0.8970483946339658.
    const withPart = (name: string): PredictionSource => {
      const lines = readFileSync(dir + name, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { doc: string })
      return rows(name, lines.map((r) => ({ ...r, part: Number(r.doc.slice(3)) < 6 ? 'a' : 'b' })))
    }
    const r = await compare({ ...base, candidate: withPart('candidate.jsonl'), baseline: withPart('baseline.jsonl'), clusterField: 'doc', sliceFields: ['part'], minSlice: 10 })
    const a = r.slices?.part.a
    const b = r.slices?.part.b
    expect(a?.counts.paired).toBe(21)
    expect(a?.metrics.accuracy.test).toBe('mcnemar-cluster')
    expect(a?.metrics.accuracy.pValue).toBeCloseTo(0.763024600552995, 12)
    expect(a?.metrics.accuracy.pValueWorse).toBeCloseTo(0.6184876997235025, 12)
    expect(b?.metrics.accuracy.pValue).toBeCloseTo(0.20590321073206466, 12)
    expect(b?.metrics.accuracy.pValueWorse).toBeCloseTo(0.8970483946339658, 12)
    expect(b?.metrics.f1.test).toBe('permutation-cluster')
  })
  it('classification: the cluster randomization p of f1 is near the exact one over all 2¹² swaps', async () => {
    // Python: every one of the 4096 ways to swap whole documents, |Δf1*| ≥ |Δf1| − 1e-12 (sklearn f1_score): p = 0.375
    const r = await compare({ ...base, clusterField: 'doc', resamples: 10000 })
    expect(r.metrics.f1.delta).toBeCloseTo(0.12912912912912922, 12)
    expect(Math.abs((r.metrics.f1.pValue as number) - 0.375)).toBeLessThan(0.02)
  })
  it('scores: the judge by the cluster paired t and the cluster bootstrap, as computed in Python', async () => {
    // statsmodels OLS(judge_c − judge_b, ones).fit(cov_type='cluster', groups=doc): mean 0.45, se 0.27186853440587794,
    // t 1.6552117772047354; scipy 2·t.sf(t, 11) = 0.12610229434787754, t.cdf(t, 11) = 0.9369488528260612.
    // numpy cluster bootstrap (200,000 resamples of the 12 documents): 2.5% −0.0238, 97.5% 1.0256.
    const r = await compare({ ...judge, clusterField: 'doc', resamples: 10000 })
    const m = r.metrics.judge
    expect(m.delta).toBeCloseTo(0.45, 14)
    expect(m.test).toBe('paired-t-cluster')
    expect(m.pValue).toBeCloseTo(0.12610229434787754, 10)
    expect(m.pValueWorse).toBeCloseTo(0.9369488528260612, 10)
    expect(Math.abs((m.ci as number[])[0] - -0.0238)).toBeLessThan(0.04)
    expect(Math.abs((m.ci as number[])[1] - 1.0256)).toBeLessThan(0.04)
    expect(r.metrics.passed.test).toBe('mcnemar-cluster')
    // passed is the candidate's correctness: the same d_g as accuracy above.
    expect(r.metrics.passed.pValue).toBeCloseTo(0.27523352407483115, 12)
  })
  it('with every cluster one example gives the plain report', async () => {
    for (const options of [base, judge]) {
      const plain = await compare(options)
      const clustered = await compare({ ...options, clusterField: 'id' })
      expect(clustered).toEqual(plain)
    }
  })
  it('is seeded: the same inputs give the same report', async () => {
    const a = await compare({ ...base, clusterField: 'doc' })
    const b = await compare({ ...base, clusterField: 'doc' })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })
  it('names file, line and field for a missing cluster value and for a baseline in another cluster', async () => {
    const c = [{ id: 'a', label: 1, prediction: 1, doc: 'x' }, { id: 'b', label: 0, prediction: 1 }]
    const b = [{ id: 'a', label: 1, prediction: 0, doc: 'x' }, { id: 'b', label: 0, prediction: 0, doc: 'y' }]
    await expect(compare({ ...base, candidate: rows('c.jsonl', c), baseline: rows('b.jsonl', b), clusterField: 'doc' })).rejects.toThrow('c.jsonl:2: field "doc" is missing (the cluster field)')
    const c2 = [{ id: 'a', label: 1, prediction: 1, doc: 'x' }, { id: 'b', label: 0, prediction: 1, doc: 'x' }]
    await expect(compare({ ...base, candidate: rows('c.jsonl', c2), baseline: rows('b.jsonl', b), clusterField: 'doc' })).rejects.toThrow(
      'b.jsonl:2: field "doc" is "y", but the candidate\'s row of the same example (line 2) has "x"'
    )
  })
})

describe('compare with --repeat-field', () => {
  const sampled = (k: number, shift: number): object[] =>
    Array.from({ length: 30 * k }, (_, r) => {
      const i = Math.floor(r / k)
      const label = i % 2
      return { id: `q${i}`, sample: r % k, label, prediction: (i * 7 + (r % k) * 3 + shift) % 5 === 0 ? 1 - label : label, judge: ((i + r + shift) % 5) + 1, doc: `d${i % 6}` }
    })
  it('k = 1 gives the plain report (with counts.repeats 1)', async () => {
    for (const options of [base, judge]) {
      const plain = await compare(options)
      const repeated = await compare({ ...options, repeatField: 'doc' })
      const { repeats, ...counts } = repeated.counts
      expect(repeats).toEqual({ candidate: 1, baseline: 1 })
      expect({ ...repeated, counts }).toEqual(plain)
    }
  })
  it('without a baseline, with error rows: exclude drops the failed samples, wrong counts them as wrong', async () => {
    // Five samples of three ids; two failed (a null prediction, an error field). Exclude: a/1 right, b/1 right,
    // c/1 wrong → 2/3 over 3 rows; wrong: the two failed samples are wrong too → 2/5. Repeats: 5 rows / 3 ids.
    const c = [
      { id: 'a', s: 1, label: 1, prediction: 1 },
      { id: 'a', s: 2, label: 1, prediction: null },
      { id: 'b', s: 1, label: 0, prediction: 0 },
      { id: 'b', s: 2, label: 0, prediction: 1, error: 'timeout' },
      { id: 'c', s: 1, label: 1, prediction: 0 }
    ]
    const only = { ...base, candidate: rows('c.jsonl', c), baseline: null, repeatField: 's' }
    const excluded = await compare({ ...only, errors: 'exclude' })
    expect(excluded.metrics.accuracy.candidate).toBeCloseTo(2 / 3, 14)
    expect(excluded.counts.excluded).toBe(2)
    expect(excluded.counts.errors).toEqual({ candidate: 2, baseline: null })
    expect(excluded.counts.repeats?.candidate).toBeCloseTo(5 / 3, 14)
    const wrong = await compare({ ...only, errors: 'wrong' })
    expect(wrong.metrics.accuracy.candidate).toBeCloseTo(2 / 5, 14)
    expect(wrong.counts.candidate).toBe(5)
  })
  it('classification: pairs by (id, repeat), counts every row, tests on ids', async () => {
    const r = await compare({ ...base, candidate: rows('c.jsonl', sampled(3, 0)), baseline: rows('b.jsonl', sampled(3, 1)), repeatField: 'sample' })
    expect(r.counts.paired).toBe(90)
    expect(r.counts.repeats).toEqual({ candidate: 3, baseline: 3 })
    expect(r.metrics.accuracy.test).toBe('mcnemar-cluster')
    // Rows wrong: candidate (7i + 3s) % 5 = 0, baseline (7i + 3s + 1) % 5 = 0: each 18 of 90.
    expect(r.metrics.accuracy.candidate).toBeCloseTo(72 / 90, 14)
  })
  it('classification with k = 3 against k = 2: the third samples are candidate-only, named as id (field value)', async () => {
    const r = await compare({ ...base, candidate: rows('c.jsonl', sampled(3, 0)), baseline: rows('b.jsonl', sampled(2, 1)), repeatField: 'sample' })
    expect(r.counts).toMatchObject({ candidate: 90, baseline: 60, paired: 60, candidateOnly: 30, repeats: { candidate: 3, baseline: 2 } })
    expect(r.warnings[0]).toContain('30 candidate examples have no baseline row (ids "q0 (sample 2)", "q1 (sample 2)"')
  })
  it('scores: an id is the mean of its repeats, each file over its own (k = 3 against k = 2)', async () => {
    const c = sampled(3, 0)
    const b = sampled(2, 1)
    const r = await compare({ ...judge, scoreMetrics: [{ name: 'judge', direction: 'higher' }], candidate: rows('c.jsonl', c), baseline: rows('b.jsonl', b), repeatField: 'sample' })
    expect(r.counts).toMatchObject({ candidate: 90, baseline: 60, paired: 30, repeats: { candidate: 3, baseline: 2 } })
    const meanOfMeans = (list: object[], k: number): number => {
      let s = 0
      for (let i = 0; i < 30; i++) for (let j = 0; j < k; j++) s += (list[i * k + j] as { judge: number }).judge / k
      return s / 30
    }
    expect(r.metrics.judge.candidate).toBeCloseTo(meanOfMeans(c, 3), 13)
    expect(r.metrics.judge.baseline).toBeCloseTo(meanOfMeans(b, 2), 13)
    expect(r.metrics.judge.test).toBe('paired-t')
    const clustered = await compare({ ...judge, scoreMetrics: [{ name: 'judge', direction: 'higher' }], candidate: rows('c.jsonl', c), baseline: rows('b.jsonl', b), repeatField: 'sample', clusterField: 'doc' })
    expect(clustered.metrics.judge.test).toBe('paired-t-cluster')
    expect(clustered.metrics.judge.delta).toBeCloseTo(r.metrics.judge.delta as number, 14)
  })
  it('names file, line and field for a repeated (id, repeat), a row without an id, and repeats in two clusters', async () => {
    const dup = [{ id: 'a', sample: 1, label: 1, prediction: 1 }, { id: 'a', sample: 2, label: 1, prediction: 1 }, { id: 'a', sample: 1, label: 1, prediction: 0 }]
    await expect(compare({ ...base, baseline: null, candidate: rows('c.jsonl', dup), repeatField: 'sample' })).rejects.toThrow('c.jsonl:3: field "sample" repeats the value "1" of id "a" (line 1)')
    const noId = [{ id: 'a', sample: 1, label: 1, prediction: 1 }, { sample: 2, label: 1, prediction: 1 }]
    await expect(compare({ ...base, baseline: null, candidate: rows('c.jsonl', noId), repeatField: 'sample' })).rejects.toThrow('c.jsonl:2: field "id" is missing')
    const split = [{ id: 'a', sample: 1, label: 1, prediction: 1, doc: 'x', judge: 1 }, { id: 'a', sample: 2, label: 1, prediction: 1, doc: 'y', judge: 2 }]
    await expect(compare({ ...judge, baseline: null, candidate: rows('c.jsonl', split), repeatField: 'sample', clusterField: 'doc', scoreMetrics: [{ name: 'judge', direction: 'higher' }] })).rejects.toThrow(
      'c.jsonl:2: field "doc" is "y", but an earlier repeat of the same id (line 1) has "x"'
    )
  })
})

describe('regression with --cluster-field and --repeat-field', () => {
  // __tests__/fixtures/clusters/regression-*.jsonl: 30 examples in 10 documents, seeded numpy (rng 11).
  const reg = { ...base, task: 'regression' as const, candidate: file('regression-candidate.jsonl'), baseline: file('regression-baseline.jsonl') }
  it('mae and rmse by the cluster paired t, as statsmodels gives it', async () => {
    // OLS(|e_c| − |e_b|, ones).fit(cov_type='cluster', groups=doc): t −2.058827613512978, scipy 2·t.sf(|t|, 9) 0.06961213807214953,
    // t.sf(t, 9) 0.9651939309639253; squared errors: t −1.5860519577642407, p 0.1471890898798563
    const r = await compare({ ...reg, clusterField: 'doc' })
    expect(r.metrics.mae.test).toBe('paired-t-cluster')
    expect(r.metrics.mae.pValue).toBeCloseTo(0.06961213807214953, 10)
    expect(r.metrics.mae.pValueWorse).toBeCloseTo(0.9651939309639253, 10)
    expect(r.metrics.rmse.pValue).toBeCloseTo(0.1471890898798563, 10)
    expect(r.metrics.r2.test).toBe('permutation-cluster')
    expect(r.metrics.max_error.ciMethod).toBe('cluster-bootstrap-percentile')
    const ci = r.metrics.mae.ci as [number, number]
    expect(ci[0]).toBeLessThan(r.metrics.mae.delta as number)
    expect(ci[1]).toBeGreaterThan(r.metrics.mae.delta as number)
  })
  it('r2 and max_error: the cluster randomization p near the exact one over all 2¹⁰ swaps', async () => {
    // Python: every way to swap whole documents, |Δ*| ≥ |Δ| − 1e-12 with sklearn max_error and r2_score:
    // max_error Δ −1.4830000000000005, p 0.5; r2 Δ 0.2810718266620148, p 0.19140625
    const r = await compare({ ...reg, clusterField: 'doc', resamples: 10000 })
    expect(r.metrics.max_error.delta).toBeCloseTo(-1.4830000000000005, 12)
    expect(Math.abs((r.metrics.max_error.pValue as number) - 0.5)).toBeLessThan(0.02)
    expect(r.metrics.r2.delta).toBeCloseTo(0.2810718266620148, 12)
    expect(Math.abs((r.metrics.r2.pValue as number) - 0.19140625)).toBeLessThan(0.02)
  })
  it('with every cluster one example gives the plain report', async () => {
    expect(await compare({ ...reg, clusterField: 'id' })).toEqual(await compare(reg))
  })
  it('repeats pair by (id, repeat) and cluster on the id', async () => {
    const rowsOf = (shift: number) =>
      Array.from({ length: 40 }, (_, r) => ({ id: `x${r >> 1}`, s: r % 2, label: (r >> 1) % 7, prediction: ((r >> 1) % 7) + (((r * 5 + shift) % 7) - 3) / 4 }))
    const r = await compare({ ...reg, candidate: rows('c.jsonl', rowsOf(0)), baseline: rows('b.jsonl', rowsOf(2)), repeatField: 's' })
    expect(r.counts).toMatchObject({ candidate: 40, paired: 40, repeats: { candidate: 2, baseline: 2 } })
    expect(r.metrics.mae.test).toBe('paired-t-cluster')
  })
})

describe('generation with --cluster-field and --repeat-field', () => {
  const example = (side: string) => new URL(`../examples/translation/${side}.jsonl`, import.meta.url).pathname
  const withDocs = async (side: string, k: number): Promise<PredictionSource> => {
    const { readFileSync } = await import('node:fs')
    const lines = readFileSync(example(side), 'utf8').trim().split('\n')
    return rows(`${side}.jsonl`, lines.map((l, i) => ({ ...JSON.parse(l), doc: `d${Math.floor(i / k)}` })))
  }
  const gen = { ...base, task: 'generation' as const, resamples: 1000 }
  it('exact_match by the clustered McNemar, as computed in Python; BLEU, chrF, loss by cluster resampling', async () => {
    // examples/translation, documents of 4 consecutive sentences: d_g = Σ(candidate exact − baseline exact) (trimmed
    // equality), X² = (Σd)²/Σd² = 11.929032258064517, scipy chi2.sf(X², 1) = 0.000552658778173789
    const r = await compare({ ...gen, candidate: await withDocs('candidate', 4), baseline: await withDocs('baseline', 4), clusterField: 'doc' })
    expect(r.metrics.exact_match.test).toBe('mcnemar-cluster')
    expect(r.metrics.exact_match.pValue).toBeCloseTo(0.000552658778173789, 12)
    expect(r.metrics.token_f1.test).toBe('paired-t-cluster')
    for (const name of ['bleu', 'chrf', 'loss']) {
      const m = r.metrics[name]
      expect(m.test).toBe('permutation-cluster')
      expect(m.ciMethod).toBe('cluster-bootstrap-percentile')
      const ci = m.ci as [number, number]
      expect(ci[0]).toBeLessThan(m.delta as number)
      expect(ci[1]).toBeGreaterThan(m.delta as number)
    }
  })
  it('with every cluster one example gives the plain report', async () => {
    const plain = await compare({ ...gen, candidate: await withDocs('candidate', 1), baseline: await withDocs('baseline', 1) })
    expect(await compare({ ...gen, candidate: await withDocs('candidate', 1), baseline: await withDocs('baseline', 1), clusterField: 'doc' })).toEqual(plain)
  })
  it('the BLEU interval comes from the cluster resample, the value from the rows', async () => {
    const plain = await compare({ ...gen, candidate: await withDocs('candidate', 30), baseline: await withDocs('baseline', 30) })
    const clustered = await compare({ ...gen, candidate: await withDocs('candidate', 30), baseline: await withDocs('baseline', 30), clusterField: 'doc' })
    expect(clustered.metrics.bleu.delta).toBe(plain.metrics.bleu.delta)
    expect(clustered.metrics.bleu.ci).not.toEqual(plain.metrics.bleu.ci)
  })
  it('repeats: rows pair by (id, repeat); two identical samples per id leave every corpus value unchanged', async () => {
    const { readFileSync } = await import('node:fs')
    const twice = (side: string): PredictionSource => {
      const lines = readFileSync(example(side), 'utf8').trim().split('\n')
      return rows(`${side}.jsonl`, lines.flatMap((l) => [0, 1].map((sample) => ({ ...JSON.parse(l), sample }))))
    }
    const plain = await compare({ ...gen, candidate: file('../../../examples/translation/candidate.jsonl'), baseline: file('../../../examples/translation/baseline.jsonl') })
    const r = await compare({ ...gen, candidate: twice('candidate'), baseline: twice('baseline'), repeatField: 'sample' })
    expect(r.counts).toMatchObject({ candidate: 600, baseline: 600, paired: 600, repeats: { candidate: 2, baseline: 2 } })
    for (const name of ['exact_match', 'token_f1', 'bleu', 'chrf', 'loss']) expect(r.metrics[name].candidate).toBeCloseTo(plain.metrics[name].candidate as number, 12)
    expect(r.metrics.exact_match.test).toBe('mcnemar-cluster')
    expect(r.metrics.bleu.test).toBe('permutation-cluster')
  })
})
