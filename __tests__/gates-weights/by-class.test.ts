/**
 * docs/gates.md "Per class": `METRIC no-regression by class` over a deterministic 50-class, 5,000-example case
 * whose candidate improves most classes and breaks two (books, music), and passes once they are repaired; the
 * per-class drop warning shown under the verdict; parsing of the form.
 */
import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/compare.js'
import { ConfigError } from '../../src/common/errors.js'
import { parseGates } from '../../src/gates/rules.js'
import { metricNames } from '../../src/metrics/names.js'
import { verdictChanging } from '../../src/report/verdictChanging.js'
import type { CompareOptions } from '../../src/tasks/options.js'
import { DEFAULT_FIELDS } from '../../src/read/predictionFile.js'
import { generator } from '../support.js'

const NAMES = [
  'books', 'music', 'movies', 'games', 'garden', 'tools', 'toys', 'baby', 'beauty', 'health', 'sports', 'outdoors', 'auto', 'pets', 'office', 'kitchen', 'grocery',
  'jewelry', 'shoes', 'watches', 'luggage', 'software', 'phones', 'cameras', 'laptops', 'tablets', 'audio', 'tv', 'lighting', 'furniture', 'bedding', 'bath',
  'crafts', 'fabric', 'party', 'school', 'art', 'comics', 'magazines', 'vinyl', 'instruments', 'bikes', 'camping', 'fishing', 'hunting', 'golf', 'tennis', 'yoga',
  'swim', 'running'
]

interface Row {
  id: string
  label: string
  prediction: string
}

/**
 * The case: 50 classes, 5,000 examples. books has 183 (baseline right on 159 = 86.9%, candidate on 137 = 74.9%:
 * 133 both, 26 baseline only, 4 candidate only, 20 neither); music 140 (122 = 87.1% → 104 = 74.3%: 100, 22, 4,
 * 14). Every other class: the baseline right with probability 0.80–0.92 (by class), the candidate right where the
 * baseline is with probability 0.98 and where it is not with 0.45 (an improvement); sizes from 8 to about 180,
 * so that some classes fall below min-slice 30. `repaired`: the candidate predicts as the baseline on books and music.
 */
function fiftyClasses(repaired: boolean): { candidate: Row[]; baseline: Row[] } {
  const r = generator(2024)
  const other = (label: string): string => {
    for (;;) {
      const x = NAMES[Math.floor(r() * NAMES.length)]
      if (x !== label) return x
    }
  }
  const sizes = new Map<string, number>([
    ['books', 183],
    ['music', 140]
  ])
  const rest = NAMES.slice(2)
  const u = rest.map(() => 0.05 + 1.9 * r())
  const total = u.reduce((a, b) => a + b, 0)
  let left = 5000 - 183 - 140
  rest.forEach((label, i) => {
    const size = i === rest.length - 1 ? left : Math.max(8, Math.round((4677 * u[i]) / total))
    sizes.set(label, size)
    left -= size
  })
  const candidate: Row[] = []
  const baseline: Row[] = []
  let id = 0
  const push = (label: string, baseRight: boolean, candRight: boolean): void => {
    const b = baseRight ? label : other(label)
    const c = repaired && (label === 'books' || label === 'music') ? b : candRight ? label : other(label)
    baseline.push({ id: `x${id}`, label, prediction: b })
    candidate.push({ id: `x${id}`, label, prediction: c })
    id++
  }
  const exact = (label: string, both: number, baseOnly: number, candOnly: number, neither: number): void => {
    for (let i = 0; i < both; i++) push(label, true, true)
    for (let i = 0; i < baseOnly; i++) push(label, true, false)
    for (let i = 0; i < candOnly; i++) push(label, false, true)
    for (let i = 0; i < neither; i++) push(label, false, false)
  }
  exact('books', 133, 26, 4, 20)
  exact('music', 100, 22, 4, 14)
  for (const label of rest) {
    const pb = 0.8 + 0.12 * r()
    for (let i = 0; i < (sizes.get(label) as number); i++) {
      const baseRight = r() < pb
      push(label, baseRight, r() < (baseRight ? 0.98 : 0.45))
    }
  }
  // Interleave the classes, as a real file would hold them (the order does not change a count).
  const order = candidate.map((_, i) => i).sort((a, b) => ((a * 7919) % 5003) - ((b * 7919) % 5003))
  return { candidate: order.map((i) => candidate[i]), baseline: order.map((i) => baseline[i]) }
}

