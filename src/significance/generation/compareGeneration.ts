/**
 * Text-generation metrics of docs/tasks.md (issue 10), pure: `exact_match`, `token_f1`, `bleu`, `chrf`, `loss`,
 * `perplexity` of the paired examples, with their intervals and tests. `compareGeneration` is the one call a
 * task needs; the modules below it are usable on their own.
 */
import { BLEU_COLUMNS } from '../../metrics/generation/bleu.js'
import { CHRF_COLUMNS } from '../../metrics/generation/chrf.js'
import type { StatsJob } from './jobs.js'
import { lossRows } from '../../metrics/generation/loss.js'
import { compareExactMatch, compareTokenF1, type ExactMatchComparison, type TokenF1Comparison } from './perExample.js'
import { resampleGeneration, type GenerationResampled, type RatioMetricStats, type ResampleSettings } from './generationResample.js'
import { corpusFromRows } from '../../metrics/generation/corpus.js'
import { GenerationHelper, runJob, sharedArray } from './generationWorker.js'

/** Examples per chunk of the statistics. */
const STATS_CHUNK = 500

/** Examples × resamples from which a helper thread is started. */
const HELPER_WORK = 2e7


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
  /** Every metric with value, delta, intervals and p-value (`pValue`: docs/tasks.md's test for that metric). */
  metrics: Map<string, GenerationResampled & { test: string | null }>
  /** Flips and the McNemar table; null without a baseline. */
  exactMatch: ExactMatchComparison | null
  /** Paired t and the largest per-example drops; null without a baseline. */
  tokenF1: TokenF1Comparison | null
}

/**
 * All generation metrics of the paired examples. Bootstrap intervals for every metric (one set of draws); the
 * test of docs/tasks.md for `pValue`: exact McNemar (exact_match), paired t (token_f1), approximate randomization
 * (bleu, chrf), paired bootstrap (loss, perplexity). With `workerScript` (the CLI bundle), a helper thread
 * takes half the resampling (worker.ts; the same numbers).
 * Cost: O(text) once, then O(R · 0.63·n · 12) for the bootstrap (10 packed words for BLEU, chrF and exact_match,
 * 2 for token_f1) and O(R · n/8 · 5) for the randomization; about 3.9 s on one core and 2.5 s on two for
 * 10,000 examples and 10,000 resamples (the CLI, with reading).
 */
export function compareGeneration(data: GenerationData, settings: ResampleSettings & { drops?: number; workerScript?: string | URL }): GenerationComparison {
  // The helper thread loads while this one reads the texts (unless the caller brings its own); below about 0.2 s of
  // resampling its start (about 0.1 s) would not pay.
  const own = settings.helper === undefined && settings.workerScript !== undefined && data.ids.length * settings.resamples >= HELPER_WORK
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
  // Text → per-example rows, on both threads when there is a helper.
  const hypotheses = paired ? [data.candidate, data.baseline as readonly string[]] : [data.candidate]
  const shared = settings.helper !== undefined && settings.helper !== null
  const models = hypotheses.length
  const statsJob: StatsJob = {
    kind: 'stats',
    references: data.references,
    hypotheses,
    per: STATS_CHUNK,
    bleu: Array.from({ length: models }, () => sharedArray(n * BLEU_COLUMNS, shared)),
    chrf: Array.from({ length: models }, () => sharedArray(n * CHRF_COLUMNS, shared)),
    em: Array.from({ length: models }, () => sharedArray(n, shared)),
    f1: Array.from({ length: models }, () => sharedArray(n, shared))
  }
  if (data.references.length !== n || data.candidate.length !== n || (data.baseline !== null && data.baseline.length !== n)) {
    throw new RangeError('ids, references, candidate and baseline must have one entry per example')
  }
  for (const refs of data.references) if (refs.length === 0) throw new RangeError('BLEU and chrF need at least one reference per example')
  runJob(statsJob, settings.helper ?? null)
  const [emC, emB] = [statsJob.em[0], paired ? statsJob.em[1] : new Float64Array(n)]
  const [f1C, f1B] = [statsJob.f1[0], paired ? statsJob.f1[1] : new Float64Array(n)]
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
  const corpus = corpusFromRows(statsJob.bleu, statsJob.chrf)
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
