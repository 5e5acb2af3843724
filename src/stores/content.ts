/**
 * The live content of every feed source, read from IndexedDB. Views read it;
 * only the sync store tells it to reload, after a revision went live.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef, triggerRef } from 'vue'
import { getLiveContentSliced, getNotice, getNoticesOfChunk, readClerkRecords, type NoticeRecord, type RevisionRecord } from '../db'
import { residentLayer, VILLAGE_SOURCE } from '../clerk/residentView'
import type { ChecklistItem } from '../feed/types'
import { noticeSummary, type NoticeSummary } from '../notice/summary'
import { EMPTY_TABLE, joinTables, rowOf, tableOf, type NoticeTable } from '../notice/noticeTable'
import { allRows, categoriesOf, keepSame, openRows, rowAt } from '../notice/noticeRows'
import { useClockStore } from './clock'

/** A source's live content: its record, and of its notices only their summaries, in a table (bodies are read when one opens: readNotice). */
export interface SourceContent {
  record: RevisionRecord
  notices: NoticeTable
}

/** the start-up read and a reload keep the summaries only, in a table, as the sync worker's hand-over does (syncWorkerClient.ts) */
async function readLive(sourceId: string, o: { onRecord?: (record: RevisionRecord) => void } = {}): Promise<SourceContent | null> {
  const c = await getLiveContentSliced(sourceId, { ...o, map: (n: NoticeRecord, chunk: number) => noticeSummary(n, chunk) })
  return c && { record: c.record, notices: tableOf(c.notices) }
}

