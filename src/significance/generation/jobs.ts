/**
 * The work of the generation metrics as lists of independent chunks, so that two threads can share it: first the
 * per-example statistics (text → rows; chunks of examples), then the resampling: bootstrap chunks (CHUNK resamples each, chunk c drawn from stream `bootstrap:generation/c`) write every
 * metric's candidate and baseline value of their resamples; randomization chunks (TRIALS trials each, stream
 * `permutation:generation/c`) count their hits. A chunk's numbers depend on the seed and its number only, and it
 * writes only its own slots of the outputs, so the results are the same whichever thread runs which chunk and
 * whatever the timing. The job is plain data (typed arrays, numbers, strings): it can be posted to a worker, and
 * its outputs can live in shared memory.
 * Cost: see bootstrap.ts and randomization.ts; O(1) per chunk to start its stream.
 */
import { streamFor } from '../../stats/random.js'
import { BleuStatistics, bleuFromSums } from '../../metrics/generation/bleu.js'
import { bootstrapChunk, bootstrapScratch, chunkState, CHUNK, type BootstrapRows, type BootstrapScratch } from './bootstrap.js'
import { ChrfStatistics, chrfFromSums } from '../../metrics/generation/chrf.js'
import { exactMatch } from '../../metrics/generation/exactMatch.js'
import { randomizationChunk, type RandomizationRows } from './randomization.js'
import { answerTokens, tokenF1Tokens } from '../../metrics/generation/tokenF1.js'

/** Randomization trials per chunk. */
export const TRIALS = 2048

/** How a metric's value follows from the summed columns of its blocks. */
export interface MetricSpec {
  score: 'bleu' | 'chrf' | 'ratio'
  /** Ratio metrics: exp of the ratio (perplexity). */
  exp: boolean
  /** Block of the candidate's and the baseline's rows (−1: none). */
  c: number
  b: number
}

/** Per-example statistics of examples [c·per, (c + 1)·per) per chunk c: rows of BLEU and chrF, exact match, token F1. */
export interface StatsJob {
  kind: 'stats'
  references: readonly (readonly string[])[]
  /** One text list per model (candidate, then baseline). */
  hypotheses: readonly (readonly string[])[]
  per: number
  /** Outputs per model: n × BLEU_COLUMNS, n × CHRF_COLUMNS, n exact matches (0/1), n token F1. */
  bleu: Float64Array[]
  chrf: Float64Array[]
  em: Float64Array[]
  f1: Float64Array[]
}

export interface GenerationJob {
  kind: 'resample'
  seed: number
  resamples: number
  boot: BootstrapRows
  metrics: MetricSpec[]
  /** Outputs: per metric, R resampled values of each model (base empty without a baseline). */
  cand: Float64Array[]
  base: Float64Array[]
  /** Null without randomization (no baseline, no corpus metric). */
  perm: RandomizationRows | null
  /** Randomization: the corpus metrics (their blocks in perm, in order), observed deltas and tie tolerances. */
  permScores: ('bleu' | 'chrf')[]
  observed: number[]
  gamma: number[]
  /** Outputs: per randomization chunk and corpus metric, [two-sided, worse, strict] hits. */
  hits: Int32Array
}

export type Job = StatsJob | GenerationJob

export function bootChunks(job: GenerationJob): number {
  return Math.ceil(job.resamples / CHUNK)
}

/** Every chunk of the job: the examples' for statistics; the bootstrap's, then the randomization's. */
export function chunkCount(job: Job): number {
  if (job.kind === 'stats') return Math.ceil(job.references.length / job.per)
  return bootChunks(job) + (job.perm ? Math.ceil(job.resamples / TRIALS) : 0)
}

/** The value of a metric from summed columns. */
export function metricValue(spec: MetricSpec, sums: ArrayLike<number>): number {
  if (spec.score === 'bleu') return bleuFromSums(sums)
  if (spec.score === 'chrf') return chrfFromSums(sums)
  const ratio = sums[1] === 0 ? NaN : sums[0] / sums[1]
  return spec.exp ? Math.exp(ratio) : ratio
}

const scratches = new WeakMap<BootstrapRows, BootstrapScratch>()

let texts: { bleu: BleuStatistics; chrf: ChrfStatistics } | null = null

/** Runs chunk c of the job on this thread, writing its outputs. */
export function runChunk(job: Job, c: number): void {
  if (job.kind === 'stats') {
    texts ??= { bleu: new BleuStatistics(), chrf: new ChrfStatistics() }
    const { references, hypotheses, bleu, chrf, em, f1 } = job
    const hyps: string[] = new Array<string>(hypotheses.length)
    const end = Math.min(references.length, (c + 1) * job.per)
    for (let i = c * job.per; i < end; i++) {
      const refs = references[i]
      const refTokens = refs.map(answerTokens)
      for (let m = 0; m < hypotheses.length; m++) {
        hyps[m] = hypotheses[m][i]
        em[m][i] = exactMatch(hyps[m], refs) ? 1 : 0
        f1[m][i] = tokenF1Tokens(answerTokens(hyps[m]), refTokens)
      }
      texts.bleu.example(refs, hyps, bleu, i)
      texts.chrf.example(refs, hyps, chrf, i)
    }
    return
  }
  const boots = bootChunks(job)
  if (c < boots) {
    let scratch = scratches.get(job.boot)
    if (!scratch) {
      scratch = bootstrapScratch(job.boot)
      scratches.set(job.boot, scratch)
    }
    const first = c * CHUNK
    const { metrics, cand, base } = job
    bootstrapChunk(
      job.boot,
      chunkState(job.seed, 'bootstrap:generation', c),
      Math.min(CHUNK, job.resamples - first),
      (t, sums) => {
        for (let x = 0; x < metrics.length; x++) {
          const spec = metrics[x]
          cand[x][first + t] = metricValue(spec, sums[spec.c])
          if (spec.b >= 0) base[x][first + t] = metricValue(spec, sums[spec.b])
        }
      },
      scratch
    )
    return
  }
  const p = c - boots
  const first = p * TRIALS
  const count = Math.min(TRIALS, job.resamples - first)
  const { permScores, observed, gamma } = job
  const hits = new Int32Array(3 * permScores.length)
  randomizationChunk(job.perm as RandomizationRows, count, streamFor(job.seed, `permutation:generation/${p}`), (_r, a, b) => {
    for (let x = 0; x < permScores.length; x++) {
      const score = permScores[x] === 'bleu' ? bleuFromSums : chrfFromSums
      const d = score(b[x]) - score(a[x])
      const obs = observed[x]
      if (Math.abs(d) >= Math.abs(obs) - gamma[x]) hits[3 * x]++
      if (d <= obs + gamma[x]) hits[3 * x + 1]++
      if (Math.abs(d) > Math.abs(obs)) hits[3 * x + 2]++
    }
  })
  job.hits.set(hits, p * 3 * permScores.length)
}
