/**
 * Clerk mode, one facade over its parts for the views: the PIN gate
 * (clerkPin), the records (clerkRecords), export/import (clerkTransfer) and the
 * upload outbox (clerkOutbox). It owns only whether clerk mode is open. Heavy
 * parts (zip) load on demand, so residents' screens can use this store for
 * ledger dates without loading them.
 */
import { defineStore, storeToRefs } from 'pinia'
import { shallowRef } from 'vue'
import { useKioskStore } from './kiosk'
import { useClerkPinStore, type PinResult } from './clerkPin'
import { useClerkRecordsStore } from './clerkRecords'
import { useClerkTransferStore } from './clerkTransfer'
import { useClerkOutboxStore } from './clerkOutbox'

export type { PinResult } from './clerkPin'
export type { ItemView, UnsavedRecord } from './clerkRecords'

export const useClerkStore = defineStore('clerk', () => {
  const kiosk = useKioskStore()
  const pin = useClerkPinStore()
  const recordsStore = useClerkRecordsStore()
  const transfer = useClerkTransferStore()
  const uploads = useClerkOutboxStore()

  const unlocked = shallowRef(false)
  /** navigator.storage.persist() answer; null until asked or where unsupported */
  const persisted = shallowRef<boolean | null>(null)

  async function setPin(p: string) {
    if (await pin.setPin(p)) open()
  }

  async function tryPin(p: string): Promise<PinResult> {
    const result = await pin.tryPin(p)
    if (result === 'ok') open()
    return result
  }

  function open() {
    unlocked.value = true
    kiosk.mode = 'clerk'
    void requestPersistence()
    void recordsStore.loadRecords().then(uploads.pumpOutbox)
  }

  function close() {
    unlocked.value = false
    kiosk.mode = 'resident'
  }

  async function requestPersistence() {
    if (persisted.value !== null || !navigator.storage?.persist) return
    try {
      persisted.value = (await navigator.storage.persisted()) || (await navigator.storage.persist())
    } catch {
      persisted.value = false
    }
  }

  const { pinHash, lock, locked, needsPinSetup } = storeToRefs(pin)
  const { records, loaded, undoNote, items, todo, onTime, today } = storeToRefs(recordsStore)
  const { outbox, acks } = storeToRefs(uploads)

  return {
    pinHash,
    lock,
    locked,
    unlocked,
    needsPinSetup,
    records,
    loaded,
    undoNote,
    outbox,
    acks,
    uploadState: uploads.uploadState,
    persisted,
    items,
    todo,
    onTime,
    today,
    loadPinState: pin.loadPinState,
    loadRecords: recordsStore.loadRecords,
    setPin,
    tryPin,
    open,
    close,
    itemById: recordsStore.itemById,
    isOrphan: recordsStore.isOrphan,
    lastPostedOn: recordsStore.lastPostedOn,
    recordById: recordsStore.recordById,
    save: recordsStore.save,
    undo: recordsStore.undo,
    exportFile: transfer.exportFile,
    inspectImport: transfer.inspectImport,
    cancelImport: transfer.cancelImport,
    confirmImport: transfer.confirmImport,
    pumpOutbox: uploads.pumpOutbox,
  }
})
