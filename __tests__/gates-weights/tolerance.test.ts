/**
 * docs/gates.md "Tolerance": `METRIC no-regression tolerance T` fails only when the drop is significantly larger
 * than T — the one-sided test of the shifted null H₀: delta ≥ −T (src/gates/tolerance.ts): Tango's score test for
 * the McNemar metrics, the shifted paired t and DeLong z, and the bound's normal form elsewhere; parsing.
 *
 * Tango's Z by hand (Tango 1998, eq. in src/stats/tango.ts), checked once with Python 3.11 / scipy 1.10.1:
 *   B = −b − c + (2n − c + b)Δ₀, C = −bΔ₀(1 − Δ₀), q = (√(B² − 8nC) − B)/(4n), Z = (c − b − nΔ₀)/√(n(2q + Δ₀(1 − Δ₀)))
 *   b = 60, c = 40, n = 2000, Δ₀ = −0.005: Z = −1.005089490516654, Φ(Z) = 0.15742688008359323
 *   b = 30000, c = 20000, n = 10⁶, Δ₀ = −0.005: Z = −22.474484242658686, Φ(Z) = 3.687763480770036e-112
 *   b = 6, c = 4, n = 200: Z = −0.31783720423308337, Φ(Z) = 0.3753042139978953
 */
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../src/common/errors.js'
import { compare } from '../../src/compare/compare.js'
import { betterBound } from '../../src/gates/evaluate.js'
import { parseGates } from '../../src/gates/rules.js'
import { shiftedPValue } from '../../src/gates/tolerance.js'
import { metricNames } from '../../src/metrics/names.js'
import { normalQuantile, normalSf } from '../../src/stats/normal.js'
import { pairedT } from '../../src/stats/pairedT.js'
import { DEFAULT_FIELDS } from '../../src/read/predictionFile.js'
import type { MetricReport } from '../../src/report/schema.js'
import type { CompareOptions } from '../../src/tasks/options.js'
import { generator } from '../support.js'
import { erfc } from '../../src/stats/normal.js'

const erf = (x: number): number => 1 - erfc(x)

const labels = ['0', '1']
const known = { metrics: metricNames('binary', labels, true), labels }

