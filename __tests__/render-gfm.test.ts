/**
 * The comment as GitHub shows it (issue 9, SECURITY.md "The Markdown report"): every snapshot report goes through
 * a GFM renderer (marked, gfm) and is checked against GitHub's sanitizer allowlist
 * (fixtures/render/github-sanitizer.json, from html-pipeline's SanitizationFilter) and against what GitHub does
 * after sanitizing: entities decoded, then @mentions, #issue references, bare-URL autolinks and :emoji: — none of
 * which touch text inside <code> or <a>. Asserted: only the elements and attributes the report itself writes,
 * tables whole, links only to the baseline run, no live text outside code, no invisible character anywhere, every
 * hostile label and id readable in a <code> element, and the <details> sections as designed.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { dataSpan, jsonForm } from '../src/render/escape.js'
import { renderMarkdown } from '../src/render/renderReport.js'
import type { Report } from '../src/report/schema.js'
import { CASES, provenance, reportFor, RUN_URL, type Case } from './render-reports.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const allow = JSON.parse(readFileSync(path.join(here, 'fixtures/render/github-sanitizer.json'), 'utf8')) as {
  elements: string[]
  attributes: Record<string, string[]>
}

interface Element {
  tag: string
  attrs: Record<string, string>
  children: (Element | string)[]
  parent: Element | null
}

const VOID = new Set(['br', 'hr', 'img', 'wbr', 'source', 'input'])

/** HTML entities as a browser (and GitHub, before its mention filter) decodes them. */
function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (named[e] ?? all)
  )
}

