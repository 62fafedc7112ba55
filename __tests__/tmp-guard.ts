/**
 * Vitest globalSetup (vitest.config.ts): no test may leave an `eval-gate-*` file or folder in the temp directory.
 * The run gets a temp directory of its own (TMPDIR, TMP and TEMP point into it for the test workers and every child
 * process that inherits their environment), so another run on the same machine cannot be taken for a leak. The
 * `eval-gate-*` entries in it are recorded before the run; at teardown any new one fails the run with its name and
 * the test files that create temp entries of that name, and the directory is removed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PREFIX = 'eval-gate-'
const tests = path.dirname(fileURLToPath(import.meta.url))

const entries = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith(PREFIX)).sort()

/** The test sources (under __tests__/) whose text names the prefix of `entry` (a mkdtemp name less its 6 random characters). */
function creators(entry: string): string[] {
  const prefix = entry.length > PREFIX.length + 6 ? entry.slice(0, -6) : entry
  const found: string[] = []
  for (const e of readdirSync(tests, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.[cm]?[jt]s$/.test(e.name)) continue
    const file = path.join(e.parentPath, e.name)
    const text = readFileSync(file, 'utf8')
    if (text.includes(`'${prefix}'`) || text.includes(`\`${prefix}`)) found.push(path.relative(path.dirname(tests), file))
  }
  return found.sort()
}

/** Watches `dir`: `leaks()` lists the `eval-gate-*` entries that were not there when it was called. */
export function watchTemp(dir: string): { leaks: () => string[]; message: (leaked: string[]) => string } {
  const before = new Set(entries(dir))
  return {
    leaks: () => entries(dir).filter((name) => !before.has(name)),
    message: (leaked) =>
      `The tests left ${leaked.length} temp ${leaked.length === 1 ? 'entry' : 'entries'} in ${dir} (remove them in afterAll/afterEach or a finally):\n` +
      leaked.map((name) => {
        const by = creators(name)
        return `  ${name}${by.length ? `  (made by ${by.join(', ')})` : ''}`
      }).join('\n')
  }
}

export default function setup(): () => void {
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP }
  const dir = mkdtempSync(path.join(tmpdir(), 'vitest-eval-gate-run-'))
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = dir
  const watch = watchTemp(dir)
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    const leaked = watch.leaks()
    const message = leaked.length ? watch.message(leaked) : ''
    rmSync(dir, { recursive: true, force: true })
    if (leaked.length) {
      process.exitCode = 1
      throw new Error(message)
    }
  }
}
