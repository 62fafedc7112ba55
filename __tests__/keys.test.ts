import { describe, expect, it } from 'vitest'
import { readPredictions } from '../src/read/readPredictions.js'
import { keyFields } from '../src/read/keys.js'
import { DEFAULT_FIELDS, LabelDictionary } from '../src/read/predictionFile.js'

const enc = (text: string) => new TextEncoder().encode(text)
const read = (name: string, text: string, keys = keyFields({ sliceFields: ['lang'], clusterField: 'doc' })) =>
  readPredictions({ name, data: enc(text) }, { fields: DEFAULT_FIELDS, dictionary: new LabelDictionary(), requireId: true, keys })

describe('key fields (slice, repeat, cluster)', () => {
  it('reads each key as text, interned per file in first-seen order', async () => {
    const f = await read('c.jsonl', '{"id":1,"label":"a","prediction":"a","lang":"de","doc":7}\n{"id":2,"label":"a","prediction":"b","lang":"en","doc":7}\n{"id":3,"label":"b","prediction":"b","lang":"de","doc":true}\n')
    expect(f.keys?.map((k) => [k.field, k.values, [...k.codes]])).toEqual([
      ['lang', ['de', 'en'], [0, 1, 0]],
      ['doc', ['7', 'true'], [0, 0, 1]]
    ])
  })
  it('CSV cells are text as written; a missing header column stops at line 1', async () => {
    const f = await read('c.csv', 'id,label,prediction,lang,doc\n1,a,a,de,x\n2,a,b,fr,y\n')
    expect(f.keys?.[0].values).toEqual(['de', 'fr'])
    await expect(read('c.csv', 'id,label,prediction,lang\n1,a,a,de\n')).rejects.toThrow(/c\.csv:1.*"doc"/)
  })
  it('a row without a key field names file, line and field', async () => {
    await expect(read('c.jsonl', '{"id":1,"label":"a","prediction":"a","lang":"de","doc":1}\n\n{"id":2,"label":"a","prediction":"a","doc":1}\n')).rejects.toThrow(
      'c.jsonl:3: field "lang" is missing (the slice field): every row needs it'
    )
    await expect(read('c.jsonl', '{"id":1,"label":"a","prediction":"a","lang":"","doc":1}\n')).rejects.toThrow('c.jsonl:1: field "lang" is missing (the slice field)')
    await expect(read('c.jsonl', '{"id":1,"label":"a","prediction":"a","lang":["de"],"doc":1}\n')).rejects.toThrow(/c\.jsonl:1: field "lang" must be a string, number or boolean \(the slice field\), got/)
  })
  it('no key fields: no keys on the file', async () => {
    const f = await read('c.jsonl', '{"id":1,"label":"a","prediction":"a"}\n', [])
    expect(f.keys).toBeUndefined()
  })
})
