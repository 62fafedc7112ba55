/**
 * The report as plain text for a terminal (docs/cli.md): the one renderer's output (src/render/renderReport.ts),
 * laid out again without Markdown or HTML — tables with aligned columns, no entities, no `<sub>`, `<details>`,
 * code spans or emphasis markers. Nothing is written here that the renderer did not write: this reads the blocks
 * it emits (headings, pipe tables, lists, quoted warnings, folded sections, small print, paragraphs with hard
 * breaks) and their inline marks (code spans, `**`, backslash escapes, entities, links, `<code>`), and prints
 * the same words. Data stays as the renderer showed it in code spans (invisible characters as `\uXXXX`), so a
 * file's control characters never reach the terminal. Cost O(length of the Markdown).
 *
 * @example plainText('### ✅ Eval Gate: passed\n\n| a | b |\n| :--- | ---: |\n| `x` | 1.0 |\n')
 * // '✅ Eval Gate: passed\n\na     b\n---  ---\nx    1.0\n'
 */

/** Reads the Markdown the renderer writes, block by block, and writes each as text. */
export function plainText(markdown: string): string {
  const lines = markdown.replace(/\n+$/, '').split('\n')
  const out: string[] = []
  let i = 0
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('')
  }
  while (i < lines.length) {
    const line = lines[i]
    if (line.trim() === '' || line.trim() === '</details>') {
      blank()
      i++
      continue
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading) {
      blank()
      const text = inline(heading[2])
      out.push(text)
      // Section headings (####) underlined; the title (###) stands alone.
      if (heading[1].length >= 4) out.push('-'.repeat(Math.max(3, displayWidth(text))))
      i++
      continue
    }
    const summary = /^<details(?: open)?><summary>([\s\S]*)<\/summary>$/.exec(line)
    if (summary) {
      blank()
      const text = inline(summary[1])
      out.push(text, '-'.repeat(Math.max(3, displayWidth(text))))
      i++
      continue
    }
    if (line.startsWith('|')) {
      const rows: string[] = []
      while (i < lines.length && lines[i].startsWith('|')) rows.push(lines[i++])
      out.push(...tableText(rows))
      continue
    }
    if (line.startsWith('>')) {
      while (i < lines.length && lines[i].startsWith('>')) {
        const quoted = lines[i++].replace(/^>\s?/, '')
        out.push(quoted === '' ? '' : inline(quoted))
      }
      continue
    }
    if (line.startsWith('- ')) {
      // A list: one item a line (the renderer writes no item over two lines).
      while (i < lines.length && lines[i].startsWith('- ')) out.push(`- ${inline(lines[i++].slice(2))}`)
      continue
    }
    // A paragraph: lines up to a blank line; a hard break (two trailing spaces) starts a new line.
    const paragraph: string[] = []
    while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|\||>|<details|- )/.test(lines[i])) paragraph.push(lines[i++])
    const text = paragraph.join('\n').replace(/^<sub>([\s\S]*)<\/sub>$/, '$1')
    for (const part of text.split(/ {2}\n/)) out.push(inline(part.replace(/\n/g, ' ')))
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop()
  return out.join('\n') + '\n'
}

/** A pipe table's rows as aligned text: columns two spaces apart, `---:` columns right-aligned. */
function tableText(rows: string[]): string[] {
  const cells = rows.map(splitRow)
  const alignRow = cells.length > 1 && cells[1].every((c) => /^:?-+:?$/.test(c.trim())) ? cells[1] : null
  const body = alignRow ? [cells[0], ...cells.slice(2)] : cells
  const text = body.map((row) => row.map((c) => inline(c.trim())))
  const columns = Math.max(...text.map((r) => r.length))
  const widths = Array.from({ length: columns }, (_, j) => Math.max(3, ...text.map((r) => displayWidth(r[j] ?? ''))))
  const right = Array.from({ length: columns }, (_, j) => alignRow !== null && /-:$/.test((alignRow[j] ?? '').trim()))
  const pad = (s: string, j: number): string => {
    const fill = ' '.repeat(Math.max(0, widths[j] - displayWidth(s)))
    return right[j] ? fill + s : s + fill
  }
  const line = (r: string[]): string => widths.map((_, j) => pad(r[j] ?? '', j)).join('  ').replace(/\s+$/, '')
  const out = [line(text[0])]
  if (alignRow) out.push(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of text.slice(1)) out.push(line(r))
  return out
}

