/**
 * Exact match (docs/tasks.md): the prediction equals one of the references after trimming whitespace at both ends —
 * Python's `str.strip()`, which the reference values of cases-v2 were made with (it trims U+001C–U+001F and
 * NEL too and keeps the BOM, unlike JavaScript's `trim`). No other normalisation: case and punctuation count
 * (SQuAD's normalised exact match would give 0.238, not the oracle's 0.23, on cases-v2/generation-002).
 * Cost: O(length).
 *
 * @example exactMatch(' Paris\n', ['paris', 'Paris']) // true
 */
import { pyStrip } from './pythonText.js'

export function exactMatch(prediction: string, references: readonly string[]): boolean {
  const p = pyStrip(prediction)
  return references.some((r) => pyStrip(r) === p)
}
