/**
 * `eval-gate compare …` once the arguments are read (docs/cli.md): compare, write the reports asked for, print the
 * report on standard output and return the exit status (0 passed, 1 failed). Where standard output goes is
 * given (`out`), so that a test can say whether it is a terminal: there the report is plain text (the same
 * rendered report laid out for a terminal, src/render/plainText.ts), elsewhere Markdown, unless
 * `--output-format` or `--markdown` says otherwise.
 */
import path from 'node:path'
import { writeFileAtomic } from '../common/atomicWrite.js'
import { HELP, parseCli, type CliCommand } from './args.js'
import { compareWithReference } from '../compare/compareWithReference.js'
import { compareSuites, type SuiteInput } from '../compare/suites.js'
import { folderSuites } from '../compare/folderSuites.js'
import { promptfooSuites } from '../compare/promptfooSuites.js'
import { renderSuites } from '../render/suitesTable.js'
import { ConfigError, quote } from '../common/errors.js'
import { renderMarkdown } from '../render/renderReport.js'
import { plainText } from '../render/plainText.js'
import { VERSION } from '../common/version.js'

/** Standard output: where to write, and whether it is a terminal (`process.stdout.isTTY`). */
export interface CliOutput {
  write(text: string): void
  isTTY?: boolean
}

/**
 * What standard output gets (docs/cli.md): `--output-format` when given; else Markdown when `--markdown` writes a
 * file (the contract: Markdown "with --markdown") or standard output is not a terminal; plain text on a terminal.
 */
export function stdoutFormat(request: Pick<CliCommand, 'markdown' | 'outputFormat'>, isTTY: boolean | undefined): 'text' | 'markdown' {
  if (request.outputFormat) return request.outputFormat
  return isTTY === true && !request.markdown ? 'text' : 'markdown'
}

/** Runs the command line; throws ConfigError / InputError for bad usage or input (exit 2, said by the caller). */
export async function runCli(argv: readonly string[], out: CliOutput, readerScript?: URL): Promise<number> {
  const request = parseCli(argv)
  if (request.kind === 'help') {
    out.write(HELP)
    return 0
  }
  if (request.kind === 'version') {
    out.write(`eval-gate ${VERSION}\n`)
    return 0
  }
  const files = request.suites ? request.suites.flatMap((s) => [s.candidate.path, s.baseline?.path]) : [request.options.candidate.path, request.options.baseline?.path, request.reference]
  const inputs = files.filter((p): p is string => !!p).map((p) => path.resolve(p))
  for (const [option, file] of [['--json', request.json], ['--markdown', request.markdown]] as const) {
    if (file && inputs.includes(path.resolve(file))) throw new ConfigError(`${option} ${quote(file, 200)} is an input file: refusing to overwrite it`)
  }
  // docs/tools.md: an lm-eval output folder or an Inspect log folder of several tasks is one suite per task; a
  // promptfoo file of several prompt × provider columns one suite per column.
  const { candidate, baseline, format } = request.options
  const suites =
    request.suites ??
    (candidate.path ? await folderSuites(candidate.path, baseline?.path ?? null, format) : null) ??
    (await promptfooSuites(candidate, baseline ?? null, format))
  if (suites) {
    if (request.reference !== undefined) throw new ConfigError('--reference is for one comparison; with --suite, compare each suite against its reference in a run of its own (docs/reference.md)')
    return suitesMain(request, suites, out, readerScript)
  }
  // docs/reference.md: a pinned reference, and the rules written "… vs reference".
  const reference = request.reference === undefined ? null : { source: { name: request.reference, path: request.reference }, label: request.reference }
  const report = await compareWithReference({ ...request.options, ...(readerScript ? { readerScript } : {}) }, reference)
  const markdown = renderMarkdown(report, 'comment')
  if (request.json) await writeFileAtomic(request.json, JSON.stringify(report, null, 2) + '\n')
  if (request.markdown) await writeFileAtomic(request.markdown, markdown)
  out.write(stdoutFormat(request, out.isTTY) === 'text' ? plainText(markdown) : markdown)
  return report.passed ? 0 : 1
}

/** docs/suites.md: every `--suite` compared, one report and one exit status for all. */
async function suitesMain(request: CliCommand, suites: SuiteInput[], out: CliOutput, readerScript?: URL): Promise<number> {
  const { candidate: _candidate, baseline: _baseline, gates, ...shared } = request.options
  const report = await compareSuites(suites, { ...shared, ...(readerScript ? { readerScript } : {}) }, gates, '--gates')
  const markdown = renderSuites(report, 'comment')
  if (request.json) await writeFileAtomic(request.json, JSON.stringify(report, null, 2) + '\n')
  if (request.markdown) await writeFileAtomic(request.markdown, markdown)
  out.write(stdoutFormat(request, out.isTTY) === 'text' ? plainText(markdown) : markdown)
  return report.passed ? 0 : 1
}
