/**
 * Everything from a feed that becomes HTML passes here. Allow-list, not
 * removal: only the elements and attributes a notice needs survive
 * (NOTICE_TAGS, NOTICE_ATTRS); everything else — scripts, styles, frames,
 * forms, media, image maps, event handlers — is dropped. No attribute that
 * holds a URL survives on any element (urlAttributes.ts): links never
 * navigate (a kiosk must not leave the app), they become text that keeps the
 * address in data-href, which the view offers as a QR code. Images keep their
 * address in data-src and are shown from the files stored on the device,
 * never fetched at view time.
 */
import DOMPurify from 'dompurify'

/** what a notice is made of: text structure, lists, tables, images and links (as QR offers) */
export const NOTICE_TAGS = [
  'p', 'br', 'hr', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
  'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'q', 'time',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'colgroup', 'col', 'figure', 'figcaption', 'img', 'a', 'section', 'article',
]

/** href and src only so the hook below can move them to data-href / data-src; no other URL attribute */
export const NOTICE_ATTRS = ['href', 'src', 'id', 'class', 'alt', 'title', 'colspan', 'rowspan', 'scope', 'headers', 'start', 'reversed', 'lang', 'dir', 'datetime', 'width', 'height']

/** only web addresses are kept to show (QR) or look up (stored files); javascript:, data:, tel: … are dropped */
function webAddress(value: string | null): string | null {
  if (!value) return null
  try {
    const u = new URL(value, 'https://kiosk.invalid/')
    return u.protocol === 'http:' || u.protocol === 'https:' ? value : null
  } catch {
    return null
  }
}

let hooked = false
function hook() {
  if (hooked) return
  hooked = true
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const href = node.getAttribute('href')
    const src = node.getAttribute('src')
    node.removeAttribute('href')
    node.removeAttribute('src')
    if (node.tagName === 'A') {
      const kept = webAddress(href)
      if (kept) node.setAttribute('data-href', kept)
      node.setAttribute('role', 'link')
    }
    if (node.tagName === 'IMG') {
      const kept = webAddress(src)
      if (kept) node.setAttribute('data-src', kept)
    }
  })
}

/**
 * Feed HTML sits under the page's own <h1>: its headings are shifted so the
 * highest one becomes <h2>, keeping the outline in order for screen readers.
 */
export function nestHeadings(html: string): string {
  const levels = [...html.matchAll(/<h([1-6])\b/gi)].map((m) => Number(m[1]))
  if (!levels.length) return html
  const shift = 2 - Math.min(...levels)
  if (shift === 0) return html
  return html.replace(/<(\/?)h([1-6])\b/gi, (_m, slash: string, n: string) => `<${slash}h${Math.min(6, Math.max(2, Number(n) + shift))}`)
}

export function sanitizeHtml(html: string): string {
  hook()
  return nestHeadings(sanitizeOnly(html))
}

function sanitizeOnly(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: NOTICE_TAGS,
    ALLOWED_ATTR: NOTICE_ATTRS,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  })
}
