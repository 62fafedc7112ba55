/**
 * The command line: `eval-gate compare …` (docs/cli.md). A thin shell around compare() and the renderer.
 * Exit status: 0 every gate passes, 1 a gate fails, 2 bad input or usage, 3 an internal error (a bug).
 */
import path from 'node:path'
import { writeFileAtomic } from '../common/atomicWrite.js'
import { HELP, parseCli, type CliCommand } from './args.js'
import { compareSuites, type SuiteInput } from '../compare/suites.js'
import { renderSuites } from '../render/suitesTable.js'
import { compare } from '../compare/compare.js'
import { serveHelperThread } from '../compare/helperThreads.js'
import { ConfigError, isUserError, quote } from '../common/errors.js'
import { renderMarkdown } from '../render/renderReport.js'
import { VERSION } from '../common/version.js'

async function main(argv: readonly string[]): Promise<number> {
  const request = parseCli(argv)
  if (request.kind === 'help') {
    process.stdout.write(HELP)
    return 0
  }
  if (request.kind === 'version') {
    process.stdout.write(`eval-gate ${VERSION}\n`)
    return 0
  }
  const files = request.suites ? request.suites.flatMap((s) => [s.candidate.path, s.baseline?.path]) : [request.options.candidate.path, request.options.baseline?.path]
  const inputs = files.filter((p): p is string => !!p).map((p) => path.resolve(p))
  for (const [option, out] of [['--json', request.json], ['--markdown', request.markdown]] as const) {
    if (out && inputs.includes(path.resolve(out))) throw new ConfigError(`${option} ${quote(out, 200)} is an input file: refusing to overwrite it`)
  }
  if (request.suites) return suitesMain(request, request.suites)
  const report = await compare({ ...request.options, readerScript: new URL(import.meta.url) })
  const markdown = renderMarkdown(report, 'comment')
  if (request.json) await writeFileAtomic(request.json, JSON.stringify(report, null, 2) + '\n')
  if (request.markdown) await writeFileAtomic(request.markdown, markdown)
  process.stdout.write(markdown)
  return report.passed ? 0 : 1
}

/** docs/suites.md: every `--suite` compared, one report and one exit status for all. */
async function suitesMain(request: CliCommand, suites: SuiteInput[]): Promise<number> {
  const { candidate: _candidate, baseline: _baseline, gates, ...shared } = request.options
  const report = await compareSuites(suites, { ...shared, readerScript: new URL(import.meta.url) }, gates, '--gates')
  const markdown = renderSuites(report, 'comment')
  if (request.json) await writeFileAtomic(request.json, JSON.stringify(report, null, 2) + '\n')
  if (request.markdown) await writeFileAtomic(request.markdown, markdown)
  process.stdout.write(markdown)
  return report.passed ? 0 : 1
}

if (!serveHelperThread()) start()

/** The CLI proper; a reader or resampling worker (the same bundle, started by compare) does its work instead. */
function start(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      if (isUserError(error)) {
        process.stderr.write(`eval-gate: ${error.message}\n`)
        process.exitCode = 2
      } else {
        process.stderr.write(`eval-gate: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exitCode = 3
      }
    }
  )
}
