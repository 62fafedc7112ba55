/**
 * docs/gates.md "Several no-regression rules": `weight W` gives each rule W/ΣW of alpha — weighted Holm
 * (src/stats/weightedHolm.ts), weighted minP (weightedMinP.ts) and weighted max-T (weightedMaxT.ts) — against
 * hand computations, their equal-weight forms, and through the gates.
 */
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../src/common/errors.js'
import { compare } from '../../src/compare/compare.js'
import { evaluateGates } from '../../src/gates/evaluate.js'
import { parseGates } from '../../src/gates/rules.js'
import { metricNames } from '../../src/metrics/names.js'
import { holm } from '../../src/stats/holm.js'
import { logNormalSf } from '../../src/stats/logNormalSf.js'
import { maxT } from '../../src/stats/maxT.js'
import { weightedHolm } from '../../src/stats/weightedHolm.js'
import { weightedMaxT } from '../../src/stats/weightedMaxT.js'
import { weightedMinP } from '../../src/stats/weightedMinP.js'
import { westfallYoung } from '../../src/stats/westfallYoung.js'
import { DEFAULT_FIELDS } from '../../src/read/predictionFile.js'
import type { MetricReport } from '../../src/report/schema.js'
import { generator } from '../support.js'

const uniform = (n: number, seed: number): number[] => {
  const r = generator(seed)
  return Array.from({ length: n }, () => r())
}

describe('weightedHolm', () => {
  it('the JSDoc example by hand: p/w = (0.0025, 0.04, 0.03, 0.005), remaining weights 7, 3, 2, 1', () => {
    // 7·0.0025 = 0.0175; 3·0.005 = 0.015 → 0.0175 (monotone); 2·0.03 = 0.06; 1·0.04 = 0.04 → 0.06.
    const adjusted = weightedHolm([0.01, 0.04, 0.03, 0.005], [4, 1, 1, 1])
    ;[0.0175, 0.06, 0.06, 0.0175].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 15))
  })
  it('the six-rule case: recall weight 4 of ΣW = 9 is tested at 4/9·alpha first', () => {
    // accuracy, precision, recall, f1, roc_auc, log_loss; recall p = 0.02: 0.02/4 = 0.005 is the smallest p/w,
    // its adjusted p 9·0.005 = 0.045 < 0.05 (unweighted Holm: 6·0.02 = 0.12). Then p/w = 0.03 (ΣW 5: 0.15), ….
    const p = [0.3, 0.4, 0.02, 0.03, 0.5, 0.9]
    const adjusted = weightedHolm(p, [1, 1, 4, 1, 1, 1])
    expect(adjusted[2]).toBeCloseTo(0.045, 15)
    expect(adjusted[3]).toBeCloseTo(0.15, 15)
    // Then 0.3·4 = 1.2 → 1, and everything after it is 1.
    expect(adjusted[0]).toBe(1)
    expect(holm(p)[2]).toBeCloseTo(0.12, 15)
  })
  it('equal weights are Holm, whatever their scale', () => {
    const p = uniform(12, 7).map((x) => x * 0.2)
    const h = holm(p)
    for (const w of [1, 3, 0.25]) weightedHolm(p, p.map(() => w)).forEach((x, i) => expect(x).toBeCloseTo(h[i], 14))
  })
  it('only relative weights matter, and weights must be positive', () => {
    const p = [0.01, 0.2, 0.03]
    const a = weightedHolm(p, [2, 1, 1])
    weightedHolm(p, [20, 10, 10]).forEach((x, i) => expect(x).toBeCloseTo(a[i], 15))
    expect(() => weightedHolm(p, [1, 0, 1])).toThrow(/positive/)
    expect(() => weightedHolm(p, [1, 1])).toThrow(/one weight/)
  })
})

