/**
 * The clerk layer's storage: village checklist items, the ledger, local
 * notices, photos, drafts and the upload outbox. Kept apart from the township
 * feed's stores, so a feed revision never touches a clerk record and a clerk
 * save never touches the feed.
 *
 * A save is one transaction: the record, its new photos, its outbox entry, the
 * undo note, and deleting the draft it came from. Import replaces the layer in
 * one transaction too. Any error aborts the whole transaction.
 */
import { getDb } from './connection'
import type { Draft, LedgerRecord, LocalNotice, PhotoRecord, RecordKind, VillageItem, VillageLayer, ClerkRecord } from '../clerk/model'
import { STORE_OF } from '../clerk/storeNames'
import type { OutboxEntry, UploadAck } from '../clerk/outbox'

export const CLERK_KV = {
  /** before version 3 of the app: the kiosk-set PIN hash alone (read, never written) */
  pinHash: 'clerk.pinHash',
  /** { hash: kiosk-set PIN hash or null, lock: LockState } — the record the PIN check needs, with a copy of the lock */
  pin: 'clerk.pin',
  lock: 'clerk.lock',
  undo: 'clerk.undo',
} as const

/** What undo puts back: the record as it was before the last save (null: it did not exist). */
export interface UndoNote {
  kind: RecordKind
  recordId: string
  before: ClerkRecord | null
  at: string
}

type Row = { id: string } & Record<string, unknown>
const row = (r: unknown) => r as Row

export interface ClerkRecords {
  items: VillageItem[]
  ledger: LedgerRecord[]
  notices: LocalNotice[]
}

export async function readClerkRecords(): Promise<ClerkRecords> {
  const db = await getDb()
  const tx = db.transaction(['clerkItems', 'ledger', 'localNotices'], 'readonly')
  const [items, ledger, notices] = await Promise.all([tx.objectStore('clerkItems').getAll(), tx.objectStore('ledger').getAll(), tx.objectStore('localNotices').getAll()])
  await tx.done
  return { items: items as unknown as VillageItem[], ledger: ledger as unknown as LedgerRecord[], notices: notices as unknown as LocalNotice[] }
}

/** Everything, photos included, read in one transaction (export, canonical dump). */
export async function readVillageLayer(): Promise<VillageLayer> {
  const db = await getDb()
  const tx = db.transaction(['clerkItems', 'ledger', 'localNotices', 'photos'], 'readonly')
  const [items, ledger, notices, photos] = await Promise.all([
    tx.objectStore('clerkItems').getAll(),
    tx.objectStore('ledger').getAll(),
    tx.objectStore('localNotices').getAll(),
    tx.objectStore('photos').getAll(),
  ])
  await tx.done
  return { items: items as unknown as VillageItem[], ledger: ledger as unknown as LedgerRecord[], notices: notices as unknown as LocalNotice[], photos: photos as unknown as PhotoRecord[] }
}

export async function getPhoto(id: string): Promise<PhotoRecord | undefined> {
  return (await (await getDb()).get('photos', id)) as PhotoRecord | undefined
}

export async function getDraft(id: string): Promise<Draft | undefined> {
  return (await (await getDb()).get('drafts', id)) as unknown as Draft | undefined
}

export async function listDrafts(): Promise<Draft[]> {
  return (await (await getDb()).getAll('drafts')) as unknown as Draft[]
}

export async function putDraft(draft: Draft): Promise<void> {
  await (await getDb()).put('drafts', row(draft))
}

export async function deleteDraft(id: string): Promise<void> {
  await (await getDb()).delete('drafts', id)
}

export interface SaveInput {
  kind: RecordKind
  record: ClerkRecord
  /** photos new with this save */
  photos?: PhotoRecord[]
  /** queued for upload when an upload URL is configured */
  outbox?: OutboxEntry | null
  /** the draft this save came from: deleted with it */
  draftId?: string | null
  /** the record before this save, for undo (null: new record) */
  before: ClerkRecord | null
  now?: Date
}

/** Writes a record with everything that belongs to it, all or nothing. */
export async function saveClerkRecord(input: SaveInput): Promise<void> {
  const db = await getDb()
  const store = STORE_OF[input.kind]
  // strict: a clerk's saved record is on disk before the screen says it is saved
  const tx = db.transaction([store, 'photos', 'outbox', 'drafts', 'kv'], 'readwrite', { durability: 'strict' })
  const undo: UndoNote = { kind: input.kind, recordId: input.record.id, before: input.before, at: (input.now ?? new Date()).toISOString() }
  await allOrAbort(tx, (add) => {
    add(tx.objectStore(store).put(row(input.record) as never))
    for (const p of input.photos ?? []) add(tx.objectStore('photos').put({ ...p }))
    if (input.outbox) add(tx.objectStore('outbox').put(row(input.outbox)))
    if (input.draftId) add(tx.objectStore('drafts').delete(input.draftId))
    add(tx.objectStore('kv').put(undo, CLERK_KV.undo))
  })
}

