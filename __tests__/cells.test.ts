/**
 * Sparse cells (src/pair/cellTable.ts) against their definitions: each count, per-class table and McNemar count is checked
 * against a direct count over the examples; the resampler over sparse cells against the dense resampler it
 * replaced (kept below as the reference, verbatim in its arithmetic and in the order it drew random numbers), so
 * the same seed gives the same intervals and p-values to the bit. Random tables come from the project's seeded
 * generator, never Math.random.
 */
import { describe, expect, it } from 'vitest'
import {
  cellsFromTriples,
  classTables,
  collapseCells,
  confusionEntries,
  discordant,
  discordantByClass,
  fromDense,
  type CellTable
} from '../src/pair/cellTable.js'
import { aggregateMetrics, evaluator, perClassMetrics, type NamedCmMetric } from '../src/metrics/classification.js'
import { classSums, cohenKappa, f1Avg, type ClassSums } from '../src/metrics/confusion.js'
import { direction } from '../src/metrics/names.js'
import { binomial } from '../src/stats/binomial.js'
import { multinomial } from '../src/stats/multinomial.js'
import { percentileInterval, quantileSorted7 } from '../src/stats/quantile.js'
import { streamFor, type Xoshiro128 } from '../src/stats/random.js'
import { classSumsOfCells, confusionMatrices, resampleFamily } from '../src/significance/classification/classificationResample.js'
import { type ResampledMetric } from '../src/stats/resampledMetric.js'
import { quantiles } from '../src/stats/quantile.js'

interface Examples {
  k: number
  t: Int32Array
  b: Int32Array
  c: Int32Array
}

/** n examples over k labels; `skew` concentrates them on the first labels so that some cells stay empty. */
function examples(rng: Xoshiro128, k: number, n: number, skew = 2): Examples {
  const draw = (): number => Math.min(k - 1, Math.floor(Math.pow(rng.nextDouble(), skew) * k))
  const t = new Int32Array(n)
  const b = new Int32Array(n)
  const c = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    t[i] = draw()
    b[i] = rng.nextDouble() < 0.6 ? t[i] : draw()
    c[i] = rng.nextDouble() < 0.65 ? t[i] : draw()
  }
  return { k, t, b, c }
}

/** The definition: a dense count per (t, b, c), index (t·k + b)·k + c. */
function denseCount(e: Examples): Float64Array {
  const counts = new Float64Array(e.k ** 3)
  for (let i = 0; i < e.t.length; i++) counts[(e.t[i] * e.k + e.b[i]) * e.k + e.c[i]]++
  return counts
}

const cellsOf = (e: Examples): CellTable => cellsFromTriples(e.k, e.t, e.b, e.c)

describe('cellsFromTriples', () => {
  it('lists exactly the non-empty cells, in dense index order, with their counts (K = 2..7, random tables)', () => {
    const rng = streamFor(1, 'cells-test')
    for (let k = 2; k <= 7; k++) {
      for (const n of [1, 5, 40, 300]) {
        const e = examples(rng, k, n)
        const dense = denseCount(e)
        const table = cellsOf(e)
        const expected: [number, number, number, number][] = []
        dense.forEach((x, j) => {
          if (x > 0) expected.push([Math.floor(j / (k * k)), Math.floor(j / k) % k, j % k, x])
        })
        const got = Array.from({ length: table.size }, (_, j): [number, number, number, number] => [table.t[j], table.b[j], table.c[j], table.count[j]])
        expect(got, `k=${k} n=${n}`).toEqual(expected)
        expect(table.total).toBe(n)
      }
    }
  })

  it('the radix path (K³ > 2¹⁸) gives the cells of a direct count keyed by the triple', () => {
    const rng = streamFor(2, 'cells-test')
    for (const k of [65, 300, 100_000]) {
      const e = examples(rng, k, 5000, 1)
      const direct = new Map<string, number>()
      for (let i = 0; i < 5000; i++) {
        const key = `${e.t[i]},${e.b[i]},${e.c[i]}`
        direct.set(key, (direct.get(key) ?? 0) + 1)
      }
      const expected = [...direct]
        .map(([key, x]) => [...key.split(',').map(Number), x])
        .sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2])
      const table = cellsOf(e)
      const got = Array.from({ length: table.size }, (_, j) => [table.t[j], table.b[j], table.c[j], table.count[j]])
      expect(got, `k=${k}`).toEqual(expected)
    }
  })

  it('an empty set of examples gives an empty table', () => {
    const table = cellsFromTriples(3, [], [], [])
    expect([table.size, table.total]).toEqual([0, 0])
  })

  it('fromDense is the inverse of the dense count', () => {
    const e = examples(streamFor(3, 'cells-test'), 5, 200)
    const dense = denseCount(e)
    const table = fromDense(5, dense)
    const back = new Float64Array(125)
    for (let j = 0; j < table.size; j++) back[(table.t[j] * 5 + table.b[j]) * 5 + table.c[j]] = table.count[j]
    expect(back).toEqual(dense)
  })
})

