/**
 * docs/gates.md "Per class": every per-class metric's qValue is the Benjamini–Hochberg adjusted p over all
 * classes and per-class metrics of the run, as statsmodels computes it; recall[L]'s p is the exact McNemar on
 * the examples of class L, as statsmodels' `mcnemar(exact=True)`.
 *
 * References, computed once with Python 3.11, statsmodels 0.13.5 and scipy 1.10.1 (Debian python3-statsmodels),
 * never run by the tests:
 *
 *   from statsmodels.stats.contingency_tables import mcnemar
 *   from statsmodels.stats.multitest import multipletests
 *   # per class L, from CELLS below: b = baseline right and candidate wrong, c = the reverse (on true class L)
 *   p_recall[L] = mcnemar([[both, b], [c, neither]], exact=True).pvalue
 *   # precision[L], f1[L]: the report's approximate randomization p (resamples 10000, seed 0), as inputs
 *   q = multipletests(p, method="fdr_bh")[1]      # p in the order of REFERENCE
 */
import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/compare.js'
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js'
import { DEFAULT_FIELDS } from '../../src/read/predictionFile.js'
import type { CompareOptions } from '../../src/tasks/options.js'

/** (true label, baseline prediction, candidate prediction, count): six classes, 500 examples. */
const CELLS = `label,baseline,candidate,count
a,a,a,80
a,a,b,14
a,b,a,3
a,b,b,5
a,c,c,2
b,b,b,60
b,b,a,4
b,a,b,9
b,c,c,3
b,c,b,2
c,c,c,45
c,c,d,6
c,d,c,5
c,d,d,4
d,d,d,70
d,d,e,12
d,d,a,6
d,e,d,2
d,e,e,3
e,e,e,38
e,e,f,3
e,f,e,8
e,f,f,2
e,a,e,3
f,f,f,52
f,f,c,5
f,c,f,4
f,a,a,3
f,f,a,2
`

/** [metric, p (statsmodels' exact McNemar for recall[L]; the report's resampled p otherwise), statsmodels' fdr_bh q]. */
const REFERENCE: [string, number, number][] = [
  ['precision[a]', 0.69003099690031, 0.9882136786321368],
  ['recall[a]', 0.012725830078125, 0.07635498046875],
  ['f1[a]', 0.04279572042795721, 0.12838716128387162],
  ['precision[b]', 0.020497950204979503, 0.09224077592240777],
  ['recall[b]', 0.11846923828124999, 0.2665557861328125],
  ['f1[b]', 0.8411158884111589, 0.9882136786321368],
  ['precision[c]', 0.8784121587841216, 0.9882136786321368],
  ['recall[c]', 1.0, 1.0],
  ['f1[c]', 0.9944005599440056, 1.0],
  ['precision[d]', 0.42445755424457554, 0.764023597640236],
  ['recall[d]', 0.0004024505615234375, 0.007244110107421875],
  ['f1[d]', 0.0014998500149985001, 0.013498650134986502],
  ['precision[e]', 0.031596840315968405, 0.11374862513748625],
  ['recall[e]', 0.057373046875, 0.1475306919642857],
  ['f1[e]', 0.8326167383261673, 0.9882136786321368],
  ['precision[f]', 0.21027897210278973, 0.42055794420557946],
  ['recall[f]', 0.548828125, 0.8980823863636362],
  ['f1[f]', 0.8434156584341566, 0.9882136786321368],
]

const options = (extra: Partial<CompareOptions> = {}): CompareOptions => ({
  candidate: { name: 'six.csv', data: Buffer.from(CELLS) },
  baseline: null,
  format: 'cells',
  fields: DEFAULT_FIELDS,
  gates: 'accuracy no-regression',
  alpha: 0.05,
  resamples: 10000,
  seed: 0,
  missingBaseline: 'skip',
  ...extra
})

describe('per-class q-values', () => {
  it('recall[L] p-values are statsmodels’ exact McNemar; every q-value is statsmodels’ fdr_bh over all 18', async () => {
    const report = await compare(options())
    expect(report.labels).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(REFERENCE).toHaveLength(18)
    for (const [name, p, q] of REFERENCE) {
      const m = report.metrics[name]
      if (name.startsWith('recall[')) {
        expect(m.test).toBe('mcnemar-exact')
        expect(m.pValue as number).toBeCloseTo(p, 14)
      } else expect(m.pValue).toBe(p)
      expect(m.qValue as number).toBeCloseTo(q, 14)
    }
  })

  it('support[L] and the aggregate metrics have no qValue; the drop of class d (q < 0.05) is the warning', async () => {
    const report = await compare(options())
    expect(report.metrics['support[a]'].qValue).toBeUndefined()
    expect(report.metrics.accuracy.qValue).toBeUndefined()
    expect(report.metrics.recall.qValue).toBeUndefined()
    // d: recall 88/93 → 72/93 (q = 0.0072), f1 too (q = 0.0135); a's recall drop (q = 0.076) is not named.
    const drops = report.warnings.filter((w) => w.startsWith('Per-class drop:'))
    expect(drops).toEqual([
      'Per-class drop: class d: recall 94.6% → 77.4% (−17.2 pts, q = 0.0072), f1 92.6% → 82.3% (−10.3 pts, q = 0.013) on 93 examples; ' +
        "significant after Benjamini–Hochberg over the run's 18 per-class tests (q < 0.05), whatever the gates say."
    ])
  })

  it('with other resamples, the q-values are still Benjamini–Hochberg of the report’s own p-values', async () => {
    const report = await compare(options({ resamples: 2000 }))
    const names = report.labels.flatMap((l) => ['precision', 'recall', 'f1'].map((m) => `${m}[${l}]`))
    const q = benjaminiHochberg(names.map((n) => report.metrics[n].pValue as number))
    names.forEach((n, i) => expect(report.metrics[n].qValue).toBe(q[i]))
  })

  it('without a baseline there is nothing to adjust: no qValue', async () => {
    const rows = [{ id: 1, label: 'a', prediction: 'a' }, { id: 2, label: 'b', prediction: 'a' }, { id: 3, label: 'c', prediction: 'c' }]
    const report = await compare({ ...options(), format: undefined, candidate: { name: 'c.jsonl', data: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')) } })
    expect(report.metrics['recall[a]'].qValue).toBeUndefined()
  })
})
