/**
 * Per-class q-values (docs/gates.md, "Per class"; docs/report.md): the Benjamini–Hochberg adjusted two-sided
 * p-value of every per-class metric of the run that has one — precision[L], recall[L], f1[L] of every class,
 * adjusted together as one family, as slices' are (docs/slices.md). The same numbers as statsmodels
 * `multipletests(p, method="fdr_bh")[1]` on those p-values. Cost: O(m log m) for m per-class p-values.
 */
import { benjaminiHochberg } from '../../stats/benjaminiHochberg.js'
import type { MetricReport } from '../../report/schema.js'

/** The per-class metrics that get a q-value. */
const Q_METRICS = ['precision', 'recall', 'f1'] as const

/** Sets `qValue` on every per-class metric of `labels` in `metrics` (null where pValue is null). */
export function setClassQValues(labels: readonly string[], metrics: Map<string, MetricReport>): void {
  const tested: MetricReport[] = []
  for (const label of labels) {
    for (const name of Q_METRICS) {
      const m = metrics.get(`${name}[${label}]`)
      if (!m) continue
      m.qValue = null
      if (m.pValue !== null) tested.push(m)
    }
  }
  const q = benjaminiHochberg(tested.map((m) => m.pValue as number))
  tested.forEach((m, i) => (m.qValue = q[i]))
}
