/**
 * Task `scores` (docs/tasks.md): per-example numbers in named fields (`--score-metrics judge,passed,latency_ms:lower`),
 * each a metric: the mean over the paired examples. Statistics in src/significance/numeric/scoresStatistics.ts.
 * No label or prediction is read; pairs never conflict. Default gates: no-regression on every field.
 */
import type { CompareOptions } from './options.js'
import { ConfigError } from '../common/errors.js'
import { NumericRowBuilder, type NumericFile } from '../read/numericRows.js'
import type { ExampleChanges, MetricReport } from '../report/schema.js'
import { scoresStatistics } from '../significance/numeric/scoresStatistics.js'
import { gather, idsAt, noRegressionOn, pairsAt, readAndPair, unlabelled } from './readAndPair.js'
import type { Prepared, TaskModule } from './taskModule.js'
import { keyFields } from '../read/keys.js'
import { keepNumericRows } from './keepRows.js'
import { clusteredMean } from '../significance/clusters/clusteredMeans.js'
import { pairClusters } from '../significance/clusters/clusterCells.js'
import { repeatMeans } from './repeatErrors.js'
import { scoreUnits } from './scoreUnits.js'
import { toolDefaultGated, toolSameTruth, toolWarnings } from '../read/tools/toolFormats.js'

export const scores: TaskModule = {
  async prepare(options: CompareOptions): Promise<Prepared> {
    const fields = options.scoreMetrics ?? []
    if (fields.length === 0) throw new ConfigError('task "scores" needs score-metrics (CLI --score-metrics): the fields to compare, e.g. judge,passed,latency_ms:lower')
    const names = fields.map((f) => f.name)
    const repeats = repeatMeans(options)
    const read = await readAndPair<NumericFile>(
      options,
      (source, text, requireId) => new NumericRowBuilder(source.name, options.fields.id, names, requireId, text, true, keyFields(options), names.map(() => true)),
      // Evaluation tools' files (docs/tools.md): lm-eval rows whose doc_hash or target_hash differ are label conflicts.
      toolSameTruth(options),
      keepNumericRows,
      repeats.collapse
    )
    const { candidate, baseline } = read
    const notes = toolWarnings(options, read.pairing, { candidate, baseline })
    // The error rule per row, before repeats are averaged (docs/errors.md).
    const errors = repeats.settle(read, fields.map((f) => f.direction))
    // Pass rates in % and points, whole numbers without trailing zeros (docs/report.md).
    const units = scoreUnits(names, repeats.rows(candidate, baseline))
    const prepared = unlabelled('scores', { ...read, errors }, names, noRegressionOn(toolDefaultGated(options) ?? names), (rows, _rules, settings) => {
      const cRows = rows.cand
      const pairing = pairsAt(read.pairing, candidate.n, rows)
      const result = scoresStatistics(
        {
          names,
          directions: fields.map((f) => f.direction),
          candidate: candidate.values.map((v) => gather(v, cRows)),
          baseline: baseline && rows.base ? baseline.values.map((v) => gather(v, rows.base as ArrayLike<number>)) : null,
          ids: idsAt(candidate.ids, cRows),
          files: { candidate: candidate.name, baseline: baseline ? baseline.name : null }
        },
        settings
      )
      const metrics: Record<string, MetricReport> = {}
      for (const name of names) metrics[name] = result.metrics.get(name) as MetricReport
      const clusters = pairClusters(options, candidate, baseline, pairing, null)
      if (clusters) {
        names.forEach((name, f) => {
          const passRate = result.details.get(name)?.kind === 'pass-rate'
          const values = (file: NumericFile, rows: ArrayLike<number>): Float64Array => gather(file.values[f], rows)
          Object.assign(metrics[name], clusteredMean({ name, direction: fields[f].direction, candidate: values(candidate, cRows), baseline: baseline && pairing ? values(baseline, pairing.base) : null, clusters, passRate }, settings, result.warnings))
        })
      }
      const examples: Record<string, ExampleChanges> = {}
      for (const [name, detail] of result.details) {
        if (detail.kind === 'pass-rate' && detail.flips) examples[name] = { kind: 'flips', ...detail.flips }
        if (detail.kind === 'mean' && detail.drops) examples[name] = { kind: 'drops', drops: detail.drops }
      }
      return {
        metrics,
        confusionMatrix: null,
        disagreement: null,
        ...(baseline ? { examples } : {}),
        ...(units ? { units } : {}),
        warnings: { first: notes, last: result.warnings }
      }
    })
    return { ...prepared, counts: repeats.counts(prepared.counts) }
  }
}
