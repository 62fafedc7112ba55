/**
 * The layout rules of docs/development/architecture.md: dependency-cruiser with the repository's config reports no
 * violation on src/, and each rule does fire on a small tree that breaks it (so the lint cannot pass vacuously).
 * No contract reference in src/ either: code comments cite docs/ pages.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { removeAfterTest } from './temp.js'

const root = path.resolve(import.meta.dirname, '..')
const bin = path.join(root, 'node_modules/.bin/depcruise')
const config = path.join(root, '.dependency-cruiser.cjs')

async function cruise(cwd: string): Promise<{ code: number; out: string }> {
  return promisify(execFile)(bin, ['src', '--config', config, '--output-type', 'err'], { cwd }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout })
  )
}

describe('layout rules', () => {
  it('src/ has no violation', async () => {
    const r = await cruise(root)
    expect(r.out).toContain('no dependency violations found')
    expect(r.code).toBe(0)
  }, 60_000)

  it('each rule fires on a tree that breaks it', async () => {
    const dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-layout-')))
    const file = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), text)
    }
    file('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }))
    file('package.json', JSON.stringify({ type: 'module' }))
    // stats/ importing report/ (stats-pure, and upwards); report/ importing stats/ is fine.
    file('src/report/schema.ts', "export type Report = { n: number }\n")
    file('src/stats/mean.ts', "import type { Report } from '../report/schema.js'\nexport const n = (r: Report): number => r.n\n")
    // a circle inside one folder.
    file('src/pair/a.ts', "import { b } from './b.js'\nexport const a = (): number => b() + 1\n")
    file('src/pair/b.ts', "import { a } from './a.js'\nexport const b = (): number => a() - 1\n")
    // tasks/ importing compare/ (upwards), checks/ importing slices/ (sideways).
    file('src/compare/compare.ts', 'export const compare = 1\n')
    file('src/tasks/taskModule.ts', "import { compare } from '../compare/compare.js'\nexport const t = compare\n")
    file('src/slices/slice.ts', 'export const s = 1\n')
    file('src/checks/check.ts', "import { s } from '../slices/slice.js'\nexport const c = s\n")
    // a file at the root of src/, and a folder the layout does not know.
    file('src/loose.ts', "import { s } from './slices/slice.js'\nexport const l = s\n")
    file('src/misc/thing.ts', "import { s } from '../slices/slice.js'\nexport const m = s\n")
    // @actions/* outside action/ (a stand-in package, resolved from node_modules).
    file('node_modules/@actions/core/package.json', JSON.stringify({ name: '@actions/core', type: 'module', main: 'index.js' }))
    file('node_modules/@actions/core/index.js', 'export const info = () => {}\n')
    file('src/render/render.ts', "import { info } from '@actions/core'\nexport const r = info\n")
    const r = await cruise(dir)
    expect(r.code).not.toBe(0)
    for (const [rule, from] of [
      ['stats-pure', 'src/stats/mean.ts'],
      ['layer-stats', 'src/stats/mean.ts'],
      ['no-circular', 'src/pair/a.ts'],
      ['layer-tasks', 'src/tasks/taskModule.ts'],
      ['layer-checks', 'src/checks/check.ts'],
      ['no-root-files', 'src/loose.ts'],
      ['known-folders', 'src/misc/thing.ts'],
      ['actions-only-in-action', 'src/render/render.ts']
    ]) {
      expect(r.out, rule).toMatch(new RegExp(`error ${rule}: ${from.replaceAll('.', '\\.')}`))
    }
    expect(r.out).not.toMatch(/src\/report\/schema\.ts →/)
  }, 60_000)
})

describe('no reference to the contract in src/', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name)
      return statSync(p).isDirectory() ? files(p) : [p]
    })
  it.each(files(path.join(root, 'src')).map((f) => path.relative(root, f)))('%s cites docs/, not SPEC or METHODS.md', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8')
    expect(text).not.toMatch(/\bSPEC\b/)
    expect(text).not.toMatch(/METHODS\.md/)
    expect(text).not.toMatch(/§\s*\d/)
    for (const page of text.matchAll(/\bdocs\/[a-z/-]+\.md/g)) expect(statSync(path.join(root, page[0])).isFile(), page[0]).toBe(true)
  })
})
