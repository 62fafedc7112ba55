/**
 * The "too small to see a 1-point drop" warning of a clustered classification comparison (`--cluster-field`, or
 * the ids with `--repeat-field`; docs/repeats-and-clusters.md): the minimum detectable effect of
 * the test actually used, the clustered McNemar test (src/stats/mcnemarCluster.ts), not the plain one's.
 *
 * The clustered test divides Σ_g d_g by √(Σ_g d_g²), d_g the candidate's right answers minus the baseline's in
 * cluster g; the plain McNemar test (every cluster one pair) by √(b + c), the discordant pairs. So with N pairs:
 *
 *   design effect  D = Σ_g d_g² / (b + c),   effective n = N / D,
 *   MDE = (z_{1−α} + z_{power}) · √(ψ / (N / D)) = (z_{1−α} + z_{power}) · √(Σ_g d_g²) / N,   ψ = (b + c) / N,
 *
 * which is Connor's (1987) MDE of src/stats/power.ts with n replaced by the effective n; with clusters of one
 * pair D = 1 and it is that MDE. Cost O(n).
 *
 * @example // d = (−5, 3, 0, 0, 0, 0), N = 30: D = 34 / 8 = 4.25, MDE = 2.4865 · √34 / 30 = 48.3 points
 */
import { minimumDetectableEffect } from '../../stats/power.js'
import type { Task } from '../../report/schema.js'
import type { ClusteredCells } from './clusterCells.js'

export interface ClusteredPower {
  /** Pairs and discordant pairs (b + c) tested, clusters holding them. */
  pairs: number
  discordant: number
  clusters: number
  designEffect: number
  effectiveN: number
  /** The smallest drop (a proportion) the clustered McNemar test detects with the given power at one-sided alpha. */
  mde: number
}

/** The clustered test's design effect, effective n and MDE on the pairs of true class `restriction` (`all`: every pair). */
export function clusteredPower(clustered: ClusteredCells, restriction: 'all' | number, alpha: number, power = 0.8): ClusteredPower | null {
  const { d, pairs, discordant, clusters } = clustered.discordance(restriction)
  if (pairs === 0) return null
  let squares = 0
  for (let g = 0; g < d.length; g++) squares += d[g] * d[g]
  const designEffect = discordant === 0 ? 1 : squares / discordant
  const effectiveN = pairs / designEffect
  const mde = discordant === 0 ? 0 : minimumDetectableEffect(discordant / pairs, effectiveN, alpha, power)
  return { pairs, discordant, clusters, designEffect, effectiveN, mde }
}

const plural = (n: number, one: string, many = one + 's'): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`
const points = (x: number): string => `${(100 * x).toFixed(1)} points`

/**
 * The power warnings of a clustered classification comparison: accuracy and (binary) recall, each when the
 * clustered test's MDE is above 1 point. Names the design effect and the effective number of examples.
 */
export function clusteredPowerWarnings(ctx: { clustered: ClusteredCells; task: Task; positive: number | null; settings: { alpha: number } }): string[] {
  const out: string[] = []
  const check = (name: string, restriction: 'all' | number): void => {
    const power = clusteredPower(ctx.clustered, restriction, ctx.settings.alpha, 0.8)
    if (!power || !(power.mde > 0.01)) return
    const what = ctx.clustered.clusters.what === 'id' ? 'ids (their repeats)' : `clusters of ${ctx.clustered.clusters.what}`
    out.push(
      `This test set is too small to see a 1-point drop in ${name}: with ${plural(power.pairs, 'example')} in ${power.clusters.toLocaleString('en-US')} ${what} and the models ` +
        `disagreeing on ${pct(power.discordant / power.pairs)} of them, the clustered McNemar test weighs as ${plural(Math.round(power.effectiveN), 'independent example')} ` +
        `(design effect ${power.designEffect.toFixed(2)}); the smallest drop it can detect with 80% power at α = ${ctx.settings.alpha} is ${points(power.mde)}.`
    )
  }
  check('accuracy', 'all')
  if (ctx.task === 'binary' && ctx.positive !== null) check('recall', ctx.positive)
  return out
}
