// Bundles the action (src/action/index.ts) and the CLI (src/cli/cli.ts) with @vercel/ncc into dist/.
// ESM output; dist/package.json marks the folder as ESM so it runs without the root package.json.
// Deterministic: the same sources give the same bytes (CI checks that dist/ equals a fresh build).
import ncc from '@vercel/ncc'
import { mkdir, rm, writeFile, chmod } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
// EVAL_GATE_DIST: build elsewhere (a private bundle for tests: EVAL_GATE_ACTION_BUNDLE / EVAL_GATE_CLI_BUNDLE).
const dist = process.env.EVAL_GATE_DIST ? path.resolve(process.env.EVAL_GATE_DIST) : path.join(root, 'dist')
const entries = [
  { input: 'src/action/index.ts', output: 'index.js' },
  { input: 'src/cli/cli.ts', output: 'cli.js', shebang: true }
]

await rm(dist, { recursive: true, force: true })
await mkdir(dist, { recursive: true })
const licenses = new Map()
for (const entry of entries) {
  const { code, assets } = await ncc(path.join(root, entry.input), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022'
  })
  let text = code.replace(/^#!.*\n/, '')
  if (entry.shebang) text = '#!/usr/bin/env node\n' + text
  await writeFile(path.join(dist, entry.output), text)
  if (entry.shebang) await chmod(path.join(dist, entry.output), 0o755)
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === 'licenses.txt') licenses.set(entry.output, asset.source.toString())
    // A chunk of a lazy import(): @azure/storage-blob (under @actions/artifact, for the fork flow's upload) loads
    // apache-arrow only to parse Arrow-format blob listings, which Eval Gate never asks for. It must sit beside
    // the entry; an external would become a static import that fails at start.
    else if (/^\d+\.index\.js$/.test(name) && entry.output === 'index.js') await writeFile(path.join(dist, name), asset.source)
    else if (name !== 'package.json') throw new Error(`unexpected asset ${name} from ${entry.input}`)
  }
}
const notices = [...licenses].map(([output, text]) => `# Third-party licenses bundled in dist/${output}\n\n${text.trim()}\n`)
await writeFile(path.join(dist, 'licenses.txt'), notices.join('\n'))
await writeFile(path.join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n')
