/**
 * The text layer of the generation metrics against sacrebleu 2.6.0 and Python 3.11 themselves. Reference values:
 * - fixtures/generation/tokenize13a.json from `PYTHONPATH=<sacrebleu 2.6.0> /usr/bin/python3 tokenize13a-cases.py`
 *   (`Tokenizer13a()(line.rstrip())`, as BLEU calls it);
 * - fixtures/generation/units.json from `PYTHONPATH=<sacrebleu 2.6.0> /usr/bin/python3 units-cases.py`
 *   (sacrebleu's per-sentence statistics `_extract_corpus_statistics`, `BLEU.compute_bleu`, and the SQuAD v1.1
 *   `normalize_answer` run under Python 3.11);
 * - Python's whitespace set: `[hex(c) for c in range(0x110000) if chr(c).isspace()]` under Python 3.11.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BLEU_COLUMNS, BleuStatistics, bleuDetails, bleuFromSums, closestRefLength } from '../../src/metrics/generation/bleu.js'
import { CHRF_COLUMNS, ChrfStatistics, chrfFromSums } from '../../src/metrics/generation/chrf.js'
import { exactMatch } from '../../src/metrics/generation/exactMatch.js'
import { codePoints, NgramIds } from '../../src/metrics/generation/ngrams.js'
import { isPySpace, pyCollapse, pyRemoveSpace, pyRstrip, pySplit, pyStrip } from '../../src/metrics/generation/pythonText.js'
import { f1Pair, normalizeAnswer, tokenF1 } from '../../src/metrics/generation/tokenF1.js'
import { tokenize13a, tokens13a } from '../../src/metrics/generation/tokenize13a.js'

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/generation/${name}`, import.meta.url), 'utf8'))

/** Python 3.11: [hex(c) for c in range(0x110000) if chr(c).isspace()] */
const PYTHON_SPACE = [0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]

describe("Python's whitespace", () => {
  it('is exactly the 29 code points of str.isspace()', () => {
    const found: number[] = []
    for (let c = 0; c < 0x10000; c++) if (isPySpace(c)) found.push(c)
    expect(found).toEqual(PYTHON_SPACE)
    // Every one of them splits, and nothing else of the BMP does (the BOM and JS-only \s stay in words).
    const all = String.fromCharCode(...PYTHON_SPACE)
    expect(pySplit(`a${all}b`)).toEqual(['a', 'b'])
    expect(pySplit('a\ufeffb')).toEqual(['a\ufeffb'])
  })
  it('splits, strips and collapses as Python does', () => {
    expect(pySplit('')).toEqual([])
    expect(pySplit('   ')).toEqual([])
    expect(pySplit(' a  b\u0085c ')).toEqual(['a', 'b', 'c'])
    expect(pyStrip('\u001f a b \u3000')).toBe('a b')
    expect(pyRstrip(' a \n')).toBe(' a')
    expect(pyCollapse(' a \t b\n')).toBe('a b')
    expect(pyRemoveSpace(' a b\u2028c ')).toBe('abc')
  })
  it('strips a long run of spaces in linear time', () => {
    const text = `x${' '.repeat(2_000_000)}y${' '.repeat(2_000_000)}`
    const t0 = performance.now()
    expect(pyRstrip(text).length).toBe(2_000_002)
    expect(pyStrip(text).length).toBe(2_000_002)
    expect(performance.now() - t0).toBeLessThan(1000)
  })
})

describe('13a tokenizer', () => {
  const cases = fixture('tokenize13a.json') as [string, string][]
  it.each(cases)('tokenizes %j as sacrebleu does', (input, expected) => {
    expect(tokenize13a(pyRstrip(input))).toBe(expected)
    // The tokens BLEU counts: the same text split on Python whitespace.
    expect(tokens13a(pyRstrip(input))).toEqual(expected === '' ? [] : expected.split(' '))
  })
  it('covers the hard cases it is meant to', () => {
    const inputs = cases.map((c) => c[0]).join('\n')
    for (const hard of ['&quot;', '&amp;quot;', '...', '3.50-4', "don't", '—', '😀', '1,000', '<skipped>', '-\n', '\u0085']) expect(inputs).toContain(hard)
  })
})

