/** Helpers the tests share. */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { expect } from 'vitest'
import { InputError } from '../src/common/errors.js'
import type { Report } from '../src/report/schema.js'

/** Test data without Math.random: xorshift32 (Marsaglia 2003) uniform in [0, 1), the same sequence for a seed. */
export function generator(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 2 ** 32
  }
}

/** The message of the InputError `run` rejects with (it must reject, and with an InputError). */
export async function inputError(run: Promise<unknown>): Promise<string> {
  try {
    await run
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return (e as Error).message
  }
  throw new Error('expected an InputError')
}

/**
 * A cells report's JSON without what cells cannot give, to compare with the row files': file names, the first ids
 * of disagreement, the error rows (`counts.errors`).
 */
export function cellsBody(report: Report): string {
  const d = report.disagreement
  return JSON.stringify(
    { ...report, counts: { ...report.counts, errors: undefined }, disagreement: d ? { ...d, firstRegressions: [], firstImprovements: [] } : d, settings: { ...report.settings, candidate: null, baseline: null } },
    null,
    1
  )
}

/**
 * A thread's entry (a TypeScript file beside the tests) bundled by esbuild into `dir` as `name`.mjs, as the CLI bundle
 * would serve it (a worker thread cannot run TypeScript); its URL, for `readerScript` or a helper's script.
 */
export async function bundleEntry(entry: string, dir: string, name: string): Promise<URL> {
  const outfile = path.join(dir, `${name}.mjs`)
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' })
  return pathToFileURL(outfile)
}
