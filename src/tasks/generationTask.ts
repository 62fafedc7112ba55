/**
 * Task `generation` (docs/tasks.md): `label` is the reference text (or an array of references), `prediction` the
 * generated text; metrics `exact_match`, `token_f1`, `bleu`, `chrf` (sacrebleu 2.x defaults), and `loss`,
 * `perplexity` when the rows carry `loss` and `tokens`. Statistics in src/metrics/generation/. A pair whose
 * references differ between the files is a label conflict. Default gates: no-regression on every metric but
 * perplexity (which moves with loss).
 */
import type { CompareOptions } from './options.js'
import { compareGeneration } from '../significance/generation/compareGeneration.js'
import { TextRowBuilder, type TextFile } from '../read/textRows.js'
import type { ExampleChanges, MetricReport } from '../report/schema.js'
import { idsAt, noRegressionOn, pairsAt, readAndPair, unlabelled } from './readAndPair.js'
import type { Prepared, TaskModule } from './taskModule.js'
import { keyFields } from '../read/keys.js'
import { fillGeneration } from './errorFill.js'
import { keepTextRows } from './keepRows.js'
import { labelRepeats, pairedRepeats } from '../pair/repeatPairing.js'
import { repeatLabel } from '../pair/repeats.js'
import { clusteredGeneration } from '../significance/clusters/clusteredGeneration.js'
import { pairClusters } from '../significance/clusters/clusterCells.js'

const TEXT_METRICS = ['exact_match', 'token_f1', 'bleu', 'chrf'] as const
const LOSS_METRICS = ['loss', 'perplexity'] as const

const sameReferences = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, k) => x === b[k])

export const generation: TaskModule = {
  async prepare(options: CompareOptions): Promise<Prepared> {
    const repeats = pairedRepeats<TextFile>(options)
    const read = await readAndPair<TextFile>(
      options,
      (source, text, requireId) => new TextRowBuilder(source.name, options.fields, requireId, text, keyFields(options)),
      (c, b) => (i, j) => sameReferences(c.references[i], b.references[j]),
      keepTextRows,
      repeats.keyed
    )
    const { candidate, baseline } = read
    if (read.errors.mode === 'wrong') fillGeneration(candidate, baseline)
    const labelled = read.pairing ? labelRepeats(read.pairing, options.repeatField) : null
    const hasLoss = candidate.loss !== null && (baseline === null || baseline.loss !== null)
    const names: string[] = [...TEXT_METRICS, ...(hasLoss ? LOSS_METRICS : [])]
    const prepared = unlabelled('generation', { ...read, pairing: labelled }, names, noRegressionOn(names.filter((n) => n !== 'perplexity')), (rows, _rules, settings) => {
      const cRows = Array.from(rows.cand)
      const bRows = rows.base ? Array.from(rows.base) : null
      const pairing = pairsAt(labelled, candidate.n, rows)
      const pick = <T>(list: readonly T[], rows: number[]): T[] => rows.map((i) => list[i])
      const lossOf = (f: TextFile, rows: number[]) => ({
        loss: Float64Array.from(rows, (i) => (f.loss as Float64Array)[i]),
        tokens: Float64Array.from(rows, (i) => (f.tokens as Float64Array)[i])
      })
      const result = compareGeneration(
        {
          ids: options.repeatField === undefined ? idsAt(candidate.ids, cRows) : idsAt(candidate.ids, cRows).map((k) => repeatLabel(k, options.repeatField as string)),
          references: pick(candidate.references, cRows),
          candidate: pick(candidate.predictions, cRows),
          baseline: baseline && bRows ? pick(baseline.predictions, bRows) : null,
          ...(hasLoss ? { loss: { candidate: lossOf(candidate, cRows), baseline: baseline && bRows ? lossOf(baseline, bRows) : null } } : {})
        },
        { ...settings, workerScript: options.readerScript }
      )
      const metrics: Record<string, MetricReport> = {}
      for (const name of names) {
        const r = result.metrics.get(name)
        if (!r) continue
        metrics[name] = {
          candidate: r.candidate,
          baseline: r.baseline,
          delta: r.delta,
          ci: r.ci,
          pValue: r.pValue,
          candidateCi: r.candidateCi,
          test: r.test,
          direction: name === 'loss' || name === 'perplexity' ? 'lower' : 'higher',
          pValueWorse: r.pValueWorse,
          worseBound: r.worseBound,
          ciMethod: r.ci ? 'bootstrap-percentile' : null
        }
      }
      const warnings: string[] = []
      const clusters = pairClusters(options, candidate, baseline, pairing, repeats.repeats())
      if (clusters) {
        const clustered = clusteredGeneration(
          {
            references: pick(candidate.references, cRows),
            candidate: pick(candidate.predictions, cRows),
            baseline: baseline && bRows ? pick(baseline.predictions, bRows) : null,
            ...(hasLoss ? { loss: { candidate: lossOf(candidate, cRows), baseline: baseline && bRows ? lossOf(baseline, bRows) : null } } : {}),
            clusters
          },
          settings,
          warnings
        )
        for (const [name, m] of Object.entries(metrics)) if (m.candidate !== null) Object.assign(m, clustered.get(name))
      }
      const examples: Record<string, ExampleChanges> = {}
      if (result.exactMatch) {
        const em = result.exactMatch
        examples.exact_match = { kind: 'flips', worse: em.table.baselineOnly, better: em.table.candidateOnly, firstWorse: em.lost.slice(0, 10), firstBetter: em.gained.slice(0, 10) }
      }
      if (result.tokenF1) {
        examples.token_f1 = { kind: 'drops', drops: result.tokenF1.drops.map((d) => ({ id: d.id, baseline: d.baseline, candidate: d.candidate, change: -d.delta })) }
      }
      return { metrics, confusionMatrix: null, disagreement: null, ...(baseline ? { examples } : {}), warnings: { first: [], last: warnings } }
    })
    return { ...prepared, counts: repeats.counts(prepared.counts) }
  }
}
