/**
 * DeLong's paired test of the one-vs-rest macro AUC (src/stats/delongMulticlass.ts) against: scikit-learn's
 * macro and per-class AUCs; a direct O(n²) construction from the U-statistic kernels (the K × K covariance matrix
 * of the class AUCs of both models, stratum by stratum); the binary DeLong test at K = 2; a simulation of the
 * variance it estimates; and R's pROC per class (each class against the rest: AUCs, DeLong variances, covariance,
 * z and p).
 */
import { describe, expect, it } from 'vitest'
import { delongPaired } from '../../src/stats/delong.js'
import { delongOvrMacro, ovrInfluence } from '../../src/stats/delongMulticlass.js'
import { streamFor } from '../../src/stats/random.js'

const y = [0, 1, 2, 0, 1, 2, 2, 1, 0, 1]
// prettier-ignore
const A = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.4, 0.4, 0.2], [0.3, 0.3, 0.4], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3], [0.1, 0.8, 0.1], [0.5, 0.25, 0.25], [0.4, 0.3, 0.3]]
// prettier-ignore
const B = [[0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.2, 0.3, 0.5], [0.2, 0.6, 0.2], [0.6, 0.2, 0.2], [0.3, 0.4, 0.3]]

/**
 * The direct definition: ψ(x, y) = 1 if x > y, ½ if equal; for class c, V10_c(i) = mean over negatives j of
 * ψ(s_ic, s_jc), V01_c(j) = mean over positives i. The components of AUC_c carried by an example of true class g
 * are V10_c/P_c (g = c) or V01_c/N_c (g ≠ c); Cov(A_c, A_c') = Σ_g n_g·cov_g(those of c, those of c'); the macro
 * difference is wᵀΣw with w = (−1/K for the baseline's classes, +1/K for the candidate's).
 */
function direct(truth: number[], pa: number[][], pb: number[][], k: number) {
  const n = truth.length
  const psi = (x: number, z: number) => (x > z ? 1 : x === z ? 0.5 : 0)
  // components[m][c][e]: model m, class c, example e.
  const components = [pa, pb].map((p) =>
    Array.from({ length: k }, (_, c) => {
      const pos = truth.flatMap((t, e) => (t === c ? [e] : []))
      const neg = truth.flatMap((t, e) => (t !== c ? [e] : []))
      return truth.map((t, e) =>
        t === c ? neg.reduce((s, j) => s + psi(p[e][c], p[j][c]), 0) / neg.length / pos.length : pos.reduce((s, i) => s + psi(p[i][c], p[e][c]), 0) / pos.length / neg.length
      )
    })
  )
  const auc = (m: number, c: number) => truth.reduce((s, t, e) => s + (t === c ? components[m][c][e] : 0), 0)
  const flat = [...components[0], ...components[1]]
  const w = [...Array(k).fill(-1 / k), ...Array(k).fill(1 / k)]
  const wB = [...Array(k).fill(0), ...Array(k).fill(1 / k)]
  let variance = 0
  let varianceB = 0
  for (let g = 0; g < k; g++) {
    const members = truth.flatMap((t, e) => (t === g ? [e] : []))
    const ng = members.length
    if (ng < 2) continue
    for (let u = 0; u < 2 * k; u++)
      for (let v = 0; v < 2 * k; v++) {
        const mu = members.reduce((s, e) => s + flat[u][e], 0) / ng
        const mv = members.reduce((s, e) => s + flat[v][e], 0) / ng
        const cov = (ng * members.reduce((s, e) => s + (flat[u][e] - mu) * (flat[v][e] - mv), 0)) / (ng - 1)
        variance += w[u] * w[v] * cov
        varianceB += wB[u] * wB[v] * cov
      }
  }
  const macro = (m: number) => Array.from({ length: k }, (_, c) => auc(m, c)).reduce((s, a) => s + a, 0) / k
  return { aucA: macro(0), aucB: macro(1), perClassA: Array.from({ length: k }, (_, c) => auc(0, c)), variance, varianceB, n }
}

const rowMajor = (rows: number[][]) => Float64Array.from(rows.flat())

