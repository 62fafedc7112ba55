/**
 * The cell reduction for numbers: grouping (both paths), weighted sums against direct per-example computations,
 * the cell bootstrap and the cell randomization against per-example resampling in distribution, the Bin(w, 1/2)
 * sampler against its pmf, and the work cap.
 */
import { describe, expect, it } from 'vitest'
import { regressionMetrics } from '../../src/metrics/regression.js'
import { bootstrapCells, halfBinomial, randomizeCells, resampleCells, resamplesForCells, uniformBelow, type CellStatistic } from '../../src/stats/cellResample.js'
import { mcnemarExact } from '../../src/stats/mcnemar.js'
import { streamFor, type Xoshiro128 } from '../../src/stats/random.js'
import { largestFirst, lexicographicOrder, valueCells, type ValueCells } from '../../src/stats/valueCells.js'
import { regressionStatistic } from '../../src/significance/numeric/regressionStatistics.js'
import { meanStatistic } from '../../src/significance/numeric/scoresStatistics.js'

/** n values drawn by `draw` from a seeded stream. */
function column(n: number, name: string, draw: (rng: Xoshiro128) => number): Float64Array {
  const rng = streamFor(11, name)
  return Float64Array.from({ length: n }, () => draw(rng))
}
const integer = (lo: number, hi: number) => (rng: Xoshiro128) => lo + Math.floor(rng.nextDouble() * (hi - lo + 1))

