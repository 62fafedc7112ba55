/**
 * A GFM pipe table. Every cell goes through cellText (a `|` in a cell, code spans included, is written `\|`), so
 * no datum can add or remove a cell. Cost O(total cell length).
 *
 * @example table(['a', 'b'], [['1', '2']]) // '| a | b |\n| --- | --- |\n| 1 | 2 |'
 */
import { cellText } from './escape.js'

export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly string[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cellText).join(' | ')} |`
  return [line(header), `| ${(align ?? header.map(() => '---')).join(' | ')} |`, ...rows.map(line)].join('\n')
}

/** A folded section: `<details>` with a summary of our own words (never data: HTML blocks read no Markdown). */
export function folded(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`
}
