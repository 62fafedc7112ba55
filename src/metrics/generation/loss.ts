/**
 * Token-weighted loss and perplexity (docs/tasks.md). Each example has `loss`, the mean negative log-likelihood per
 * token of its text, and `tokens`, how many tokens that mean is over. The corpus loss is the mean NLL over all
 * tokens, Σ loss·tokens / Σ tokens, and perplexity its exp. Both are lower-is-better. As a ratio of sums it is
 * resampled like BLEU: a bootstrap resample is the ratio of weighted sums (resample.ts).
 * Cost: O(n).
 *
 * @example corpusLoss(Float64Array.of(1, 3), Float64Array.of(1, 3)) // 2.5
 */

/** The rows [loss·tokens, tokens] per example, n × 2, for resample.ts. */
export function lossRows(loss: ArrayLike<number>, tokens: ArrayLike<number>): Float64Array {
  const n = loss.length
  const out = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) {
    out[2 * i] = loss[i] * tokens[i]
    out[2 * i + 1] = tokens[i]
  }
  return out
}

/** Σ loss·tokens / Σ tokens; NaN when there are no tokens. */
export function corpusLoss(loss: ArrayLike<number>, tokens: ArrayLike<number>): number {
  let num = 0
  let den = 0
  for (let i = 0; i < loss.length; i++) {
    num += loss[i] * tokens[i]
    den += tokens[i]
  }
  return den === 0 ? NaN : num / den
}

/** exp of the corpus loss. */
export function perplexity(loss: ArrayLike<number>, tokens: ArrayLike<number>): number {
  return Math.exp(corpusLoss(loss, tokens))
}
