/** SPEC §14 leakage: the hash, the hash set, the normalisation, the check on files, and the gate through compare(). */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { hash53, HashSet } from '../src/checks/hashSet.js'
import { leakageCheck, normalizeText } from '../src/checks/leakage.js'
import { compare } from '../src/compare/compare.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-leakage-')))
const file = (name: string, rows: object[]): { name: string; path: string } => {
  const p = path.join(dir, name)
  writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  return { name, path: p }
}

describe('hash53 (cyrb53) and the hash set', () => {
  it('gives the values of cyrb53\'s published examples (bryc/code, cyrb53.js README: "a", "b", "revenge", "revenue")', () => {
    expect(hash53('a')).toBe(7929297801672961)
    expect(hash53('b')).toBe(8684336938537663)
    expect(hash53('revenge')).toBe(4051478007546757)
    expect(hash53('revenue')).toBe(8309097637345594)
  })
  it('holds what a Set holds, through many doublings', () => {
    const set = new HashSet(16)
    const reference = new Set<number>()
    for (let i = 0; i < 100_000; i++) {
      const h = hash53(`row-${i % 70_000}`)
      set.add(h)
      reference.add(h)
    }
    expect(set.size).toBe(reference.size)
    expect(set.size).toBe(70_000)
    for (let i = 0; i < 80_000; i++) expect(set.has(hash53(`row-${i}`))).toBe(i < 70_000)
  })
})

describe('normalizeText', () => {
  it('equals Python\'s re.sub(r"\\s+", " ", unicodedata.normalize("NFKC", s).casefold()).strip() on these', () => {
    // python3 -c 'import unicodedata,re; print(re.sub(r"\s+"," ",unicodedata.normalize("NFKC",s).casefold()).strip())'
    expect(normalizeText('  Straße\u00a0 ＡＢ ')).toBe('strasse ab')
    expect(normalizeText('ﬁne  TUNING\tdone\n')).toBe('fine tuning done')
    expect(normalizeText('ΌΣΟΣ')).toBe('όσοσ')
    expect(normalizeText('Ǆemal ＩＳ  here')).toBe('džemal is here')
  })
})

describe('leakageCheck', () => {
  const train = file('train.jsonl', [
    { id: 't1', text: 'The  Quick brown fox' },
    { id: 'x9', text: 'ﬁne tuning' },
    { id: 't3', text: 'something else' }
  ])
  const test = file('test.jsonl', [
    { id: 'x9', text: 'unrelated', label: 'a', prediction: 'a' },
    { id: 'q2', text: 'the quick BROWN fox', label: 'a', prediction: 'b' },
    { id: 'q3', text: 'new text', label: 'b', prediction: 'b' },
    { id: 'q4', text: 'FINE   tuning ', label: 'b', prediction: 'a' }
  ])
  it('counts test examples whose id or normalised text is in the training file, and names them', async () => {
    const l = await leakageCheck({ train, test, rows: null, idField: 'id', textField: 'text' })
    expect(l).toEqual({ trainRows: 3, tested: 4, byId: 1, byText: 2, examples: 3, firstIds: ['x9', 'q2', 'q4'], textField: 'text' })
    const ids = await leakageCheck({ train, test, rows: null, idField: 'id', textField: null })
    expect(ids).toMatchObject({ byId: 1, byText: null, examples: 1, firstIds: ['x9'] })
  })
  it('checks only the compared rows when given', async () => {
    const l = await leakageCheck({ train, test, rows: Uint32Array.of(2, 3), idField: 'id', textField: 'text' })
    expect(l).toMatchObject({ tested: 2, examples: 1, firstIds: ['q4'] })
  })
  it('a training row without the text field names file, line and field', async () => {
    const bad = file('bad-train.jsonl', [{ id: 1, text: 'a' }, { id: 2 }])
    await expect(leakageCheck({ train: bad, test, rows: null, idField: 'id', textField: 'text' })).rejects.toThrow('bad-train.jsonl:2: field "text" is missing')
  })
  it('through compare(): the report\'s leakage, the metric, a warning, and the gate leakage <= 0', async () => {
    const report = await compare({
      candidate: test,
      baseline: null,
      fields: DEFAULT_FIELDS,
      task: 'multiclass',
      train,
      textField: 'text',
      gates: 'leakage <= 0; accuracy >= 0.1',
      alpha: 0.05,
      resamples: 200,
      seed: 0,
      missingBaseline: 'skip'
    })
    expect(report.leakage).toMatchObject({ examples: 3, byId: 1, byText: 2 })
    expect(report.metrics.leakage).toMatchObject({ candidate: 3, direction: 'lower' })
    expect(report.gates.map((g) => [g.rule, g.status])).toEqual([
      ['leakage <= 0', 'fail'],
      ['accuracy >= 0.1', 'pass']
    ])
    expect(report.passed).toBe(false)
    expect(report.warnings.some((w) => w.startsWith('Leakage: 3 of 4 test examples also occur in the training file'))).toBe(true)
  })
})