/** Direct grouping by text keys: the reference for valueCells. */
function directCells(columns: Float64Array[]): Map<string, number> {
  const out = new Map<string, number>()
  for (let i = 0; i < columns[0].length; i++) {
    const key = columns.map((c) => String(c[i] + 0)).join(',')
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}
const asMap = (cells: ValueCells): Map<string, number> => {
  const out = new Map<string, number>()
  for (let j = 0; j < cells.size; j++) out.set(cells.values.map((c) => String(c[j])).join(','), cells.weight[j])
  return out
}
const isSorted = (cells: ValueCells): boolean => {
  for (let j = 1; j < cells.size; j++) {
    for (let c = 0; c < cells.width; c++) {
      const d = cells.values[c][j] - cells.values[c][j - 1]
      if (d > 0) break
      if (d < 0) return false
      if (c === cells.width - 1) return false // equal tuples: not grouped
    }
  }
  return true
}

describe('valueCells', () => {
  const n = 5000
  const judgeB = column(n, 'jb', integer(1, 5))
  const judgeC = column(n, 'jc', integer(1, 5))
  const latency = column(n, 'lat', (r) => Math.round(r.nextDouble() * 3000) / 10)
  const other = column(n, 'lat2', (r) => Math.round(r.nextDouble() * 3000) / 10)
  it.each([
    ['judge (hash path)', [judgeB, judgeC], undefined],
    ['judge (sort path forced)', [judgeB, judgeC], 0],
    ['latency pairs (sort path: more cells than the hash takes)', [latency, other], 1000],
    ['latency pairs (hash path)', [latency, other], undefined],
    ['three columns, sort path', [judgeB, latency, judgeC], 0],
    ['one column', [judgeC], undefined]
  ] as [string, Float64Array[], number | undefined][])('%s: the same cells as grouping by text, in lexicographic order', (_, columns, hashCells) => {
    const cells = valueCells(columns, hashCells)
    expect(asMap(cells)).toEqual(directCells(columns))
    expect(cells.total).toBe(n)
    expect(isSorted(cells)).toBe(true)
  })
  it('counts −0 and +0 as one value, and keeps distinct doubles apart', () => {
    const cells = valueCells([Float64Array.of(-0, 0, 0.1 + 0.2, 0.3, 0.3)])
    expect(Array.from(cells.values[0])).toEqual([0, 0.3, 0.30000000000000004])
    expect(Array.from(cells.weight)).toEqual([2, 2, 1])
    expect(Object.is(cells.values[0][0], 0)).toBe(true)
    const sorted = valueCells([Float64Array.of(-0, 0, 0.1 + 0.2, 0.3, 0.3)], 0)
    expect(sorted).toEqual(cells)
  })
  it('does not depend on the order of the rows', () => {
    const rng = streamFor(5, 'shuffle')
    const order = Array.from({ length: n }, (_, i) => i)
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.nextDouble() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    const shuffled = [latency, judgeC].map((c) => Float64Array.from(order, (i) => c[i]))
    expect(valueCells(shuffled)).toEqual(valueCells([latency, judgeC]))
    expect(valueCells(shuffled, 0)).toEqual(valueCells([latency, judgeC]))
  })
  it('lexicographicOrder: small vectors, and a comparator sort on signed values of every magnitude (stable)', () => {
    expect(Array.from(lexicographicOrder([Float64Array.of(2, 1, 2), Float64Array.of(1, 5, 0)], 3))).toEqual([1, 2, 0])
    expect(Array.from(lexicographicOrder([Float64Array.of(1, 1, 1)], 3))).toEqual([0, 1, 2])
    expect(Array.from(lexicographicOrder([Float64Array.of(0, -0, -1e-300, 5e-324, -Infinity, Infinity, -2.5, 2.5)], 8))).toEqual([4, 6, 2, 0, 1, 3, 7, 5])
    const m = 20000
    const a = column(m, 'ra', (r) => (r.nextDouble() - 0.5) * 10 ** Math.floor(r.nextDouble() * 40 - 20))
    const b = column(m, 'rb', integer(-3, 3))
    const a2 = Float64Array.from(a, (v, i) => (i % 3 === 0 ? a[(i * 7) % m] : v))
    const expected = Array.from({ length: m }, (_, i) => i).sort((x, y) => a2[x] - a2[y] || b[x] - b[y] || x - y)
    expect(Array.from(lexicographicOrder([a2, b], m))).toEqual(expected)
  })
  it('orders largest first, ties in tuple order', () => {
    const cells = largestFirst(valueCells([Float64Array.of(3, 1, 1, 2, 2, 0)]))
    expect(Array.from(cells.values[0])).toEqual([1, 2, 0, 3])
    expect(Array.from(cells.weight)).toEqual([2, 2, 1, 1])
  })
})

describe('weighted sums over cells equal the per-example computation (1e-12)', () => {
  const n = 3000
  const y = column(n, 'y', (r) => Math.round(r.nextDouble() * 1000) / 10)
  const b = Float64Array.from(y, (v, i) => v + Math.round((Math.sin(i) * 50 + (i % 7)) * 10) / 10)
  const c = Float64Array.from(y, (v, i) => v + Math.round((Math.cos(i) * 40 - (i % 5)) * 10) / 10)
  const rel = (a: number, e: number) => Math.abs(a - e) / Math.max(1, Math.abs(e))

  it('means of a judge-like field', () => {
    const jb = column(n, 'mb', integer(1, 5))
    const jc = column(n, 'mc', integer(1, 5))
    const cells = valueCells([jb, jc])
    expect(cells.size).toBeLessThanOrEqual(25)
    const base = new Float64Array(1)
    const cand = new Float64Array(1)
    meanStatistic(cells).weighted(cells.weight, base, cand)
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length
    expect(rel(base[0], mean(jb))).toBeLessThan(1e-12)
    expect(rel(cand[0], mean(jc))).toBeLessThan(1e-12)
  })
  it('regression metrics, observed and under integer bootstrap weights', () => {
    const cells = valueCells([y, b, c])
    const stat = regressionStatistic(cells)
    const base = new Float64Array(4)
    const cand = new Float64Array(4)
    stat.weighted(cells.weight, base, cand)
    const direct = [regressionMetrics(y, b), regressionMetrics(y, c)]
    ;[base, cand].forEach((v, m) => {
      expect(rel(v[0], direct[m].mae)).toBeLessThan(1e-12)
      expect(rel(v[1], direct[m].rmse)).toBeLessThan(1e-12)
      expect(rel(v[2], direct[m].r2)).toBeLessThan(1e-12)
      expect(v[3]).toBe(direct[m].max_error)
    })
    // Random weights, some zero: the same as the metrics of the examples repeated by their weights.
    const rng = streamFor(2, 'weights')
    const x = Float64Array.from({ length: cells.size }, () => Math.floor(rng.nextDouble() * 3))
    stat.weighted(x, base, cand)
    const [cy, cb, cc] = cells.values
    expect(rel(cand[0], regressionMetrics(cy, cc, x).mae)).toBeLessThan(1e-12)
    expect(rel(base[2], regressionMetrics(cy, cb, x).r2)).toBeLessThan(1e-12)
    expect(base[3]).toBe(regressionMetrics(cy, cb, x).max_error)
  })
  it('regression metrics under a swap equal those of the examples with their predictions swapped (50 draws)', () => {
    // Ties in y and predictions so that cells hold several examples and a swap moves only some of them.
    const ty = Float64Array.from(y, (v) => Math.round(v / 10))
    const tb = Float64Array.from(b, (v) => Math.round(v / 10))
    const tc = Float64Array.from(c, (v) => Math.round(v / 10))
    for (const [yy, bb, cc] of [
      [y, b, c],
      [ty, tb, tc]
    ]) {
      const cells = largestFirst(valueCells([yy, bb, cc]))
      const stat = regressionStatistic(cells)
      const rng = streamFor(3, 'swaps')
      const s = new Float64Array(cells.size)
      const base = new Float64Array(4)
      const cand = new Float64Array(4)
      const [cy, cb, cc2] = cells.values
      for (let draw = 0; draw < 50; draw++) {
        for (const j of stat.swappable as Int32Array) s[j] = halfBinomial(rng, cells.weight[j])
        ;(stat.swapped as NonNullable<CellStatistic['swapped']>)(s, base, cand)
        // Expand: cell j's first s[j] examples swapped.
        const ey: number[] = []
        const eb: number[] = []
        const ec: number[] = []
        for (let j = 0; j < cells.size; j++)
          for (let w = 0; w < cells.weight[j]; w++) {
            const swap = w < s[j]
            ey.push(cy[j])
            eb.push(swap ? cc2[j] : cb[j])
            ec.push(swap ? cb[j] : cc2[j])
          }
        const rb = regressionMetrics(ey, eb)
        const rc = regressionMetrics(ey, ec)
        expect(Math.max(rel(base[0], rb.mae), rel(base[1], rb.rmse), rel(base[2], rb.r2))).toBeLessThan(1e-12)
        expect(Math.max(rel(cand[0], rc.mae), rel(cand[1], rc.rmse), rel(cand[2], rc.r2))).toBeLessThan(1e-12)
        expect([base[3], cand[3]]).toEqual([rb.max_error, rc.max_error])
      }
    }
  })
})

/** χ² statistic comparing two count vectors of equal totals (homogeneity), pooling bins with fewer than 10. */
function twoSampleChiSquare(a: Map<number, number>, b: Map<number, number>): { stat: number; df: number } {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)
  let stat = 0
  let df = -1
  let pa = 0
  let pb = 0
  const flush = () => {
    stat += (pa - pb) ** 2 / (pa + pb)
    df++
    pa = pb = 0
  }
  for (const k of keys) {
    pa += a.get(k) ?? 0
    pb += b.get(k) ?? 0
    if (pa + pb >= 10) flush()
  }
  if (pa + pb > 0) flush()
  return { stat, df }
}
/** Upper 0.999 quantile of χ²(df), Wilson–Hilferty (as __tests__/stats/primitives.test.ts). */
const chi999 = (df: number): number => df * (1 - 2 / (9 * df) + 3.090232306167813 * Math.sqrt(2 / (9 * df))) ** 3
const histogram = (values: ArrayLike<number>, scale: number): Map<number, number> => {
  const out = new Map<number, number>()
  for (let i = 0; i < values.length; i++) {
    const k = Math.round(values[i] * scale)
    out.set(k, (out.get(k) ?? 0) + 1)
  }
  return out
}

