/**
 * `--errors wrong` for classification (docs/errors.md): an error row counts as an incorrect prediction, and never
 * creates a class "" of its own.
 *
 * - binary: the prediction is the other label (a positive example's error is a false negative, a negative one's a
 *   false positive): what scikit-learn gives with each error replaced by the wrong label. When only one label
 *   occurs, the other is the reserved label below.
 * - multiclass: the prediction is a reserved label, `(error)` (`(error 2)` … when a real label is spelled so), last
 *   in label order: the confusion matrices show the errors in a column of their own (its row is empty: no example
 *   is truly an error). Like any predicted label it is a class of the macro averages, as scikit-learn counts it:
 *   `f1_score(y, y_pred, average="macro")` with the errors written as `(error)` gives the same number.
 * - scores: an error row's probability is the worst one: 0 on its true class (binary `score`: 0 for a positive
 *   example, 1 for a negative one; multiclass `scores`: 0 on the true label, the rest spread evenly).
 * Cost: O(rows) over the error rows of both files.
 *
 * @example errorLabel(['a', 'b']) // '(error)'
 */
import type { Task } from '../../report/schema.js'
import type { LabelDictionary, PredictionFile } from '../../read/predictionFile.js'

/** The reserved prediction of an error row: `(error)`, or `(error 2)`, … when a label already has that text. */
export function errorLabel(taken: readonly string[]): string {
  const set = new Set(taken)
  let name = '(error)'
  for (let k = 2; set.has(name); k++) name = `(error ${k})`
  return name
}

/**
 * Gives every error row of both files its wrong prediction and worst scores. Appends the reserved label to
 * `labels` when it is used (multiclass; binary with one label) and returns it, else null.
 */
export function countErrorsWrong(
  ctx: { task: Task; labels: string[]; positiveLabel: string | null; dictionary: LabelDictionary },
  candidate: PredictionFile,
  baseline: PredictionFile | null
): string | null {
  const files = [candidate, baseline].filter((f): f is PredictionFile => f !== null && f.errors != null)
  if (files.length === 0) return null
  const { labels, dictionary } = ctx
  let reserved = -1
  const reservedCode = (): number => {
    if (reserved < 0) {
      const name = errorLabel(dictionary.names)
      reserved = dictionary.code(name)
      labels.push(name)
    }
    return reserved
  }
  const binary = ctx.task === 'binary'
  const codes = labels.map((l) => dictionary.find(l))
  const positiveCode = ctx.positiveLabel === null ? -1 : dictionary.find(ctx.positiveLabel)
  for (const f of files) {
    const errors = f.errors as Uint8Array
    for (let i = 0; i < f.n; i++) {
      if (!errors[i]) continue
      const truth = f.truth[i]
      if (binary && codes.length === 2) f.pred[i] = codes[0] === truth ? codes[1] : codes[0]
      else f.pred[i] = reservedCode()
      if (f.score) f.score[i] = truth === positiveCode ? 0 : 1
      if (f.scores) {
        const { labels: keys, values } = f.scores
        const truthText = dictionary.names[truth]
        const hit = keys.indexOf(truthText)
        const rest = hit >= 0 ? keys.length - 1 : keys.length
        for (let j = 0; j < keys.length; j++) values[i * keys.length + j] = j === hit ? 0 : rest > 0 ? 1 / rest : 0
      }
    }
  }
  return reserved < 0 ? null : dictionary.names[reserved]
}
