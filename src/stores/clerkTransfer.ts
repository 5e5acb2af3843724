/**
 * Export and import of the village layer (a zip with the records and photos).
 * The zip code loads on demand; an import is checked fully before the clerk
 * confirms it, then replaces the layer in one transaction.
 */
import { defineStore } from 'pinia'
import { readVillageLayer, replaceVillageLayer } from '../db'
import type { VillageLayer } from '../clerk/model'
import type { ExportSummary, ImportError } from '../clerk/exportFormat'
import { todayLocal } from '../compliance/dueState'
import { useContentStore } from './content'
import { useClerkRecordsStore } from './clerkRecords'

export const useClerkTransferStore = defineStore('clerkTransfer', () => {
  const content = useContentStore()
  const records = useClerkRecordsStore()

  const village = () => (content.village ? { code: content.village.code, name: content.village.name } : null)

  async function exportFile(): Promise<{ blob: Blob; name: string }> {
    const { buildVillageExport } = await import('../clerk/exportFormat')
    const layer = await readVillageLayer()
    const bytes = await buildVillageExport(layer, { village: village() })
    return { blob: new Blob([bytes as BlobPart], { type: 'application/zip' }), name: `gongkai-${content.village?.code ?? 'village'}-${todayLocal()}.zip` }
  }

  /** the checked file waiting for the clerk's confirmation (not reactive: it can hold many photos) */
  let pendingImport: VillageLayer | null = null

  /**
   * Reads and checks an export file fully, writing nothing: what it holds
   * (village, export date, counts) for the clerk to confirm, or why it is refused.
   */
  async function inspectImport(file: Blob): Promise<{ ok: true; summary: ExportSummary } | { ok: false; error: ImportError }> {
    pendingImport = null
    const { parseVillageExport } = await import('../clerk/exportFormat')
    const parsed = await parseVillageExport(file, { village: village() })
    if (!parsed.ok) return parsed
    pendingImport = parsed.layer
    return { ok: true, summary: { village: parsed.village, exportedAt: parsed.exportedAt, counts: parsed.counts } }
  }

  function cancelImport() {
    pendingImport = null
  }

  /** Replaces the village layer with the file inspectImport checked, in one transaction. */
  async function confirmImport(): Promise<boolean> {
    const layer = pendingImport
    if (!layer) return false
    pendingImport = null
    await replaceVillageLayer(layer)
    await records.afterWrite()
    return true
  }

  return { exportFile, inspectImport, cancelImport, confirmImport }
})
