/**
 * Task `regression` (docs/tasks.md): `label` and `prediction` are numbers; metrics `mae`, `rmse`, `r2`, `max_error`
 * as scikit-learn. Statistics in src/significance/numeric/regressionStatistics.ts. A pair whose true value differs
 * between the files is a label conflict. Default gates: no-regression on mae and rmse.
 */
import type { CompareOptions } from './options.js'
import { REGRESSION_METRICS } from '../metrics/regression.js'
import { NumericRowBuilder, type NumericFile } from '../read/numericRows.js'
import type { ExampleChanges, MetricReport } from '../report/schema.js'
import { regressionStatistics } from '../significance/numeric/regressionStatistics.js'
import { gather, idsAt, noRegressionOn, pairsAt, readAndPair, unlabelled } from './readAndPair.js'
import type { Prepared, TaskModule } from './taskModule.js'
import { keyFields } from '../read/keys.js'
import { fillRegression } from './errorFill.js'
import { keepNumericRows } from './keepRows.js'
import { labelRepeats, pairedRepeats } from '../pair/repeatPairing.js'
import { repeatLabel } from '../pair/repeats.js'
import { clusteredRegression } from '../significance/clusters/clusteredRegression.js'
import { pairClusters } from '../significance/clusters/clusterCells.js'

export const regression: TaskModule = {
  async prepare(options: CompareOptions): Promise<Prepared> {
    const { label, prediction } = options.fields
    const repeats = pairedRepeats<NumericFile>(options)
    const read = await readAndPair<NumericFile>(
      options,
      (source, text, requireId) => new NumericRowBuilder(source.name, options.fields.id, [label, prediction], requireId, text, false, keyFields(options), [false, true]),
      (c, b) => (i, j) => c.values[0][i] === b.values[0][j],
      keepNumericRows,
      repeats.keyed
    )
    const { candidate, baseline } = read
    if (read.errors.mode === 'wrong') fillRegression(candidate, baseline)
    const labelled = read.pairing ? labelRepeats(read.pairing, options.repeatField) : null
    const prepared = unlabelled('regression', { ...read, pairing: labelled }, REGRESSION_METRICS, noRegressionOn(['mae', 'rmse']), (rows, _rules, settings) => {
      const cRows = rows.cand
      const pairing = pairsAt(labelled, candidate.n, rows)
      const result = regressionStatistics(
        {
          y: gather(candidate.values[0], cRows),
          candidate: gather(candidate.values[1], cRows),
          baseline: baseline && rows.base ? gather(baseline.values[1], rows.base) : null,
          ids: options.repeatField === undefined ? idsAt(candidate.ids, cRows) : idsAt(candidate.ids, cRows).map((k) => repeatLabel(k, options.repeatField as string)),
          files: { candidate: candidate.name, baseline: baseline ? baseline.name : null },
          fields: { label, prediction }
        },
        settings
      )
      const metrics: Record<string, MetricReport> = {}
      for (const name of REGRESSION_METRICS) metrics[name] = result.metrics.get(name) as MetricReport
      const clusters = pairClusters(options, candidate, baseline, pairing, repeats.repeats())
      if (clusters) {
        const y = gather(candidate.values[0], cRows)
        const clustered = clusteredRegression(
          { y, candidate: gather(candidate.values[1], cRows), baseline: baseline && pairing ? gather(baseline.values[1], pairing.base) : null, clusters },
          settings,
          result.warnings
        )
        for (const name of REGRESSION_METRICS) if (metrics[name].candidate !== null) Object.assign(metrics[name], clustered.get(name))
      }
      const examples: Record<string, ExampleChanges> | undefined = result.details
        ? {
            mae: {
              kind: 'drops',
              drops: result.details.largestErrorIncreases.map((e) => ({ id: e.id, baseline: Math.abs(e.label - e.baseline), candidate: Math.abs(e.label - e.candidate), change: e.change }))
            }
          }
        : undefined
      return { metrics, confusionMatrix: null, disagreement: null, ...(examples ? { examples } : {}), warnings: { first: [], last: result.warnings } }
    })
    return { ...prepared, counts: repeats.counts(prepared.counts) }
  }
}
