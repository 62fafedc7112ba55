/**
 * Error rows keep what was measured (docs/errors.md): under `errors: wrong` a generation row with an empty
 * prediction keeps its own `loss`/`tokens` (the loss measures the reference, not the generated text); the worst
 * observed loss is used only where the row has none.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/compare.js'
import { type CompareOptions } from '../../src/tasks/options.js'
import type { PredictionSource } from '../../src/read/predictionFile.js'

const enc = new TextEncoder()
const rows = (name: string, list: object[]): PredictionSource => ({ name, data: enc.encode(list.map((r) => JSON.stringify(r)).join('\n') + '\n') })
const base: Omit<CompareOptions, 'candidate' | 'baseline'> = {
  fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
  task: 'generation',
  alpha: 0.05,
  resamples: 200,
  seed: 0,
  missingBaseline: 'skip'
}

describe('generation error rows and their loss', () => {
  it('a row with its own loss keeps it; a row without gets the worst observed loss and the mean tokens', async () => {
    const candidate = [
      { id: 'a', label: 'x y', prediction: 'x y', loss: 1.0, tokens: 2 },
      { id: 'b', label: 'x z', prediction: '', loss: 3.0, tokens: 4 },
      { id: 'c', label: 'w', prediction: null }
    ]
    const baseline = [
      { id: 'a', label: 'x y', prediction: 'x y', loss: 2.0, tokens: 2 },
      { id: 'b', label: 'x z', prediction: 'z', loss: 1.5, tokens: 4 },
      { id: 'c', label: 'w', prediction: 'w', loss: 0.5, tokens: 6 }
    ]
    const r = await compare({ ...base, candidate: rows('c.jsonl', candidate), baseline: rows('b.jsonl', baseline) })
    // Non-error rows: candidate a (1.0, 2 tokens); baseline a (2.0, 2), b (1.5, 4), c (0.5, 6). Worst loss 2.0,
    // mean tokens (2 + 2 + 4 + 6)/4 = 3.5. Candidate: a 1.0·2, b its own 3.0·4, c 2.0·3.5 →
    // (2 + 12 + 7)/(2 + 4 + 3.5) = 21/9.5 = 2.2105…; the old rule gave b the worst loss too: (2 + 8 + 7)/9.5 = 1.789….
    expect(r.metrics.loss.candidate).toBeCloseTo(21 / 9.5, 12)
    expect(r.metrics.perplexity.candidate).toBeCloseTo(Math.exp(21 / 9.5), 10)
    // Baseline: (2.0·2 + 1.5·4 + 0.5·6)/12 = 13/12.
    expect(r.metrics.loss.baseline).toBeCloseTo(13 / 12, 12)
    expect(r.counts.errors).toEqual({ candidate: 2, baseline: 0 })
    // The texts of both error rows are empty: exact match a only → 1/3; baseline a and c → 2/3.
    expect(r.metrics.exact_match.candidate).toBeCloseTo(1 / 3, 12)
    expect(r.metrics.exact_match.baseline).toBeCloseTo(2 / 3, 12)
  })

  it('when every error row has its loss, no worst value is needed (a file of error rows only still has a loss)', async () => {
    const candidate = [
      { id: 'a', label: 'x', prediction: '', loss: 1.0, tokens: 1 },
      { id: 'b', label: 'y', prediction: '', loss: 2.0, tokens: 3 }
    ]
    const r = await compare({ ...base, candidate: rows('c.jsonl', candidate), baseline: null })
    // (1.0·1 + 2.0·3)/4 = 7/4.
    expect(r.metrics.loss.candidate).toBeCloseTo(1.75, 12)
  })

  // The reference cases of __tests__/fixtures/generation (README there): their loss is each row's own, empty
  // predictions included (unseen-1: 4 empty predictions per side; unseen-2: 1 in the candidate).
  const dir = new URL('../fixtures/generation/', import.meta.url).pathname
  it.each([
    ['unseen-1-variable-refs', { candidate: 4, baseline: 4 }],
    ['unseen-2-short', { candidate: 1, baseline: 0 }]
  ])('%s through compare (errors: wrong): loss and perplexity of the reference to 1e-9', async (name, errors) => {
    const expected = JSON.parse(readFileSync(`${dir}${name}/expected.json`, 'utf8')) as { metrics: Record<string, { candidate: number; baseline: number }> }
    const file = (side: string): PredictionSource => ({ name: `${side}.jsonl`, path: `${dir}${name}/${side}.jsonl` })
    const r = await compare({ ...base, candidate: file('candidate'), baseline: file('baseline') })
    expect(r.counts.errors).toEqual(errors)
    for (const metric of ['loss', 'perplexity', 'exact_match', 'token_f1', 'bleu', 'chrf']) {
      expect(Math.abs((r.metrics[metric].candidate as number) - expected.metrics[metric].candidate), `${metric} candidate`).toBeLessThan(1e-9)
      expect(Math.abs((r.metrics[metric].baseline as number) - expected.metrics[metric].baseline), `${metric} baseline`).toBeLessThan(1e-9)
    }
  })
})