/** A small HTML tree builder for marked's output (tags, comments, text); enough to see every element and text node. */
function parseHtml(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [], parent: null }
  let at = root
  let last = 0
  const text = (s: string) => s.length > 0 && at.children.push(decode(s))
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    text(html.slice(last, m.index))
    last = (m.index as number) + m[0].length
    if (m[0].startsWith('<!--')) {
      at.children.push({ tag: '#comment', attrs: {}, children: [], parent: at })
      continue
    }
    const tag = m[2].toLowerCase()
    if (m[1]) {
      let open: Element | null = at
      while (open && open.tag !== tag) open = open.parent
      expect(open, `closing </${tag}> without an open element`).not.toBeNull()
      at = (open as Element).parent as Element
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of m[3].matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) attrs[a[1].toLowerCase()] = decode((a[2] ?? '').replace(/^["']|["']$/g, ''))
    const el: Element = { tag, attrs, children: [], parent: at }
    at.children.push(el)
    if (!VOID.has(tag)) at = el
  }
  text(html.slice(last))
  return root
}

function* elements(el: Element): Generator<Element> {
  for (const c of el.children) {
    if (typeof c === 'string') continue
    yield c
    yield* elements(c)
  }
}

function* texts(el: Element, inside: string[] = []): Generator<{ text: string; inside: string[] }> {
  for (const c of el.children) {
    if (typeof c === 'string') yield { text: c, inside }
    else yield* texts(c, [...inside, c.tag])
  }
}

const textOf = (el: Element): string => [...texts(el)].map((t) => t.text).join('')

/** What GitHub would make live in a text node outside <code> and <a>: a mention, an issue reference, a link, an emoji. */
const LIVE = /@[A-Za-z0-9]|#\d|[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+#\d|https?:|:\/\/|www\.|:[a-z0-9_+-]+:/i
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u

/** The elements a report writes itself (Markdown of our own plus <details>, <summary>, <sub>). */
const OURS = new Set(['h3', 'h4', 'p', 'strong', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'sub', 'blockquote', 'ul', 'li', 'a', 'br'])

function checkHtml(markdown: string, report: Report): Element {
  const html = marked.parse(markdown, { gfm: true, async: false })
  const root = parseHtml(html)
  for (const el of elements(root)) {
    if (el.tag === '#comment') throw new Error('an HTML comment reached the output')
    expect(allow.elements, `<${el.tag}> is not kept by GitHub's sanitizer`).toContain(el.tag)
    expect(OURS.has(el.tag), `<${el.tag}> is not an element the report writes`).toBe(true)
    for (const attr of Object.keys(el.attrs)) {
      expect([...(allow.attributes[el.tag] ?? []), ...allow.attributes.all], `${el.tag}[${attr}]`).toContain(attr)
      expect(['align', 'href'], `${el.tag}[${attr}] is not an attribute the report writes`).toContain(attr)
    }
    if (el.tag === 'a') expect(el.attrs.href).toBe(report.baseline?.runUrl)
    if (el.tag === 'table') {
      const rows = [...elements(el)].filter((e) => e.tag === 'tr')
      const width = rows[0].children.filter((c) => typeof c !== 'string' && c.tag === 'th').length
      expect(width).toBeGreaterThan(1)
      for (const row of rows) expect(row.children.filter((c) => typeof c !== 'string').length, textOf(row)).toBe(width)
    }
  }
  for (const { text, inside } of texts(root)) {
    expect(INVISIBLE.test(text.replace(/[\n\u00A0]/g, '')), JSON.stringify(text)).toBe(false)
    if (!inside.includes('code') && !inside.includes('a')) expect(text, `live text outside <code>: ${JSON.stringify(text)}`).not.toMatch(LIVE)
  }
  return root
}

/** The <details> sections: each at the top level, with a <summary> first, none nested. */
function detailsSummaries(root: Element): string[] {
  const details = [...elements(root)].filter((e) => e.tag === 'details')
  for (const d of details) {
    expect(d.parent?.tag).toBe('#root')
    const first = d.children.find((c) => typeof c !== 'string' && c.tag !== '#comment') as Element
    expect(first.tag).toBe('summary')
    expect([...elements(d)].some((e) => e.tag === 'details')).toBe(false)
  }
  return details.map((d) => textOf((d.children.find((c) => typeof c !== 'string') as Element)))
}

describe('the reports through GFM and GitHub\'s sanitizer', () => {
  for (const name of CASES) {
    it(name, async () => {
      const report = await reportFor(name as Case)
      for (const target of ['comment', 'summary'] as const) checkHtml(renderMarkdown(report, target), report)
    })
  }
  it('binary: the folded sections, in order', async () => {
    const root = checkHtml(renderMarkdown(await reportFor('binary'), 'comment'), await reportFor('binary'))
    expect(detailsSummaries(root)).toEqual([
      'All 14 other metrics',
      'Per class (2 classes)',
      'Confusion matrices (Δ, baseline, candidate)',
      'Where the models disagree: 22 right → wrong, 17 wrong → right (of 600)'
    ])
    const link = [...elements(root)].filter((e) => e.tag === 'a')
    expect(link.map((a) => [a.attrs.href, textOf(a)])).toEqual([[RUN_URL, 'run #42']])
  })
  it('hostile labels and ids: each one readable, exactly, in a <code> element; never markup', async () => {
    const report = await reportFor('hostile')
    const root = checkHtml(renderMarkdown(report, 'summary'), report)
    const codes = [...elements(root)].filter((e) => e.tag === 'code').map(textOf)
    const readable = (data: string) => (codes.includes(data) || codes.includes(jsonForm(data)) || codes.some((c) => c.length >= 39 && (data.startsWith(c) || jsonForm(data).startsWith(c))))
    for (const label of report.labels) expect(readable(label), JSON.stringify(label)).toBe(true)
    for (const id of [...(report.disagreement?.firstRegressions ?? []), ...(report.disagreement?.firstImprovements ?? [])]) expect(readable(id), JSON.stringify(id)).toBe(true)
    expect(report.labels).toContain('<img src=x onerror=alert(1)>')
    expect(detailsSummaries(root)).toHaveLength(4)
  })
  it('hostile provenance: a run URL that is not https and commits that are not hex are not links', async () => {
    const report = await reportFor('binary')
    const bad: Report = { ...report, baseline: { ...provenance('same'), runUrl: 'javascript:alert(1)', commit: '@octocat <img src=x>', baseCommit: '#123', headCommit: 'https://evil.example/x' } }
    const root = checkHtml(renderMarkdown(bad, 'comment'), { ...bad, baseline: { ...bad.baseline!, runUrl: null } })
    expect([...elements(root)].filter((e) => e.tag === 'a')).toHaveLength(0)
    const codes = [...elements(root)].filter((e) => e.tag === 'code').map(textOf)
    expect(codes).toEqual(expect.arrayContaining(['@octocat <img src=x>', '#123', 'https://evil.example/x']))
  })
})

/** SECURITY.md's Markdown rows and issue 9's list. */
const HOSTILE = [
  '@octocat', '@org/team', '#123', 'org/repo#1', 'https://evil.example/x', '\u202Eevil', 'zero\u200Bwidth', 'c1\u0085', 'del\u007F', 'ls\u2028x',
  ':tada:', '<img src=x onerror=alert(1)>', '<details>', '[x](javascript:alert(1))', '![x](https://evil/x.png)', '| a |', '\\', 'a\\|b', '`',
  'x``y', '`edge', '*bold*', '_x_', '~~x~~', '<!-- -->', '&amp;', '&#64;x', 'a\n\nb', 'a\rb', 'a\tb', '   ', ' lead', 'trail ', '"q"', 'w'.repeat(300)
]

describe('every hostile string, in a paragraph, a list and a table cell', () => {
  it('stays one inert <code> element that reads as the data (or its JSON form)', () => {
    const { table } = { table: (cells: string[]) => `| a | b |\n| --- | --- |\n| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |` }
    for (const data of HOSTILE) {
      const span = dataSpan(data, 400)
      const expected = [data, jsonForm(data)]
      const markdown = `Label ${span} here.\n\n- item ${span}\n\n${table([span, 'x'])}\n`
      const root = parseHtml(marked.parse(markdown, { gfm: true, async: false }))
      const codes = [...elements(root)].filter((e) => e.tag === 'code')
      expect(codes.map(textOf), JSON.stringify(data)).toHaveLength(3)
      for (const code of codes) expect(expected, JSON.stringify(data)).toContain(textOf(code))
      expect([...elements(root)].map((e) => e.tag).sort()).toEqual(['code', 'code', 'code', 'li', 'p', 'table', 'tbody', 'td', 'td', 'th', 'th', 'thead', 'tr', 'tr', 'ul'])
      for (const { text, inside } of texts(root)) if (!inside.includes('code')) expect(text).not.toMatch(LIVE)
    }
  })
})
