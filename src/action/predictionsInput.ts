/**
 * The `predictions` input when it names several suites (docs/suites.md): one line per suite, `NAME: PATH`, a bare path
 * (named by its file stem) or a glob (`eval/*.jsonl`, `**` for any depth: each file named by its stem). One plain
 * path is one comparison, as before. And the `legs` input of mode `combine`. Every problem names the input.
 */
import { readdirSync } from 'node:fs'
import { isFolder, isFile } from '../common/fileKind.js'
import path from 'node:path'
import { ConfigError, quote } from '../common/errors.js'
import { checkSuiteNames } from '../compare/suites.js'
import { SUITE_NAME } from '../report/validate.js'

/** A suite of the `predictions` input: its name and its file, as written (relative to the workspace). */
export interface SuitePath {
  name: string
  path: string
}

const GLOB = /[*?[]/

/**
 * The suites the input names, or null when it is one path (one comparison). Relative paths and globs are read from
 * `cwd` (the workspace); the files of a glob are sorted by path.
 * @example parsePredictions('spam: eval/spam.jsonl\nintents: eval/intents.jsonl') // [{ name: 'spam', … }, { name: 'intents', … }]
 */
export function parsePredictions(text: string, cwd = process.cwd()): SuitePath[] | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0)
  if (lines.length === 0) return null
  const named = (line: string): RegExpExecArray | null => /^([^:]+?):\s+(\S.*)$/.exec(line)
  if (lines.length === 1 && !named(lines[0]) && !GLOB.test(lines[0])) return null
  const suites: SuitePath[] = []
  for (const line of lines) {
    const m = named(line)
    if (m) {
      suites.push({ name: m[1].trim(), path: m[2].trim() })
      continue
    }
    if (!GLOB.test(line)) {
      suites.push({ name: stem(line), path: line })
      continue
    }
    const files = expandGlob(line, cwd)
    if (files.length === 0) throw new ConfigError(`input "predictions": ${quote(line, 200)} matches no file`)
    for (const file of files) suites.push({ name: stem(file), path: file })
  }
  checkSuiteNames(suites.map((s) => s.name), 'input "predictions"')
  return suites
}

/**
 * A file's stem: its name without the extension (and a `.gz` after it).
 * @example stem('eval/spam.jsonl.gz') // 'spam'
 */
export function stem(file: string): string {
  const base = path.posix.basename(file.replace(/\\/g, '/')).replace(/\.gz$/i, '')
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

/**
 * The files a glob matches, relative as the pattern is written: `*` and `?` within one path segment, `[…]` a class,
 * `**` any number of folders. Names starting with `.` match only a segment that starts with `.`. Sorted.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const normal = pattern.replace(/\\/g, '/')
  const absolute = normal.startsWith('/')
  const segments = normal.split('/').filter((s) => s.length > 0 && s !== '.')
  const fixed: string[] = []
  while (segments.length > 0 && !GLOB.test(segments[0])) fixed.push(segments.shift() as string)
  const start = path.resolve(absolute ? '/' : cwd, ...fixed)
  const out: string[] = []
  const walk = (dir: string, rel: string[], rest: readonly string[]): void => {
    if (rest.length === 0) return
    const [head, ...tail] = rest
    let names: string[]
    try {
      names = readdirSync(dir).sort()
    } catch {
      return
    }
    if (head === '**') {
      walk(dir, rel, tail)
      for (const name of names) if (!name.startsWith('.') && isFolder(path.join(dir, name))) walk(path.join(dir, name), [...rel, name], rest)
      return
    }
    const re = segmentRegex(head)
    for (const name of names) {
      if (name.startsWith('.') && !head.startsWith('.')) continue
      if (!re.test(name)) continue
      const full = path.join(dir, name)
      if (tail.length === 0) {
        if (isFile(full)) out.push([...rel, name].join('/'))
      } else if (isFolder(full)) walk(full, [...rel, name], tail)
    }
  }
  walk(start, [], segments)
  const prefix = (absolute ? '/' : '') + fixed.join('/')
  return [...new Set(out)].sort().map((r) => (prefix ? path.posix.join(prefix, r) : r))
}

/** One glob segment as a regular expression. */
function segmentRegex(segment: string): RegExp {
  let re = ''
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2)
      if (end < 0) re += '\\['
      else {
        const body = segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')
        re += `[${body}]`
        i = end
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}



/**
 * The `legs` input (mode `combine`): comment keys, one per line or comma-separated; each a plain name.
 * @example legList('spam, intents') // ['spam', 'intents']
 */
export function legList(text: string): string[] {
  const legs = text.split(/[,\n]/).map((l) => l.trim()).filter((l) => l.length > 0)
  for (const leg of legs) {
    if (!SUITE_NAME.test(leg)) throw new ConfigError(`input "legs": ${quote(leg, 100)} is not a plain name (letters, digits, -, _ and . only), as a leg's comment-key must be`)
  }
  if (new Set(legs).size !== legs.length) throw new ConfigError(`input "legs" names a leg twice: ${quote(legs.find((l, i) => legs.indexOf(l) !== i) as string)}`)
  return legs
}
