/**
 * `--suite NAME=CANDIDATE[,BASELINE]` (repeatable) and `--baseline-dir DIR` (docs/suites.md): the suites of a run and
 * their files. A suite without BASELINE takes DIR's file of its candidate's file name; with neither, or when DIR
 * has no such file, it is new (compared alone). Every problem is a ConfigError naming the option.
 */
import { isFolder, isFile } from '../common/fileKind.js'
import path from 'node:path'
import { ConfigError, quote } from '../common/errors.js'
import { checkSuiteNames, type SuiteInput } from '../compare/suites.js'

/**
 * The suites, or null without `--suite`. `single`: `--candidate` or `--baseline` was given too (they do not go
 * together). The value is split at the first `=` and then at the first `,`.
 * @example suiteOptions(['spam=pr/spam.jsonl,main/spam.jsonl'], undefined, false) // [{ name: 'spam', candidate: …, baseline: … }]
 */
export function suiteOptions(values: readonly string[] | undefined, baselineDir: string | undefined, single: boolean): SuiteInput[] | null {
  if (values === undefined || values.length === 0) {
    if (baselineDir !== undefined) throw new ConfigError('--baseline-dir goes with --suite: it holds the baselines of the suites, matched by the candidate\'s file name')
    return null
  }
  if (single) throw new ConfigError('--suite and --candidate/--baseline do not go together: give every file as a suite, --suite NAME=CANDIDATE[,BASELINE]')
  if (baselineDir !== undefined && !isFolder(baselineDir)) throw new ConfigError(`--baseline-dir ${quote(baselineDir, 200)} is not a folder`)
  const suites = values.map((value): SuiteInput => {
    const eq = value.indexOf('=')
    if (eq <= 0) throw new ConfigError(`--suite ${quote(value, 200)}: expected NAME=CANDIDATE[,BASELINE], e.g. --suite spam=pr/spam.jsonl,main/spam.jsonl`)
    const name = value.slice(0, eq)
    const files = value.slice(eq + 1)
    const comma = files.indexOf(',')
    const candidate = comma < 0 ? files : files.slice(0, comma)
    const baseline = comma < 0 ? '' : files.slice(comma + 1)
    if (candidate.trim() === '') throw new ConfigError(`--suite ${quote(value, 200)}: the candidate file is missing (NAME=CANDIDATE[,BASELINE])`)
    if (comma >= 0 && baseline.trim() === '') throw new ConfigError(`--suite ${quote(value, 200)}: nothing after the comma; give the baseline file or leave the comma out`)
    const source = (file: string) => ({ name: file, path: file })
    if (baseline) return { name, candidate: source(candidate), baseline: source(baseline) }
    if (baselineDir === undefined) return { name, candidate: source(candidate), baseline: null, whyNew: 'no baseline file given' }
    const matched = path.join(baselineDir, path.basename(candidate))
    if (isFile(matched)) return { name, candidate: source(candidate), baseline: source(matched) }
    return { name, candidate: source(candidate), baseline: null, whyNew: `no file "${path.basename(candidate)}" in --baseline-dir` }
  })
  checkSuiteNames(suites.map((s) => s.name), '--suite')
  return suites
}


