/**
 * The warning of a test set too small to see a 1-point drop in a 0/1 metric (docs/statistics.md): accuracy and
 * recall of a classification, a pass rate of the scores task. One sentence, shown under the title when the verdict
 * is a pass (src/report/verdictChanging.ts).
 */
import { plural } from './format.js'

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`
const points = (x: number): string => `${(100 * x).toFixed(1)} points`

/**
 * The warning for `metric`, or null when the MDE (the exact McNemar test's, 80% power at one-sided α; from the
 * observed discordant rate, or the rule of three's 3/n when no pair was discordant, src/stats/power.ts) is at
 * most 1 point.
 * @example tooSmallWarning('acc', 20, 0, 0.2153, 0.05) // 'This test set is too small to see a 1-point drop in acc: with 20 examples and the models agreeing on every one, …'
 */
export function tooSmallWarning(metric: string, n: number, discordant: number, mde: number, alpha: number): string | null {
  if (!(mde > 0.01)) return null
  const seen =
    discordant > 0
      ? `the models disagreeing on ${pct(discordant / n)} of them`
      : `the models agreeing on every one (which does not rule out disagreeing on up to ${pct(Math.min(1, 3 / n))} of such examples, by the rule of three)`
  return `This test set is too small to see a 1-point drop in ${metric}: with ${plural(n, 'example')} and ${seen}, the smallest drop it can detect with 80% power at α = ${alpha} is ${points(mde)}.`
}
