import { afterEach, describe, expect, it } from 'vitest'
import { commitRevision, deleteDatabase, pruneSource, readVillageLayer, replaceVillageLayer } from '../../../src/db'
import { canonicalDump } from '../../../src/clerk/canonical'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { baseFeed } from '../../support/feeds'
import { layer } from './fixtures'

afterEach(() => deleteDatabase())

function content(revision: number) {
  const r = validateFeed(baseFeed(revision))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, 'https://town.example/feed.json', 's')
}

describe('the township feed and the clerk layer never overwrite each other', () => {
  it('new township revisions (and pruning old ones) leave every clerk record in place', async () => {
    await replaceVillageLayer(layer())
    const before = await canonicalDump(await readVillageLayer())
    for (const revision of [1, 2, 3]) {
      const c = content(revision)
      if (revision === 3) c.checklist = [] // the township removed every item: ledger records stay
      await commitRevision({ sourceId: 's', revision, sha256: `sha${revision}`, content: c, assets: [], assetUrls: [] })
    }
    await pruneSource('s')
    expect(await canonicalDump(await readVillageLayer())).toBe(before)
  })
})

describe('records of removed township items', () => {
  it('are flagged when neither the township nor the village has the item, and only then', async () => {
    const { isOrphanRecord } = await import('../../../src/clerk/residentView')
    const township = [{ id: 'finance-monthly' }]
    const village = [{ id: 'village-item-1' }]
    expect(isOrphanRecord('finance-monthly', township, village)).toBe(false)
    expect(isOrphanRecord('village-item-1', township, village)).toBe(false)
    expect(isOrphanRecord('finance-monthly', [], village)).toBe(true)
  })
})
