/**
 * A file cut to some of its rows: what `--errors exclude` does to the candidate when there is no baseline (with a
 * baseline it drops pairs instead, src/pair/errorRule.ts). Every column is filtered in one pass. Cost O(n · columns).
 *
 * @example keepTextRows(file, Uint32Array.of(0, 2)).n // 2
 */
import type { KeyColumn } from '../read/keys.js'
import type { NumericFile } from '../read/numericRows.js'
import type { TextFile } from '../read/textRows.js'
import type { PredictionFile } from '../read/predictionFile.js'

type Typed = Uint32Array | Float64Array | Uint8Array

function pick<T extends Typed>(a: T, keep: Uint32Array): T {
  const out = new (a.constructor as new (n: number) => T)(keep.length)
  for (let p = 0; p < keep.length; p++) out[p] = a[keep[p]]
  return out
}

const pickIds = (ids: string[] | Float64Array | null, keep: Uint32Array): string[] | Float64Array | null =>
  ids === null ? null : ids instanceof Float64Array ? pick(ids, keep) : Array.from(keep, (i) => ids[i])

const pickKeys = (keys: KeyColumn[] | undefined, keep: Uint32Array): { keys?: KeyColumn[] } =>
  keys ? { keys: keys.map((k) => ({ ...k, codes: pick(k.codes, keep) })) } : {}

/** Without the rows' errors (every kept row is a non-error row). */
const base = <F extends { ids: string[] | Float64Array | null; line: Uint32Array; keys?: KeyColumn[] }>(file: F, keep: Uint32Array) => ({
  n: keep.length,
  ids: pickIds(file.ids, keep),
  line: pick(file.line, keep),
  ...pickKeys(file.keys, keep),
  errors: null
})

export function keepPredictionRows(file: PredictionFile, keep: Uint32Array): PredictionFile {
  const labels = file.scores?.labels.length ?? 0
  return {
    ...file,
    ...base(file, keep),
    truth: pick(file.truth, keep),
    pred: pick(file.pred, keep),
    score: file.score ? pick(file.score, keep) : null,
    scores: file.scores
      ? {
          labels: file.scores.labels,
          values: Float64Array.from({ length: keep.length * labels }, (_, q) => (file.scores as { values: Float64Array }).values[keep[Math.floor(q / labels)] * labels + (q % labels)])
        }
      : null
  }
}

export function keepNumericRows(file: NumericFile, keep: Uint32Array): NumericFile {
  return { ...file, ...base(file, keep), values: file.values.map((v) => pick(v, keep)) }
}

export function keepTextRows(file: TextFile, keep: Uint32Array): TextFile {
  return {
    ...file,
    ...base(file, keep),
    references: Array.from(keep, (i) => file.references[i]),
    predictions: Array.from(keep, (i) => file.predictions[i]),
    loss: file.loss ? pick(file.loss, keep) : null,
    tokens: file.tokens ? pick(file.tokens, keep) : null
  }
}
