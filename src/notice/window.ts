/**
 * The 公示 window of a notice, from the device clock: before `published` it is
 * upcoming, until `expires` it is open, then expired. Notices without an end
 * stay open (long-term disclosure).
 */
import type { Notice } from '../feed/types'

export type NoticeState = 'upcoming' | 'open' | 'expired'

const DAY = 86_400_000

export function noticeState(n: Pick<Notice, 'published' | 'expires'>, now: Date): NoticeState {
  return stateAt(n, windowClock(now))
}

/**
 * Whether `s` is written as Date#toISOString writes years 0–9999 (2026-11-27T01:00:00.000Z): two such
 * strings compare in code-unit order as their moments do. The feed normaliser writes every date so.
 */
function isCanonical(s: string): boolean {
  return s.length === 24 && s.charCodeAt(23) === 0x5a /* Z */ && s.charCodeAt(10) === 0x54 /* T */
}

function canonicalIso(now: Date): string | null {
  const iso = Number.isNaN(now.getTime()) ? '' : now.toISOString()
  return isCanonical(iso) ? iso : null
}

/**
 * Whether moment `a` is after now / at or before now: compared as strings when both are canonical (a board
 * checks 10,000 notices every minute; two Date.parse each took ≈ 40 ms at 4× CPU), else parsed as before.
 */
function after(a: string, nowMs: number, nowIso: string | null): boolean {
  return nowIso !== null && isCanonical(a) ? a > nowIso : Date.parse(a) > nowMs
}
function notAfter(a: string, nowMs: number, nowIso: string | null): boolean {
  return nowIso !== null && isCanonical(a) ? a <= nowIso : Date.parse(a) <= nowMs
}

/** The moment a window is judged at: as ms and, when it can be, as a canonical ISO string (compared as text). */
export interface WindowClock {
  ms: number
  iso: string | null
}

export const windowClock = (now: Date): WindowClock => ({ ms: now.getTime(), iso: canonicalIso(now) })

/** not yet public at that moment: published after it */
export const notYetPublished = (published: string | undefined, c: WindowClock): boolean => !!published && after(published, c.ms, c.iso)

/** closed at that moment: its window ended at or before it */
export const closedBy = (expires: string | undefined, c: WindowClock): boolean => !!expires && notAfter(expires, c.ms, c.iso)

function stateAt(n: Pick<Notice, 'published' | 'expires'>, c: WindowClock): NoticeState {
  if (notYetPublished(n.published, c)) return 'upcoming'
  if (closedBy(n.expires, c)) return 'expired'
  return 'open'
}

/** Whole days left in the window, counting today ("还剩 N 天"); null without an end. */
export function daysLeft(n: Pick<Notice, 'expires'>, now: Date): number | null {
  if (!n.expires) return null
  return Math.max(0, Math.ceil((Date.parse(n.expires) - now.getTime()) / DAY))
}

/** Board order: urgent, pinned, then newest. The sync worker hands notices over in it, so the board's sort finds them sorted. */
export function byBoardOrder(a: Pick<Notice, 'urgent' | 'pinned' | 'published'>, b: Pick<Notice, 'urgent' | 'pinned' | 'published'>): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
  return descending(a.published, b.published)
}

/** Newest first by ISO date-time string; plain code-unit order (localeCompare is ~10× slower on 10,000 notices). */
function descending(a: string | undefined, b: string | undefined): number {
  const x = a ?? ''
  const y = b ?? ''
  return x < y ? 1 : x > y ? -1 : 0
}

/** Archive order: most recently closed first. */
export function byClosing(a: Pick<Notice, 'expires'>, b: Pick<Notice, 'expires'>): number {
  return descending(a.expires, b.expires)
}
