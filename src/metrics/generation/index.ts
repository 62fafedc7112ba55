/**
 * Text-generation metrics of SPEC §11 (issue 10), pure: `exact_match`, `token_f1`, `bleu`, `chrf`, `loss`,
 * `perplexity` of the paired examples, with their intervals and tests. `compareGeneration` is the one call a
 * task needs; the modules below it are usable on their own.
 */
import { CHUNK } from './bootstrap.js'
import { exactMatch } from './exactMatch.js'
import { lossRows } from './loss.js'
import { compareExactMatch, compareTokenF1, type ExactMatchComparison, type TokenF1Comparison } from './perExample.js'
import { resampleGeneration, type GenerationResampled, type RatioMetricStats, type ResampleSettings } from './resample.js'
import { corpusStatistics } from './stats.js'
import { tokenF1 } from './tokenF1.js'
import { GenerationHelper } from './worker.js'

export { tokenize13a } from './tokenize13a.js'
export { bleuDetails, bleuFromSums, BleuStatistics, BLEU_COLUMNS } from './bleu.js'
export { chrfFromSums, ChrfStatistics, CHRF_COLUMNS } from './chrf.js'
export { normalizeAnswer, tokenF1 } from './tokenF1.js'
export { exactMatch } from './exactMatch.js'
export { corpusLoss, perplexity } from './loss.js'
export { corpusStatistics, type CorpusMetricStats } from './stats.js'
export { resampleGeneration, type GenerationResampled, type ResampleSettings } from './resample.js'
export { GenerationHelper, isGenerationWorker, lastSplit, serveGenerationWorker } from './worker.js'
export type { ExactMatchComparison, TokenF1Comparison } from './perExample.js'

/** Per-example NLL and token counts of one model. */
export interface LossField {
  loss: ArrayLike<number>
  tokens: ArrayLike<number>
}

export interface GenerationData {
  /** Example ids, in the order of every other array. */
  ids: readonly string[]
  references: readonly (readonly string[])[]
  candidate: readonly string[]
  baseline: readonly string[] | null
  /** Present when the rows carry `loss` and `tokens`. */
  loss?: { candidate: LossField; baseline: LossField | null }
}

export interface GenerationComparison {
  /** Every metric with value, delta, intervals and p-value (`pValue`: SPEC §11's test for that metric). */
  metrics: Map<string, GenerationResampled & { test: string | null }>
  /** Flips and the McNemar table; null without a baseline. */
  exactMatch: ExactMatchComparison | null
  /** Paired t and the largest per-example drops; null without a baseline. */
  tokenF1: TokenF1Comparison | null
}

/**
 * All generation metrics of the paired examples. Bootstrap intervals for every metric (one set of draws); the
 * test of SPEC §11 for `pValue`: exact McNemar (exact_match), paired t (token_f1), approximate randomization
 * (bleu, chrf), paired bootstrap (loss, perplexity). With `workerScript` (the CLI bundle), a helper thread
 * takes half the resampling (worker.ts; the same numbers).
 * Cost: O(text) once, then O(R · n · 20) for the bootstrap and O(R · n/8 · 14) for the randomization.
 */
export function compareGeneration(data: GenerationData, settings: ResampleSettings & { drops?: number; workerScript?: string | URL }): GenerationComparison {
  // The helper thread loads while this one reads the texts (unless the caller brings its own).
  const own = settings.helper === undefined && settings.workerScript !== undefined && settings.resamples >= 2 * CHUNK
  const helper = own ? new GenerationHelper(settings.workerScript as string | URL) : (settings.helper ?? null)
  try {
    return compareWith(data, { ...settings, helper })
  } finally {
    if (own) helper?.close()
  }
}

function compareWith(data: GenerationData, settings: ResampleSettings & { drops?: number }): GenerationComparison {
  const n = data.ids.length
  const paired = data.baseline !== null
  const emC = new Uint8Array(n)
  const emB = new Uint8Array(n)
  const f1C = new Float64Array(n)
  const f1B = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    emC[i] = exactMatch(data.candidate[i], data.references[i]) ? 1 : 0
    f1C[i] = tokenF1(data.candidate[i], data.references[i])
    if (data.baseline !== null) {
      emB[i] = exactMatch(data.baseline[i], data.references[i]) ? 1 : 0
      f1B[i] = tokenF1(data.baseline[i], data.references[i])
    }
  }
  const meanRows = (x: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(2 * n)
    for (let i = 0; i < n; i++) {
      out[2 * i] = x[i]
      out[2 * i + 1] = 1
    }
    return out
  }
  const ratios: RatioMetricStats[] = [
    { name: 'exact_match', direction: 'higher', candidate: meanRows(emC), baseline: paired ? meanRows(emB) : null, integer: true },
    { name: 'token_f1', direction: 'higher', candidate: meanRows(f1C), baseline: paired ? meanRows(f1B) : null, integer: false }
  ]
  if (data.loss) {
    const c = lossRows(data.loss.candidate.loss, data.loss.candidate.tokens)
    const b = data.loss.baseline ? lossRows(data.loss.baseline.loss, data.loss.baseline.tokens) : null
    ratios.push({ name: 'loss', direction: 'lower', candidate: c, baseline: b, integer: false })
    ratios.push({ name: 'perplexity', direction: 'lower', candidate: c, baseline: b, integer: false, transform: 'exp' })
  }
  const corpus = corpusStatistics({ references: data.references, candidate: data.candidate, baseline: data.baseline })
  const metrics = resampleGeneration(n, corpus, ratios, settings) as Map<string, GenerationResampled & { test: string | null }>
  let em: ExactMatchComparison | null = null
  let f1: TokenF1Comparison | null = null
  if (paired) {
    em = compareExactMatch(data.ids, emC, emB, settings.alpha)
    f1 = compareTokenF1(data.ids, f1C, f1B, settings.alpha, settings.drops ?? 10)
    const e = metrics.get('exact_match')
    if (e) Object.assign(e, { pValue: em.pValue, pValueWorse: em.pValueWorse, candidateCi: em.candidateCi, test: 'mcnemar-exact' })
    const t = metrics.get('token_f1')
    if (t) Object.assign(t, { pValue: f1.pValue, pValueWorse: f1.pValueWorse, test: 'paired-t' })
  }
  return { metrics, exactMatch: em, tokenF1: f1 }
}