/** Per-example paired bootstrap of the mean delta: n indices drawn uniformly, R times (the textbook form). */
function perExampleBootstrap(b: Float64Array, c: Float64Array, R: number, rng: Xoshiro128): Float64Array {
  const n = b.length
  const out = new Float64Array(R)
  for (let r = 0; r < R; r++) {
    let s = 0
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rng.nextDouble() * n)
      s += c[k] - b[k]
    }
    out[r] = s / n
  }
  return out
}

describe('cell bootstrap against the per-example bootstrap, in distribution', () => {
  const R = 20000
  // n = 300 examples in ≤ 16 cells: the conditional binomial path (n > 8 × cells).
  const n = 300
  const b = column(n, 'bb', integer(0, 3))
  const c = column(n, 'bc', integer(0, 3))
  it('binomial path: n·Δ* has the same distribution (two-sample χ², 0.999)', () => {
    const cells = largestFirst(valueCells([b, c]))
    expect(n).toBeGreaterThan(8 * cells.size)
    const cellDeltas = bootstrapCells(cells, meanStatistic(cells), R, streamFor(1, 'cells')).deltas[0]
    const direct = perExampleBootstrap(b, c, R, streamFor(1, 'direct'))
    const { stat, df } = twoSampleChiSquare(histogram(cellDeltas, n), histogram(direct, n))
    expect(stat, `χ² = ${stat.toFixed(1)} on ${df} df`).toBeLessThan(chi999(df))
  })
  it('uniform-draw path (few examples per cell): same distribution', () => {
    const m = 400
    const bb = column(m, 'ub', (r) => Math.round(r.nextDouble() * 1000) / 10)
    const cc = Float64Array.from(bb, (v, i) => v + (i % 3) - 1)
    const cells = largestFirst(valueCells([bb, cc]))
    expect(m).toBeLessThanOrEqual(8 * cells.size)
    const cellDeltas = bootstrapCells(cells, meanStatistic(cells), R, streamFor(1, 'cells-u')).deltas[0]
    const direct = perExampleBootstrap(bb, cc, R, streamFor(1, 'direct-u'))
    const { stat, df } = twoSampleChiSquare(histogram(cellDeltas, m), histogram(direct, m))
    expect(stat, `χ² = ${stat.toFixed(1)} on ${df} df`).toBeLessThan(chi999(df))
  })
  it('is caught when wrong: cells drawn with equal weights (ignoring the counts) fail the same test', () => {
    const cells = largestFirst(valueCells([b, c]))
    const wrong: ValueCells = { ...cells, weight: cells.weight.map(() => n / cells.size) }
    const stat = meanStatistic(cells)
    const cellDeltas = bootstrapCells(wrong, stat, R, streamFor(1, 'cells')).deltas[0]
    const direct = perExampleBootstrap(b, c, R, streamFor(1, 'direct'))
    const { stat: chi, df } = twoSampleChiSquare(histogram(cellDeltas, n), histogram(direct, n))
    expect(chi).toBeGreaterThan(chi999(df))
  })
})

