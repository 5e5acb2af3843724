// @vitest-environment jsdom
/**
 * The clerk records store: a save sets version and times and shows at once;
 * saving again bumps the version; undo puts the record back as it was.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { deleteDatabase, readClerkRecords } from '../../../src/db'
import { useClerkRecordsStore } from '../../../src/stores/clerkRecords'
import { item } from '../clerk/fixtures'

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
})

const unsaved = (title: string) => {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = item('village-item-1', { title })
  return rest
}

describe('clerk records', () => {
  it('saves a village item, lists it as the village’s own, and counts versions', async () => {
    const records = useClerkRecordsStore()
    await records.loadRecords()
    const first = await records.save('item', unsaved('村级水费收支'))
    expect(first.version).toBe(1)
    expect(records.itemById('village-item-1')).toMatchObject({ origin: 'village', retired: false })
    const second = await records.save('item', unsaved('村级水费收支（修订）'))
    expect(second.version).toBe(2)
    expect(second.createdAt).toBe(first.createdAt)
    expect((await readClerkRecords()).items[0]?.title).toBe('村级水费收支（修订）')
  })

  it('undo restores the record before the last save', async () => {
    const records = useClerkRecordsStore()
    await records.loadRecords()
    await records.save('item', unsaved('旧标题'))
    await records.save('item', unsaved('新标题'))
    await records.undo()
    expect(records.records.items[0]?.title).toBe('旧标题')
    expect((await readClerkRecords()).items[0]?.title).toBe('旧标题')
  })
})
