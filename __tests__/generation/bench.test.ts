/**
 * SPEC §8 timing, run by hand (skipped by default: it takes seconds and the machine is shared):
 *
 *   EVAL_GATE_BENCH=1 npx vitest run __tests__/generation/bench.test.ts
 *
 * 10,000 paired examples with two references each (texts of 5–34 words drawn from a vocabulary of 13a's hard
 * tokens, edited at random), BLEU and chrF of both models, 10,000 bootstrap resamples and 10,000 randomization
 * trials, tokenisation included; also the whole compareGeneration (with exact_match, token_f1, loss). Prints
 * the times; fails above SPEC's 5 s.
 */
import { describe, expect, it } from 'vitest'
import { compareGeneration } from '../../src/significance/generation/compareGeneration.js'
import { resampleGeneration } from '../../src/significance/generation/generationResample.js'
import { corpusStatistics } from '../../src/metrics/generation/corpus.js'
import { syntheticGeneration } from './synthetic.js'

describe.skipIf(!process.env.EVAL_GATE_BENCH)('generation speed (SPEC §8)', () => {
  it('BLEU and chrF of 10,000 examples with 10,000 resamples take under 5 s', () => {
    const data = syntheticGeneration(10_000)
    const t0 = performance.now()
    const stats = corpusStatistics(data)
    const t1 = performance.now()
    const result = resampleGeneration(10_000, stats, [], { resamples: 10_000, alpha: 0.05, seed: 0 })
    const t2 = performance.now()
    console.log(`generation bench: statistics ${(t1 - t0).toFixed(0)} ms, bootstrap + randomization ${(t2 - t1).toFixed(0)} ms, total ${(t2 - t0).toFixed(0)} ms`)
    expect(result.get('bleu')?.pValue).not.toBeNull()
    expect(t2 - t0).toBeLessThan(5000)
    const t3 = performance.now()
    compareGeneration(data, { resamples: 10_000, alpha: 0.05, seed: 0 })
    console.log(`generation bench: compareGeneration with every metric ${(performance.now() - t3).toFixed(0)} ms`)
  })
})
