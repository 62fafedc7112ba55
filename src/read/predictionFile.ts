/**
 * What reading makes of a prediction file (docs/inputs.md): its source, its field names, the label dictionary
 * shared by both files, and the columns read. Plain data.
 */
import type { KeyColumn } from './keys.js'

/** Input formats of docs/inputs.md; each may also be gzip-compressed (`.gz`). The evaluation tools' outputs: docs/tools.md. */
export type Format = 'jsonl' | 'csv' | 'tsv' | 'json' | 'parquet' | 'cells' | 'lm-eval' | 'inspect' | 'promptfoo' | 'eee' | 'deepeval'

/** The formats a user may name (`--format`, action `format`). */
export const FORMATS: readonly Format[] = ['jsonl', 'csv', 'tsv', 'json', 'parquet', 'cells', 'lm-eval', 'inspect', 'promptfoo', 'eee', 'deepeval']

/** Names of the fields in a prediction file (docs/inputs.md, `id-field` …). */
export interface FieldNames {
  id: string
  label: string
  prediction: string
  score: string
}

export const DEFAULT_FIELDS: FieldNames = { id: 'id', label: 'label', prediction: 'prediction', score: 'score' }

/** Where a prediction file comes from: a path on disk, or bytes in memory (an artifact) with a display name. */
export interface PredictionSource {
  /** Shown in messages (`candidate.jsonl:17: …`) and used to pick the format by extension. */
  name: string
  /** Read from here when `data` is absent. */
  path?: string
  /** Bytes already in memory (e.g. a file read from an artifact zip). */
  data?: Uint8Array
  /**
   * A cap on the bytes the reader will decode from this source after any gzip layer (an artifact's file is
   * capped as a whole, however many layers of compression it has). Past it the read stops with an InputError.
   */
  maxUnpackedBytes?: number
}

/**
 * Interns label texts to small integer codes, shared by both files of a comparison so that codes agree.
 * Codes are in first-seen order; `labelOrder` (src/read/labels.ts) gives the report order.
 */
export class LabelDictionary {
  readonly names: string[] = []
  private readonly codes = new Map<string, number>()

  /** The code of `text`, adding it when new. */
  code(text: string): number {
    let c = this.codes.get(text)
    if (c === undefined) {
      c = this.names.length
      this.codes.set(text, c)
      this.names.push(text)
    }
    return c
  }

  /** The code of `text`, or -1 when it was never seen. */
  find(text: string): number {
    return this.codes.get(text) ?? -1
  }

  get size(): number {
    return this.names.length
  }
}

/**
 * One prediction file, column-wise (one typed array per field, so a million rows stay small).
 * Labels are normalised to text (docs/inputs.md) and interned in the shared LabelDictionary.
 */
export interface PredictionFile {
  /** Display name, as in messages. */
  name: string
  /** The id field's name, as in messages (`--id-field`). */
  idField: string
  /** Number of rows (blank lines skipped). */
  n: number
  /**
   * Example ids; null when no row has the id field. Ids are compared as text (a JSON integer 17 and a CSV cell
   * "17" are the same id), but a file whose ids are all JSON integers keeps them as numbers (no text per row).
   */
  ids: string[] | Float64Array | null
  /** 1-based line (JSONL/CSV/TSV: the line where the row starts; JSON array: the line of the element's opening brace). */
  line: Uint32Array
  /** True label codes. */
  truth: Uint32Array
  /** Predicted label codes. */
  pred: Uint32Array
  /** Binary: probability of the positive class per row; null when the file has no `score` field. */
  score: Float64Array | null
  /**
   * Multiclass: label text → probability, per row (row-major, `labels.length` per row); null when absent.
   * `labels` are the keys as they appear (normalised to text), in first-seen order.
   */
  scores: { labels: string[]; values: Float64Array } | null
  /** The key fields asked for (slice, repeat, cluster: src/read/keys.ts), when any. */
  keys?: KeyColumn[]
  /**
   * docs/errors.md: 1 on each error row (its `error` field set, or its prediction empty or null; `pred` holds ERROR_CODE
   * there until the task decides what it counts as); null or absent: no error row.
   */
  errors?: Uint8Array | null
}

/** The text of id i of a file (the id column must exist). */
export function idText(ids: string[] | Float64Array, i: number): string {
  return typeof ids[i] === 'number' ? String(ids[i]) : (ids[i] as string)
}
