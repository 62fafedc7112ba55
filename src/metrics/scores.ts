/**
 * Score-based metrics with scikit-learn 1.2's definitions: ROC AUC, average precision, log loss, Brier score.
 * `positive` is 1 for an example of the positive class; `score` the model's probability of it.
 * Cost: O(n log n) for the ranking metrics (one sort), O(n) for the others.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/**
 * Example indices sorted by ascending score, ties by index (so the order is deterministic).
 * Method: LSD radix sort on the IEEE-754 bits (16-bit digits, 4 stable passes; the bits of a double order like
 * the number once negative values have all bits flipped and others the sign bit). Cost: O(n), about 4 passes.
 * @example ascendingOrder([0.3, 0.1, 0.3, 0]) // Uint32Array [3, 1, 0, 2]
 */
export function ascendingOrder(score: ArrayLike<number>): Uint32Array {
  const n = score.length
  let order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  if (!LITTLE_ENDIAN || n < 64) return order.sort((a, b) => score[a] - score[b] || a - b)
  const bits = new Float64Array(n)
  for (let i = 0; i < n; i++) bits[i] = score[i] === 0 ? 0 : score[i]
  const words = new Uint32Array(bits.buffer)
  const lo = new Uint32Array(n)
  const hi = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0
      lo[i] = ~words[2 * i] >>> 0
    } else {
      hi[i] = (h | 0x80000000) >>> 0
      lo[i] = words[2 * i]
    }
  }
  let next = new Uint32Array(n)
  const count = new Uint32Array(65536)
  for (const [key, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    count.fill(0)
    for (let i = 0; i < n; i++) count[(key[i] >>> shift) & 0xffff]++
    if (count[(key[0] >>> shift) & 0xffff] === n) continue // every key has this digit: the pass changes nothing
    let sum = 0
    for (let d = 0; d < 65536; d++) {
      const c = count[d]
      count[d] = sum
      sum += c
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]
      next[count[(key[i] >>> shift) & 0xffff]++] = i
    }
    const t = order
    order = next
    next = t
  }
  return order
}

/**
 * The ascending order of a subset's scores from the order of the whole file's: `order` is ascendingOrder of a
 * file's n scores, `rows` the rows kept (pair p is row rows[p]). When `rows` is strictly increasing, keeping the
 * order's kept rows, renumbered, is exactly ascendingOrder of the gathered scores (ties stay in increasing
 * position); otherwise null (sort the gathered scores). Cost O(n).
 * @example orderOfRows(Uint32Array.of(3, 1, 0, 2), Uint32Array.of(0, 2, 3), 4) // Uint32Array [2, 0, 1]
 */
export function orderOfRows(order: Uint32Array, rows: Uint32Array, n: number): Uint32Array | null {
  for (let p = 1; p < rows.length; p++) if (rows[p] <= rows[p - 1]) return null
  if (rows.length === n) return order // strictly increasing n rows of n: every row, in its place
  const position = new Int32Array(n).fill(-1)
  for (let p = 0; p < rows.length; p++) position[rows[p]] = p
  const out = new Uint32Array(rows.length)
  let m = 0
  for (let k = 0; k < n; k++) {
    const p = position[order[k]]
    if (p >= 0) out[m++] = p
  }
  return out
}

/**
 * ROC AUC as `roc_auc_score`: the Mann–Whitney statistic with midranks for ties, which equals the trapezoidal
 * area under the ROC curve. Null when only one class is present (scikit-learn raises).
 * @example rocAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.75
 */
export function rocAuc(positive: Uint8Array, score: ArrayLike<number>, order = ascendingOrder(score)): number | null {
  const n = positive.length
  let nPos = 0
  for (let i = 0; i < n; i++) nPos += positive[i]
  const nNeg = n - nPos
  if (nPos === 0 || nNeg === 0) return null
  let rankSum = 0
  for (let i = 0; i < n; ) {
    let j = i
    while (j + 1 < n && score[order[j + 1]] === score[order[i]]) j++
    const midrank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) if (positive[order[k]]) rankSum += midrank
    i = j + 1
  }
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg)
}

/**
 * Average precision as `average_precision_score`: Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds, highest first,
 * no interpolation. Optional integer `weights` count each example that many times (bootstrap). Null when there
 * is no positive example.
 * @example averagePrecision(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.8333333333333333
 */
