import { quote } from '../common/errors.js'

/**
 * A value from a file, for a message: `null`, `an array`, `an object`, a quoted string (cut), or the number.
 * @example describe('x\n') // '"x\\n"'
 */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return quote(value)
  return String(value)
}
