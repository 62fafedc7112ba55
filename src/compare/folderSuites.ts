/**
 * An evaluation tool's output folder as suites (docs/tools.md, docs/suites.md): an lm-evaluation-harness output
 * folder holds one samples file per task, an Inspect log folder one log per task; each task becomes a suite, paired
 * with the baseline folder's file of the same task. A folder of one task stays one comparison (the reader takes its
 * file). A task that has no counterpart in the baseline folder is a new suite, reported as such.
 */
import { isFolder } from '../common/fileKind.js'
import path from 'node:path'
import { ConfigError, quote } from '../common/errors.js'
import type { Format } from '../read/predictionFile.js'
import { inspectLogs } from '../read/tools/inspect.js'
import { lmEvalFiles, taskOfSamples } from '../read/tools/lmEval.js'
import { recogniseTool } from '../read/tools/toolFormats.js'
import type { SuiteInput } from './suites.js'


/** A suite name from a task name: the characters a suite name may not hold become `_`. */
const plain = (task: string): string => task.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'task'

/**
 * The task of an Inspect log from its file name, `<time>_<task>_<id>.eval` (Inspect's default log names); the stem
 * otherwise.
 * @example inspectTask('2025-06-18T10-00-00+00-00_popularity_Xa9.eval') // 'popularity'
 */
export function inspectTask(file: string): string {
  const stem = path.basename(file).replace(/\.(eval|json)$/i, '')
  const m = /^\d{4}-\d{2}-\d{2}T[\d-]+(?:[+-]\d{2}-\d{2})?_(.+)_[A-Za-z0-9]+$/.exec(stem)
  return m ? m[1] : stem
}

/** The tool files of a folder by task; two files of one task are refused (which one would be compared?). */
async function tasksOf(folder: string, format: 'lm-eval' | 'inspect', option: string): Promise<Map<string, string>> {
  const files = format === 'lm-eval' ? await lmEvalFiles(folder) : await inspectLogs(folder)
  const out = new Map<string, string>()
  for (const file of files.sort()) {
    const task = plain(format === 'lm-eval' ? taskOfSamples(file) : inspectTask(file))
    const seen = out.get(task)
    if (seen) throw new ConfigError(`${option} ${quote(folder, 200)}: task ${quote(task)} has two files (${quote(path.relative(folder, seen), 160)} and ${quote(path.relative(folder, file), 160)}): give the file to compare as the path`)
    out.set(task, file)
  }
  return out
}

/** How {@link folderSuites} is asked: for the action, which shows the baseline's files by their artifact's name. */
export interface FolderOptions {
  /** A folder of one task gives its one suite too (else null: the reader takes the folder's file). */
  single?: boolean
  /** The baseline's files as messages name them (the action: `artifact "predictions" of run 42: samples_x.jsonl`). */
  baselineName?: (file: string) => string
  /** The candidate's and baseline's option or input, for messages. */
  options?: [string, string]
}

/**
 * The suites of a candidate folder and its baseline folder (or file), or null when the candidate is not a folder
 * of several tasks of lm-eval or Inspect (then it is compared as it is).
 */
export async function folderSuites(candidate: string, baseline: string | null, format: Format | undefined, how: FolderOptions = {}): Promise<SuiteInput[] | null> {
  if (!isFolder(candidate)) return null
  const kind = format ?? (await recogniseTool({ name: candidate, path: candidate }))
  if (kind !== 'lm-eval' && kind !== 'inspect') return null
  const [candidateOption, baselineOption] = how.options ?? ['--candidate', '--baseline']
  const tasks = await tasksOf(candidate, kind, candidateOption)
  if (tasks.size < (how.single ? 1 : 2)) return null
  const base = baseline !== null && isFolder(baseline) ? await tasksOf(baseline, kind, baselineOption) : null
  if (baseline !== null && !base) throw new ConfigError(`${baselineOption} ${quote(baseline, 200)}: the candidate is a folder of ${tasks.size} task${tasks.size === 1 ? '' : 's'}, so the baseline must be a folder of the same tool's output`)
  const named = how.baselineName ?? ((file: string) => file)
  // A task of the baseline that the candidate lacks is said, never dropped silently (docs/suites.md).
  const dropped = base ? [...base].filter(([task]) => !tasks.has(task)).map(([task, file]) => `The baseline has task ${quote(task)} (${named(file)}), which ${candidate} lacks: not compared.`) : []
  return [...tasks].map(([name, file], k): SuiteInput => {
    const counterpart = base?.get(name) ?? null
    return {
      name,
      candidate: { name: file, path: file },
      baseline: counterpart ? { name: named(counterpart), path: counterpart } : null,
      ...(counterpart ? {} : { whyNew: baseline === null ? 'no baseline' : `no file of task ${name} in ${how.baselineName ? named(baseline) : baseline}` }),
      ...(k === 0 && dropped.length > 0 ? { setWarnings: dropped } : {})
    }
  })
}
