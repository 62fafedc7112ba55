/**
 * An evaluation tool's output folder as `predictions` (docs/tools.md, docs/suites.md): an lm-evaluation-harness
 * output folder (`--output_path`, one `samples_<task>_<time>.jsonl` per task) or an Inspect log folder (one log per
 * task). Its files carry the run's time in their names, so the baseline's are matched by task, not by path: the
 * baseline artifact is unpacked whole into a folder of the runner's temp directory, and each task of the
 * pull request's folder is paired with the artifact's file of the same task (compare/folderSuites.ts). A folder of
 * one task is one comparison; several are one suite per task, and a task the baseline lacks is a new suite.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isFolder } from '../common/fileKind.js'
import { folderSuites } from '../compare/folderSuites.js'
import type { SuiteInput } from '../compare/suites.js'
import type { Format } from '../read/predictionFile.js'
import { recogniseTool } from '../read/tools/toolFormats.js'
import type { ActionConfig } from './inputs.js'

/** The tool whose output folder `predictions` names, or null when it names a file (or a folder of no tool). */
export async function toolFolderOf(config: Pick<ActionConfig, 'predictions' | 'suites' | 'format'>): Promise<'lm-eval' | 'inspect' | null> {
  if (config.suites || !isFolder(config.predictions)) return null
  if (config.format !== undefined && config.format !== 'lm-eval' && config.format !== 'inspect') return null
  const kind = config.format ?? (await recogniseTool({ name: config.predictions, path: config.predictions }))
  return kind === 'lm-eval' || kind === 'inspect' ? kind : null
}

/** The baseline of a tool folder: the artifact's files (as found), a folder given as `baseline`, or none. */
export type FolderBaseline = { kind: 'artifact'; where: string; files: readonly { path: string; data: Uint8Array }[] } | { kind: 'folder'; path: string } | { kind: 'none' }

/**
 * The comparisons of a tool folder: one suite per task of `predictions`, each with the baseline's file of its task
 * (null: a new suite, and why). The artifact's files are written under `runnerTemp` (never the workspace) and
 * named in messages as the artifact's (`artifact "predictions" of run 42: samples_x.jsonl`).
 */
export async function folderComparisons(predictions: string, format: Format, baseline: FolderBaseline, runnerTemp: string): Promise<SuiteInput[]> {
  const options: [string, string] = ['input "predictions"', 'input "baseline"']
  if (baseline.kind === 'none') return (await folderSuites(predictions, null, format, { single: true, options })) ?? []
  if (baseline.kind === 'folder') return (await folderSuites(predictions, baseline.path, format, { single: true, options })) ?? []
  const dir = mkdtempSync(path.join(runnerTemp, 'eval-gate-baseline-'))
  for (const file of baseline.files) {
    // The names were checked when the artifact was read (no `..`, not absolute).
    const target = path.join(dir, ...file.path.split('/'))
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, file.data, { flag: 'wx' })
  }
  const shown = (file: string): string => (file === dir ? baseline.where : `${baseline.where}: ${path.relative(dir, file).split(path.sep).join('/')}`)
  return (await folderSuites(predictions, dir, format, { single: true, options, baselineName: shown })) ?? []
}