describe('n-gram ids', () => {
  it('gives equal n-grams equal ids and others different ones (the documented example)', () => {
    const ids = new NgramIds()
    const at = ids.all(Int32Array.of(97, 98, 97, 98), 2)
    expect(at).toEqual([0, 4, 7])
    expect([...ids.arena.subarray(0, 7)]).toEqual([1, 2, 1, 2, 3, 4, 3])
  })
  it('keeps ids exact when the table grows past its first capacity', () => {
    const ids = new NgramIds(4)
    const symbols = Int32Array.from({ length: 5000 }, (_, i) => i % 1000)
    const at = ids.all(symbols, 2)
    const uni = ids.arena.subarray(at[0], at[1])
    expect(new Set(uni).size).toBe(1000)
    expect(uni[0]).toBe(uni[1000])
    expect(ids.arena[at[1]]).toBe(ids.arena[at[1] + 1000])
  })
  it('reads code points, pairs joined', () => {
    expect([...codePoints('añ😀')]).toEqual([97, 241, 128512])
    expect([...codePoints('a\ud800b')]).toEqual([97, 0xd800, 98])
  })
})

describe('BLEU statistics and score', () => {
  const units = fixture('units.json') as { bleu: [string, string[], number[]][]; chrf: [string, string[], number[]][]; bleuScore: [number[], number][]; squad: [string, string][] }
  it.each(units.bleu)('has sacrebleu statistics for %j', (hyp, refs, expected) => {
    const out = [new Float64Array(BLEU_COLUMNS)]
    new BleuStatistics().example(refs, [hyp], out, 0)
    expect([...out[0]]).toEqual(expected)
  })
  it.each(units.bleuScore)('scores %j as compute_bleu does', (sums, expected) => {
    expect(bleuFromSums(sums)).toBe(expected)
  })
  it('uses the closest reference length, the shorter on a tie', () => {
    expect(closestRefLength(5, [3, 7, 6])).toBe(6)
    expect(closestRefLength(5, [6, 4])).toBe(4)
    expect(closestRefLength(5, [4, 6])).toBe(4)
    expect(bleuDetails([3, 5, 2, 1, 0, 0, 3, 2, 1, 0]).brevityPenalty).toBeCloseTo(Math.exp(1 - 5 / 3), 15)
  })
})

describe('chrF statistics and score', () => {
  const units = fixture('units.json') as { chrf: [string, string[], number[]][] }
  it.each(units.chrf)('has sacrebleu statistics (best reference) for %j', (hyp, refs, expected) => {
    const out = [new Float64Array(CHRF_COLUMNS)]
    new ChrfStatistics().example(refs, [hyp], out, 0)
    expect([...out[0]]).toEqual(expected)
  })
  it('is 100 for a perfect match and 0 with nothing in common', () => {
    expect(chrfFromSums([3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(100)
    expect(chrfFromSums([3, 3, 0, 2, 2, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0)
  })
})

describe('SQuAD v1.1 token F1 and exact match', () => {
  const units = fixture('units.json') as { squad: [string, string][] }
  it.each(units.squad)('normalizes %j as normalize_answer does', (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected)
  })
  it('scores token overlap as f1_score, max over references', () => {
    // "the cat sat" → [cat, sat]; "a cat sat on the mat" → [cat, sat, on, mat]: P = 1, R = 1/2, F1 = 2/3.
    expect(f1Pair('The cat sat.', 'a cat sat on the mat')).toBeCloseTo(2 / 3, 15)
    expect(tokenF1('The cat sat.', ['a dog', 'a cat sat on the mat', 'cat sat'])).toBe(1)
    expect(tokenF1('', ['a'])).toBe(0) // v1.1: no overlap, 0 (v2.0 would give 1 for two empty answers)
  })
  it('matches exactly after trimming Python whitespace only', () => {
    expect(exactMatch(' Paris\u0085', ['paris', 'Paris'])).toBe(true)
    expect(exactMatch('Paris', ['paris'])).toBe(false)
    expect(exactMatch('Paris\ufeff', ['Paris'])).toBe(false)
  })
})
