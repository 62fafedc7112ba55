/**
 * GitHub's local runner, @github/local-action, runs the action from its sources as the README says: it loads
 * action.yml, stubs @actions/core, and calls the exported run() of src/action/main.ts with inputs from a dotenv file.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { root } from './run-action.js'

import { removeAfterTest } from '../temp.js'
it('runs under @github/local-action with the README\'s dotenv file: no token, a file baseline, outputs set', async () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const env = /cat > \.env\.local <<'ENV'\n([\s\S]*?)\nENV\nnpx local-action run \. src\/action\/main\.ts \.env\.local/.exec(readme)
  expect(env, 'the README\'s "Run it locally" block').not.toBeNull()
  const dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-local-')))
  const dotenv = path.join(dir, '.env.local')
  writeFileSync(dotenv, `${env?.[1]}\nRUNNER_TEMP=${dir}\nINPUT_RESAMPLES=500\n`)
  const bin = path.join(root, 'node_modules/.bin/local-action')
  const { stdout } = await promisify(execFile)(bin, ['run', '.', 'src/action/main.ts', dotenv], { cwd: root, maxBuffer: 1 << 24 }).catch((error: { stdout: string }) => error)
  expect(stdout).toContain('Running Action')
  expect(stdout).not.toMatch(/internal error/)
  // The spam example fails its recall gate: the step is failed with the rule, the outputs are still set.
  expect(stdout).toMatch(/Eval Gate failed: recall no-regression/)
  expect(stdout).toMatch(/'passed'\s*│\s*'false'/)
  expect(stdout).toMatch(/'verdict'\s*│\s*'fail'/)
}, 120_000)
