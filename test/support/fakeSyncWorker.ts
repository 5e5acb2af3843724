import type { FromSyncWorker, ToSyncWorker } from '../../src/sync/syncProtocol'

/** Stands in for the sync module worker: records what the page sends, lets the test answer. */
export class FakeSyncWorker extends EventTarget {
  static last: FakeSyncWorker
  /** every worker started since the test cleared it */
  static all: FakeSyncWorker[] = []
  sent: ToSyncWorker[] = []
  terminated = false
  constructor(readonly url: URL | string) {
    super()
    FakeSyncWorker.last = this
    FakeSyncWorker.all.push(this)
  }
  postMessage(m: ToSyncWorker) {
    this.sent.push(structuredClone(m))
  }
  terminate() {
    this.terminated = true
  }
  reply(m: FromSyncWorker) {
    this.dispatchEvent(new MessageEvent('message', { data: m }))
  }
}
