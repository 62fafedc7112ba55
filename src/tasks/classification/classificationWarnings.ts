/**
 * Classification's warnings in plain words (docs/statistics.md): a test set too small to see a 1-point drop
 * (accuracy and, binary, recall), and the disagreement summary.
 */
import { discordant, type CellTable } from '../../pair/cellTable.js'
import { NAMED_IDS, type Pairing } from '../../pair/pairByIds.js'
import { minimumDetectableEffect, powerDiscordance } from '../../stats/power.js'
import { tooSmallWarning } from '../../report/powerWarning.js'
import { type Disagreement, type Task } from '../../report/schema.js'
import { idText, type PredictionFile } from '../../read/predictionFile.js'

export interface WarningContext {
  pairing: Pairing | null
  table: CellTable
  task: Task
  positive: number | null
  settings: { alpha: number; resamples: number }
}

export function classificationWarnings(ctx: WarningContext): string[] {
  return ctx.pairing && ctx.pairing.n > 0 ? powerWarnings(ctx) : []
}

/**
 * Connor (1987): the smallest drop the exact McNemar test could detect with 80% power at one-sided alpha,
 * for accuracy and recall (no discordant pair: at the rule of three's rate, src/stats/power.ts); a warning when it
 * is above 1 point.
 */
function powerWarnings(ctx: WarningContext): string[] {
  const out: string[] = []
  const check = (name: string, truths: number[] | null): void => {
    const d = discordant(ctx.table, truths)
    if (d.n === 0) return
    const mde = minimumDetectableEffect(powerDiscordance(d.b + d.c, d.n), d.n, ctx.settings.alpha, 0.8)
    const warning = tooSmallWarning(name, d.n, d.b + d.c, mde, ctx.settings.alpha)
    if (warning) out.push(warning)
  }
  check('accuracy', null)
  if (ctx.task === 'binary' && ctx.positive !== null) check('recall', [ctx.positive])
  return out
}

/** How many paired examples went right → wrong and wrong → right, with the first ids of each. */
export function disagreementOf(candidate: PredictionFile, baseline: PredictionFile, pairing: Pairing): Disagreement {
  const ids = candidate.ids ?? []
  const text = (i: number): string => idText(ids, i)
  const d: Disagreement = { rightToWrong: 0, wrongToRight: 0, bothWrongDiffer: 0, firstRegressions: [], firstImprovements: [] }
  const limit = NAMED_IDS * 2
  for (let p = 0; p < pairing.n; p++) {
    const i = pairing.cand[p]
    const truth = candidate.truth[i]
    const c = candidate.pred[i]
    const b = baseline.pred[pairing.base[p]]
    if (b === c) continue
    if (b === truth) {
      d.rightToWrong++
      if (d.firstRegressions.length < limit) d.firstRegressions.push(text(i))
    } else if (c === truth) {
      d.wrongToRight++
      if (d.firstImprovements.length < limit) d.firstImprovements.push(text(i))
    } else d.bothWrongDiffer++
  }
  return d
}

