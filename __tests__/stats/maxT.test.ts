/**
 * Westfall–Young step-down max-T (src/stats/maxT.ts) and the standardized statistics the joint permutation null
 * gives it (src/significance/classification/jointPermutation.ts), against a hand-enumerated joint null and closed forms.
 */
import { describe, expect, it } from 'vitest'
import { cellsFromTriples } from '../../src/pair/cellTable.js'
import { evaluateGates } from '../../src/gates/evaluate.js'
import { type JointNull } from '../../src/stats/jointNull.js'
import { parseGates } from '../../src/gates/rules.js'
import { metricNames } from '../../src/metrics/names.js'
import { jointPermutation, type JointMetric } from '../../src/significance/classification/jointPermutation.js'
import { mcnemarDrop } from '../../src/stats/mcnemar.js'
import { maxT, standardize } from '../../src/stats/maxT.js'
import { streamFor } from '../../src/stats/random.js'
import type { MetricReport } from '../../src/report/schema.js'

describe('maxT', () => {
  it('the JSDoc example, by hand', () => {
    expect(maxT([2.5, 0.1], [Float64Array.of(1, 3, -1), Float64Array.of(0.5, -2, 0)])).toEqual([0.5, 0.5])
  })

  it('a joint null enumerated by hand: two sign-flip sums over three examples, all 2³ flips', () => {
    // d₁ = (1, 2, 3), d₂ = (3, −1, 1); T = Σ sᵢdᵢ over the flips s ∈ {±1}³, standardized by the exact null sd √Σd².
    // Observed (no flip): T₁ = 6, T₂ = 3. The seven other flips (+,+,−) (+,−,+) (+,−,−) (−,+,+) (−,+,−) (−,−,+) (−,−,−):
    // T₁ = 0, 2, −4, 4, −2, 0, −6; T₂ = 1, 5, 3, −3, −5, −1, −3.
    // Step 1 (T₁ largest, z = 1.604): max(z₁*, z₂*) = 0.302, 1.508, 0.905, 1.069, −0.535, 0, −0.905: none ≥ 1.604 → 1/8.
    // Step 2 (T₂ alone, z = 0.905): z₂* ≥ 0.905 at (+,−,+) and, tied, (+,−,−) → (1 + 2)/8 = 3/8.
    const T1 = [0, 2, -4, 4, -2, 0, -6]
    const T2 = [1, 5, 3, -3, -5, -1, -3]
    const s1 = Math.sqrt(14)
    const s2 = Math.sqrt(11)
    const adjusted = maxT([6 / s1, 3 / s2], [Float64Array.from(T1, (t) => t / s1), Float64Array.from(T2, (t) => t / s2)])
    expect(adjusted).toEqual([1 / 8, 3 / 8])
  })

  it('ties broken by keys: the same enumeration, the tied flip counted only when its key is above the observed one', () => {
    // Step 2's tie is the flip (+,−,−), resample index 2 (key index 3). Key below the observed key 0.5: it does not
    // count, p = (1 + 1)/8; above: (1 + 2)/8 as the conservative rule. Step 1 has no tie: 1/8 either way.
    const T1 = [0, 2, -4, 4, -2, 0, -6]
    const T2 = [1, 5, 3, -3, -5, -1, -3]
    const s1 = Math.sqrt(14)
    const s2 = Math.sqrt(11)
    const observed = [6 / s1, 3 / s2]
    const resampled = [Float64Array.from(T1, (t) => t / s1), Float64Array.from(T2, (t) => t / s2)]
    const keys = (tied: number): Float64Array => Float64Array.of(0.5, 0.9, 0.9, tied, 0.9, 0.9, 0.9, 0.9)
    expect(maxT(observed, resampled, keys(0.2))).toEqual([1 / 8, 2 / 8])
    expect(maxT(observed, resampled, keys(0.7))).toEqual([1 / 8, 3 / 8])
  })

  it("randomized ties give a discrete statistic the exact size alpha; counting ties against it stays below", () => {
    // One McNemar statistic with 6 discordant pairs, c ~ Bin(6, 1/2) under the null, R = 19 resamples of it:
    // with ties broken by keys the observed table's rank among the 20 is uniform, so P(p ≤ 0.05) = 1/20 exactly
    // (Hemerik & Goeman 2018, Theorem 1). Counting the ties against the observed table rejects only when every
    // resample is strictly below it: Σₖ P(X = k)·P(X < k)¹⁹ = 0.022042 (scipy 1.10:
    // `sum(binom.pmf(k,6,.5)*binom.cdf(k-1,6,.5)**19 for k in range(7))` → 0.02204215821515921).
    const rng = streamFor(11, 'test:ties')
    const draw = (): number => {
      let c = 0
      for (let i = 0; i < 6; i++) c += rng.nextUint32() & 1
      return (2 * c - 6) / Math.sqrt(6)
    }
    const trials = 40_000
    let random = 0
    let counted = 0
    for (let k = 0; k < trials; k++) {
      const t = draw()
      const rs = Float64Array.from({ length: 19 }, draw)
      const keys = Float64Array.from({ length: 20 }, () => rng.nextDouble())
      if (maxT([t], [rs], keys)[0] <= 0.05) random++
      if (maxT([t], [rs])[0] <= 0.05) counted++
    }
    const se = Math.sqrt((0.05 * 0.95) / trials)
    expect(Math.abs(random / trials - 0.05)).toBeLessThan(4 * se)
    // The conservative rule's exact rate: Σₖ P(X = k)·P(X < k)¹⁹, X ~ Bin(6, 1/2).
    const pmf = [1, 6, 15, 20, 15, 6, 1].map((w) => w / 64)
    let below = 0
    let exact = 0
    for (let k = 0; k <= 6; k++) {
      exact += pmf[k] * below ** 19
      below += pmf[k]
    }
    expect(exact).toBeCloseTo(0.02204215821515921, 14)
    expect(Math.abs(counted / trials - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / trials))
  })

  it('m copies of one statistic: the single permutation p, no adjustment', () => {
    const t = Float64Array.from({ length: 99 }, (_, i) => i / 10)
    expect(maxT([9.45, 9.45, 9.45], [t, t, t])).toEqual([0.05, 0.05, 0.05])
  })

  it('standardize: the JSDoc example; a constant statistic becomes 0; −∞ stays out of the moments', () => {
    const s = standardize(3, Float64Array.of(1, 2))
    expect([s.observed, ...s.resampled]).toEqual([1, -1, 0])
    expect(standardize(2, Float64Array.of(2, 2)).observed).toBe(0)
    const withUndefined = standardize(3, Float64Array.of(1, 2, -Infinity))
    expect([withUndefined.observed, ...withUndefined.resampled]).toEqual([1, -1, 0, -Infinity])
  })
})

