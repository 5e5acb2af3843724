/**
 * Stored files shown by components: a feed's attachments and images (kept with
 * their revision, so they show offline) and clerk photos. Components ask here
 * rather than reading IndexedDB themselves.
 */
import { defineStore } from 'pinia'
import { getAsset, getPhoto } from '../db'

export const useFilesStore = defineStore('files', () => {
  /** the stored copy of a feed file, by its absolute URL; undefined when the device has none */
  async function feedFile(url: string): Promise<Blob | undefined> {
    return (await getAsset(url))?.blob
  }

  /** a clerk photo already saved with a record */
  async function photo(id: string): Promise<Blob | undefined> {
    return (await getPhoto(id))?.blob
  }

  return { feedFile, photo }
})
