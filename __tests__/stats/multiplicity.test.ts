/**
 * Westfall–Young step-down minP (src/stats/westfallYoung.ts) and the joint permutation null it runs on
 * (src/significance/classification/jointPermutation.ts), against closed forms, full enumeration and the exact binomial of McNemar.
 */
import { describe, expect, it } from 'vitest'
import { cellsFromTriples } from '../../src/pair/cellTable.js'
import { evaluateGates } from '../../src/gates/evaluate.js'
import { type JointNull } from '../../src/stats/jointNull.js'
import { parseGates } from '../../src/gates/rules.js'
import { perClassMetrics } from '../../src/metrics/classification.js'
import { metricNames } from '../../src/metrics/names.js'
import { rocAuc } from '../../src/metrics/scores.js'
import { jointPermutation, mergedWalk, type JointMetric } from '../../src/significance/classification/jointPermutation.js'
import { mcnemarDrop, mcnemarDropMidP } from '../../src/stats/mcnemar.js'
import { streamFor } from '../../src/stats/random.js'
import { rankPValues, westfallYoung } from '../../src/stats/westfallYoung.js'
import type { MetricReport } from '../../src/report/schema.js'

/** Binomial standard error of a Monte Carlo rate p from R draws. */
const mcSe = (p: number, R: number): number => Math.sqrt((p * (1 - p)) / R)

describe('westfallYoung', () => {
  it('the JSDoc example, by hand: one resample of three has min p* ≤ 0.01, one has p*₂ ≤ 0.5', () => {
    const adjusted = westfallYoung([0.01, 0.5], [Float64Array.of(0.2, 0.005, 0.9), Float64Array.of(0.3, 0.6, 0.8)])
    // (1 + 1) / (3 + 1) for both; the second is also max(…) with the first.
    expect(adjusted).toEqual([0.5, 0.5])
  })
  it('m copies of one test: no adjustment at all (Holm would multiply by m)', () => {
    const p = Float64Array.from({ length: 999 }, (_, i) => (i + 1) / 999)
    const adjusted = westfallYoung([0.1, 0.1, 0.1], [p, p, p])
    // #{p* ≤ 0.1} = 99 (0.1·999 = 99.9 → 99 grid points), (1 + 99)/1000.
    expect(adjusted).toEqual([0.1, 0.1, 0.1])
  })
  it('two independent uniform tests on a full grid: the smallest p is adjusted as Šidák counts it', () => {
    // Resamples = every pair (i/G, j/G): exactly independent, uniform on the grid. #{min(p1*, p2*) ≤ p} for
    // p = a/G is G² − (G − a)², so the adjusted p is (1 + G² − (G − a)²)/(G² + 1); the second, alone in its
    // step, (1 + #{p2* ≤ b/G})/(G² + 1) = (1 + b·G)/(G² + 1), raised to the first when smaller.
    const G = 50
    const p1 = new Float64Array(G * G)
    const p2 = new Float64Array(G * G)
    for (let i = 0; i < G; i++) for (let j = 0; j < G; j++) {
      p1[i * G + j] = (i + 1) / G
      p2[i * G + j] = (j + 1) / G
    }
    const [a, b] = [2, 20]
    const adjusted = westfallYoung([a / G, b / G], [p1, p2])
    expect(adjusted[0]).toBeCloseTo((1 + G * G - (G - a) ** 2) / (G * G + 1), 15)
    expect(adjusted[1]).toBeCloseTo((1 + b * G) / (G * G + 1), 15)
    // Holm would give 2·a/G = 0.08 for the first; the exact count is 1 − (1 − 0.04)² ≈ 0.0784 (+ 1/2501).
    expect(adjusted[0]).toBeLessThan(2 * (a / G))
  })
  it('no resample reaches a tiny p: Holm\'s (m − i + 1)·p instead of the floor 1/(R + 1), when smaller', () => {
    // McNemar 0 of 22 discordant: one-sided p = 2^−22 (exact); three tests, 999 resamples none of which reaches it.
    const p = 2 ** -22
    const grid = Float64Array.from({ length: 999 }, (_, i) => (i + 1) / 999)
    const adjusted = westfallYoung([p, 0.5, 0.5], [grid, grid, grid])
    expect(adjusted[0]).toBe(3 * p)
    // The others: (1 + 499)/1000, with the running maximum.
    expect(adjusted.slice(1)).toEqual([0.5, 0.5])
    // A p just below the floor but with m·p above it keeps the floor (1/1000).
    expect(westfallYoung([0.0005, 0.5, 0.5], [grid, grid, grid])[0]).toBe(0.001)
  })
  it('step-down: each rank counts only the hypotheses not yet rejected, and the result is monotone in p', () => {
    // Direct transcription of Westfall & Young (1993) Algorithm 2.8 as the reference, on random p*.
    const rng = streamFor(7, 'wy-test')
    const m = 4
    const R = 500
    const resampled = Array.from({ length: m }, () => Float64Array.from({ length: R }, () => rng.nextDouble()))
    const observed = [0.03, 0.2, 0.004, 0.6]
    const order = [2, 0, 1, 3]
    const reference: number[] = []
    order.forEach((j, rank) => {
      let count = 0
      for (let r = 0; r < R; r++) {
        let min = Infinity
        for (const l of order.slice(rank)) min = Math.min(min, resampled[l][r])
        if (min <= observed[j]) count++
      }
      reference[j] = Math.max((count + 1) / (R + 1), rank > 0 ? reference[order[rank - 1]] : 0)
    })
    expect(westfallYoung(observed, resampled)).toEqual(reference)
  })
})

