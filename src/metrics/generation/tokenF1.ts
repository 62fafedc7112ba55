/**
 * Token F1 of the official SQuAD v1.1 evaluation script (Rajpurkar et al. 2016), max over references.
 *
 * Normalisation, in the script's order: lower case (Python `str.lower`, which JavaScript's `toLowerCase` matches,
 * final sigma included); drop every ASCII punctuation character (Python `string.punctuation`); replace the
 * words a, an, the by a space (Python `\b(a|an|the)\b`, whose word characters are Unicode letters, digits and
 * `_`); then Python `' '.join(text.split())`. F1 of the two token multisets: overlap = Σ min(counts);
 * 0 when the overlap is 0 (so also when either side is empty, as v1.1 does); else 2·P·R / (P + R).
 * Cost: O(length) per pair (a map of the prediction's tokens).
 *
 * @example tokenF1('The cat sat.', ['a cat sat on the mat']) // 0.8
 */
import { pySplit } from './pythonText.js'

const PUNCTUATION = /[!-/:-@[-`{-~]/g
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu

/**
 * The SQuAD v1.1 `normalize_answer`.
 * @example normalizeAnswer('The  Eiffel-Tower!') // 'eiffeltower'
 */
export function normalizeAnswer(text: string): string {
  const lower = text.toLowerCase()
  const noPunctuation = lower.replace(PUNCTUATION, '')
  const noArticles = noPunctuation.replace(ARTICLES, ' ')
  return pySplit(noArticles).join(' ')
}

/** Token F1 of one prediction against one reference (SQuAD v1.1 `f1_score`). */
export function f1Pair(prediction: string, reference: string): number {
  return f1Tokens(answerTokens(prediction), answerTokens(reference))
}

/**
 * The normalised tokens of a text (`normalize_answer(text).split()`), to score one text against several
 * without normalising it again.
 * @example answerTokens('The cat, sat.') // ['cat', 'sat']
 */
export function answerTokens(text: string): string[] {
  return pySplit(normalizeAnswer(text))
}

/** {@link f1Pair} of normalised tokens. */
export function f1Tokens(p: readonly string[], g: readonly string[]): number {
  const counts = new Map<string, number>()
  for (const t of p) counts.set(t, (counts.get(t) ?? 0) + 1)
  let same = 0
  for (const t of g) {
    const c = counts.get(t)
    if (c !== undefined && c > 0) {
      same++
      counts.set(t, c - 1)
    }
  }
  if (same === 0) return 0
  const precision = same / p.length
  const recall = same / g.length
  return (2 * precision * recall) / (precision + recall)
}

/** The best F1 over the references (SQuAD's `metric_max_over_ground_truths`). */
export function tokenF1(prediction: string, references: readonly string[]): number {
  return tokenF1Tokens(answerTokens(prediction), references.map(answerTokens))
}

/** {@link tokenF1} of normalised tokens (the references' normalised once for every model). */
export function tokenF1Tokens(prediction: readonly string[], references: readonly (readonly string[])[]): number {
  let best = 0
  for (const r of references) best = Math.max(best, f1Tokens(prediction, r))
  return best
}
