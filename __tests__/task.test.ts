import { describe, expect, it } from 'vitest'
import { ConfigError } from '../src/common/errors.js'
import { chooseTask } from '../src/tasks/classification/chooseTask.js'

describe('chooseTask (SPEC §2)', () => {
  it('is binary with 1 as the default positive class', () => {
    expect(chooseTask(['0', '1'], ['0', '1'], undefined, undefined)).toEqual({ task: 'binary', labels: ['0', '1'], positiveLabel: '1' })
  })
  it('is binary with true as the default positive class', () => {
    expect(chooseTask(['true', 'false'], ['false', 'true'], undefined, undefined).positiveLabel).toBe('true')
  })
  it('asks for positive-label when neither 1 nor true is present', () => {
    expect(() => chooseTask(['ham', 'spam'], ['ham', 'spam'], undefined, undefined)).toThrow(ConfigError)
    expect(() => chooseTask(['ham', 'spam'], ['ham', 'spam'], undefined, undefined)).toThrow(/set positive-label/)
  })
  it('takes positive-label', () => {
    expect(chooseTask(['ham', 'spam'], ['ham', 'spam'], 'spam', undefined)).toEqual({ task: 'binary', labels: ['ham', 'spam'], positiveLabel: 'spam' })
  })
  it('adds a positive label that no row has (a test set with no positives)', () => {
    expect(chooseTask(['ham'], ['ham'], 'spam', undefined)).toEqual({ task: 'binary', labels: ['ham', 'spam'], positiveLabel: 'spam' })
  })
  it('refuses a positive-label that is not one of two labels seen', () => {
    expect(() => chooseTask(['ham', 'spam'], ['ham', 'spam'], 'junk', undefined)).toThrow(/positive-label "junk" is not one of the labels seen/)
  })
  it('is multiclass with three labels, and when forced', () => {
    expect(chooseTask(['a', 'b', 'c'], ['a', 'b', 'c'], undefined, undefined)).toEqual({ task: 'multiclass', labels: ['a', 'b', 'c'], positiveLabel: null })
    expect(chooseTask(['0', '1'], ['0', '1'], undefined, 'multiclass')).toEqual({ task: 'multiclass', labels: ['0', '1'], positiveLabel: null })
  })
  it('refuses task binary with three labels', () => {
    expect(() => chooseTask(['a', 'b', 'c'], ['a', 'b', 'c'], undefined, 'binary')).toThrow(/task is "binary" but 3 labels/)
  })
})