describe('per-class tables, McNemar counts, sums and confusion matrices from sparse cells', () => {
  const rng = streamFor(4, 'cells-test')
  const cases = [2, 3, 5, 7, 70].map((k) => examples(rng, k, 400))

  it('classTables and collapseCells equal a direct count of (t = L, b = L, c = L) over the examples', () => {
    for (const e of cases) {
      const table = cellsOf(e)
      const blocks = classTables(table)
      for (let label = 0; label < e.k; label++) {
        const direct = new Float64Array(8)
        for (let i = 0; i < e.t.length; i++) {
          direct[((e.t[i] === label ? 1 : 0) * 2 + (e.b[i] === label ? 1 : 0)) * 2 + (e.c[i] === label ? 1 : 0)]++
        }
        expect(Array.from(blocks.subarray(label * 8, label * 8 + 8)), `k=${e.k} class ${label}`).toEqual(Array.from(direct))
        expect(collapseCells(table, label)).toEqual(direct)
      }
    }
  })

  it('discordant and discordantByClass equal a direct count of right/wrong pairs', () => {
    for (const e of cases) {
      const table = cellsOf(e)
      const byClass = discordantByClass(table)
      const direct = (keep: (t: number) => boolean) => {
        const d = { b: 0, c: 0, n: 0, bothRight: 0 }
        for (let i = 0; i < e.t.length; i++) {
          if (!keep(e.t[i])) continue
          d.n++
          const br = e.b[i] === e.t[i]
          const cr = e.c[i] === e.t[i]
          if (br && !cr) d.b++
          else if (!br && cr) d.c++
          else if (br && cr) d.bothRight++
        }
        return d
      }
      expect(discordant(table, null)).toEqual(direct(() => true))
      expect(discordant(table, [0, e.k - 1])).toEqual(direct((t) => t === 0 || t === e.k - 1))
      for (let label = 0; label < e.k; label++) {
        const d = direct((t) => t === label)
        expect([byClass.b[label], byClass.c[label], byClass.n[label], byClass.bothRight[label]]).toEqual([d.b, d.c, d.n, d.bothRight])
      }
    }
  })

  it('class sums, dense matrices and sparse entries equal the matrices counted from the examples', () => {
    for (const e of cases) {
      const k = e.k
      const table = cellsOf(e)
      const cmB = new Float64Array(k * k)
      const cmC = new Float64Array(k * k)
      for (let i = 0; i < e.t.length; i++) {
        cmB[e.t[i] * k + e.b[i]]++
        cmC[e.t[i] * k + e.c[i]]++
      }
      const m = confusionMatrices(table)
      expect(m.baseline).toEqual(cmB)
      expect(m.candidate).toEqual(cmC)
      expect(classSumsOfCells(table, 'baseline')).toEqual(classSums(cmB, k))
      expect(classSumsOfCells(table, 'candidate')).toEqual(classSums(cmC, k))
      const entries = confusionEntries(table)
      const nonZero = (cm: Float64Array) => Array.from(cm).flatMap((x, j) => (x > 0 ? [[Math.floor(j / k), j % k, x]] : []))
      expect(entries.baseline).toEqual(nonZero(cmB))
      expect(entries.candidate).toEqual(nonZero(cmC))
    }
  })
})

// ---- The dense resampler this change replaced: the reference for "same seed, same numbers". ----

function denseFill(k: number, cells: Int32Array, values: ArrayLike<number>, valueAtCell: boolean): { sB: ClassSums; sC: ClassSums } {
  const cmB = new Float64Array(k * k)
  const cmC = new Float64Array(k * k)
  for (let j = 0; j < cells.length; j++) {
    const x = valueAtCell ? values[cells[j]] : values[j]
    if (x === 0) continue
    const cell = cells[j]
    cmB[Math.floor(cell / (k * k)) * k + (Math.floor(cell / k) % k)] += x
    cmC[Math.floor(cell / (k * k)) * k + (cell % k)] += x
  }
  return { sB: classSums(cmB, k), sC: classSums(cmC, k) }
}

function denseNonZero(counts: Float64Array): Int32Array {
  const cells: number[] = []
  for (let j = 0; j < counts.length; j++) if (counts[j] > 0) cells.push(j)
  cells.sort((a, b) => counts[b] - counts[a] || a - b)
  return Int32Array.from(cells)
}

