/** What the tool-format tests share: where the real tool outputs are, compare() with test settings, temp folders. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compare } from '../../src/compare/compare.js'
import { type CompareOptions } from '../../src/tasks/options.js'
import type { Report } from '../../src/report/schema.js'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Genuine tool outputs (PROVENANCE.md there), read in place, never copied into the repository. */
export const REAL = path.resolve(repoRoot, '../shared/formats/real')
export const haveReal = existsSync(REAL)

export const real = (...parts: string[]): string => path.join(REAL, ...parts)

/** compare() of two files (or one) with small resamples; `extra` overrides. */
export function compareFiles(candidate: string, baseline: string | null, extra: Partial<CompareOptions> = {}): Promise<Report> {
  return compare({
    candidate: { name: candidate, path: candidate },
    baseline: baseline ? { name: baseline, path: baseline } : null,
    fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
    alpha: 0.05,
    resamples: 500,
    seed: 0,
    missingBaseline: 'skip',
    ...extra
  })
}

/** The lines of a JSON Lines file, parsed (with Python's NaN / Infinity words), blank lines skipped. */
export function jsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l.replace(/\bNaN\b/g, 'null').replace(/-Infinity\b/g, '-1e999').replace(/\bInfinity\b/g, '1e999')) as Record<string, unknown>)
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

/** A temporary folder for one test's own small fixtures; `done()` removes it. */
export function tempFolder(): { dir: string; write(name: string, text: string | Uint8Array): string; done(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-tools-'))
  return {
    dir,
    write(name, text) {
      const file = path.join(dir, name)
      writeFileSync(file, text)
      return file
    },
    done: () => rmSync(dir, { recursive: true, force: true })
  }
}

/** The message of the error `run` rejects with. */
export async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected an error')
}
