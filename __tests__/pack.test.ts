/**
 * The npm package as a user gets it: `npm pack`, then `npm install` of the tarball in an empty folder with no
 * network and an empty cache (dist/cli.js is a self-contained bundle: the package has no dependencies), then the
 * installed `eval-gate` bin runs the README's spam example (docs/cli.md).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string }
const example = (model: string) => path.join(root, 'examples/spam', `${model}.jsonl`)
// The bin's `#!/usr/bin/env node` finds the Node running the tests first.
const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` }
let packDir = ''
let installDir = ''

function npm(cwd: string, ...args: string[]) {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 240_000 })
  expect(r.status, `npm ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0)
  return r.stdout
}

/** Every file under `dir`, relative, sorted. */
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort()

describe('the packed tarball', () => {
  beforeAll(() => {
    packDir = mkdtempSync(path.join(tmpdir(), 'eval-gate-pack-'))
    installDir = mkdtempSync(path.join(tmpdir(), 'eval-gate-pack-install-'))
  })
  afterAll(() => {
    for (const dir of [packDir, installDir]) if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('installs offline into an empty folder, and its eval-gate bin runs the spam example', () => {
    const [packed] = JSON.parse(npm(root, 'pack', '--json', '--pack-destination', packDir)) as { filename: string }[]
    const tarball = path.join(packDir, packed.filename)
    writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'user', private: true }))
    npm(installDir, 'install', '--offline', '--no-audit', '--no-fund', '--cache', path.join(installDir, '.npm-cache'), tarball)

    // The package alone, with what `eval-gate` needs and nothing from the work tree.
    expect(readdirSync(path.join(installDir, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([pkg.name])
    const installed = path.join(installDir, 'node_modules', pkg.name)
    expect(files(installed).filter((f) => !f.startsWith('dist/'))).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'action.yml', 'package.json'])
    expect(files(installed)).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/package.json', 'dist/licenses.txt']))
    expect(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')).version).toBe(pkg.version)

    const bin = path.join(installDir, 'node_modules/.bin/eval-gate')
    const r = spawnSync(bin, ['compare', '--baseline', example('baseline'), '--candidate', example('candidate'), '--positive-label', 'spam', '--resamples', '2000'], { cwd: installDir, env, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^### ❌ Eval Gate: failed — 1 of 4 gates\n\n❌ `recall no-regression`: \*\*recall 92\.5% → 80\.6% \(−11\.9 pts/)
  }, 300_000)
})
