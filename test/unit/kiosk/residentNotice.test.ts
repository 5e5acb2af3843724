import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { residentNotice } from '../../../src/kiosk/residentNotice'
import type { SyncStateRecord } from '../../../src/db/schema'

const zh = JSON.parse(readFileSync(new URL('../../../src/i18n/locales/zh-CN/app.json', import.meta.url), 'utf8')) as Record<string, string>
const ok: SyncStateRecord = { sourceId: 'default', consecutiveFailures: 0, lastSuccessAt: '2026-12-01T02:00:00Z' }
const refused: SyncStateRecord = { sourceId: 'default', consecutiveFailures: 2, lastError: { code: 'invalid', at: '2026-12-02T02:00:00Z' } }

describe('what a resident is told about content freshness (issue 17)', () => {
  it('nothing stored yet, online or not, refused or not: 内容正在更新, never a promise about the network', () => {
    for (const online of [true, false]) {
      for (const states of [[], [refused]]) expect(residentNotice({ hasContent: false, contentAt: undefined, online, states })).toEqual({ kind: 'updating' })
    }
    expect(zh.updating).toContain('内容正在更新')
    expect(zh.no_content).not.toContain('联网')
  })

  it('content shown and the feed refused or unreachable: which day it is from', () => {
    expect(residentNotice({ hasContent: true, contentAt: '2026-12-01T02:00:00Z', online: true, states: [refused] })).toEqual({ kind: 'stale', since: '2026-12-01T02:00:00Z' })
    expect(zh.stale).toBe('本机暂时无法获取新内容，正在显示{date}的内容')
  })

  it('content shown and the network off: the same line', () => {
    expect(residentNotice({ hasContent: true, contentAt: '2026-12-01T02:00:00Z', online: false, states: [ok] })?.kind).toBe('stale')
  })

  it('content shown and the last sync fine: silent', () => {
    expect(residentNotice({ hasContent: true, contentAt: '2026-12-01T02:00:00Z', online: true, states: [ok] })).toBeNull()
  })

  it('the messages name no config, signature or feed detail', () => {
    for (const key of ['updating', 'stale', 'no_content']) expect(zh[key]).not.toMatch(/config|配置|签名|feed|格式/i)
  })
})