describe('DeLong one-vs-rest macro AUC', () => {
  it('gives scikit-learn macro and per-class AUCs', () => {
    // /usr/bin/python3 (scikit-learn 1.2): roc_auc_score(y, P, multi_class="ovr", average="macro") and, per class c,
    // roc_auc_score(y == c, P[:, c]) → A: 0.876984126984127 [0.9761904761904763, 0.75, 0.9047619047619048];
    // B: 0.9851190476190476 [0.9761904761904762, 0.9791666666666667, 1.0]
    const r = delongOvrMacro(Uint32Array.from(y), rowMajor(A), rowMajor(B), 3, 0.05)
    expect(r?.aucA).toBeCloseTo(0.876984126984127, 14)
    expect(r?.aucB).toBeCloseTo(0.9851190476190476, 14)
    expect(r?.delta).toBeCloseTo(0.9851190476190476 - 0.876984126984127, 14)
    const perClass = ovrInfluence(Uint32Array.from(y), rowMajor(A), 3)?.perClass ?? []
    ;[0.9761904761904763, 0.75, 0.9047619047619048].forEach((a, c) => expect(perClass[c]).toBeCloseTo(a, 14))
  })

  it('equals the direct O(n²) construction from the kernels, on a small case and on one with many ties', () => {
    const small = direct(y, A, B, 3)
    const r = delongOvrMacro(Uint32Array.from(y), rowMajor(A), rowMajor(B), 3, 0.05)
    expect(r?.variance).toBeCloseTo(small.variance, 15)
    expect(r?.varianceB).toBeCloseTo(small.varianceB, 15)
    expect(small.variance).toBeGreaterThan(0)

    const rng = streamFor(3, 'delong-ovr')
    const k = 4
    const n = 160
    const truth = Array.from({ length: n }, () => Math.min(k - 1, Math.floor(rng.nextDouble() * k)))
    const draw = (shift: number) =>
      truth.map((t) => {
        const raw = Array.from({ length: k }, (_, c) => Math.round((rng.nextDouble() + (c === t ? shift : 0)) * 8) / 8 + 0.01)
        const s = raw.reduce((a, b) => a + b, 0)
        return raw.map((x) => x / s)
      })
    const pa = draw(0.4)
    const pb = draw(0.6)
    const big = direct(truth, pa, pb, k)
    const fast = delongOvrMacro(Uint32Array.from(truth), rowMajor(pa), rowMajor(pb), k, 0.05)
    expect(fast?.aucA).toBeCloseTo(big.aucA, 13)
    expect(fast?.aucB).toBeCloseTo(big.aucB, 13)
    expect(fast?.variance).toBeCloseTo(big.variance, 15)
    expect(fast?.varianceB).toBeCloseTo(big.varianceB, 15)
    expect(fast?.z).toBeCloseTo((big.aucB - big.aucA) / Math.sqrt(big.variance), 10)
  })

  it('is the binary DeLong test at K = 2', () => {
    const rng = streamFor(8, 'delong-ovr-2')
    const n = 200
    const positive = Uint8Array.from({ length: n }, () => (rng.nextDouble() < 0.3 ? 1 : 0))
    const a = Float64Array.from(positive, (t) => Math.round((0.3 * t + 0.7 * rng.nextDouble()) * 20) / 20)
    const b = Float64Array.from(positive, (t) => Math.round((0.45 * t + 0.55 * rng.nextDouble()) * 30) / 30)
    const two = (s: Float64Array) => Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 ? s[i >> 1] : 1 - s[i >> 1]))
    const binary = delongPaired(positive, a, b, 0.05)
    const ovr = delongOvrMacro(Uint32Array.from(positive), two(a), two(b), 2, 0.05)
    expect(ovr?.aucA).toBeCloseTo(binary?.aucA as number, 14)
    expect(ovr?.delta).toBeCloseTo(binary?.delta as number, 14)
    expect(ovr?.variance).toBeCloseTo(binary?.variance as number, 15)
    expect(ovr?.varianceB).toBeCloseTo(binary?.varianceB as number, 15)
    expect(ovr?.pValue).toBeCloseTo(binary?.pValue as number, 12)
    expect(ovr?.ciB[0]).toBeCloseTo(binary?.ciB[0] as number, 12)
  })

  it('estimates the variance of the macro AUC difference over repeated samples (the classes are correlated)', () => {
    // Fixed labels (the test conditions on them), 400 draws of two correlated models' scores: the DeLong variance,
    // averaged, should match the spread of the observed differences; treating the K AUCs as independent does not.
    const rng = streamFor(11, 'delong-ovr-sim')
    const k = 3
    const n = 240
    const truth = Uint32Array.from({ length: n }, (_, e) => e % k)
    const normal = () => Math.sqrt(-2 * Math.log(rng.nextDouble() || 1e-300)) * Math.cos(2 * Math.PI * rng.nextDouble())
    const deltas: number[] = []
    const variances: number[] = []
    const naive: number[] = []
    for (let rep = 0; rep < 400; rep++) {
      const pa = new Float64Array(n * k)
      const pb = new Float64Array(n * k)
      for (let e = 0; e < n; e++) {
        let sa = 0
        let sb = 0
        for (let c = 0; c < k; c++) {
          const shared = normal() + (c === truth[e] ? 1 : 0)
          pa[e * k + c] = Math.exp(shared + 0.7 * normal())
          pb[e * k + c] = Math.exp(shared + 0.7 * normal())
          sa += pa[e * k + c]
          sb += pb[e * k + c]
        }
        for (let c = 0; c < k; c++) {
          pa[e * k + c] /= sa
          pb[e * k + c] /= sb
        }
      }
      const r = delongOvrMacro(truth, pa, pb, k, 0.05)
      if (!r) throw new Error('undefined AUC')
      deltas.push(r.delta)
      variances.push(r.variance)
      // The per-class DeLong variances summed as if the classes were independent: Σ_c Var(ΔA_c)/K².
      let independent = 0
      for (let c = 0; c < k; c++) {
        const pos = Uint8Array.from(truth, (t) => (t === c ? 1 : 0))
        const column = (p: Float64Array) => Float64Array.from({ length: n }, (_, e) => p[e * k + c])
        independent += (delongPaired(pos, column(pa), column(pb), 0.05)?.variance as number) / (k * k)
      }
      naive.push(independent)
    }
    const mean = deltas.reduce((s, d) => s + d, 0) / deltas.length
    const empirical = deltas.reduce((s, d) => s + (d - mean) ** 2, 0) / (deltas.length - 1)
    const estimated = variances.reduce((s, v) => s + v, 0) / variances.length
    // 400 draws: the empirical variance has a relative standard error of about √(2/399) ≈ 7%.
    expect(estimated / empirical).toBeGreaterThan(0.8)
    expect(estimated / empirical).toBeLessThan(1.25)
    // (0.996 and 0.62 when written.)
    expect(naive.reduce((s, v) => s + v, 0) / naive.length / empirical).toBeLessThan(0.75)
  })
})

