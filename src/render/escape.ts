/**
 * Escaping for text that comes from users' files (labels, ids, file names): it must not break a table, inject
 * markup, start a code block or ping anyone. HTML-significant characters become entities; Markdown punctuation is
 * backslash-escaped (an underscore inside a word is left alone); `|` and `@` become entities (a table cell and a mention both need that); line breaks become
 * spaces.
 *
 * @example escapeText('sports | news') // 'sports &#124; news'
 * @example escapeText('@team') // '&#64;team'
 */
export function escapeText(text: string): string {
  let out = ''
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    if (ch === '_' && /\p{L}|\p{N}/u.test(chars[i - 1] ?? '') && /\p{L}|\p{N}/u.test(chars[i + 1] ?? '')) {
      // Inside a word an underscore is never emphasis (GFM): keep `roc_auc` readable.
      out += ch
      continue
    }
    switch (ch) {
      case '&':
        out += '&amp;'
        break
      case '<':
        out += '&lt;'
        break
      case '>':
        out += '&gt;'
        break
      case '|':
        out += '&#124;'
        break
      case '@':
        out += '&#64;'
        break
      case '`':
        out += '&#96;'
        break
      case '#':
        out += '&#35;'
        break
      case '\\':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
      case '!':
        out += '\\' + ch
        break
      case '\n':
      case '\r':
      case '\t':
        out += ' '
        break
      default:
        out += ch.charCodeAt(0) < 32 ? ' ' : ch
    }
  }
  return out
}

/** A label or id as shown in the report: escaped, and cut to `max` characters. */
export function shown(text: string, max = 60): string {
  const chars = [...text]
  return escapeText(chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text)
}

/**
 * Text inside a double-quoted Mermaid string: quotes, brackets, backticks and anything outside printable ASCII
 * letters, digits and a few safe signs become `_`, so a label cannot end the string or the code block.
 */
export function mermaidText(text: string, max = 24): string {
  const chars = [...text].slice(0, max)
  return chars.map((c) => (/^[\p{L}\p{N} .,+\-/()%=]$/u.test(c) ? c : '_')).join('')
}