describe('parsing tolerance', () => {
  it('on no-regression, plain, per slice, by class', () => {
    expect(parseGates('recall no-regression tolerance 0.005', known)[0]).toMatchObject({ kind: 'no-regression', metric: 'recall', tolerance: 0.005, text: 'recall no-regression tolerance 0.005' })
    expect(parseGates('recall no-regression tolerance 0.005 weight 3', known)[0]).toMatchObject({ tolerance: 0.005, weight: 3 })
    expect(parseGates('recall no-regression   weight 3   tolerance 0', known)[0]).toMatchObject({ tolerance: 0, weight: 3 })
    const slices = new Map([['region', ['EU', 'weight 3']]])
    expect(parseGates('recall@region=EU no-regression tolerance 0.01', { ...known, slices })[0]).toMatchObject({ slice: { field: 'region', value: 'EU' }, tolerance: 0.01 })
    expect(parseGates('recall no-regression by region tolerance 0.01', { ...known, slices })[0]).toMatchObject({ by: 'region', tolerance: 0.01 })
    // An option inside a quoted slice name is part of the name.
    expect(parseGates('recall@region="weight 3" no-regression', { ...known, slices })[0]).toMatchObject({ slice: { value: 'weight 3' } })
  })
  it('on non-inferior it is the margin; twice, or two margins, is an error', () => {
    expect(parseGates('recall non-inferior tolerance 0.01', known)[0]).toMatchObject({ kind: 'non-inferior', margin: 0.01, tolerance: 0.01 })
    expect(parseGates('recall non-inferior 0.01 tolerance 0.01', known)[0]).toMatchObject({ margin: 0.01 })
    expect(() => parseGates('recall non-inferior 0.02 tolerance 0.01', known)).toThrow(/one margin/)
    expect(() => parseGates('recall non-inferior', known)).toThrow(/non-inferior needs a margin/)
  })
  it('is refused where it means nothing, and must be a number ≥ 0', () => {
    expect(() => parseGates('recall delta >= -0.02 tolerance 0.01', known)).toThrow(/a delta rule's threshold is its margin already/)
    expect(() => parseGates('recall >= 0.9 tolerance 0.01', known)).toThrow(/tolerance applies to comparative rules/)
    expect(() => parseGates('recall no-regression tolerance -0.01', known)).toThrow(/must not be negative/)
    expect(() => parseGates('recall no-regression tolerance 1%', known)).toThrow(/the tolerance "1%" is not a number/)
    expect(() => parseGates('recall no-regression tolerance 0.1 tolerance 0.2', known)).toThrow(/tolerance is given twice/)
    expect(() => parseGates('recall no-regression tolerance', known)).toThrow(ConfigError)
  })
})

const metric = (over: Partial<MetricReport>): MetricReport => ({
  candidate: 0.8, baseline: 0.82, delta: -0.02, ci: [-0.04, 0], pValue: 0.05, candidateCi: null, test: 'permutation',
  direction: 'higher', pValueWorse: 0.025, worseBound: -0.0365, ciMethod: 'bootstrap-percentile', ...over
})

describe('the shifted tests', () => {
  it('tolerance 0 is the metric’s own test, unchanged', () => {
    expect(shiftedPValue('f1', metric({}), 0, { alpha: 0.05, examples: 100 })).toEqual({ pValueWorse: 0.025, test: 'permutation' })
  })
  it('the bound’s normal form (the JSDoc example) rejects at alpha exactly when the better-side bound is beyond −T', () => {
    const p = shiftedPValue('f1', metric({}), 0.005, { alpha: 0.05, examples: 2000 }) as { pValueWorse: number; test: string }
    expect(p.test).toBe('bound-normal')
    const se = 0.0165 / normalQuantile(0.95)
    expect(p.pValueWorse).toBeCloseTo(normalSf((0.02 - 0.005) / se), 15)
    // On a grid of changes and tolerances, both directions of better: p < alpha ⇔ the better-side bound is beyond −T.
    for (const alpha of [0.05, 0.1]) {
      for (let delta = -0.05; delta <= 0.01; delta += 0.0013) {
        for (const T of [0.001, 0.005, 0.02]) {
          const worseBound = delta - 0.012
          // (pValueWorse 0: the metric's own test rejects, so the shifted test decides alone.)
          const higher = shiftedPValue('f1', metric({ delta, worseBound, pValueWorse: 0 }), T, { alpha, examples: null }) as { pValueWorse: number }
          expect(higher.pValueWorse < alpha).toBe(betterBound(delta, worseBound) < -T)
          const lower = shiftedPValue('x', metric({ delta: -delta, worseBound: -worseBound, direction: 'lower', pValueWorse: 0 }), T, { alpha, examples: null }) as { pValueWorse: number }
          expect(lower.pValueWorse).toBeCloseTo(higher.pValueWorse, 14)
        }
      }
    }
  })
  it('never below the metric’s own one-sided p: a tolerance cannot fail what the plain rule passes', () => {
    // Shifted p 0.0674 (the JSDoc example) against an own p of 0.09 (say an exact McNemar): 0.09.
    expect(shiftedPValue('f1', metric({ pValueWorse: 0.09 }), 0.005, { alpha: 0.05, examples: 2000 })).toEqual({ pValueWorse: 0.09, test: 'bound-normal' })
  })
  it('paired t: exactly the t-test of the shifted differences, from the t interval or from the p', () => {
    const r = generator(3)
    // Per-example loss differences (lower is better): the candidate is worse by about 0.02.
    const d = Float64Array.from({ length: 400 }, () => 0.02 + 0.3 * (r() - 0.5) + 0.1 * (r() - 0.5))
    const t = pairedT(d, 0.05) as NonNullable<ReturnType<typeof pairedT>>
    const m = metric({ direction: 'lower', delta: t.mean, ci: t.ci, pValue: t.pValue, pValueWorse: t.pGreater, worseBound: t.upper, test: 'paired-t', ciMethod: 'paired-t' })
    const T = 0.01
    // H₀: delta ≤ T: the paired t of d − T, one-sided greater.
    const want = (pairedT(d.map((x) => x - T), 0.05) as NonNullable<ReturnType<typeof pairedT>>).pGreater
    const fromCi = shiftedPValue('log_loss', m, T, { alpha: 0.05, examples: 400 }) as { pValueWorse: number; test: string }
    expect(fromCi.test).toBe('paired-t-shifted')
    expect(fromCi.pValueWorse).toBeCloseTo(want, 12)
    // The scores task: the p is the paired t's, the interval a bootstrap's.
    const fromP = shiftedPValue('score', { ...m, ci: [0, 0.05], ciMethod: 'bootstrap-percentile' }, T, { alpha: 0.05, examples: 400 }) as { pValueWorse: number }
    expect(fromP.pValueWorse).toBeCloseTo(want, 9)
  })
  it('DeLong: the z of ΔAUC against −T with DeLong’s standard error', () => {
    const se = 0.01
    const z2 = normalQuantile(0.975)
    const m = metric({ test: 'delong', ciMethod: 'delong', delta: -0.025, ci: [-0.025 - z2 * se, -0.025 + z2 * se] })
    const p = shiftedPValue('roc_auc', m, 0.01, { alpha: 0.05, examples: 1000 }) as { pValueWorse: number; test: string }
    expect(p.test).toBe('delong-shifted')
    expect(p.pValueWorse).toBeCloseTo(normalSf((0.025 - 0.01) / se), 12)
  })
})

/** The 200-example cells of docs/gates.md's table (accuracy 92% → 91%: b = 6, c = 4), multiplied by `times`. */
function cells(times: number): Buffer {
  const rows: [number, number, number, number][] = [
    [1, 1, 1, 54], [1, 1, 0, 3], [1, 0, 1, 2], [1, 0, 0, 6], [0, 0, 0, 124], [0, 0, 1, 3], [0, 1, 0, 2], [0, 1, 1, 6]
  ]
  return Buffer.from(['label,baseline,candidate,count', ...rows.map(([l, b, c, n]) => `${l},${b},${c},${n * times}`)].join('\n'))
}
const cellsOptions = (times: number, gates: string, extra: Partial<CompareOptions> = {}): CompareOptions => ({
  candidate: { name: 'cells.csv', data: cells(times) },
  baseline: null,
  format: 'cells',
  fields: DEFAULT_FIELDS,
  gates,
  alpha: 0.05,
  resamples: 2000,
  seed: 0,
  missingBaseline: 'skip',
  ...extra
})

describe('tolerance in the gates', () => {
  it('accuracy −1 pt: Tango’s score test of a drop beyond 0.5 pts at n = 200, 2,000, 1,000,000', async () => {
    const want = { 1: 0.3753042139978953, 10: 0.15742688008359323, 5000: 3.687763480770036e-112 }
    for (const times of [1, 10, 5000] as const) {
      const report = await compare(cellsOptions(times, 'accuracy no-regression tolerance 0.005; accuracy no-regression'))
      const [tol, plain] = report.gates
      expect(tol.toleranceTest).toBe('tango-score')
      expect(tol.tolerance).toBe(0.005)
      // The rule's p is max(Tango, exact McNemar); Holm over the two rules: the smaller p doubled, the larger at least that.
      const exact = report.metrics.accuracy.pValueWorse as number
      const raw = Math.max(want[times], exact)
      // n = 200: Tango's 0.3753 is below the exact McNemar's 0.377, so the exact one stands; larger n: Tango's.
      expect(raw === exact).toBe(times === 1)
      const cap = (x: number): number => Math.min(1, x)
      const holm = raw <= exact ? [cap(2 * raw), cap(Math.max(2 * raw, exact))] : [cap(Math.max(2 * exact, raw)), cap(2 * exact)]
      expect(tol.pValue as number).toBeCloseTo(holm[0], 12)
      // At 10⁶ both are tiny: the relative error (Tango’s is the larger, so it stands as it is after Holm).
      if (times === 5000) expect((tol.pValue as number) / raw).toBeCloseTo(1, 9)
      expect(plain.pValue as number).toBeCloseTo(holm[1], 12)
      expect(tol.status).toBe(times === 5000 ? 'fail' : 'pass')
    }
    const at2000 = await compare(cellsOptions(10, 'accuracy no-regression tolerance 0.005'))
    expect(at2000.gates[0].detail).toBe(
      "accuracy fell 1.0 pts, 92.0% → 91.0% (95% CI " + at2000.gates[0].detail.split('(95% CI ')[1].split(')')[0] +
        "); one-sided p = 0.157 for a drop of more than 0.5 pts (Tango's score test) after Holm: not shown to be worse by more than 0.5 pts"
    )
    // Without the tolerance the same drop is significant at n = 2,000 (docs/gates.md's table: p = 0.028).
    expect((await compare(cellsOptions(10, 'accuracy no-regression'))).gates[0].status).toBe('fail')
  })
  it('a drop significant but within the tolerance passes; beyond it, fails', async () => {
    const big = await compare(cellsOptions(5000, 'accuracy no-regression tolerance 0.01; accuracy no-regression tolerance 0.009'))
    // Δ = −1.0 pt exactly: T = 0.01 cannot be beaten; T = 0.009 is (Z = −7.4 at n = 10⁶).
    expect(big.gates.map((g) => g.status)).toEqual(['pass', 'fail'])
    expect(big.gates[1].detail).toContain('significant regression beyond the tolerance of 0.9 pts')
  })
  it('max-T asked for with a tolerance falls back to Holm and says why', async () => {
    const report = await compare(cellsOptions(10, 'accuracy no-regression tolerance 0.005; recall no-regression', { multiplicity: 'max-t' }))
    expect(report.gates[0].adjustment).toBe('Holm')
    expect(report.gates[0].detail).toContain('(not Westfall–Young max-T: a rule with a tolerance tests a shifted null, which has no joint permutation)')
  })
  it('f1 (resampled) uses the bound’s normal form; recall Tango on the positives', async () => {
    const report = await compare(cellsOptions(10, 'f1 no-regression tolerance 0.005; recall no-regression tolerance 0.005'))
    expect(report.gates.map((g) => g.toleranceTest)).toEqual(['bound-normal', 'tango-score'])
    expect(report.gates[0].detail).toContain('(normal form of the confidence bound)')
  })
  it('per slice: the slice’s own Tango test, and by FIELD each slice’s', async () => {
    // Two regions; in EU the candidate loses 30 of 400 examples the baseline gets right and gains 5 (Δ = −6.25 pts).
    const rows: { c: string[]; b: string[] } = { c: [], b: [] }
    let id = 0
    const add = (region: string, n: number, base: number, cand: number) => {
      for (let i = 0; i < n; i++) {
        rows.b.push(JSON.stringify({ id, label: 1, prediction: base, region }))
        rows.c.push(JSON.stringify({ id: id++, label: 1, prediction: cand, region }))
      }
    }
    add('EU', 330, 1, 1); add('EU', 30, 1, 0); add('EU', 5, 0, 1); add('EU', 35, 0, 0)
    add('US', 360, 1, 1); add('US', 40, 0, 0)
    for (let i = 0; i < 300; i++) {
      rows.b.push(JSON.stringify({ id, label: 0, prediction: 0, region: i % 2 ? 'EU' : 'US' }))
      rows.c.push(JSON.stringify({ id: id++, label: 0, prediction: 0, region: i % 2 ? 'EU' : 'US' }))
    }
    const report = await compare({
      candidate: { name: 'c.jsonl', data: Buffer.from(rows.c.join('\n')) },
      baseline: { name: 'b.jsonl', data: Buffer.from(rows.b.join('\n')) },
      fields: DEFAULT_FIELDS, sliceFields: ['region'], alpha: 0.05, resamples: 1000, seed: 0, missingBaseline: 'skip',
      gates: 'recall@region=EU no-regression tolerance 0.02; recall no-regression by region tolerance 0.02'
    })
    const [one, by] = report.gates
    expect(one.toleranceTest).toBe('tango-score')
    // EU's positives: b = 30, c = 5, n = 400, Δ₀ = −0.02 (Tango's Z by the formula above): the p before Holm.
    const b = 30, c = 5, n = 400, d0 = -0.02
    const B = -b - c + (2 * n - c + b) * d0
    const C = -b * d0 * (1 - d0)
    const q = (Math.sqrt(B * B - 8 * n * C) - B) / (4 * n)
    const z = (c - b - n * d0) / Math.sqrt(n * (2 * q + d0 * (1 - d0)))
    const p = 0.5 * (1 + erf(z / Math.SQRT2))
    // Holm over three hypotheses (the EU rule, then EU and US of the by rule): EU's p twice, the smallest, ×3.
    expect(one.pValue as number).toBeCloseTo(Math.min(1, 3 * p), 10)
    expect(one.status).toBe('fail')
    expect(by.slice?.failing).toEqual(['EU'])
    expect(by.detail).toContain("for drops of more than 2.0 pts (Tango's score test)")
  })
})

