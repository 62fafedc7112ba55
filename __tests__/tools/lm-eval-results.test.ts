/**
 * An lm-eval `results_<time>.json` given as predictions (docs/tools.md, lm-eval): per-task aggregates with no
 * per-example values, so there is nothing to pair. PROVENANCE.md lists two "results only" sets (asdiv base vs PEFT
 * epochs; gpt2 vs gpt-neo-1.3B): each file, recognised or named `--format lm-eval`, is refused in one line that names
 * its tasks and says what to give instead (it used to be taken for a promptfoo file: both have `results` and
 * `config`). The real files are read in place from ../shared/formats/real; skipped when it is absent.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareFiles, haveReal, real, repoRoot } from './support.js'

/** Every results_*.json under a folder (depth-first). */
function resultsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f)
    return statSync(p).isDirectory() ? resultsFiles(p) : /^results_.*\.json$/.test(f) ? [p] : []
  })
}

describe('a folder where a predictions file is read', () => {
  it('is refused in one line saying what would be read, as the candidate and as the baseline', async () => {
    // examples/spam holds predictions files but no tool's output: not a suite of anything.
    const folder = path.join(repoRoot, 'examples/spam')
    const file = path.join(folder, 'candidate.jsonl')
    const why = "is a folder, not a predictions file: give the file, or an evaluation tool's output folder (an lm-eval --output_path, an Inspect log folder: docs/tools.md)"
    for (const [candidate, baseline] of [
      [folder, file],
      [file, folder]
    ]) {
      const error = await compareFiles(candidate, baseline, { positiveLabel: 'spam' }).then(
        () => null,
        (e: Error) => e
      )
      expect(error?.message).toBe(`${folder}: ${why}`)
    }
  })
})

describe.skipIf(!haveReal)('lm-eval results files (real files, ../shared/formats/real)', () => {
  const files = haveReal ? [...resultsFiles(real('lm-eval-harness/harness-pr3032-truthfulqa-gen-neo125m')), ...resultsFiles(real('lm-eval-harness/harness-pr2236-asdiv-llama3-8b'))] : []

  it('finds the files of both results-only sets', () => {
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['results_gpt2.json', expect.stringMatching(/^results_gptneo_1\.3B_/)]))
    expect(files.filter((f) => f.includes('epoch_'))).toHaveLength(2)
  })

  it.each([undefined, 'lm-eval'] as const)('each is refused with its tasks named, in one line (format %s)', async (format) => {
    for (const file of files) {
      // The tasks as the file has them (Python's NaN / Infinity words made JSON first).
      const tasks = Object.keys((JSON.parse(readFileSync(file, 'utf8').replace(/-?\bInfinity\b|\bNaN\b/g, 'null')) as { results: object }).results)
      const other = files.find((f) => f !== file) as string
      const error = await compareFiles(file, other, format ? { format } : {}).then(
        () => null,
        (e: Error) => e
      )
      expect(error?.message).not.toContain('\n')
      expect(error?.message).toContain(`is an lm-evaluation-harness results file (${tasks.length} task${tasks.length === 1 ? '' : 's'}: "${tasks[0]}"`)
      expect(error?.message).toMatch(/no per-example values to pair; run lm_eval with --log_samples and give its samples_<task>_<time>\.jsonl, or the output folder/)
    }
  })
})
