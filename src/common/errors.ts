/**
 * Errors a user can fix. The CLI prints `message` and exits 2; the action fails the step with it.
 * No stack trace is ever shown for these.
 *
 * Messages quote input (a line, a value, a header cell, a field or file name) through `quote`, so that hostile
 * input cannot start a line of its own in a log (`::error::…` is a workflow command on GitHub), reorder text with
 * bidi controls, or make a message millions of characters long.
 */

/**
 * Bad input data: names the file, the 1-based line (or row) and the field where known. A Parquet file has rows,
 * not lines: `line` is then its 1-based row, and the message says so ({@link isRowNumbered}).
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly reason: string
  ) {
    super(formatLocation(file, line, field, reason))
    this.name = 'InputError'
  }
}

/** Bad configuration: an input, option or gate rule that cannot be used. Names the input. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(inert(message))
    this.name = 'ConfigError'
  }
}

/** At most this many characters of a file name are shown; longer names are quoted and cut. */
const MAX_NAME = 200
/** A safety net: a reason longer than this is cut (every value in it should already be quoted and cut). */
const MAX_REASON = 2000

/**
 * `candidate.jsonl:17: field "prediction" is missing`. The field name is always quoted (`quote`); the file name
 * is shown as it is when it is printable and at most 200 characters, else quoted the same way; the reason has
 * any raw control, line or bidi character escaped (`inert`).
 */
export function formatLocation(file: string, line: number | null, field: string | null, reason: string): string {
  const name = isPlain(file, MAX_NAME) ? file : quote(file, MAX_NAME)
  const rows = isRowNumbered(file)
  const where = line === null ? name : rows ? `${name}: row ${line}` : `${name}:${line}`
  const text = inert(rows ? reason.replace(/\bline (?=\d)/g, 'row ') : reason)
  return field === null ? `${where}: ${text}` : `${where}: field ${quote(field)} ${text}`
}

/** Files opened by the Parquet reader with `format: parquet` whatever their name (see {@link isRowNumbered}). */
const rowNumbered = new Set<string>()

/**
 * Marks a file whose "lines" are rows (a Parquet file read under another name with `format: parquet`), so that
 * every message about it, read or pairing, says `row 17`.
 */
export function markRowNumbered(file: string): void {
  rowNumbered.add(file)
}

/**
 * True for a file without lines: a Parquet file (`.parquet`, or marked by the reader). Its messages give the
 * 1-based row (`candidate.parquet: row 17: field "prediction" is missing`), and `line N` in a reason (a duplicate
 * id's first row, the first row of a column) reads `row N`.
 * @example isRowNumbered('candidate.parquet') // true
 */
export function isRowNumbered(file: string): boolean {
  return /\.parquet$/i.test(file) || rowNumbered.has(file)
}

/** True for the errors whose message alone is the whole story (no stack trace). */
export function isUserError(error: unknown): error is InputError | ConfigError {
  return error instanceof InputError || error instanceof ConfigError
}

/**
 * Characters that must not reach a log or a message raw: C0 controls (CR, LF, …), DEL and C1 controls, the soft
 * hyphen, line and paragraph separators (U+2028/9), bidi marks, embeddings, overrides and isolates, zero-width and
 * invisible format characters, the BOM, interlinear annotation marks, and unpaired surrogates.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const UNSAFE_TEST = new RegExp(UNSAFE.source)

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** `\n`, `\r`, `\t`, else `\uXXXX`: the JSON escape of one unsafe character. */
function escapeChar(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/**
 * Text with every unsafe character (see UNSAFE) replaced by its visible JSON escape, and cut (marked `…`) past
 * `max` characters. For text we write that may carry input (a reason, an engine's message); values themselves
 * are quoted with `quote`. One regular-expression pass: O(n).
 * @example inert('a\nb\u202Ec') // 'a\\nb\\u202ec'
 */
export function inert(text: string, max = MAX_REASON): string {
  const head = text.length > max ? cut(text, max) + '…' : text
  return UNSAFE_TEST.test(head) ? head.replace(UNSAFE, escapeChar) : head
}

/**
 * Input quoted for a message: at most `max` characters of it, written as a JSON string literal (`JSON.stringify`,
 * plus `\uXXXX` for the line separators, bidi and invisible characters JSON leaves raw), followed by `…` when it
 * was cut. The result holds no raw newline or control character, so no input can start a line of its own.
 * Cost: O(max), whatever the length of `text`.
 * @example quote('spam') // '"spam"'
 * @example quote('a\n::error::x') // '"a\\n::error::x"'
 * @example quote('x'.repeat(100), 3) // '"xxx"…'
 */
export function quote(text: string, max = 80): string {
  const over = text.length > max
  const literal = JSON.stringify(over ? cut(text, max) : text)
  const safe = UNSAFE_TEST.test(literal) ? literal.replace(UNSAFE, escapeChar) : literal
  return over ? safe + '…' : safe
}

/** True when `text` can be shown as it is: at most `max` characters, none of them unsafe. */
export function isPlain(text: string, max = 80): boolean {
  return text.length <= max && !UNSAFE_TEST.test(text)
}

/** The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair. */
function cut(text: string, max: number): string {
  const code = text.charCodeAt(max - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)
}
