/**
 * Temp folders of the tests, removed when their tests are done: __tests__/tmp-guard.ts fails a run that leaves an
 * `eval-gate-*` entry in the temp directory.
 */
import { rmSync } from 'node:fs'
import { afterAll, onTestFinished } from 'vitest'

const remove = (dir: string) => rmSync(dir, { recursive: true, force: true })

/** `dir`, removed after the tests of the file (or of the describe block) that calls this at collection time. */
export function removeAfterAll(dir: string): string {
  afterAll(() => remove(dir))
  return dir
}

/** `dir`, removed when the running test finishes (call it in the test, or in a beforeEach). */
export function removeAfterTest(dir: string): string {
  onTestFinished(() => remove(dir))
  return dir
}
