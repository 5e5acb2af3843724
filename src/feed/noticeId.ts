/**
 * Feed item ids are opaque JSON Feed strings, very often URLs ("/bnf.html",
 * "https://example.org/?p=12"). Routes (#/notices/:id), DOM ids and IndexedDB
 * keys use a safe form derived from it: an id that already matches
 * ID_PATTERN is kept as it is (so existing feeds, links and stored notices
 * are unchanged), any other becomes its allowed characters plus a hash of
 * the whole original, e.g. "/bnf.html" → "bnf.html~1m3x0qz". The original is
 * kept on the notice as `feedId`.
 */
import { ID_PATTERN } from './schema'

/** FNV-1a over UTF-16 code units, 32 bits, twice with different seeds: 64 bits, enough to keep a feed's ids apart */
function hash(s: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36)
}

export function safeNoticeId(feedId: string): string {
  if (ID_PATTERN.test(feedId)) return feedId
  // "~" is outside ID_PATTERN, so a derived id never equals an id kept as it is
  const readable = feedId.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[^\w.\-\u4e00-\u9fff]+/gu, '-').replace(/^-+|-+$/g, '').slice(-80)
  return `${readable || 'id'}~${hash(feedId)}`
}