/**
 * Runs the requests `queue` makes in one transaction and waits for it to
 * commit. The first error (a request failing, or a put throwing at once)
 * aborts the transaction and is rethrown; the rest are expected and ignored.
 */
async function allOrAbort(tx: { abort(): void; done: Promise<void> }, queue: (add: (p: Promise<unknown>) => void) => void): Promise<void> {
  const work: Promise<unknown>[] = []
  const add = (p: Promise<unknown>) => {
    p.catch(() => {})
    work.push(p)
  }
  add(tx.done)
  try {
    queue(add)
    await Promise.all(work)
  } catch (e) {
    abortQuietly(tx)
    throw e
  }
}

function abortQuietly(tx: { abort(): void }) {
  try {
    tx.abort()
  } catch {
    // already finished or aborted
  }
}

export async function getUndoNote(): Promise<UndoNote | null> {
  return ((await (await getDb()).get('kv', CLERK_KV.undo)) as UndoNote | undefined) ?? null
}

/**
 * Puts back the record as it was before the last save (or removes a record the
 * last save created), in one transaction; photos stay (other versions may use them).
 */
export async function applyUndo(note: UndoNote, outbox: OutboxEntry | null): Promise<void> {
  const db = await getDb()
  const store = STORE_OF[note.kind]
  const tx = db.transaction([store, 'outbox', 'kv'], 'readwrite')
  await allOrAbort(tx, (add) => {
    add(note.before ? tx.objectStore(store).put(row(note.before) as never) : tx.objectStore(store).delete(note.recordId))
    if (outbox) add(tx.objectStore('outbox').put(row(outbox)))
    add(tx.objectStore('kv').delete(CLERK_KV.undo))
  })
}

/** Import: the stored layer becomes exactly this one, in one transaction. Drafts and the outbox stay. */
export async function replaceVillageLayer(layer: VillageLayer): Promise<void> {
  const db = await getDb()
  const tx = db.transaction(['clerkItems', 'ledger', 'localNotices', 'photos', 'kv'], 'readwrite', { durability: 'strict' })
  await allOrAbort(tx, (add) => {
    // requests in one transaction run in order: the clears finish before the puts
    for (const name of ['clerkItems', 'ledger', 'localNotices', 'photos'] as const) add(tx.objectStore(name).clear())
    for (const r of layer.items) add(tx.objectStore('clerkItems').put(row(r)))
    for (const r of layer.ledger) add(tx.objectStore('ledger').put(row(r) as never))
    for (const r of layer.notices) add(tx.objectStore('localNotices').put(row(r)))
    for (const p of layer.photos) add(tx.objectStore('photos').put({ ...p }))
    add(tx.objectStore('kv').delete(CLERK_KV.undo))
  })
}

export async function listOutbox(): Promise<OutboxEntry[]> {
  return (await (await getDb()).getAll('outbox')) as unknown as OutboxEntry[]
}

/**
 * After a delivery attempt: drop the entry and keep the console's
 * acknowledgement, or reschedule it — unless a newer save replaced it meanwhile
 * (the acknowledgement of the older version is kept all the same).
 */
export async function settleOutboxEntry(sent: OutboxEntry, retry: OutboxEntry | null, ack?: UploadAck): Promise<void> {
  const db = await getDb()
  const tx = db.transaction(['outbox', 'uploads'], 'readwrite', { durability: 'strict' })
  const outbox = tx.objectStore('outbox')
  const current = (await outbox.get(sent.id)) as unknown as OutboxEntry | undefined
  if (current && current.version === sent.version && current.body === sent.body) {
    if (retry) await outbox.put(row(retry))
    else await outbox.delete(sent.id)
  }
  if (ack) {
    const uploads = tx.objectStore('uploads')
    const before = (await uploads.get(ack.id)) as unknown as UploadAck | undefined
    if (!before || before.version < ack.version) await uploads.put(row(ack))
  }
  await tx.done
}

export async function listUploadAcks(): Promise<UploadAck[]> {
  return (await (await getDb()).getAll('uploads')) as unknown as UploadAck[]
}

/** Queues entries for records that have none (rebuilding the queue); an entry queued meanwhile is left as it is. */
export async function queueOutboxEntries(entries: OutboxEntry[]): Promise<void> {
  if (!entries.length) return
  const db = await getDb()
  const tx = db.transaction('outbox', 'readwrite')
  for (const e of entries) if (!(await tx.store.getKey(e.id))) await tx.store.put(row(e))
  await tx.done
}
