/**
 * The drafts store the clerk forms and the clerk home read: the unfinished
 * drafts come newest first, and a discarded draft is gone.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { deleteDatabase } from '../../../src/db'
import type { Draft } from '../../../src/clerk/model'
import { useDraftsStore } from '../../../src/stores/drafts'

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
})

const draft = (id: string, updatedAt: string): Draft => ({ id, kind: 'ledger', recordId: null, fields: { title: id }, pendingPhotos: [], updatedAt })

describe('clerk drafts', () => {
  it('lists the unfinished drafts newest first', async () => {
    const drafts = useDraftsStore()
    await drafts.save(draft('ledger:a', '2026-11-01T08:00:00.000Z'))
    await drafts.save(draft('ledger:b', '2026-11-03T08:00:00.000Z'))
    await drafts.save(draft('ledger:c', '2026-11-02T08:00:00.000Z'))
    expect((await drafts.unfinished()).map((d) => d.id)).toEqual(['ledger:b', 'ledger:c', 'ledger:a'])
  })

  it('brings a draft back, and forgets it once discarded', async () => {
    const drafts = useDraftsStore()
    await drafts.save(draft('ledger:a', '2026-11-01T08:00:00.000Z'))
    expect((await drafts.load('ledger:a'))?.fields).toEqual({ title: 'ledger:a' })
    await drafts.discard('ledger:a')
    expect(await drafts.load('ledger:a')).toBeUndefined()
    expect(await drafts.unfinished()).toEqual([])
  })
})
