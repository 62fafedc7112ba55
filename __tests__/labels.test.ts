import { describe, expect, it } from 'vitest'
import { compareCodePoints, labelOrder, labelText } from '../src/read/labels.js'

describe('labelText (SPEC §1: labels are compared as text)', () => {
  it('keeps strings, writes numbers in shortest form and booleans as true/false', () => {
    expect(labelText('spam')).toBe('spam')
    expect(labelText(1)).toBe('1')
    expect(labelText(2.5)).toBe('2.5')
    expect(labelText(1.0)).toBe('1')
    expect(labelText(true)).toBe('true')
    expect(labelText(false)).toBe('false')
  })
  it('refuses values that cannot be labels', () => {
    expect(labelText(null)).toBeNull()
    expect(labelText({ a: 1 })).toBeNull()
    expect(labelText([1])).toBeNull()
    expect(labelText(Number.NaN)).toBeNull()
  })
})

describe('labelOrder', () => {
  it('sorts numerically when every label is a finite number', () => {
    expect(labelOrder(['10', '9', '1', '-2', '2.5'])).toEqual(['-2', '1', '2.5', '9', '10'])
  })
  it('sorts by code point otherwise (upper case before lower case, no locale)', () => {
    expect(labelOrder(['spam', 'ham', 'Ham', '10', '9'])).toEqual(['10', '9', 'Ham', 'ham', 'spam'])
    expect(labelOrder(['false', 'true'])).toEqual(['false', 'true'])
  })
  it('orders by code point, not UTF-16 unit: U+1F600 sorts after U+FF5E', () => {
    // '\uff5e' is one unit 0xFF5E; '😀' is U+1F600 (surrogates 0xD83D 0xDE00). By units 😀 would come first.
    expect(compareCodePoints('😀', '\uff5e')).toBeGreaterThan(0)
    expect(labelOrder(['😀', '\uff5e'])).toEqual(['\uff5e', '😀'])
  })
  it('drops repeats', () => {
    expect(labelOrder(['b', 'a', 'b'])).toEqual(['a', 'b'])
  })
})