describe('jointPermutation statistics for max-T', () => {
  it("McNemar's is (b − c)/√(b + c), exactly mean 0 and variance 1 over the swaps", () => {
    // METHODS.md table [[100, 12], [25, 300]]: b = 25 (only the baseline right), c = 12 → z = 13/√37.
    const t: number[] = []
    const b: number[] = []
    const c: number[] = []
    for (const [tt, bb, cc, count] of [[1, 1, 1, 100], [1, 1, 0, 25], [1, 0, 1, 12], [1, 0, 0, 300]]) {
      for (let i = 0; i < count; i++) {
        t.push(tt)
        b.push(bb)
        c.push(cc)
      }
    }
    const cells = cellsFromTriples(2, Int32Array.from(t), Int32Array.from(b), Int32Array.from(c))
    const metrics: JointMetric[] = [{ kind: 'mcnemar', name: 'accuracy', cls: null, drop: mcnemarDrop }]
    const R = 20_000
    const out = jointPermutation({ cells }, metrics, R, streamFor(2, 'test'))
    expect(out.statistics.observed[0]).toBeCloseTo(13 / Math.sqrt(37), 14)
    const z = out.statistics.resampled[0]
    const mean = z.reduce((s, v) => s + v, 0) / R
    const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / (R - 1)
    // Bin(37, 1/2): 2c* − 37 over √37 has mean 0, variance 1; Monte Carlo se of the mean 1/√R = 0.007.
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(R))
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / R))
    // Every value on the lattice (b* − c*)/√37 with b* + c* = 37.
    for (const v of z.slice(0, 100)) expect(Math.abs(((v * Math.sqrt(37) + 37) / 2) % 1)).toBeLessThan(1e-9)
  })
})

describe('max-T in the gates', () => {
  const labels = ['ham', 'spam']
  const known = { metrics: metricNames('binary', labels, true), labels }
  const metric = (over: Partial<MetricReport>): MetricReport => ({
    candidate: 0.8, baseline: 0.82, delta: -0.02, ci: [-0.04, 0], pValue: 0.1, candidateCi: [0.75, 0.85], test: 'mcnemar-exact',
    direction: 'higher', pValueWorse: 0.03, worseBound: -0.035, ciMethod: 'bootstrap-percentile', ...over
  })
  const metrics = { recall: metric({}), 'recall[spam]': metric({}) }
  const rules = parseGates('recall no-regression; recall[spam] no-regression', known)
  const options = { alpha: 0.05, hasBaseline: true, missingBaseline: 'skip' as const }
  // Two copies of one statistic; the minP p-values say something else, so the test sees which one is used.
  const t = Float64Array.from({ length: 999 }, (_, i) => i / 100)
  const joint: JointNull = () => ({ observed: [0.5, 0.5], resampled: [t, t], resamples: 999, statistics: { observed: [9.7, 9.7], resampled: [t, t] } })
  it('uses the standardized statistics and names the adjustment', () => {
    // #{t* ≥ 9.7} = 9.70 … 9.98 = 29 → (1 + 29)/1000 = 0.03 for both copies.
    const g = evaluateGates(rules, metrics, { ...options, multiplicity: 'max-t', joint })
    expect(g.map((x) => x.pValue)).toEqual([0.03, 0.03])
    expect(g[0].adjustment).toBe('Westfall–Young max-T')
    expect(g[0].detail).toMatch(/after Westfall–Young max-T: significant regression$/)
    expect(evaluateGates(rules, metrics, { ...options, multiplicity: 'max-t' })[0].detail).toMatch(/after Holm \(this task has no joint resampling for Westfall–Young max-T\)/)
  })
})
