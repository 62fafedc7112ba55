/**
 * Warnings of the pairing, any task (docs/statistics.md): examples on one side only, label conflicts, nothing paired.
 */
import { quote } from '../common/errors.js'
import { plural } from '../report/format.js'
import type { Pairing } from './pairByIds.js'

const idList = (ids: readonly string[], total: number): string =>
  ids.map((id) => quote(id)).join(', ') + (total > ids.length ? ', …' : '')

/** Warnings of the pairing (docs/statistics.md), any task: examples on one side only, label conflicts, nothing paired. */
export function pairingWarnings(pairing: Pairing | null): string[] {
  const out: string[] = []
  if (!pairing) return out
  if (pairing.candidateOnly > 0) {
    out.push(
      `${plural(pairing.candidateOnly, 'candidate example')} ${pairing.candidateOnly === 1 ? 'has' : 'have'} no baseline row ` +
        `(ids ${idList(pairing.candidateOnlyIds, pairing.candidateOnly)}); they are left out of every comparison.`
    )
  }
  if (pairing.baselineOnly > 0) {
    out.push(
      `${plural(pairing.baselineOnly, 'baseline example')} ${pairing.baselineOnly === 1 ? 'has' : 'have'} no candidate row ` +
        `(ids ${idList(pairing.baselineOnlyIds, pairing.baselineOnly)}); they are left out of every comparison.`
    )
  }
  if (pairing.labelConflicts > 0) {
    out.push(
      `${plural(pairing.labelConflicts, 'example')} ${pairing.labelConflicts === 1 ? 'has' : 'have'} a different true label in the two files ` +
        `(ids ${idList(pairing.conflictIds, pairing.labelConflicts)}): the test set changed; they are left out.`
    )
  }
  if (pairing.n === 0) out.push('No example is in both files with the same true label: nothing can be compared.')
  return out
}