const jsonl = (name: string, rows: Row[]) => ({ name, data: Buffer.from(rows.map((x) => JSON.stringify(x)).join('\n') + '\n') })

function options(rows: { candidate: Row[]; baseline: Row[] }, gates: string, extra: Partial<CompareOptions> = {}): CompareOptions {
  return {
    candidate: jsonl('candidate.jsonl', rows.candidate),
    baseline: jsonl('baseline.jsonl', rows.baseline),
    fields: DEFAULT_FIELDS,
    gates,
    alpha: 0.05,
    resamples: 1000,
    seed: 0,
    missingBaseline: 'skip',
    ...extra
  }
}

describe('recall no-regression by class on 50 classes, 5,000 examples', () => {
  const broken = fiftyClasses(false)
  const fixed = fiftyClasses(true)

  it('the case is what it says: 5,000 examples, books 86.9% → 74.9% on 183, music 87.1% → 74.3% on 140, most classes better', async () => {
    expect(broken.candidate).toHaveLength(5000)
    const report = await compare(options(broken, 'accuracy no-regression'))
    expect(report.labels).toHaveLength(50)
    const books = report.metrics['recall[books]']
    expect([books.baseline, books.candidate].map((x) => Math.round((x as number) * 1000) / 10)).toEqual([86.9, 74.9])
    expect(report.metrics['support[books]'].candidate).toBe(183)
    const music = report.metrics['recall[music]']
    expect([music.baseline, music.candidate].map((x) => Math.round((x as number) * 1000) / 10)).toEqual([87.1, 74.3])
    const better = NAMES.filter((l) => (report.metrics[`recall[${l}]`].delta as number) > 0).length
    expect(better).toBeGreaterThanOrEqual(40)
    // The headline rises: accuracy no-regression passes although two classes broke.
    expect(report.metrics.accuracy.delta as number).toBeGreaterThan(0)
    expect(report.gates[0].status).toBe('pass')
  })

  it('fails, naming both broken classes with their numbers, in one Holm family with the other rules', async () => {
    const report = await compare(options(broken, 'accuracy no-regression; recall no-regression by class'))
    const gate = report.gates[1]
    expect(gate.status).toBe('fail')
    expect(gate.classes?.failing.sort()).toEqual(['books', 'music'])
    expect(gate.detail).toContain('books (recall fell 12.0 pts, 86.9% → 74.9%, 183 examples, one-sided p')
    expect(gate.detail).toContain('music (recall fell 12.8 pts, 87.1% → 74.3%, 140 examples')
    expect(gate.detail).toMatch(/significant regression on 2 of \d+ tested classes \(of 50; support of at least 30; \d+ below it\) after Holm/)
    // The family: accuracy plus one hypothesis per class with support ≥ 30; books' adjusted p is Holm's
    // (family size − rank)·p at most, and at least its own one-sided McNemar p.
    const tested = gate.classes?.tested as number
    const small = NAMES.filter((l) => (report.metrics[`support[${l}]`].candidate as number) < 30)
    expect(small.length).toBeGreaterThan(0)
    expect(tested).toBe(50 - small.length)
    expect(gate.detail).toContain(`on 2 of ${tested} tested classes (of 50; support of at least 30; ${small.length} below it)`)
    const raw = report.metrics['recall[books]'].pValueWorse as number
    expect(gate.pValue as number).toBeLessThanOrEqual((tested + 1) * raw * (1 + 1e-12))
    expect(report.passed).toBe(false)
  })

  it('passes on the same case with books and music repaired', async () => {
    const report = await compare(options(fixed, 'accuracy no-regression; recall no-regression by class'))
    const gate = report.gates[1]
    expect(gate.status).toBe('pass')
    expect(gate.classes?.failing).toEqual([])
    expect(gate.detail).toMatch(/^\d+ of 50 classes tested \(support of at least 30; \d+ below it\), none a significant regression after Holm/)
    expect(report.passed).toBe(true)
  })

  it('min-slice sets the support a class needs', async () => {
    const report = await compare(options(broken, 'recall no-regression by class', { minSlice: 150 }))
    // Only classes with 150 or more examples: books (183) among them, music (140) not.
    expect(report.gates[0].classes?.failing).toEqual(['books'])
    expect(report.gates[0].detail).toContain('support of at least 150')
  })

  it('a per-class drop with q < alpha is a verdict-changing warning naming the class and its numbers', async () => {
    const report = await compare(options(broken, 'accuracy no-regression'))
    const drops = report.warnings.filter((w) => w.startsWith('Per-class drop:'))
    expect(drops).toHaveLength(1)
    const books = drops[0]
    // One warning, the largest drop first: music (−12.8 pts), then books (−12.0 pts), with their numbers.
    expect(books).toMatch(/^Per-class drop: class music: recall 87\.1% → 74\.3% \(−12\.8 pts, q = 0\.\d+\)[^;]* on 140 examples; class books: recall 86\.9% → 74\.9% \(−12\.0 pts, q = 0\.\d+\)[^;]* on 183 examples; /)
    expect(books).toMatch(/significant after Benjamini–Hochberg over the run's 150 per-class tests \(q < 0\.05\), whatever the gates say\.$/)
    // Shown under the verdict even though every gate passed.
    expect(report.passed).toBe(true)
    expect(verdictChanging(books, true)).toBe(true)
    expect(report.metrics['recall[books]'].qValue as number).toBeLessThan(0.05)
    // Repaired: no class's drop survives Benjamini–Hochberg.
    const again = await compare(options(fixed, 'accuracy no-regression'))
    expect(again.warnings.filter((w) => w.startsWith('Per-class drop:'))).toEqual([])
  })

  it('precision and f1 by class resample every class with enough support, all in one Holm family', async () => {
    // Their p-values are resampled, (hits + 1)/(R + 1): R = 10,000 lets them get below alpha/(hypotheses).
    const report = await compare(options(broken, 'f1 no-regression by class; precision no-regression by class', { resamples: 10000 }))
    const testedLabels = NAMES.filter((l) => (report.metrics[`support[${l}]`].candidate as number) >= 30)
    for (const label of testedLabels) {
      expect(report.metrics[`precision[${label}]`].pValue).not.toBeNull()
      expect(report.metrics[`f1[${label}]`].pValue).not.toBeNull()
    }
    expect(report.gates[0].classes?.tested).toBe(testedLabels.length)
    // books' F1 fell 5.5 pts and music's 7.5 (their precision rose: the candidate predicts them less often):
    // music's one-sided p is the smallest of the 2 × 44 = 88 hypotheses, and Holm multiplies it by 88, beyond alpha.
    const music = report.metrics['f1[music]'].pValueWorse as number
    const all = testedLabels.flatMap((l) => [report.metrics[`f1[${l}]`].pValueWorse as number, report.metrics[`precision[${l}]`].pValueWorse as number])
    expect(Math.min(...all)).toBe(music)
    expect(report.gates[0].pValue).toBeCloseTo(2 * testedLabels.length * music, 12)
    expect(report.gates[0].status).toBe('pass')
    expect(report.gates[0].detail).toContain(`smallest one-sided p = ${(2 * testedLabels.length * music).toFixed(3)} on music`)
  })
})

describe('parsing by class', () => {
  const labels = ['books', 'music']
  const known = { metrics: metricNames('multiclass', labels, false), labels }
  it('reads `by class`, and a slice field named class when quoted', () => {
    expect(parseGates('recall no-regression by class', known)[0]).toMatchObject({ kind: 'no-regression', metric: 'recall', byClass: true })
    expect(parseGates('f1 no-regression by class weight 2 tolerance 0.01', known)[0]).toMatchObject({ byClass: true, weight: 2, tolerance: 0.01 })
    const quoted = () => parseGates('recall no-regression by "class"', { ...known, slices: new Map([['class', ['a']]]) })
    expect(quoted()[0]).toMatchObject({ by: 'class' })
    expect(quoted()[0].byClass).toBeUndefined()
  })
  it('takes precision, recall and f1 only, and a task with classes', () => {
    expect(() => parseGates('accuracy no-regression by class', known)).toThrow(ConfigError)
    expect(() => parseGates('accuracy no-regression by class', known)).toThrow(/"by class" takes precision, recall, f1/)
    expect(() => parseGates('recall no-regression by class', { metrics: ['recall'], labels: [] })).toThrow(/needs a classification task/)
  })
})