describe('weightedMinP', () => {
  it('the JSDoc example by hand', () => {
    expect(weightedMinP([0.01, 0.02], [Float64Array.of(0.2, 0.015, 0.9), Float64Array.of(0.3, 0.03, 0.01)], [1, 3])).toEqual([0.5, 0.5])
  })
  it('a hand computation with 9 resamples: the weighted statistic reorders the step-down', () => {
    // q = p/w = (0.05, 0.0125): hypothesis 2 first. u*(1)ᵣ = min(p*₁/1, p*₂/4) over r:
    const p1 = Float64Array.of(0.5, 0.04, 0.9, 0.3, 0.7, 0.06, 0.2, 0.8, 0.01)
    const p2 = Float64Array.of(0.6, 0.9, 0.04, 0.5, 0.3, 0.02, 0.7, 0.1, 0.8)
    // p*₂/4 = (0.15, 0.225, 0.01, 0.125, 0.075, 0.005, 0.175, 0.025, 0.2); min with p*₁: (0.15, 0.04, 0.01, 0.125,
    // 0.075, 0.005, 0.175, 0.025, 0.01): 3 are ≤ 0.0125 → (1 + 3)/10 = 0.4. Step 2, p*₁ alone ≤ 0.05: 0.04, 0.01 →
    // (1 + 2)/10 = 0.3, raised to 0.4.
    expect(weightedMinP([0.05, 0.05], [p1, p2], [1, 4])).toEqual([0.4, 0.4])
    // Unweighted: both q = 0.05, hypothesis 1 first (index order): min(p*₁, p*₂) ≤ 0.05: 0.04, 0.04, 0.02, 0.01 → 0.5.
    expect(westfallYoung([0.05, 0.05], [p1, p2])).toEqual([0.5, 0.5])
  })
  it('equal weights are westfallYoung() exactly, Bonferroni floor included', () => {
    const R = 200
    const cols = [11, 12, 13].map((s) => Float64Array.from(uniform(R, s)))
    const observed = [0.004, 0.03, 0.6]
    expect(weightedMinP(observed, cols, [2, 2, 2])).toEqual(westfallYoung(observed, cols))
    // No resample reaches 1e-6: the floor is (ΣW over the remaining)·p/w, here Holm's 3·1e-6.
    expect(weightedMinP([1e-6, 0.5], [Float64Array.from(uniform(R, 1)), Float64Array.from(uniform(R, 2))], [1, 1])[0]).toBeCloseTo(2e-6, 15)
  })
  it('the weighted Bonferroni floor: (ΣW remaining)·p/w', () => {
    const R = 100
    const cols = [Float64Array.from(uniform(R, 3)), Float64Array.from(uniform(R, 4))].map((c) => c.map((x) => 0.01 + x))
    // p/w = (1e-6/3, 1e-4): the first's floor is (3 + 1)·(1e-6/3).
    expect(weightedMinP([1e-6, 1e-4], cols, [3, 1])[0]).toBeCloseTo(4e-6 / 3, 15)
  })
})

describe('weightedMaxT', () => {
  it('the JSDoc example: s = log w − log(1 − Φ(t)) puts the weight-4 hypothesis first', () => {
    expect(-logNormalSf(2.5)).toBeCloseTo(5.0816, 4)
    expect(Math.log(4) - logNormalSf(2.0)).toBeCloseTo(5.1695, 4)
    expect(weightedMaxT([2.5, 2.0], [Float64Array.of(1, 3, -1), Float64Array.of(0.5, 2.2, 0)], [1, 4])).toEqual([0.5, 0.5])
  })
  it('a weight moves a hypothesis ahead: t = 1.9 with weight 4 is tested before t = 2.3 with weight 1', () => {
    // s₁ = log 4 − log Φ̄(1.9) = 4.937 > s₂ = −log Φ̄(2.3) = 4.535. Nine resamples:
    const t1 = Float64Array.of(0.1, 2.0, -1, 0.5, 1.95, -0.3, 0.2, 1.1, -2)
    const t2 = Float64Array.of(0.3, -0.5, 2.4, 0.1, -1, 2.35, 0.6, 2.38, 1.2)
    // Weighted, step 1 (hypothesis 1): s*₁ ≥ s₁ ⇔ t*₁ ≥ 1.9 (2.0, 1.95), s*₂ ≥ s₁ ⇔ Φ̄(t*₂) ≤ e^−4.937 = 0.00718 ⇔
    // t*₂ ≥ 2.446 (none): (1 + 2)/10 = 0.3. Step 2, t*₂ ≥ 2.3 alone: 2.4, 2.35, 2.38 → 4/10.
    expect(weightedMaxT([1.9, 2.3], [t1, t2], [4, 1])).toEqual([0.3, 0.4])
    // Unweighted, hypothesis 2 first: max(t*₁, t*₂) ≥ 2.3 at 2.4, 2.35, 2.38 → 0.4; then t*₁ ≥ 1.9 → 0.3, raised to 0.4.
    expect(maxT([1.9, 2.3], [t1, t2])).toEqual([0.4, 0.4])
    expect(Math.log(4) - logNormalSf(1.9)).toBeCloseTo(4.937, 3)
    expect(-logNormalSf(2.3)).toBeCloseTo(4.535, 3)
  })
  it('equal weights are maxT() exactly, ties keys included; −∞ stays −∞', () => {
    const R = 300
    const cols = [21, 22, 23].map((s) => Float64Array.from(uniform(R, s), (u) => 3 * u - 1.5))
    cols[1][5] = -Infinity
    const ties = Float64Array.from(uniform(R + 1, 99))
    const observed = [1.7, 0.4, 2.6]
    expect(weightedMaxT(observed, cols, [5, 5, 5], ties)).toEqual(maxT(observed, cols, ties))
    // Unequal weights keep the count of an undefined resample at none.
    const w = weightedMaxT(observed, cols, [1, 4, 1])
    w.forEach((x) => expect(x).toBeGreaterThan(0))
  })
})

