/**
 * The command line: `eval-gate compare …` (docs/cli.md). A thin shell around compare() and the renderer.
 * Exit status: 0 every gate passes, 1 a gate fails, 2 bad input or usage, 3 an internal error (a bug).
 */
import { runCli } from './runCli.js'
import { serveHelperThread } from '../compare/helperThreads.js'
import { isUserError } from '../common/errors.js'

/** The command line on this process's standard output (a terminal gets plain text, docs/cli.md). */
const main = (argv: readonly string[]): Promise<number> =>
  runCli(argv, { write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY }, new URL(import.meta.url))

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
