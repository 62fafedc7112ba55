/**
 * The temp-directory guard (tmp-guard.ts, the run's globalSetup) fails a run that leaves an `eval-gate-*` entry,
 * naming it and the test that makes such entries; a run that cleans up passes, and its temp directory is removed.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import setup from './tmp-guard.js'

/** Runs the guard's setup and teardown around `body`, as Vitest does around a run, in a temp directory of its own. */
function guarded(body: () => void): { error: unknown; dir: string; exitCode: typeof process.exitCode } {
  const saved = { tmp: process.env.TMPDIR, exitCode: process.exitCode }
  const teardown = setup()
  const dir = tmpdir()
  let error: unknown
  try {
    body()
  } finally {
    try {
      teardown()
    } catch (e) {
      error = e
    }
  }
  const exitCode = process.exitCode
  process.exitCode = saved.exitCode
  expect(process.env.TMPDIR).toBe(saved.tmp)
  return { error, dir, exitCode }
}

it('fails the run on a leaked eval-gate-* folder or file, naming each and the test that makes it', () => {
  const { error, dir, exitCode } = guarded(() => {
    mkdtempSync(path.join(tmpdir(), 'eval-gate-guard-check-'))
    writeFileSync(path.join(tmpdir(), 'eval-gate-stray.json'), '{}')
  })
  expect(dir).toMatch(/vitest-eval-gate-run-/)
  expect(error).toBeInstanceOf(Error)
  const message = (error as Error).message
  expect(message).toMatch(/^The tests left 2 temp entries in .*vitest-eval-gate-run-/)
  expect(message).toMatch(/^ {2}eval-gate-guard-check-\w{6} {2}\(made by __tests__\/tmp-guard\.test\.ts\)$/m)
  expect(message).toMatch(/^ {2}eval-gate-stray\.json$/m)
  expect(exitCode).toBe(1)
  expect(existsSync(dir)).toBe(false)
})

it('passes a run that removes its eval-gate-* entries, and ignores other names', () => {
  const { error, dir, exitCode } = guarded(() => {
    mkdirSync(path.join(tmpdir(), 'some-library-cache'))
  })
  expect(error).toBeUndefined()
  expect(exitCode).not.toBe(1)
  expect(existsSync(dir)).toBe(false)
})
