import { describe, expect, it } from 'vitest'
import { checkConfig, feedSources, loadConfig } from '../../../src/config/loadConfig'
import { DEFAULT_CONFIG } from '../../../src/config/schema'
import { en, zh } from '../../support/words'
import { issueMessage } from '../../../src/feed/issues'

const CONFIG_URL = 'https://kiosk.example/app/config.json'

function deps(body: string | null, lastGood?: unknown) {
  const saved: unknown[] = []
  return {
    saved,
    deps: {
      configUrl: CONFIG_URL,
      fetch: (async () => (body === null ? new Response('nope', { status: 404 }) : new Response(body))) as typeof fetch,
      loadLastGood: async () => lastGood,
      saveLastGood: async (c: unknown) => void saved.push(c),
    },
  }
}

describe('loadConfig', () => {
  it('reads config.json, fills defaults and remembers it', async () => {
    const { deps: d, saved } = deps('{"feedUrl":"demo/feed.json","pollSeconds":60}')
    const r = await loadConfig(d)
    expect(r.problem).toBeNull()
    expect(r.config).toMatchObject({ feedUrl: 'demo/feed.json', pollSeconds: 60, idleSeconds: 90, locale: 'zh-CN' })
    expect(saved).toHaveLength(1)
  })

  it('falls back to the last good config when the file is missing, and says so', async () => {
    const r = await loadConfig(deps(null, { feedUrl: 'old.json' }).deps)
    expect(r.origin).toBe('last-good')
    expect(r.config.feedUrl).toBe('old.json')
    expect(zh({ code: `status.config_${r.problem!.code}` })).toContain('找不到配置文件')
  })

  it('falls back when the file is broken, listing what is wrong', async () => {
    const r = await loadConfig(deps('{"pollSeconds":"often","locale":"fr"}', { feedUrl: 'old.json' }).deps)
    expect(r.origin).toBe('last-good')
    expect(r.problem?.code).toBe('broken')
    expect(r.problem!.issues.map((i) => `${i.path}: ${zh(issueMessage(i))} / ${en(issueMessage(i))}`)).toEqual(['pollSeconds: 应为数字 / expected a number', 'locale: 格式不对 / invalid value'])
  })

  it('uses defaults (and no feed) when there never was a good config', async () => {
    const r = await loadConfig(deps('{not json').deps)
    expect(r.origin).toBe('defaults')
    expect(r.config).toEqual(DEFAULT_CONFIG)
    expect(zh(issueMessage(r.problem!.issues[0]!))).toContain('不是有效的 JSON')
  })
})

describe('feedSources', () => {
  it('resolves a relative feedUrl against config.json', () => {
    const c = checkConfig({ feedUrl: 'demo/feed.json', publicKey: 'k' })
    expect(c.ok && feedSources(c.config, CONFIG_URL)).toEqual([{ id: 'default', url: 'https://kiosk.example/app/demo/feed.json', publicKey: 'k' }])
  })
  it('lists several villages', () => {
    const c = checkConfig({ feeds: [{ id: 'a', url: '/a.json' }, { id: 'b', url: 'https://t.example/b.json' }] })
    expect(c.ok && feedSources(c.config, CONFIG_URL).map((s) => s.url)).toEqual(['https://kiosk.example/a.json', 'https://t.example/b.json'])
  })
})