export function averagePrecision(
  positive: Uint8Array,
  score: ArrayLike<number>,
  order = ascendingOrder(score),
  weights: ArrayLike<number> | null = null
): number | null {
  const n = positive.length
  let total = 0
  for (let i = 0; i < n; i++) total += positive[i] * (weights ? weights[i] : 1)
  if (total === 0) return null
  let tp = 0
  let fp = 0
  let ap = 0
  for (let j = n - 1; j >= 0; ) {
    const s = score[order[j]]
    let tpGroup = 0
    while (j >= 0 && score[order[j]] === s) {
      const i = order[j]
      const w = weights ? weights[i] : 1
      if (positive[i]) tpGroup += w
      else fp += w
      j--
    }
    tp += tpGroup
    if (tpGroup > 0) ap += (tpGroup / total) * (tp / (tp + fp))
  }
  return ap
}

const EPS = 2.220446049250313e-16

/**
 * Per-example log loss of a binary model as `log_loss` computes it: p clipped to [ε, 1 − ε] (ε the float64
 * machine epsilon), the pair (1 − p, p) renormalised, −ln of the true class's probability.
 */
export function logLossesBinary(positive: Uint8Array, score: ArrayLike<number>): Float64Array {
  const out = new Float64Array(positive.length)
  for (let i = 0; i < out.length; i++) {
    const p = Math.min(1 - EPS, Math.max(EPS, score[i]))
    const q = 1 - p
    const sum = p + q
    out[i] = -Math.log((positive[i] ? p : q) / sum)
  }
  return out
}

/**
 * Rows × classes probabilities read in place from a file's `scores` values: row p of the comparison is file row
 * `rows[p]` (null: row p), class j is column `column[j]` of `width`. Saves a copy of rows × classes doubles.
 */
export interface ScoreRows {
  values: Float64Array
  width: number
  column: ArrayLike<number>
  rows: ArrayLike<number> | null
}

/** Dense n × k probabilities as ScoreRows (a view of every row, columns in label order); ScoreRows as they are. */
export function scoreRows(probs: Float64Array | ScoreRows, k: number): ScoreRows {
  return probs instanceof Float64Array ? { values: probs, width: k, column: Int32Array.from({ length: k }, (_, j) => j), rows: null } : probs
}

/**
 * Per-example multiclass log loss: each row of `probs` (n × K, columns in label order) clipped to [ε, 1 − ε] and
 * renormalised, −ln of the true class's probability.
 */
export function logLossesMulticlass(truth: ArrayLike<number>, probs: Float64Array | ScoreRows, k: number): Float64Array {
  const { values, width, column, rows } = scoreRows(probs, k)
  const out = new Float64Array(truth.length)
  for (let i = 0; i < out.length; i++) {
    const at = (rows === null ? i : rows[i]) * width
    let sum = 0
    for (let j = 0; j < k; j++) sum += Math.min(1 - EPS, Math.max(EPS, values[at + column[j]]))
    out[i] = -Math.log(Math.min(1 - EPS, Math.max(EPS, values[at + column[truth[i]]])) / sum)
  }
  return out
}

/** Per-example Brier loss (p − y)², as `brier_score_loss` with the positive class. */
export function brierLosses(positive: Uint8Array, score: ArrayLike<number>): Float64Array {
  const out = new Float64Array(positive.length)
  for (let i = 0; i < out.length; i++) out[i] = (score[i] - positive[i]) ** 2
  return out
}

/** The mean of per-example losses. */
export function mean(values: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i]
  return s / values.length
}

/**
 * One-vs-rest macro ROC AUC as `roc_auc_score(multi_class="ovr", average="macro")`. Null when a class has no
 * example or every example (scikit-learn raises).
 */
export function rocAucOvrMacro(truth: ArrayLike<number>, probs: Float64Array | ScoreRows, k: number): number | null {
  const { values, width, column: columns, rows } = scoreRows(probs, k)
  const n = truth.length
  let sum = 0
  const column = new Float64Array(n)
  const pos = new Uint8Array(n)
  for (let c = 0; c < k; c++) {
    const from = columns[c]
    for (let i = 0; i < n; i++) {
      column[i] = values[(rows === null ? i : rows[i]) * width + from]
      pos[i] = truth[i] === c ? 1 : 0
    }
    const auc = rocAuc(pos, column)
    if (auc === null) return null
    sum += auc
  }
  return sum / k
}