describe('multiclass roc_auc in a comparison', () => {
  it('reports the DeLong test, the candidate interval on the logit scale, and gates on it', async () => {
    const { compare } = await import('../../src/compare/compare.js')
    const { DEFAULT_FIELDS } = await import('../../src/read/predictionFile.js')
    const labels = ['a', 'b', 'c']
    const file = (rows: number[][]) =>
      Buffer.from(y.map((t, i) => JSON.stringify({ id: i, label: labels[t], prediction: labels[rows[i].indexOf(Math.max(...rows[i]))], scores: Object.fromEntries(labels.map((l, c) => [l, rows[i][c]])) })).join('\n'))
    const report = await compare({
      candidate: { name: 'candidate.jsonl', data: file(A) },
      baseline: { name: 'baseline.jsonl', data: file(B) },
      fields: DEFAULT_FIELDS,
      gates: 'roc_auc no-regression',
      alpha: 0.05,
      resamples: 200,
      seed: 0,
      missingBaseline: 'skip'
    })
    const auc = report.metrics.roc_auc
    const ref = delongOvrMacro(Uint32Array.from(y), rowMajor(B), rowMajor(A), 3, 0.05)
    expect(auc.test).toBe('delong')
    expect(auc.candidate).toBeCloseTo(0.876984126984127, 14)
    expect(auc.baseline).toBeCloseTo(0.9851190476190476, 14)
    expect(auc.pValue).toBeCloseTo(ref?.pValue as number, 14)
    expect(auc.pValueWorse).toBeCloseTo(ref?.pLess as number, 14)
    expect(auc.candidateCiMethod).toBe('delong-logit')
    expect(report.gates[0].pValue).toBeCloseTo(ref?.pLess as number, 14)
    expect(report.warnings.join(' ')).not.toMatch(/no paired test/)
  })
})

/**
 * R's pROC 1.18.0 (R 4.2.2, Debian's r-cran-proc) per class of a 3-class case: each class against the rest, the
 * paired DeLong test of the two models' columns. The data (45 examples, probabilities on a 0.05 grid, ties) and:
 *   d <- read.csv("data.csv"); for (c in 0:2) { resp <- as.integer(d$y == c)
 *     ra <- roc(resp, d[[paste0("a", c)]], levels = c(0, 1), direction = "<")  # and rb with "b"
 *     auc(ra); auc(rb); var(ra, method = "delong"); var(rb, method = "delong"); cov(ra, rb, method = "delong")
 *     roc.test(ra, rb, method = "delong", paired = TRUE) }  # its Z is (A − B)/se; ours is B − A
 */
