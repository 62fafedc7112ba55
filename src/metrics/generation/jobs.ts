/**
 * The resampling of the generation metrics as a list of independent chunks, so that two threads can share it:
 * bootstrap chunks (CHUNK resamples each, chunk c drawn from stream `bootstrap:generation/c`) write every
 * metric's candidate and baseline value of their resamples; randomization chunks (TRIALS trials each, stream
 * `permutation:generation/c`) count their hits. A chunk's numbers depend on the seed and its number only, and it
 * writes only its own slots of the outputs, so the results are the same whichever thread runs which chunk and
 * whatever the timing. The job is plain data (typed arrays, numbers, strings): it can be posted to a worker, and
 * its outputs can live in shared memory.
 * Cost: see bootstrap.ts and randomization.ts; O(1) per chunk to start its stream.
 */
import { streamFor } from '../../stats/random.js'
import { bleuFromSums } from './bleu.js'
import { bootstrapChunk, bootstrapScratch, chunkState, CHUNK, type BootstrapRows, type BootstrapScratch } from './bootstrap.js'
import { chrfFromSums } from './chrf.js'
import { randomizationChunk, type RandomizationRows } from './randomization.js'

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

export interface GenerationJob {
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

export function bootChunks(job: GenerationJob): number {
  return Math.ceil(job.resamples / CHUNK)
}

/** Every chunk of the job: the bootstrap's, then the randomization's. */
export function chunkCount(job: GenerationJob): number {
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

/** Runs chunk c of the job on this thread, writing its outputs. */
export function runChunk(job: GenerationJob, c: number): void {
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
