/**
 * The slice forms of a gate rule (docs/slices.md):
 *
 * - `METRIC@FIELD=VALUE RULE`: any rule of docs/gates.md on one slice (`f1@region=EU >= 0.8`,
 *   `recall@region="EU West" no-regression`);
 * - `METRIC no-regression by FIELD`: every tested slice of FIELD, each a hypothesis of the run's Holm family.
 *
 * FIELD and VALUE are written bare when they have no space, `"`, and (FIELD) no `=`; otherwise as a JSON string
 * (`"EU West"`, `"say \"hi\""`), inside which `;` and `#` neither split nor end a rule. A bare VALUE ends at the
 * first space (`f1@region=EU>=0.8` reads the value `EU>=0.8`).
 */
import { ConfigError, quote } from '../common/errors.js'

const TOKEN = /^(?:"((?:[^"\\]|\\[\s\S])*)"|([^\s"]+))/

/**
 * Reads one FIELD or VALUE at the start of `text`: a JSON string, or a bare word (no space or `"`) that ends
 * before the first match of `stop` when given (a bare FIELD ends at `=`).
 * @example readToken('"EU West" >= 1', /[=]/) // { token: 'EU West', rest: ' >= 1' }
 */
export function readToken(text: string, stop: RegExp | null): { token: string; rest: string } | string {
  const m = TOKEN.exec(text)
  if (!m) return text.startsWith('"') ? 'has an unterminated quoted name' : 'is missing a name'
  if (m[1] !== undefined) {
    try {
      return { token: JSON.parse(`"${m[1]}"`) as string, rest: text.slice(m[0].length) }
    } catch {
      return `cannot read the quoted name ${quote(m[0])} (write it as a JSON string)`
    }
  }
  let word = m[2]
  if (stop) {
    const at = word.search(stop)
    if (at === 0) return 'is missing a name'
    if (at > 0) word = word.slice(0, at)
  }
  return { token: word, rest: text.slice(word.length) }
}

/**
 * Reads `FIELD=VALUE` (after the `@`) and what follows.
 * @example parseSliceSelector('region=EU no-regression') // { field: 'region', value: 'EU', rest: 'no-regression' }
 */
export function parseSliceSelector(text: string): { field: string; value: string; rest: string } | string {
  const field = readToken(text, /=/)
  if (typeof field === 'string') return `the slice field after "@" ${field}`
  if (!field.rest.startsWith('=')) return 'a slice is written METRIC@FIELD=VALUE, e.g. "f1@region=EU >= 0.8"'
  const value = readToken(field.rest.slice(1), null)
  if (typeof value === 'string') return `the slice value after "=" ${value}`
  if (value.rest !== '' && !/^\s/.test(value.rest)) return 'the slice value must be followed by a space'
  return { field: field.token, value: value.token, rest: value.rest.trim() }
}

/**
 * Reads the FIELD of `no-regression by FIELD` (the text after `by`).
 * @example parseByField(' "data set"') // 'data set'
 */
export function parseByField(text: string): string | null {
  const field = readToken(text.trim(), null)
  if (typeof field === 'string' || field.rest.trim() !== '') return null
  return field.token
}

/** The slice fields of the run and their values (with at least one compared example). */
export type KnownSlices = ReadonlyMap<string, readonly string[]>

/** Checks a rule's slice field and value against the run's; a ConfigError quoting the rule when absent. */
export function checkSliceRule(rule: { text: string; slice?: { field: string; value: string }; by?: string }, slices: KnownSlices | undefined): void {
  const field = rule.slice?.field ?? rule.by
  if (field === undefined) return
  const fail = (why: string): never => {
    throw new ConfigError(`gate ${quote(rule.text, 120)}: ${why}`)
  }
  const values = slices?.get(field)
  if (!values) {
    const fields = slices ? [...slices.keys()] : []
    fail(
      `${quote(field)} is not a slice field of this run; ` +
        (fields.length ? `the slice fields are ${fields.map((f) => quote(f)).join(', ')}` : 'name slice fields with --slice-field (action: slice-fields)')
    )
  }
  const value = rule.slice?.value
  if (value !== undefined && !(values as readonly string[]).includes(value)) {
    const list = values as readonly string[]
    const shown = list.slice(0, 20).map((v) => quote(v)).join(', ') + (list.length > 20 ? ', …' : '')
    fail(`no compared example has ${field} = ${quote(value)}; its values are ${shown}`)
  }
}

/** How a slice is named in gate details: `region=EU`, or `region="EU West"`. */
export function sliceName(field: string, value: string): string {
  const word = (s: string): string => (/^[^\s"=;#]+$/.test(s) ? s : JSON.stringify(s))
  return `${word(field)}=${word(value)}`
}
