import { describe, expect, it } from 'vitest'
import { InputError } from '../src/common/errors.js'
import { hashId, IdIndex } from '../src/pair/idIndex.js'
import { checkUniqueIds, pairByIds, sameLabel } from '../src/pair/pairByIds.js'
import { LabelDictionary, type PredictionFile } from '../src/read/predictionFile.js'

const dict = new LabelDictionary()
function file(name: string, rows: [string, string, string][], idField = 'id'): PredictionFile {
  return {
    name,
    idField,
    n: rows.length,
    ids: rows.map((r) => r[0]),
    line: Uint32Array.from(rows, (_, i) => i + 1),
    truth: Uint32Array.from(rows, (r) => dict.code(r[1])),
    pred: Uint32Array.from(rows, (r) => dict.code(r[2])),
    score: null,
    scores: null
  }
}

describe('pairByIds (SPEC §4)', () => {
  it('pairs files in the same order without a map', () => {
    const c = file('c.jsonl', [['1', 'a', 'a'], ['2', 'b', 'a'], ['10', 'a', 'b']])
    const b = file('b.jsonl', [['1', 'a', 'b'], ['2', 'b', 'b'], ['10', 'a', 'a']])
    const p = pairByIds(c, b, sameLabel(c, b))
    expect(p.n).toBe(3)
    expect([...p.cand]).toEqual([0, 1, 2])
    expect([...p.base]).toEqual([0, 1, 2])
  })
  it('pairs shuffled files, counts one-sided examples and label conflicts, names the first ids', () => {
    const c = file('c.jsonl', [['x1', 'a', 'a'], ['x2', 'b', 'a'], ['x3', 'a', 'b'], ['x4', 'a', 'a'], ['only-c', 'a', 'a']])
    const b = file('b.jsonl', [['x3', 'a', 'a'], ['x1', 'a', 'b'], ['only-b', 'b', 'b'], ['x2', 'a', 'b'], ['x4', 'a', 'a']])
    const p = pairByIds(c, b, sameLabel(c, b))
    expect(p.n).toBe(3)
    expect([...p.cand]).toEqual([0, 2, 3])
    expect([...p.base]).toEqual([1, 0, 4])
    expect(p).toMatchObject({ candidateOnly: 1, baselineOnly: 1, labelConflicts: 1, candidateOnlyIds: ['only-c'], baselineOnlyIds: ['only-b'], conflictIds: ['x2'] })
  })
  it('names both lines of a duplicate id in either file', () => {
    const c = file('c.jsonl', [['x1', 'a', 'a'], ['x2', 'a', 'a'], ['x1', 'a', 'a']])
    const b = file('b.jsonl', [['x1', 'a', 'a'], ['x2', 'a', 'a']])
    expect(() => pairByIds(c, b, sameLabel(c, b))).toThrow(new InputError('c.jsonl', 3, 'id', 'repeats the id "x1" of line 1'))
    expect(() => pairByIds(b, c, sameLabel(b, c))).toThrow('c.jsonl:3: field "id" repeats the id "x1" of line 1')
    const onlyC = file('c.jsonl', [['y', 'a', 'a'], ['y', 'a', 'a']])
    expect(() => pairByIds(onlyC, b, sameLabel(onlyC, b))).toThrow('c.jsonl:2: field "id" repeats the id "y" of line 1')
  })
  it('does not take equal-looking ids in increasing order for unique ("01" and "1" are different ids)', () => {
    const c = file('c.jsonl', [['1', 'a', 'a'], ['01', 'a', 'a']])
    expect(() => checkUniqueIds(c)).not.toThrow()
    const d = file('d.jsonl', [['1', 'a', 'a'], ['2', 'a', 'a'], ['1', 'a', 'a']])
    expect(() => checkUniqueIds(d)).toThrow('d.jsonl:3: field "id" repeats the id "1" of line 1')
    // The message names the id field as the user named it, and quotes a hostile id on one line, cut.
    const named = file('e.jsonl', [['a\n::error::x' + 'y'.repeat(200), 'ham', 'ham'], ['b', 'ham', 'ham'], ['a\n::error::x' + 'y'.repeat(200), 'ham', 'ham']], 'example_id')
    expect(() => checkUniqueIds(named)).toThrow(/^e\.jsonl:3: field "example_id" repeats the id "a\\n::error::xy{68}"… of line 1$/)
  })
  it('pairs integer ids of one file with the same ids as text in the other', () => {
    const c = { ...file('c.jsonl', [['17', 'a', 'a'], ['3', 'a', 'b']]), ids: Float64Array.of(17, 3) }
    const b = file('b.csv', [['3', 'a', 'a'], ['17', 'a', 'a'], ['4', 'a', 'a']])
    const p = pairByIds(c, b, sameLabel(c, b))
    expect([...p.cand]).toEqual([0, 1])
    expect([...p.base]).toEqual([1, 0])
    expect(p.baselineOnlyIds).toEqual(['4'])
    const d = { ...file('d.jsonl', [['1', 'a', 'a'], ['2', 'a', 'a'], ['1', 'a', 'a']]), ids: Float64Array.of(1, 2, 1) }
    expect(() => checkUniqueIds(d)).toThrow('d.jsonl:3: field "id" repeats the id "1" of line 1')
  })
  it('pairs the same ids in the same (not increasing) order in place, and still finds a repeat, in the baseline as the general path does', () => {
    const ids = ['ex-2', 'ex-10', 'ex-1']
    const c = file('c.jsonl', ids.map((id) => [id, 'a', 'a']))
    const b = file('b.jsonl', ids.map((id) => [id, 'a', 'b']))
    const p = pairByIds(c, b, sameLabel(c, b))
    expect([p.n, [...p.cand], [...p.base]]).toEqual([3, [0, 1, 2], [0, 1, 2]])
    const rc = file('c.jsonl', [['ex-2', 'a', 'a'], ['ex-1', 'a', 'a'], ['ex-2', 'a', 'a']])
    const rb = { ...file('b.jsonl', [['ex-2', 'a', 'a'], ['ex-1', 'a', 'a'], ['ex-2', 'a', 'a']]), line: Uint32Array.of(5, 6, 7) }
    expect(() => pairByIds(rc, rb, sameLabel(rc, rb))).toThrow('b.jsonl:7: field "id" repeats the id "ex-2" of line 5')
  })
  it('IdIndex: finds every id of 100,000, misses others, and takes -0 and 0 for one id as a Map does', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `ex-${i}`)
    const index = new IdIndex(ids, () => {
      throw new Error('no repeat here')
    })
    expect(ids.every((id, i) => index.get(id) === i)).toBe(true)
    expect([index.get('ex-100000'), index.get('ex-'), index.get('')]).toEqual([-1, -1, -1])
    expect(() => new IdIndex(Float64Array.of(3, 0, -0), (first, second) => { throw new Error(`${first} ${second}`) })).toThrow('1 2')
    expect(new Map([[0, 1]]).get(-0)).toBe(1)
    expect(hashId('ex-1')).toBe(hashId(['ex', '1'].join('-')))
    expect(hashId(0)).toBe(hashId(-0))
  })
  it('asks for ids when a file has none', () => {
    const c = { ...file('c.csv', [['1', 'a', 'a']]), ids: null }
    const b = file('b.csv', [['1', 'a', 'a']])
    expect(() => pairByIds(c, b, sameLabel(c, b))).toThrow(/c\.csv:1: has no ids/)
  })
})
