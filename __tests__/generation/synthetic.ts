/** Synthetic generation data for the timing and thread tests. */
import { streamFor } from '../../src/stats/random.js'

const WORDS = `the a an model eval gate score metric "quoted" café Zürich naïve don't U.S. 3.5 2026 e-mail (draft) well, ok; so: no? yes! data river bank cat dog token report test set runs fast slow ünïcödé — “smart” $4.50 &amp; 10-20`.split(' ')

/** A synthetic translation eval: n examples, two references, a candidate and a baseline (seeded). */
export function syntheticGeneration(n: number) {
  const rng = streamFor(1, 'bench-generation')
  const pick = () => WORDS[Math.floor(rng.nextDouble() * WORDS.length)]
  const edit = (words: string[], p: number) =>
    words
      .flatMap((w) => {
        const u = rng.nextDouble()
        return u < p / 3 ? [] : u < (2 * p) / 3 ? [pick()] : u < p ? [w, pick()] : [w]
      })
      .join(' ')
  const ids: string[] = []
  const references: string[][] = []
  const candidate: string[] = []
  const baseline: string[] = []
  const loss = { candidate: { loss: [] as number[], tokens: [] as number[] }, baseline: { loss: [] as number[], tokens: [] as number[] } }
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 5 + Math.floor(rng.nextDouble() * 30) }, pick)
    ids.push(`ex-${i}`)
    references.push([words.join(' '), edit(words, 0.2)])
    candidate.push(edit(words, 0.25))
    baseline.push(edit(words, 0.3))
    const tokens = 1 + Math.floor(rng.nextDouble() * 60)
    loss.candidate.loss.push(1 + rng.nextDouble())
    loss.candidate.tokens.push(tokens)
    loss.baseline.loss.push(1 + rng.nextDouble())
    loss.baseline.tokens.push(tokens)
  }
  return { ids, references, candidate, baseline, loss }
}