const PROC_DATA = `
  0,0.3,0.4,0.3,0.55,0.3,0.15
  1,0.5,0.5,0,0.2,0.4,0.35
  2,0.35,0.1,0.5,0.3,0.35,0.3
  0,0.75,0.05,0.2,0.25,0.35,0.4
  1,0.25,0.45,0.3,0.2,0.6,0.2
  2,0.35,0.4,0.25,0.45,0.05,0.5
  0,0.3,0.4,0.3,0.5,0.1,0.4
  1,0.05,0.45,0.5,0.35,0.55,0.1
  2,0.35,0.25,0.45,0.35,0.2,0.45
  0,0.8,0.2,0,0.45,0.1,0.45
  1,0.05,0.75,0.25,0.05,0.85,0.1
  2,0.3,0.25,0.45,0.15,0.35,0.5
  0,0.9,0,0.05,0.6,0.25,0.15
  1,0.25,0.35,0.4,0.15,0.75,0.05
  2,0.15,0.3,0.55,0.15,0.05,0.8
  0,0.3,0.6,0.1,0.5,0.5,0.05
  1,0.35,0.55,0.1,0.35,0.25,0.4
  2,0.05,0.55,0.35,0.25,0.3,0.45
  0,0.55,0.3,0.1,0.6,0.15,0.3
  1,0.35,0.5,0.15,0.4,0.5,0.1
  2,0.15,0.4,0.45,0.3,0.2,0.5
  0,0.2,0.45,0.3,0.7,0.15,0.15
  1,0.1,0.9,0,0.2,0.4,0.4
  2,0.45,0.2,0.35,0.2,0.4,0.4
  0,0.25,0.4,0.35,0.45,0.55,0
  1,0,0.3,0.7,0.1,0.45,0.45
  2,0.05,0.5,0.45,0.35,0.25,0.4
  0,0.3,0.4,0.3,0.4,0.45,0.15
  1,0.15,0.7,0.15,0.2,0.55,0.25
  2,0.15,0.2,0.6,0.05,0.2,0.75
  0,0.45,0.3,0.25,0.5,0.15,0.35
  1,0.3,0.55,0.1,0.35,0.6,0.05
  2,0.15,0.35,0.5,0.35,0.15,0.5
  0,0.6,0.3,0.1,0.6,0.05,0.35
  1,0.55,0.4,0.05,0.15,0.75,0.05
  2,0.3,0.25,0.45,0.15,0.4,0.45
  0,0.4,0.25,0.35,0.5,0.3,0.2
  1,0.2,0.55,0.25,0.3,0.45,0.3
  2,0.05,0.4,0.55,0.35,0.2,0.45
  0,0.35,0.2,0.45,0.45,0.2,0.35
  1,0.55,0.25,0.2,0.4,0.35,0.25
  2,0.1,0.6,0.3,0.15,0.35,0.5
  0,0.5,0.35,0.15,0.3,0.35,0.3
  1,0.35,0.35,0.3,0.05,0.65,0.3
  2,0.25,0.15,0.6,0.3,0.35,0.35
`
// class: aucA, aucB, varA, varB, cov, Z (A − B), p
const PROC = [
  [0.78888888888888886, 0.93333333333333335, 0.004611263151493036, 0.0017863528553183723, -0.00054793833242109086, -1.6686248207188894, 0.095191756697926844],
  [0.7911111111111111, 0.9144444444444445, 0.0048757769263516396, 0.0018531533175211335, 0.000434005351821444, -1.6110076016519128, 0.10717806561325474],
  [0.88444444444444448, 0.92888888888888888, 0.0025760870887307666, 0.0013582436295079975, 2.5700906160676309e-5, -0.71324340133295661, 0.47569515386709327]
]

describe('per class, against R\'s pROC', () => {
  const rows = PROC_DATA.trim().split('\n').map((line) => line.trim().split(',').map(Number))
  const truth = rows.map((r) => r[0])
  const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)))

  it('gives pROC\'s AUC, DeLong variances, covariance, z and p of each class against the rest', () => {
    for (let c = 0; c < 3; c++) {
      const [aucA, aucB, varA, varB, cov, z, p] = PROC[c]
      const pos = Uint8Array.from(truth, (t) => (t === c ? 1 : 0))
      const d = delongPaired(pos, rows.map((r) => r[1 + c]), rows.map((r) => r[4 + c]), 0.05) as NonNullable<ReturnType<typeof delongPaired>>
      close(d.aucA, aucA)
      close(d.aucB, aucB)
      close(d.varianceB, varB)
      close(d.variance, varA + varB - 2 * cov)
      close(d.z, -z)
      close(d.pValue, p)
    }
  })

  it('and the macro\'s per-class AUCs are pROC\'s', () => {
    for (const [model, offset] of [[0, 1], [1, 4]]) {
      const probs = Float64Array.from(rows.flatMap((r) => r.slice(offset, offset + 3)))
      const influence = ovrInfluence(truth, probs, 3) as NonNullable<ReturnType<typeof ovrInfluence>>
      influence.perClass.forEach((auc, c) => close(auc, PROC[c][model]))
      close(influence.auc, (PROC[0][model] + PROC[1][model] + PROC[2][model]) / 3)
    }
  })
})
