import { describe, expect, it } from 'vitest'
import { noticeStateLabel } from '../../../src/notice/stateLabel'
import { routeOf, snapshotDecision, snapshotValidUntil, type BootState, type StoredSnapshot } from '../../../src/perf/snapshotRule'

const NOW = new Date('2026-12-02T10:00:00+08:00').getTime()
const snap = (o: Partial<StoredSnapshot> = {}): StoredSnapshot => ({
  route: '/checklist',
  build: './assets/index-A.js ./assets/style-A.css',
  locale: 'zh-CN',
  revisions: { default: 3 },
  active: 'default',
  savedAt: NOW - 60_000,
  validUntil: NOW + 3_600_000,
  html: '<header></header><main>公开清单</main>',
  ...o,
})
const boot = (o: Partial<BootState> = {}): BootState => ({
  route: '/checklist',
  build: './assets/index-A.js ./assets/style-A.css',
  locale: 'zh-CN',
  pointers: { default: 3 },
  now: NOW,
  ...o,
})

describe('snapshotDecision: a stored screen is painted only when it is what the live app will show', () => {
  it('shows a snapshot of this build, screen, locale, village and the live revision, inside its window', () => {
    expect(snapshotDecision(snap(), boot())).toEqual({ show: true })
  })

  it('never shows a revision that is not the live one: a newer revision applied since, or the pointer moved back', () => {
    expect(snapshotDecision(snap(), boot({ pointers: { default: 4 } }))).toEqual({ show: false, reason: 'revision' })
    expect(snapshotDecision(snap({ revisions: { default: 4 } }), boot({ pointers: { default: 3 } }))).toEqual({ show: false, reason: 'revision' })
  })

  it('needs every live source and no other: a source added or removed since is a different screen', () => {
    expect(snapshotDecision(snap(), boot({ pointers: { default: 3, other: 1 } })).show).toBe(false)
    expect(snapshotDecision(snap({ revisions: { default: 3, other: 1 } }), boot()).show).toBe(false)
    expect(snapshotDecision(snap({ revisions: {} }), boot({ pointers: {} })).show).toBe(false)
  })

  it('skips another build, another screen, another locale, another starting village', () => {
    expect(snapshotDecision(snap(), boot({ build: './assets/index-B.js ./assets/style-A.css' }))).toEqual({ show: false, reason: 'build' })
    expect(snapshotDecision(snap(), boot({ route: '/' }))).toEqual({ show: false, reason: 'route' })
    expect(snapshotDecision(snap(), boot({ locale: 'en' }))).toEqual({ show: false, reason: 'locale' })
    expect(snapshotDecision(snap({ revisions: { a: 1, b: 2 }, active: 'b' }), boot({ pointers: { a: 1, b: 2 } }))).toEqual({ show: false, reason: 'village' })
  })

  it('skips once its window has passed, and when the clock is before the moment it was saved', () => {
    expect(snapshotDecision(snap(), boot({ now: NOW + 3_600_000 }))).toEqual({ show: false, reason: 'time' })
    expect(snapshotDecision(snap(), boot({ now: NOW - 120_000 }))).toEqual({ show: false, reason: 'time' })
  })

  it('skips nothing stored or a record that is not a snapshot', () => {
    expect(snapshotDecision(undefined, boot())).toEqual({ show: false, reason: 'none' })
    expect(snapshotDecision({ route: '/checklist' } as unknown as StoredSnapshot, boot())).toEqual({ show: false, reason: 'none' })
    expect(snapshotDecision(snap({ html: '' }), boot())).toEqual({ show: false, reason: 'empty' })
  })
})

describe('snapshotValidUntil: the first moment time alone could change what the screen says', () => {
  const now = new Date('2026-12-02T10:00:00+08:00')
  const midnight = () => {
    const m = new Date(now)
    m.setHours(24, 0, 0, 0)
    return m.getTime()
  }

  it('is the next local midnight when no notice changes before it', () => {
    expect(snapshotValidUntil([], now)).toBe(midnight())
    expect(snapshotValidUntil([{ published: '2026-11-01T00:00:00.000Z' }], now)).toBe(midnight())
  })

  it('is an upcoming notice opening, or an open one closing, when that comes first', () => {
    expect(snapshotValidUntil([{ published: '2026-12-02T03:00:00.000Z' }], now)).toBe(Date.parse('2026-12-02T03:00:00.000Z'))
    expect(snapshotValidUntil([{ published: '2026-11-01T00:00:00.000Z', expires: '2026-12-02T02:30:00.000Z' }], now)).toBe(Date.parse('2026-12-02T02:30:00.000Z'))
  })

  it('is before any notice state label reads differently (还剩 N 天 stepping at the hour its window ends)', () => {
    const notices = [
      { published: '2026-11-20T01:00:00.000Z', expires: '2026-12-09T05:17:00.000Z' },
      { published: '2026-11-20T01:00:00.000Z', expires: '2026-12-04T14:00:00.000Z' },
      { published: '2026-12-03T00:30:00.000Z' },
      { published: '2026-11-20T01:00:00.000Z' },
    ]
    const t = (k: string, v: Record<string, unknown>) => `${k}${JSON.stringify(v)}`
    const labels = (d: Date) => notices.map((n) => noticeStateLabel(n, d, t).label).join('|')
    const until = snapshotValidUntil(notices, now)
    expect(until).toBeGreaterThan(now.getTime())
    for (let at = now.getTime(); at < until; at += 60_000) expect(labels(new Date(at))).toBe(labels(now))
    // and it is not needlessly early: something does change within a minute after it or it is midnight
    expect(until === midnight() || labels(new Date(until + 60_000)) !== labels(now)).toBe(true)
  })
})

describe('routeOf', () => {
  it('reads the hash route the kiosk starts on', () => {
    expect(routeOf('')).toBe('/')
    expect(routeOf('#/')).toBe('/')
    expect(routeOf('#/checklist')).toBe('/checklist')
    expect(routeOf('#/checklist?x=1')).toBe('/checklist')
  })
})