describe('rankPValues', () => {
  it('counts the observed value among the R + 1 (the JSDoc example)', () => {
    const { observed, resampled } = rankPValues(2, Float64Array.of(1, 3, 2))
    // Values {1, 3, 2, 2}: ≥ 2 (the observed): 3, ≥ 1: 4, ≥ 3: 1 → /4.
    expect(observed).toBe(0.75)
    expect(Array.from(resampled)).toEqual([1, 0.25, 0.75])
  })
})

describe('jointPermutation', () => {
  // A binary table: per example (true, baseline, candidate).
  const triples = (rows: [number, number, number, number][]) => {
    const t: number[] = []
    const b: number[] = []
    const c: number[] = []
    for (const [tt, bb, cc, count] of rows) {
      for (let i = 0; i < count; i++) {
        t.push(tt)
        b.push(bb)
        c.push(cc)
      }
    }
    return { t: Int32Array.from(t), b: Int32Array.from(b), c: Int32Array.from(c) }
  }

  it('accuracy: the swapped McNemar count is exactly Bin(b + c, 1/2), so P(p* ≤ p) is the exact p', () => {
    // METHODS.md table [[100, 12], [25, 300]]: 25 examples only the baseline gets right, 12 only the candidate.
    // One-sided exact p for the drop = P(X ≤ 12), X ~ Bin(37, 1/2) = 0.04703102743951604 / 2 (statsmodels, METHODS.md).
    const ex = triples([[1, 1, 1, 100], [1, 1, 0, 25], [1, 0, 1, 12], [1, 0, 0, 300]])
    const cells = cellsFromTriples(2, ex.t, ex.b, ex.c)
    const metrics: JointMetric[] = [{ kind: 'mcnemar', name: 'accuracy', cls: null, drop: mcnemarDrop }]
    const R = 40_000
    const out = jointPermutation({ cells }, metrics, R, streamFor(1, 'test'))
    const exact = 0.04703102743951604 / 2
    expect(out.observed[0]).toBeCloseTo(exact, 12)
    const rate = out.resampled[0].filter((p) => p <= exact * (1 + 1e-12)).length / R
    expect(Math.abs(rate - exact)).toBeLessThan(4 * mcSe(exact, R))
    // The mid-p function at the same swapped counts: observed = P(X < 12) + P(X = 12)/2 (scipy binom, see mcnemar tests).
    const mid = jointPermutation({ cells }, [{ kind: 'mcnemar', name: 'accuracy', cls: null, drop: mcnemarDropMidP }], 10, streamFor(1, 'test'))
    expect(mid.observed[0]).toBeCloseTo(0.016776219839812256, 12)
  })

  it('log loss: the sign-flip p equals the exact p from all 2^12 flips, within Monte Carlo error', () => {
    const d = Float64Array.of(0.31, -0.05, 0.12, 0.4, -0.22, 0.08, 0.5, -0.1, 0.27, 0.03, -0.15, 0.2)
    const n = d.length
    let total = 0
    for (const x of d) total += x
    let atLeast = 0
    for (let mask = 0; mask < 1 << n; mask++) {
      let s = 0
      for (let e = 0; e < n; e++) s += (mask >> e) & 1 ? -d[e] : d[e]
      if (s >= total - 1e-12) atLeast++
    }
    const exact = atLeast / (1 << n)
    const ex = { t: new Int32Array(n), b: new Int32Array(n), c: new Int32Array(n) }
    const cells = cellsFromTriples(2, ex.t, ex.b, ex.c)
    const R = 40_000
    const out = jointPermutation({ cells, examples: ex }, [{ kind: 'loss', name: 'log_loss', d }], R, streamFor(2, 'test'))
    expect(exact).toBeGreaterThan(0.01)
    expect(Math.abs(out.observed[0] - exact)).toBeLessThan(4 * mcSe(exact, R))
  })

  it('the cell sampler and the per-example sampler give the same permutation p for precision', () => {
    const ex = triples([[1, 1, 1, 40], [1, 1, 0, 14], [1, 0, 1, 6], [1, 0, 0, 10], [0, 0, 0, 100], [0, 1, 0, 9], [0, 0, 1, 12], [0, 1, 1, 5]])
    const cells = cellsFromTriples(2, ex.t, ex.b, ex.c)
    const precision = perClassMetrics('1', 1)[0]
    const metric: JointMetric = { kind: 'confusion', name: 'precision', metric: precision, lowerBetter: false }
    const R = 20_000
    const byCell = jointPermutation({ cells }, [metric], R, streamFor(3, 'a'))
    // A zero loss difference forces the per-example sampler without changing the precision statistic.
    const byExample = jointPermutation({ cells, examples: ex }, [metric, { kind: 'loss', name: 'log_loss', d: new Float64Array(ex.t.length) }], R, streamFor(3, 'b'))
    const p = byCell.observed[0]
    expect(p).toBeGreaterThan(0.005)
    expect(Math.abs(byExample.observed[0] - p)).toBeLessThan(4 * Math.SQRT2 * mcSe(p, R))
  })

  it('the merged AUC walk equals roc_auc of the swapped scores (rocAuc, checked against scikit-learn)', () => {
    const rng = streamFor(4, 'auc')
    const n = 70
    const positive = Uint8Array.from({ length: n }, () => (rng.nextDouble() < 0.4 ? 1 : 0))
    // Rounded scores, so that ties within and across models occur.
    const baseline = Float64Array.from({ length: n }, (_, i) => Math.round((positive[i] * 0.3 + rng.nextDouble()) * 10) / 10)
    const candidate = Float64Array.from({ length: n }, (_, i) => Math.round((positive[i] * 0.2 + rng.nextDouble()) * 10) / 10)
    const walk = mergedWalk({ positive, baseline, candidate })
    expect(walk.delta(null)).toBeCloseTo((rocAuc(positive, candidate) as number) - (rocAuc(positive, baseline) as number), 14)
    const bits = Uint32Array.from({ length: 3 }, () => rng.nextUint32())
    const sb = baseline.slice()
    const sc = candidate.slice()
    for (let e = 0; e < n; e++) if ((bits[e >>> 5] >>> (e & 31)) & 1) [sb[e], sc[e]] = [candidate[e], baseline[e]]
    expect(walk.delta(bits)).toBeCloseTo((rocAuc(positive, sc) as number) - (rocAuc(positive, sb) as number), 14)
  })
})