/**
 * The cells of a `| a | b |` row: split on every `|` that no backslash escapes (an odd number of backslashes before
 * it), then `\|` read as `|` (as GFM does, inside code spans too).
 */
function splitRow(row: string): string[] {
  const body = row.trim().replace(/^\|/, '')
  const cells: string[] = []
  let current = ''
  let slashes = 0
  for (const ch of body) {
    if (ch === '|' && slashes % 2 === 0) {
      cells.push(current)
      current = ''
    } else current += ch
    slashes = ch === '\\' ? slashes + 1 : 0
  }
  if (current.trim() !== '') cells.push(current)
  return cells.map((c) => c.replace(/\\\|/g, '|'))
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'" }

/**
 * Inline Markdown as text: code spans (any fence) keep their content as written; outside them backslash escapes
 * are undone, entities decoded, `**` dropped, links written `text (url)`, HTML tags (`<code>`, `<sub>` …) dropped.
 */
export function inline(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '`') {
      const fence = /^`+/.exec(text.slice(i))![0]
      const close = findFence(text, i + fence.length, fence.length)
      if (close >= 0) {
        let content = text.slice(i + fence.length, close)
        if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1)
        out += content
        i = close + fence.length
        continue
      }
      out += fence
      i += fence.length
      continue
    }
    if (ch === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
      out += text[i + 1]
      i += 2
      continue
    }
    if (ch === '&') {
      const m = /^&(#\d+|#x[0-9a-f]+|[a-z]+);/i.exec(text.slice(i))
      if (m) {
        const name = m[1]
        out += ENTITIES[name] ?? (name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : m[0])
        i += m[0].length
        continue
      }
    }
    if (ch === '*' && text[i + 1] === '*') {
      i += 2
      continue
    }
    if (ch === '<') {
      const m = /^<\/?(code|sub|sup|summary|details|b|br)(?: [^>]*)?\/?>/i.exec(text.slice(i))
      if (m) {
        i += m[0].length
        continue
      }
    }
    if (ch === '[') {
      const m = /^\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/.exec(text.slice(i))
      if (m) {
        out += `${inline(m[1])} (${m[2]})`
        i += m[0].length
        continue
      }
    }
    out += ch
    i++
  }
  return out
}

/** Where a run of exactly `length` backticks starts at or after `from`; −1 when none. */
function findFence(text: string, from: number, length: number): number {
  const re = /`+/g
  re.lastIndex = from
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) if (m[0].length === length) return m.index
  return -1
}

/**
 * Columns a string takes on a terminal: wide (East Asian, emoji) characters 2, combining marks, variation selectors
 * and joiners 0, a character followed by the emoji variation selector (U+FE0F) 2. An approximation of wcwidth,
 * enough for the report's own symbols (✅ ❌ ⚠️ ⏭️ ⏸️) and most labels.
 */
export function displayWidth(text: string): number {
  let width = 0
  let last = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) as number
    if (code === 0xfe0f) {
      if (last === 1) width++
      last = 2
      continue
    }
    const w = code === 0x200d || (code >= 0x300 && code <= 0x36f) || (code >= 0xfe00 && code <= 0xfe0e) ? 0 : isWide(code) ? 2 : 1
    width += w
    last = w
  }
  return width
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    code === 0x2705 ||
    code === 0x274c ||
    code === 0x2b50 ||
    (code >= 0x23e9 && code <= 0x23ec) ||
    code === 0x23f0 ||
    code === 0x23f3 ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f680 && code <= 0x1f6ff) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}
