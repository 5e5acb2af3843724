/**
 * Every notice record in the database, whichever layout stored it (one record
 * per notice, or chunks: src/db/noticeChunks.ts), for tests that look at what
 * is stored rather than at what a reader returns.
 */
import { getDb, type NoticeRecord } from '../../src/db'

export async function storedNotices(): Promise<NoticeRecord[]> {
  const db = await getDb()
  const chunks = await db.getAll('noticeChunks')
  return [...(await db.getAll('notices')), ...chunks.flatMap((c) => c.notices.map((n) => ({ ...n, sourceId: c.sourceId, revision: c.revision })))]
}