describe('cell randomization against per-example sign flips, in distribution', () => {
  const R = 20000
  const n = 300
  const b = column(n, 'ab', integer(0, 3))
  const c = column(n, 'ac', integer(0, 4))
  /** meanStatistic, recording every δ* the randomization computes. */
  function recording(cells: ValueCells, into: number[]): CellStatistic {
    const inner = meanStatistic(cells)
    return {
      ...inner,
      swapped(s, base, cand) {
        ;(inner.swapped as NonNullable<CellStatistic['swapped']>)(s, base, cand)
        into.push(cand[0] - base[0])
      }
    }
  }
  it('n·δ* has the same distribution as under per-example swaps; the hits count it', () => {
    const cells = largestFirst(valueCells([b, c]))
    const seen: number[] = []
    const stat = recording(cells, seen)
    const observed = Float64Array.of(0.05)
    const hits = randomizeCells(cells, stat, observed, ['higher'], R, streamFor(2, 'perm'))
    const rng = streamFor(2, 'flips')
    const direct: number[] = []
    for (let r = 0; r < R; r++) {
      let s = 0
      for (let i = 0; i < n; i++) s += rng.nextDouble() < 0.5 ? c[i] - b[i] : b[i] - c[i]
      direct.push(s / n)
    }
    const { stat: chi, df } = twoSampleChiSquare(histogram(seen, n), histogram(direct, n))
    expect(chi, `χ² = ${chi.toFixed(1)} on ${df} df`).toBeLessThan(chi999(df))
    // The hits are the recorded values at or beyond the observed delta.
    expect(hits.twoSided[0]).toBe(seen.filter((d) => Math.abs(d) >= 0.05 - 1e-14).length)
    expect(hits.worse[0]).toBe(seen.filter((d) => d <= 0.05 + 1e-14).length)
  })
  it('on a 0/1 field the randomization p-value is McNemar\'s exact p (METHODS.md), within Monte Carlo error', () => {
    // 40 pairs only the baseline passes, 24 only the candidate: mcnemarExact(40, 24) (statsmodels: 0.0600…).
    const bb = new Float64Array(500)
    const cc = new Float64Array(500)
    for (let i = 0; i < 40; i++) bb[i] = 1
    for (let i = 40; i < 64; i++) cc[i] = 1
    for (let i = 64; i < 300; i++) bb[i] = cc[i] = 1
    const cells = valueCells([bb, cc])
    const res = resampleCells(cells, meanStatistic, { name: 'mcnemar-check', directions: ['higher'], resamples: R, alpha: 0.05, seed: 0, withTest: true })
    const exact = mcnemarExact(40, 24)
    const p = res.metrics[0].pValue as number
    expect(Math.abs(p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / R))
    expect(res.test).toBe('permutation')
  })
})