export const useContentStore = defineStore('content', () => {
  const clock = useClockStore()
  /** live content per source id */
  const bySource = shallowRef(new Map<string, SourceContent>())
  /** the village the resident is looking at */
  const activeSourceId = shallowRef<string | null>(null)
  /** true once stored content has been read at start, whether or not there was any */
  const loaded = shallowRef(false)
  /** the village's own layer (clerk mode): local notices (few, held whole) and checklist items, shown beside the township's */
  const villageLayer = shallowRef<{ notices: NoticeRecord[]; checklist: ChecklistItem[] }>({ notices: [], checklist: [] })

  const active = computed(() => (activeSourceId.value ? bySource.value.get(activeSourceId.value) : undefined) ?? bySource.value.values().next().value)
  const record = computed(() => active.value?.record ?? null)
  const village = computed(() => record.value?.village ?? null)
  const categories = computed(() => record.value?.categories ?? [])
  const checklist = computed(() => [...(record.value?.checklist ?? []), ...villageLayer.value.checklist])
  const handbook = computed(() => record.value?.handbook ?? null)
  /** the notices shown: the township's, then the village's own (a table of them: notice/noticeTable.ts) */
  const table = computed<NoticeTable>(() => {
    const own = active.value?.notices ?? EMPTY_TABLE
    return villageLayer.value.notices.length ? joinTables([own, tableOf(villageLayer.value.notices)]) : own
  })
  /** the open notices, in board order; the same list while the same notices are open (a minute turning changes no card) */
  const board = computed<NoticeSummary[]>((previous) => keepSame(previous, openRows(table.value, clock.minute)))
  /** the categories with a notice on the board (its tabs), in one pass over it */
  const boardCategories = computed(() => categoriesOf(board.value))

  function categoryTitle(id: string): string {
    return categories.value.find((c) => c.id === id)?.title ?? id
  }

  /**
   * The notice with this id, the township's before the village layer's. A scan of the table's ids: on 10,000
   * notices it takes well under a millisecond, while an id map held ≈ 0.23 MB for the whole day and took ≈ 17 ms at 4× CPU to build.
   */
  function noticeById(id: string): NoticeSummary | undefined {
    const r = rowOf(table.value, id)
    return r === -1 ? undefined : rowAt(table.value, r)
  }

  /** Every notice shown, as a list made for the caller (not held here: 10,000 of them are ≈ 0.2 MB). */
  function allNotices(): NoticeSummary[] {
    return allRows(table.value)
  }

  /**
   * A notice whole, for its screen: the village layer's from memory, a township notice from its revision's
   * chunk in IndexedDB. Undefined when that revision is no longer stored (a newer one went live and the
   * summary the caller had is out of date) or does not hold it.
   */
  async function readNotice(s: NoticeSummary): Promise<NoticeRecord | undefined> {
    return peekNotice(s) ?? getNotice(s.sourceId, s.revision, s.id, s.chunk)
  }

  /** bodies read ahead (readAhead), by source, revision and id: a summary of another revision never matches */
  let readAheadBodies = new Map<string, NoticeRecord>()
  const bodyKey = (s: Pick<NoticeSummary, 'sourceId' | 'revision' | 'id'>) => `${s.sourceId}\u0000${s.revision}\u0000${s.id}`
  let readsAhead = 0

  /** The notice whole if it is at hand (the village's own, or read ahead), without waiting for IndexedDB. */
  function peekNotice(s: NoticeSummary): NoticeRecord | undefined {
    if (s.sourceId === VILLAGE_SOURCE && s.origin === 'village') return villageLayer.value.notices.find((n) => n.id === s.id)
    return readAheadBodies.get(bodyKey(s))
  }

  /**
   * Reads ahead the bodies of the notices a resident is likeliest to open (the board's first screenful, at idle:
   * perf/bodiesAhead.ts), one read per chunk, so a first tap on one of them shows it whole in its first frame
   * instead of a frame later. Only these are kept (a few dozen KB), replacing what was read ahead before.
   */
  async function readAhead(list: readonly NoticeSummary[]): Promise<void> {
    const read = ++readsAhead
    const byChunk = new Map<string, { s: NoticeSummary; ids: Set<string> }>()
    for (const s of list) {
      if (s.chunk === undefined || (s.sourceId === VILLAGE_SOURCE && s.origin === 'village')) continue
      const k = `${s.sourceId}\u0000${s.revision}\u0000${s.chunk}`
      const g = byChunk.get(k) ?? { s, ids: new Set<string>() }
      g.ids.add(s.id)
      byChunk.set(k, g)
    }
    const next = new Map<string, NoticeRecord>()
    for (const { s, ids } of byChunk.values()) {
      for (const n of await getNoticesOfChunk(s.sourceId, s.revision, s.chunk!, ids)) next.set(bodyKey(n), n)
      // a newer read ahead (another revision went live) replaces this one
      if (read !== readsAhead) return
    }
    readAheadBodies = next
  }

  /** A source's live notices whole (search builds its index from them when none was stored with the revision). */
  async function readWholeNotices(sourceId: string): Promise<NoticeRecord[]> {
    return (await getLiveContentSliced(sourceId))?.notices ?? []
  }

  /** how often each source's content was set by setLive: a slower read started before must not replace what it set */
  const liveSets = new Map<string, number>()

  /** Reads one source's live content again (when the worker's hand-over did not arrive whole); the others and the village layer stay as they are. */
  async function reload(sourceId: string) {
    setLive(sourceId, await readLive(sourceId))
  }

  /** Shows a source's live content, as the sync worker handed it over (no re-read) or as read; the others and the village layer stay as they are. */
  function setLive(sourceId: string, c: SourceContent | null) {
    liveSets.set(sourceId, (liveSets.get(sourceId) ?? 0) + 1)
    if (c) bySource.value.set(sourceId, c)
    else bySource.value.delete(sourceId)
    triggerRef(bySource)
    if (!activeSourceId.value || !bySource.value.has(activeSourceId.value)) activeSourceId.value = c ? sourceId : (bySource.value.keys().next().value ?? null)
  }

  /** At start, before the app mounts: the live records read early (src/bootRead.ts) show at once; loadAll reads the notices. */
  function showRecords(records: readonly { sourceId: string; record: RevisionRecord }[]) {
    if (loaded.value || !records.length) return
    performance.mark('gongkai:boot:record')
    for (const { sourceId, record } of records) if (!bySource.value.has(sourceId)) bySource.value.set(sourceId, { record, notices: EMPTY_TABLE })
    triggerRef(bySource)
    if (!activeSourceId.value) activeSourceId.value = records[0]!.sourceId
  }

  /**
   * Reads the live content of these sources; sources not listed are no longer shown.
   * At start, a source's checklist and handbook show as soon as its revision record is read;
   * its notices follow (a township's 10,000 take a while) and `loaded` turns true after them.
   */
  async function loadAll(sourceIds: string[]) {
    const wanted = new Set(sourceIds)
    for (const id of bySource.value.keys()) if (!wanted.has(id)) bySource.value.delete(id)
    const pickActive = () => {
      if (!activeSourceId.value || !bySource.value.has(activeSourceId.value)) activeSourceId.value = sourceIds.find((id) => bySource.value.has(id)) ?? null
    }
    const villageLayerRead = reloadVillageLayer()
    try {
      await Promise.all(
        sourceIds.map(async (id) => {
          const sets = liveSets.get(id)
          const c = await readLive(id, {
            onRecord: (record) => {
              // only the first read at start shows a record early; later reads swap record and notices together
              if (loaded.value || bySource.value.has(id)) return
              performance.mark('gongkai:boot:record')
              bySource.value.set(id, { record, notices: EMPTY_TABLE })
              triggerRef(bySource)
              pickActive()
            },
          })
          // a revision the sync worker handed over meanwhile is newer than what this read began with
          if (liveSets.get(id) !== sets) return
          if (c) bySource.value.set(id, c)
          else bySource.value.delete(id)
          triggerRef(bySource)
        }),
      )
      pickActive()
      await villageLayerRead
    } finally {
      // even when storage fails the screens must stop waiting (home shows its tiles, lists say they are empty)
      loaded.value = true
    }
  }

  /** Reads the village layer again (at start, and after each clerk save or import). */
  async function reloadVillageLayer() {
    const r = await readClerkRecords()
    villageLayer.value = residentLayer(r.notices, r.items)
  }

  return { bySource, activeSourceId, loaded, active, record, village, categories, checklist, handbook, table, board, boardCategories, allNotices, categoryTitle, noticeById, readNotice, peekNotice, readAhead, readWholeNotices, setLive, reload, loadAll, showRecords, villageLayer, reloadVillageLayer }
})
