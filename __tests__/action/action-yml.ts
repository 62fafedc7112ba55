/** action.yml as GitHub reads it: parsed strictly with the `yaml` package (no regular expressions). */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../action.yml')

export interface ActionDocument {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

export function actionDocument(): ActionDocument {
  return YAML.parse(readFileSync(file, 'utf8'), { strict: true, uniqueKeys: true }) as ActionDocument
}

/** Input defaults as action.yml declares them; `${{ … }}` expressions (github-token) are left out. */
export function actionDefaults(): Record<string, string> {
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(actionDocument().inputs)) {
    if (input.default !== undefined && !String(input.default).includes('${{')) defaults[name] = String(input.default)
  }
  return defaults
}
