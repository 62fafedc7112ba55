/**
 * The command line: `eval-gate compare …` (docs/cli.md). A thin shell around compare() and the renderer.
 * Exit status: 0 every gate passes, 1 a gate fails, 2 bad input or usage, 3 an internal error (a bug).
 */
import path from 'node:path'
import { writeFileAtomic } from '../common/atomicWrite.js'
import { HELP, parseCli } from './args.js'
import { compareWithReference } from '../compare/reference.js'
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
  const inputs = [request.options.candidate.path, request.options.baseline?.path, request.reference].filter((p): p is string => !!p).map((p) => path.resolve(p))
  for (const [option, out] of [['--json', request.json], ['--markdown', request.markdown]] as const) {
    if (out && inputs.includes(path.resolve(out))) throw new ConfigError(`${option} ${quote(out, 200)} is an input file: refusing to overwrite it`)
  }
  const reference = request.reference === undefined ? null : { source: { name: request.reference, path: request.reference }, label: request.reference }
  const report = await compareWithReference({ ...request.options, readerScript: new URL(import.meta.url) }, reference)
  const markdown = renderMarkdown(report, 'comment')
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
