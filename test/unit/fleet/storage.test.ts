import { describe, expect, it, vi } from 'vitest'
import { formatBytes, readStorage, requestPersistence, storageLevel } from '../../../src/fleet/storage'

describe('storage care', () => {
  it('warns before storage is full', () => {
    expect(storageLevel(50, 100)).toBe('ok')
    expect(storageLevel(80, 100)).toBe('warn')
    expect(storageLevel(96, 100)).toBe('critical')
    expect(storageLevel(null, 100)).toBe('unknown')
  })

  it('reads usage, quota and persistence from the browser', async () => {
    const r = await readStorage({ estimate: async () => ({ usage: 850, quota: 1000 }), persisted: async () => true })
    expect(r).toEqual({ usage: 850, quota: 1000, ratio: 0.85, level: 'warn', persisted: true })
    expect((await readStorage(undefined)).level).toBe('unknown')
  })

  it('asks for persistent storage only when not yet granted', async () => {
    const persist = vi.fn(async () => true)
    expect(await requestPersistence({ estimate: async () => ({}), persisted: async () => false, persist })).toBe(true)
    expect(persist).toHaveBeenCalledTimes(1)
    await requestPersistence({ estimate: async () => ({}), persisted: async () => true, persist })
    expect(persist).toHaveBeenCalledTimes(1)
  })

  it('says sizes the way people read them', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB')
  })
})
