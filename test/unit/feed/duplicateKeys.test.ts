/** Issue 18 §12: a feed with a key twice is refused, wherever the key is and however it is spelt. */
import { describe, expect, it } from 'vitest'
import { findDuplicateKey } from '../../../src/feed/duplicateKeys'
import { parseFeedText } from '../../../src/feed/validate'
import { baseFeed } from '../../support/feeds'

describe('duplicate JSON keys', () => {
  it('finds them at any depth, with the path', () => {
    expect(findDuplicateKey('{"a":1,"b":2}')).toBeNull()
    expect(findDuplicateKey('{"a":1,"a":2}')).toBe('a')
    expect(findDuplicateKey('{"x":{"r":1,"s":[{"k":"a,\\"b"},{"k":1,"k":2}]}}')).toBe('x.s[1].k')
    expect(findDuplicateKey('{"a":1,"\\u0061":2}')).toBe('a')
    // keys of sibling objects are not duplicates; strings holding braces and quotes are skipped
    expect(findDuplicateKey('[{"a":"}{\\\\"},{"a":"\\"a\\":"}]')).toBeNull()
    // an object's first keys and its later ones are held differently (a list, then a set): a repeat across the two is found
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `"k${i}":${i}`)
    expect(findDuplicateKey(`{${keys(40).join(',')}}`)).toBeNull()
    expect(findDuplicateKey(`{${[...keys(30), '"k3":0'].join(',')}}`)).toBe('k3')
    expect(findDuplicateKey(`{${[...keys(16), '"k15":0'].join(',')}}`)).toBe('k15')
  })

  it('gives the same answer when it counts first against what JSON.parse made', () => {
    const cases = [
      '{"a":1,"b":2}',
      '{"a":1,"a":2}',
      '{"x":{"r":1,"s":[{"k":"a,\\"b:"},{"k":1,"k":2}]}}',
      '{"a":1,"\\u0061":2}',
      '[{"a":"}{\\\\"},{"a":"\\"a\\":"}]',
      '{"__proto__":{"a":1},"__proto__":2}',
      '{"t":"a:b:c","u":[":",{"v":":"}]}',
      '{"t":"a:b","t":"c"}',
      '{"a":[1],"a":[2]}',
      '5',
      '"a:b"',
    ]
    for (const text of cases) expect(findDuplicateKey(text, JSON.parse(text)), text).toBe(findDuplicateKey(text))
    expect(findDuplicateKey('{"t":"a:b","t":"c"}', JSON.parse('{"t":"a:b","t":"c"}'))).toBe('t')
    const feed = JSON.stringify(baseFeed(6))
    expect(findDuplicateKey(feed, JSON.parse(feed))).toBeNull()
    const twice = feed.replace('"revision":6', '"revision":6,"revision":7')
    expect(findDuplicateKey(twice, JSON.parse(twice))).toBe('_gongkai.revision')
  })

  it('refuses a feed with revision or items twice', () => {
    const good = JSON.stringify(baseFeed(6))
    expect(parseFeedText(good).ok).toBe(true)
    const twice = good.replace('"revision":6', '"revision":6,"revision":7')
    const r = parseFeedText(twice)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'duplicate_key', path: '_gongkai.revision' })
    const items = parseFeedText(good.replace(/^\{/, '{"items":[],'))
    expect(!items.ok && items.errors[0]!.code).toBe('duplicate_key')
  })

  it('copes with deep nesting and many keys (no recursion, no stack overflow)', () => {
    const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    const wide = `{${Array.from({ length: 50_000 }, (_, i) => `"k${i}":"${'v'.repeat(20)}"`).join(',')}}`
    expect(findDuplicateKey(deep)).toBeNull()
    expect(findDuplicateKey(deep, JSON.parse(deep))).toBeNull()
    expect(findDuplicateKey(wide)).toBeNull()
    expect(findDuplicateKey(wide.replace(/\}$/, ',"k49999":1}'))).toBe('k49999')
  })
})