describe('Bin(w, 1/2) by popcount: χ² against the exact pmf', () => {
  const pmf = (w: number): number[] => {
    const out: number[] = []
    let c = 1
    for (let k = 0; k <= w; k++) {
      out.push(c / 2 ** w)
      c = (c * (w - k)) / (k + 1)
    }
    return out
  }
  it.each([1, 2, 7, 31, 32, 33, 100])('w = %i', (w) => {
    const rng = streamFor(9, `half:${w}`)
    const draws = 40000
    const counts = new Map<number, number>()
    let outside = 0
    for (let i = 0; i < draws; i++) {
      const x = halfBinomial(rng, w)
      if (!(x >= 0 && x <= w && Number.isInteger(x))) outside++
      counts.set(x, (counts.get(x) ?? 0) + 1)
    }
    expect(outside).toBe(0)
    let stat = 0
    let df = -1
    let po = 0
    let pe = 0
    pmf(w).forEach((q, k) => {
      po += counts.get(k) ?? 0
      pe += q * draws
      if (pe >= 5) {
        stat += (po - pe) ** 2 / pe
        df++
        po = pe = 0
      }
    })
    expect(stat, `χ² = ${stat.toFixed(1)} on ${df} df`).toBeLessThan(chi999(Math.max(df, 1)))
  })
  it('uniformBelow stays in range and is uniform (χ², 10 bins)', () => {
    const rng = streamFor(9, 'uniform')
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < 50000; i++) counts[uniformBelow(rng, 10)]++
    const stat = counts.reduce((s, o) => s + (o - 5000) ** 2 / 5000, 0)
    expect(stat).toBeLessThan(chi999(9))
    expect(uniformBelow(rng, 1)).toBe(0)
  })
})

describe('work cap', () => {
  it('resamplesForCells: all up to the cap, then cap / cells, at least 20', () => {
    expect(resamplesForCells(10000, 25)).toBe(10000)
    expect(resamplesForCells(10000, 2000)).toBe(10000)
    expect(resamplesForCells(10000, 4000)).toBe(5000)
    expect(resamplesForCells(10000, 1_000_000)).toBe(20)
    expect(resamplesForCells(10000, 1e9)).toBe(20)
  })
  it('capped below 1,000 resamples: the normal interval from the bootstrap SE, close to the uncapped percentile one', () => {
    const n = 4000
    const b = column(n, 'cb', (r) => Math.round(r.nextDouble() * 5000) / 10)
    const c = Float64Array.from(b, (v, i) => v + Math.round(Math.sin(i * 7) * 300) / 10 - 1)
    const cells = valueCells([b, c])
    const opts = { name: 'cap', directions: ['higher' as const], resamples: 4000, alpha: 0.05, seed: 0, withTest: true }
    const full = resampleCells(cells, meanStatistic, opts)
    const capped = resampleCells(cells, meanStatistic, { ...opts, workCap: 500 * cells.size })
    expect(full.resamples).toBe(4000)
    expect(full.method).toBe('bootstrap-percentile')
    expect(capped.resamples).toBe(500)
    expect(capped.method).toBe('bootstrap-normal')
    expect(capped.test).toBe('bootstrap-normal')
    const [lo, hi] = full.metrics[0].ci as [number, number]
    const [a, z] = capped.metrics[0].ci as [number, number]
    // Symmetric about the observed delta, and within a tenth of the width of the percentile interval.
    expect((a + z) / 2).toBeCloseTo(full.candidate[0] - full.baseline[0], 12)
    expect(Math.abs(a - lo)).toBeLessThan(0.1 * (hi - lo))
    expect(Math.abs(z - hi)).toBeLessThan(0.1 * (hi - lo))
    // The z-test agrees with the randomization p in size: both far from / near the same side of alpha.
    expect(Math.abs((capped.metrics[0].pValue as number) - (full.metrics[0].pValue as number))).toBeLessThan(0.05)
  })
})
