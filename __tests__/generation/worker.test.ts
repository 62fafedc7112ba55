/**
 * The resampling on two threads gives the same numbers as on one, byte for byte: each chunk has its own stream
 * (jobs.ts), whoever computes it. The helper is worker-entry.ts bundled by esbuild (a worker thread cannot run
 * TypeScript), as the CLI bundle would start it. A helper that never takes a chunk (a script that does nothing)
 * or that fails on every chunk changes nothing either: the main thread computes what it did not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareGeneration } from '../../src/significance/generation/compareGeneration.js'
import { GenerationHelper, lastSplit } from '../../src/significance/generation/generationWorker.js'
import { bundleEntry } from '../support.js'
import { syntheticGeneration } from './synthetic.js'

const here = path.dirname(fileURLToPath(import.meta.url))
let dir = ''
let helper: URL
let idle: URL
let failing: URL

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-generation-worker-'))
  helper = await bundleEntry(path.join(here, 'worker-entry.ts'), dir, 'helper')
  writeFileSync(path.join(dir, 'idle.mjs'), '// takes no chunk\n')
  idle = pathToFileURL(path.join(dir, 'idle.mjs'))
  // Claims every chunk and throws: each is handed back to the main thread.
  writeFileSync(
    path.join(dir, 'failing.mjs'),
    `import { parentPort } from 'node:worker_threads'
parentPort.on('message', ({ status }) => {
  for (let c = 0; c < status.length; c++) {
    if (Atomics.compareExchange(status, c, 0, 2) === 0) { Atomics.store(status, c, 0); Atomics.notify(status, c) }
  }
})
`
  )
  failing = pathToFileURL(path.join(dir, 'failing.mjs'))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Every number of the comparison, in a comparable form (NaN kept). */
function numbers(result: ReturnType<typeof compareGeneration>): string {
  return JSON.stringify([...result.metrics.entries()], (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))
}

describe('generation resampling on a helper thread', () => {
  // 2,000 examples × 10,000 resamples: the least work for which compareGeneration starts a helper of its own.
  const data = syntheticGeneration(2000)
  const settings = { resamples: 10_000, alpha: 0.05, seed: 3 }
  const alone = numbers(compareGeneration(data, settings))

  it('gives the numbers of one thread', () => {
    expect(numbers(compareGeneration(data, { ...settings, workerScript: helper }))).toBe(alone)
    expect(lastSplit.main + lastSplit.helper).toBe(25) // the split of this run (the helper's share depends on timing)
    // Not vacuous: another seed gives other numbers.
    expect(numbers(compareGeneration(data, { ...settings, seed: 4 }))).not.toBe(alone)
  })

  it('shares the chunks with a helper that is ready (the main thread from the first, the helper from the last)', async () => {
    const h = new GenerationHelper(helper)
    await h.ready
    try {
      expect(numbers(compareGeneration(data, { ...settings, helper: h }))).toBe(alone)
    } finally {
      h.close()
    }
    // 20 bootstrap and 5 randomization chunks: the helper, listening before the job was posted, takes some.
    expect(lastSplit.main + lastSplit.helper).toBe(25)
    expect(lastSplit.main).toBeGreaterThan(0)
    expect(lastSplit.helper).toBeGreaterThan(0)
  })

  it('does without a helper that takes nothing or gives every chunk back', () => {
    expect(numbers(compareGeneration(data, { ...settings, workerScript: idle }))).toBe(alone)
    expect(numbers(compareGeneration(data, { ...settings, workerScript: failing }))).toBe(alone)
  })
})
