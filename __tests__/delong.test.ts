/**
 * DeLong's paired test in the fast midrank form against a direct O(n²) implementation of DeLong, DeLong &
 * Clarke-Pearson (1988): ψ(x, y) = 1 if x > y, 1/2 if equal, 0 otherwise; V10ᵢ = mean over negatives of
 * ψ(Xᵢ, Yⱼ), V01ⱼ = mean over positives of ψ(Xᵢ, Yⱼ); S = S10/m + S01/n.
 */
import { describe, expect, it } from 'vitest'
import { averagePrecision, rocAuc } from '../src/metrics/scores.js'
import { delongPaired } from '../src/stats/delong.js'
import { streamFor } from '../src/stats/random.js'

function direct(positive: Uint8Array, a: Float64Array, b: Float64Array) {
  const pos = [...positive.keys()].filter((i) => positive[i])
  const neg = [...positive.keys()].filter((i) => !positive[i])
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0)
  const comps = (s: Float64Array) => ({
    v10: pos.map((i) => neg.reduce((t, j) => t + psi(s[i], s[j]), 0) / neg.length),
    v01: neg.map((j) => pos.reduce((t, i) => t + psi(s[i], s[j]), 0) / pos.length)
  })
  const cov = (x: number[], y: number[]) => {
    const mx = x.reduce((t, v) => t + v, 0) / x.length
    const my = y.reduce((t, v) => t + v, 0) / y.length
    return x.reduce((t, v, i) => t + (v - mx) * (y[i] - my), 0) / (x.length - 1)
  }
  const A = comps(a)
  const B = comps(b)
  const s = (X: typeof A, Y: typeof A) => cov(X.v10, Y.v10) / pos.length + cov(X.v01, Y.v01) / neg.length
  const aucA = A.v10.reduce((t, v) => t + v, 0) / pos.length
  const aucB = B.v10.reduce((t, v) => t + v, 0) / pos.length
  return { aucA, aucB, variance: s(A, A) + s(B, B) - 2 * s(A, B), varianceB: s(B, B) }
}

describe('DeLong paired test', () => {
  it('equals the direct definition, with ties', () => {
    const rng = streamFor(5, 'delong')
    const n = 300
    const positive = Uint8Array.from({ length: n }, () => (rng.nextDouble() < 0.35 ? 1 : 0))
    const a = Float64Array.from(positive, (y) => Math.round((0.3 * y + 0.7 * rng.nextDouble()) * 20) / 20)
    const b = Float64Array.from(positive, (y, i) => Math.round((0.5 * y + 0.5 * rng.nextDouble() + 0.1 * a[i]) * 50) / 50)
    const fast = delongPaired(positive, a, b, 0.05)
    const ref = direct(positive, a, b)
    expect(fast?.aucA).toBeCloseTo(ref.aucA, 12)
    expect(fast?.aucB).toBeCloseTo(ref.aucB, 12)
    expect(fast?.aucA).toBeCloseTo(rocAuc(positive, a) as number, 12)
    expect(fast?.variance).toBeCloseTo(ref.variance, 14)
    expect(fast?.varianceB).toBeCloseTo(ref.varianceB, 14)
    const z = (ref.aucB - ref.aucA) / Math.sqrt(ref.variance)
    expect(fast?.z).toBeCloseTo(z, 10)
  })
  it('gives p = 1 for identical models and null for one class', () => {
    const positive = Uint8Array.of(0, 1, 0, 1, 1)
    const s = Float64Array.of(0.1, 0.9, 0.4, 0.3, 0.8)
    expect(delongPaired(positive, s, s, 0.05)).toMatchObject({ delta: 0, pValue: 1 })
    expect(delongPaired(Uint8Array.of(1, 1), Float64Array.of(0.1, 0.2), Float64Array.of(0.3, 0.4), 0.05)).toBeNull()
  })
})

describe('average precision with weights', () => {
  it('equals average precision of the data with each example repeated as often as its weight', () => {
    const rng = streamFor(9, 'ap')
    const n = 200
    const positive = Uint8Array.from({ length: n }, () => (rng.nextDouble() < 0.3 ? 1 : 0))
    const score = Float64Array.from({ length: n }, () => Math.round(rng.nextDouble() * 40) / 40)
    const weights = Uint32Array.from({ length: n }, () => Math.floor(rng.nextDouble() * 3))
    const repeatedPos: number[] = []
    const repeatedScore: number[] = []
    weights.forEach((w, i) => {
      for (let k = 0; k < w; k++) {
        repeatedPos.push(positive[i])
        repeatedScore.push(score[i])
      }
    })
    const weighted = averagePrecision(positive, score, undefined, weights)
    expect(weighted).toBeCloseTo(averagePrecision(Uint8Array.from(repeatedPos), Float64Array.from(repeatedScore)) as number, 14)
  })
})
