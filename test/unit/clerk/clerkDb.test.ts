import { afterEach, describe, expect, it } from 'vitest'
import { applyUndo, deleteDatabase, getDraft, getUndoNote, listOutbox, putDraft, readVillageLayer, replaceVillageLayer, saveClerkRecord } from '../../../src/db'
import { canonicalDump } from '../../../src/clerk/canonical'
import { outboxEntryFor, type OutboxEntry } from '../../../src/clerk/outbox'
import type { Draft } from '../../../src/clerk/model'
import { item, layer, ledger, photo } from './fixtures'

afterEach(() => deleteDatabase())

const draft = (over: Partial<Draft> = {}): Draft => ({ id: 'ledger:new', kind: 'ledger', recordId: null, fields: { reviewer: '李' }, pendingPhotos: [photo('photo-1')], updatedAt: '2026-11-27T01:00:00.000Z', ...over })

describe('saving a clerk record is one transaction', () => {
  it('writes the record, its photos and outbox entry, and deletes its draft together', async () => {
    await putDraft(draft())
    const rec = ledger()
    await saveClerkRecord({ kind: 'ledger', record: rec, photos: [photo()], outbox: outboxEntryFor('ledger', rec, new Date()), draftId: 'ledger:new', before: null })
    const l = await readVillageLayer()
    expect(l.ledger.map((r) => r.id)).toEqual(['ledger-1'])
    expect(l.photos.map((p) => p.id)).toEqual(['photo-1'])
    expect(await l.photos[0]!.blob.arrayBuffer()).toEqual(await photo().blob.arrayBuffer())
    expect((await listOutbox()).map((e) => e.id)).toEqual(['ledger:ledger-1'])
    expect(await getDraft('ledger:new')).toBeUndefined()
  })

  it('a failure anywhere leaves nothing half-written and the draft in place', async () => {
    await putDraft(draft())
    const broken = { ...outboxEntryFor('ledger', ledger(), new Date()), id: undefined } as unknown as OutboxEntry
    await expect(saveClerkRecord({ kind: 'ledger', record: ledger(), photos: [photo()], outbox: broken, draftId: 'ledger:new', before: null })).rejects.toThrow()
    const l = await readVillageLayer()
    expect(l.ledger).toEqual([])
    expect(l.photos).toEqual([])
    expect(await listOutbox()).toEqual([])
    expect((await getDraft('ledger:new'))?.fields).toEqual({ reviewer: '李' })
    expect(await getUndoNote()).toBeNull()
  })

  it('undo puts back the previous version, or removes a new record', async () => {
    const v1 = item()
    await saveClerkRecord({ kind: 'item', record: v1, before: null })
    const v2 = { ...v1, title: '改过的标题', version: 2 }
    await saveClerkRecord({ kind: 'item', record: v2, before: v1 })
    await applyUndo((await getUndoNote())!, null)
    expect((await readVillageLayer()).items).toEqual([v1])
    expect(await getUndoNote()).toBeNull()

    await saveClerkRecord({ kind: 'ledger', record: ledger(), before: null })
    await applyUndo((await getUndoNote())!, null)
    expect((await readVillageLayer()).ledger).toEqual([])
  })
})

describe('import replaces the layer in one transaction', () => {
  it('stores exactly the imported layer', async () => {
    await saveClerkRecord({ kind: 'item', record: item('old-item'), before: null })
    await replaceVillageLayer(layer())
    expect(await canonicalDump(await readVillageLayer())).toBe(await canonicalDump(layer()))
  })

  it('a failing write keeps the old layer whole', async () => {
    await replaceVillageLayer(layer())
    const before = await canonicalDump(await readVillageLayer())
    const bad = layer()
    bad.notices.push({ ...bad.notices[0]!, id: undefined as unknown as string })
    await expect(replaceVillageLayer(bad)).rejects.toThrow()
    expect(await canonicalDump(await readVillageLayer())).toBe(before)
  })

  it('keeps drafts (typing in progress is never lost to an import)', async () => {
    await putDraft(draft())
    await replaceVillageLayer(layer())
    expect(await getDraft('ledger:new')).toBeDefined()
  })
})