describe('Westfall–Young in the gates', () => {
  const labels = ['ham', 'spam']
  const known = { metrics: metricNames('binary', labels, true), labels }
  const metric = (over: Partial<MetricReport>): MetricReport => ({
    candidate: 0.8, baseline: 0.82, delta: -0.02, ci: [-0.04, 0], pValue: 0.1, candidateCi: [0.75, 0.85], test: 'mcnemar-exact',
    direction: 'higher', pValueWorse: 0.03, worseBound: -0.035, ciMethod: 'bootstrap-percentile', ...over
  })
  const metrics = { recall: metric({}), 'recall[spam]': metric({}) }
  const rules = parseGates('recall no-regression; recall[spam] no-regression', known)
  // The same test twice (recall of the positive class is recall[spam]): p* identical in every resample.
  const grid = Float64Array.from({ length: 999 }, (_, i) => (i + 1) / 999)
  const joint: JointNull = () => ({ observed: [0.03, 0.03], resampled: [grid, grid], resamples: 999 })
  const options = { alpha: 0.05, hasBaseline: true, missingBaseline: 'skip' as const }

  it('two copies of one test: Westfall–Young keeps p (1 + 29)/1000 = 0.03 and fails; Holm doubles it to 0.06 and passes', () => {
    const wy = evaluateGates(rules, metrics, { ...options, multiplicity: 'westfall-young', joint })
    expect(wy.map((g) => g.pValue)).toEqual([0.03, 0.03])
    expect(wy.map((g) => g.status)).toEqual(['fail', 'fail'])
    expect(wy[0].detail).toMatch(/one-sided p = 0\.030 after Westfall–Young: significant regression$/)
    const h = evaluateGates(rules, metrics, { ...options, multiplicity: 'holm', joint })
    expect(h.map((g) => g.pValue)).toEqual([0.06, 0.06])
    expect(h.map((g) => g.status)).toEqual(['pass', 'pass'])
  })
  it('is used when asked for and the task gives a joint null; without one, Holm (and the reason); Holm is the default', () => {
    expect(evaluateGates(rules, metrics, { ...options, joint, multiplicity: 'westfall-young' })[0].pValue).toBe(0.03)
    expect(evaluateGates(rules, metrics, { ...options, joint })[0].detail).toMatch(/after Holm: /)
    expect(evaluateGates(rules, metrics, options)[0].detail).toMatch(/after Holm: not a significant regression$/)
    expect(evaluateGates(rules, metrics, { ...options, multiplicity: 'westfall-young' })[0].detail).toMatch(/after Holm \(this task has no joint resampling for Westfall–Young\)/)
    const refusing: JointNull = () => 'average_precision has no joint permutation resampling'
    expect(evaluateGates(rules, metrics, { ...options, multiplicity: 'westfall-young', joint: refusing })[0].detail).toMatch(/after Holm \(not Westfall–Young: average_precision has no joint permutation resampling\)/)
  })
})
