/**
 * One class's family of per-class metrics (docs/statistics.md): its cells from the class tables, and its resampling, which the main thread or a helper thread runs.
 */
import { fromDense, type CellTable } from '../../pair/cellTable.js'
import { perClassMetrics } from '../../metrics/classification.js'
import { direction } from '../../metrics/names.js'
import type { ResampledMetric } from '../../stats/resampledMetric.js'
import { resampleFamily, type ResampleSettings } from './classificationResample.js'

/** The 2 × 2 cells (both models right or wrong, on the class and the rest) of class i, from the class tables. */
export function classCells(blocks: Float64Array, i: number): CellTable {
  return fromDense(2, blocks.subarray(i * 8, i * 8 + 8))
}

/**
 * Resamples the per-class family of class `i` (named `label`), whose 8 cells are `blocks[8i … 8i + 8]`
 * (classTables), as confusionStatistics does: what a helper thread runs. Cost 8 cells × resamples.
 */
export function resampleClassFamily(blocks: Float64Array, i: number, label: string, settings: ResampleSettings, hasBaseline: boolean): Map<string, ResampledMetric> {
  return resampleFamily({ name: `class:${label}`, cells: classCells(blocks, i), metrics: perClassMetrics(label), perClass: true }, direction, settings, hasBaseline)
}