function denseResample(name: string, k: number, counts: Float64Array, metrics: readonly NamedCmMetric[], R: number, alpha: number, seed: number): Map<string, ResampledMetric> {
  const value = (s: ClassSums) => metrics.map((m) => m.fn(s))
  const all = denseNonZero(counts)
  const obsSums = denseFill(k, all, counts, true)
  const observed = value(obsSums.sC).map((v, i) => v - value(obsSums.sB)[i])
  // Bootstrap.
  const boot = streamFor(seed, `bootstrap:${name}`)
  const weights = Float64Array.from(all, (j) => counts[j])
  const n = weights.reduce((a, x) => a + x, 0)
  const draw = new Float64Array(all.length)
  const deltas = metrics.map(() => new Float64Array(R))
  const cands = metrics.map(() => new Float64Array(R))
  for (let r = 0; r < R; r++) {
    multinomial(boot, n, weights, draw)
    const { sB, sC } = denseFill(k, all, draw, false)
    metrics.forEach((m, i) => {
      deltas[i][r] = m.fn(sC) - m.fn(sB)
      cands[i][r] = m.fn(sC)
    })
  }
  // Permutation.
  const perm = streamFor(seed, `permutation:${name}`)
  const swapOf = (j: number): number => {
    const c = j % k
    const b = Math.floor(j / k) % k
    return j - b * k - c + c * k + b
  }
  const source = Array.from(all).filter((j) => swapOf(j) !== j)
  source.sort((a, b) => a - b)
  const active = Int32Array.from(new Set([...all, ...source.map(swapOf)]))
  const moved = new Float64Array(counts.length)
  const two = new Float64Array(metrics.length)
  const worse = new Float64Array(metrics.length)
  for (let r = 0; r < R; r++) {
    for (const j of active) moved[j] = counts[j]
    for (const j of source) {
      const s = binomial(perm, counts[j], 0.5)
      moved[j] -= s
      moved[swapOf(j)] += s
    }
    const { sB, sC } = denseFill(k, active, moved, true)
    metrics.forEach((m, i) => {
      const d = m.fn(sC) - m.fn(sB)
      const gamma = Math.max(1e-14, 1e-14 * Math.abs(observed[i]))
      if (Math.abs(d) >= Math.abs(observed[i]) - gamma) two[i]++
      if (direction(m.name) === 'lower' ? d >= observed[i] - gamma : d <= observed[i] + gamma) worse[i]++
    })
  }
  const out = new Map<string, ResampledMetric>()
  metrics.forEach((m, i) => {
    if (Number.isNaN(observed[i])) {
      out.set(m.name, { ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null })
      return
    }
    const d = deltas[i].filter((x) => !Number.isNaN(x))
    const c = cands[i].filter((x) => !Number.isNaN(x))
    const ci = d.length > 0 ? percentileInterval(d, alpha) : null
    out.set(m.name, {
      ci,
      candidateCi: c.length > 0 ? percentileInterval(c, alpha) : null,
      worseBound: d.length > 0 ? quantileSorted7(d, direction(m.name) === 'lower' ? 1 - alpha : alpha) : null,
      pValue: (two[i] + 1) / (R + 1),
      pValueWorse: (worse[i] + 1) / (R + 1)
    })
  })
  return out
}

describe('resampling over sparse cells draws what the dense table drew', () => {
  const settings = { resamples: 400, alpha: 0.05, seed: 11 }

  it('the full table (K = 2..7, binary and multiclass metrics): the same intervals and p-values to the bit', () => {
    const rng = streamFor(5, 'cells-test')
    for (let k = 2; k <= 7; k++) {
      const e = examples(rng, k, 60 + 40 * k)
      const metrics = aggregateMetrics(k === 2 ? 'binary' : 'multiclass', k, k === 2 ? 1 : null)
      const sparse = resampleFamily({ name: 'table', cells: cellsOf(e), metrics }, direction, settings)
      const dense = denseResample('table', k, denseCount(e), metrics, settings.resamples, settings.alpha, settings.seed)
      expect(sparse, `k=${k}`).toEqual(dense)
    }
  })

  it('a class against the rest: the scalar path gives the dense numbers for precision, recall, f1 deltas and the F1 interval', () => {
    const rng = streamFor(6, 'cells-test')
    for (let k = 5; k <= 7; k++) {
      const e = examples(rng, k, 300)
      const blocks = classTables(cellsOf(e))
      for (let label = 0; label < k; label++) {
        const counts = blocks.slice(label * 8, label * 8 + 8)
        const metrics = perClassMetrics(`c${label}`)
        const name = `class:c${label}`
        const fast = resampleFamily({ name, cells: fromDense(2, counts), metrics, perClass: true }, direction, settings)
        const dense = denseResample(name, 2, counts, metrics, settings.resamples, settings.alpha, settings.seed)
        for (const [i, m] of metrics.entries()) {
          const f = fast.get(m.name) as ResampledMetric
          const d = dense.get(m.name) as ResampledMetric
          if (m.name.startsWith('support[')) {
            expect(f).toEqual({ ci: null, candidateCi: null, worseBound: null, pValue: null, pValueWorse: null })
            continue
          }
          expect([f.ci, f.worseBound, f.pValue, f.pValueWorse], `${name} ${m.name}`).toEqual([d.ci, d.worseBound, d.pValue, d.pValueWorse])
          // Precision's and recall's own intervals are Wilson's (statistics.ts): only F1's is resampled.
          expect(f.candidateCi).toEqual(i === 2 ? d.candidateCi : null)
        }
      }
    }
  })

  it('without a baseline (withTest false) no permutation numbers are drawn', () => {
    const e = examples(streamFor(7, 'cells-test'), 3, 100)
    const r = resampleFamily({ name: 'table', cells: cellsOf(e), metrics: aggregateMetrics('multiclass', 3, null) }, direction, settings, false)
    expect([...r.values()].every((m) => m.pValue === null && m.pValueWorse === null)).toBe(true)
  })
})