describe('logNormalSf', () => {
  it('is log(1 − Φ(z)) below z = 37 and Mills’ series above, continuous at the seam', () => {
    expect(logNormalSf(0)).toBeCloseTo(Math.log(0.5), 15)
    expect(logNormalSf(-Infinity)).toBe(0)
    expect(logNormalSf(Infinity)).toBe(-Infinity)
    // 1 − Φ(40) = 3.655893540915e-350 (mpmath: 0.5·erfc(40/√2)); its log −804.608442013770.
    expect(logNormalSf(40)).toBeCloseTo(-804.60844201377, 9)
    expect(logNormalSf(37 - 1e-9) - logNormalSf(37)).toBeCloseTo(0, 6)
  })
})

describe('weight W in the gates', () => {
  const labels = ['0', '1']
  const known = { metrics: metricNames('binary', labels, true), labels }
  const m = (p: number): MetricReport => ({
    candidate: 0.8, baseline: 0.82, delta: -0.02, ci: [-0.05, 0.01], pValue: 2 * p, candidateCi: [0.7, 0.9], test: 'permutation',
    direction: 'higher', pValueWorse: p, worseBound: -0.045, ciMethod: 'bootstrap-percentile'
  })
  it('parses weight on no-regression rules only', () => {
    expect(parseGates('recall no-regression weight 4', known)[0]).toMatchObject({ kind: 'no-regression', weight: 4 })
    expect(parseGates('recall no-regression weight 0.5 tolerance 0.01', known)[0]).toMatchObject({ weight: 0.5, tolerance: 0.01 })
    expect(() => parseGates('recall >= 0.9 weight 2', known)).toThrow(ConfigError)
    expect(() => parseGates('recall non-inferior 0.01 weight 2', known)).toThrow(/weight applies to no-regression rules only/)
    expect(() => parseGates('recall no-regression weight 0', known)).toThrow(/positive/)
    expect(() => parseGates('recall no-regression weight -1', known)).toThrow(/positive/)
    expect(() => parseGates('recall no-regression weight four', known)).toThrow(/the weight "four" is not a number/)
    expect(() => parseGates('recall no-regression weight 2 weight 3', known)).toThrow(/weight is given twice/)
    expect(() => parseGates('recall no-regression weight', known)).toThrow(/weight needs a number/)
  })
  it('weighted Holm over the rules, named in the gate', () => {
    const rules = parseGates('accuracy no-regression; precision no-regression; recall no-regression weight 4; f1 no-regression', known)
    const p = { accuracy: 0.3, precision: 0.4, recall: 0.02, f1: 0.03 }
    const metrics = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, m(v)]))
    const gates = evaluateGates(rules, metrics, { alpha: 0.05, hasBaseline: true, missingBaseline: 'skip' })
    const want = weightedHolm([0.3, 0.4, 0.02, 0.03], [1, 1, 4, 1])
    gates.forEach((g, i) => expect(g.pValue).toBeCloseTo(want[i], 15))
    // recall: 7·0.005 = 0.035 < 0.05 fails; unweighted Holm would give 4·0.02 = 0.08.
    expect(gates[2]).toMatchObject({ status: 'fail', adjustment: 'weighted Holm', weight: 4 })
    expect(gates[2].detail).toContain('after weighted Holm')
    const plain = evaluateGates(parseGates('accuracy no-regression; precision no-regression; recall no-regression; f1 no-regression', known), metrics, { alpha: 0.05, hasBaseline: true, missingBaseline: 'skip' })
    expect(plain[2]).toMatchObject({ status: 'pass', adjustment: 'Holm' })
    expect(plain[2].weight).toBeUndefined()
  })
  it('weighted max-T and minP on the joint permutation of a real comparison', async () => {
    // 2,000 paired binary examples; the candidate trades recall for specificity: it turns 4% of the positives the
    // baseline gets right wrong (and fixes 15% of those it gets wrong), and fixes 20% of the negatives the baseline
    // gets wrong (0.5% the other way). Recall falls (one-sided p 0.049); accuracy, precision, f1 do not.
    const r = generator(5)
    const b: string[] = []
    const c: string[] = []
    for (let i = 0; i < 2000; i++) {
      const y = r() < 0.3 ? 1 : 0
      const baseRight = r() < (y ? 0.85 : 0.9)
      const flip = r() < (y ? (baseRight ? 0.04 : 0.15) : baseRight ? 0.005 : 0.2)
      const pb = baseRight ? y : 1 - y
      b.push(JSON.stringify({ id: i, label: y, prediction: pb }))
      c.push(JSON.stringify({ id: i, label: y, prediction: flip ? 1 - pb : pb }))
    }
    const run = (w: number, multiplicity: 'max-t' | 'westfall-young' | 'holm') =>
      compare({
        candidate: { name: 'c.jsonl', data: Buffer.from(c.join('\n')) },
        baseline: { name: 'b.jsonl', data: Buffer.from(b.join('\n')) },
        fields: DEFAULT_FIELDS,
        gates: `accuracy no-regression; precision no-regression; recall no-regression weight ${w}; f1 no-regression`,
        alpha: 0.05,
        resamples: 2000,
        seed: 0,
        missingBaseline: 'skip',
        multiplicity
      })
    const adjusted: Record<string, [number, number]> = {}
    for (const multiplicity of ['max-t', 'westfall-young', 'holm'] as const) {
      const one = await run(1, multiplicity)
      const four = await run(4, multiplicity)
      const name = { 'max-t': 'Westfall–Young max-T', 'westfall-young': 'Westfall–Young', holm: 'Holm' }[multiplicity]
      expect(one.gates[2].adjustment).toBe(name)
      expect(four.gates[2].adjustment).toBe(`weighted ${name}`)
      adjusted[multiplicity] = [one.gates[2].pValue as number, four.gates[2].pValue as number]
      if (multiplicity === 'holm') {
        // Weighted Holm by hand: recall's p/w is the smallest, times ΣW = 7.
        expect(four.gates[2].pValue as number).toBeCloseTo((7 * (four.metrics.recall.pValueWorse as number)) / 4, 14)
      }
    }
    // Recall's adjusted p, weight 1 → 4: max-T 0.074 → 0.046 (now a fail), minP 0.102 → 0.063, Holm 0.198 → 0.086.
    expect(adjusted['max-t'][0]).toBeGreaterThan(0.05)
    expect(adjusted['max-t'][1]).toBeLessThan(0.05)
    expect(adjusted['westfall-young'][1]).toBeLessThan(adjusted['westfall-young'][0])
    expect(adjusted.holm[1]).toBeLessThan(adjusted.holm[0])
    // The joint adjustments use the metrics' correlation: less than Holm's at either weight.
    expect(adjusted['max-t'][1]).toBeLessThan(adjusted.holm[1])
  })
  it('recall no-regression by class joins the max-T family (per-class metrics have a joint null)', async () => {
    const rows = (shift: number) =>
      Buffer.from(
        Array.from({ length: 900 }, (_, i) => {
          const label = ['a', 'b', 'c'][i % 3]
          const wrong = label === 'a' && i % 30 < shift
          return JSON.stringify({ id: i, label, prediction: wrong ? 'b' : label })
        }).join('\n')
      )
    const report = await compare({ candidate: { name: 'c.jsonl', data: rows(8) }, baseline: { name: 'b.jsonl', data: rows(0) }, fields: DEFAULT_FIELDS, gates: 'accuracy no-regression; recall no-regression by class weight 2', alpha: 0.05, resamples: 2000, seed: 0, missingBaseline: 'skip', multiplicity: 'max-t' })
    expect(report.gates[1]).toMatchObject({ status: 'fail', adjustment: 'weighted Westfall–Young max-T', classes: { tested: 3, failing: ['a'] } })
  })
})
