/**
 * Clerk form drafts in IndexedDB: the form composable saves and restores them,
 * the clerk home lists the unfinished ones (newest first).
 */
import { defineStore } from 'pinia'
import { deleteDraft, getDraft, listDrafts, putDraft } from '../db'
import type { Draft } from '../clerk/model'

export const useDraftsStore = defineStore('drafts', () => {
  async function unfinished(): Promise<Draft[]> {
    return (await listDrafts()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  }

  return { unfinished, load: getDraft, save: putDraft, discard: deleteDraft }
})