describe('metric evaluation without the dense matrix', () => {
  it('evaluator() equals each metric function to the bit (K = 2..70)', () => {
    const rng = streamFor(8, 'cells-test')
    for (const k of [2, 3, 7, 70]) {
      for (const task of ['binary', 'multiclass'] as const) {
        const metrics = aggregateMetrics(task, k, task === 'binary' ? 1 : null)
        const evaluate = evaluator(metrics, k)
        const out = new Float64Array(metrics.length)
        for (let rep = 0; rep < 20; rep++) {
          const s = classSumsOfCells(cellsOf(examples(rng, k, 5 + rep * 17)), 'candidate')
          evaluate(s, out)
          expect(Array.from(out)).toEqual(metrics.map((m) => m.fn(s)))
        }
      }
    }
  })

  it("Cohen's kappa: term by term for K ≤ 64 (scikit-learn's sum), closed form above, the two within 1e-12", () => {
    // [[3, 1], [2, 4]]: observed 3, expected (5·6 + 5·4)/10 = 5, kappa 1 − 3/5 (scikit-learn: 0.4).
    expect(cohenKappa(classSums([3, 1, 2, 4], 2))).toBeCloseTo(0.4, 15)
    const rng = streamFor(9, 'cells-test')
    const termByTerm = (s: ClassSums): number => {
      let expected = 0
      for (let t = 0; t < s.k; t++) for (let p = 0; p < s.k; p++) if (t !== p) expected += (s.predicted[t] * s.truth[p]) / s.total
      return 1 - (s.total - s.correct) / expected
    }
    for (const k of [3, 64, 65, 200]) {
      const s = classSumsOfCells(cellsOf(examples(rng, k, 3000, 1)), 'candidate')
      if (k <= 64) expect(cohenKappa(s)).toBe(termByTerm(s))
      else expect(Math.abs(cohenKappa(s) - termByTerm(s))).toBeLessThan(1e-12)
    }
  })

  it('macro F1 of [[3, 1], [2, 4]] is (2/3 + 8/11) / 2 (scikit-learn f1_score average="macro": 0.696969…)', () => {
    expect(f1Avg(classSums([3, 1, 2, 4], 2), 'macro')).toBeCloseTo((2 / 3 + 8 / 11) / 2, 15)
  })
})

describe('quantiles by selection', () => {
  it('equal quantileSorted7 of the sorted values, ties and small sizes included', () => {
    const rng = streamFor(10, 'cells-test')
    for (const n of [1, 2, 3, 10, 101, 4000]) {
      for (const distinct of [1, 3, 1e9]) {
        const values = Float64Array.from({ length: n }, () => Math.floor(rng.nextDouble() * distinct) / 7 - 0.1)
        const sorted = values.slice().sort()
        const ps = [0.025, 0.975, 0.05, 0.95, 0, 1, 0.5]
        expect(quantiles(values.slice(), ps), `n=${n} distinct=${distinct}`).toEqual(ps.map((p) => quantileSorted7(sorted, p)))
      }
    }
  })
  it('the documented example: [4, 1, 3, 2] at 0.25 and 0.75 gives 1.75 and 3.25 (numpy percentile)', () => {
    expect(quantiles(Float64Array.of(4, 1, 3, 2), [0.25, 0.75])).toEqual([1.75, 3.25])
  })
})
