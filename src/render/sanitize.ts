/**
 * Everything from a feed that becomes HTML passes here. Scripts, styles, frames,
 * forms and event handlers are removed. Links never navigate (a kiosk must not
 * leave the app): they become text that keeps the address in data-href, which
 * the view offers as a QR code. Images keep their address in data-src and are
 * shown from the files stored on the device, never fetched at view time.
 * Media elements are removed too: they would fetch at view time (hostile corpus).
 */
import DOMPurify from 'dompurify'

let hooked = false
function hook() {
  if (hooked) return
  hooked = true
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href')
      node.removeAttribute('href')
      node.removeAttribute('target')
      if (href) node.setAttribute('data-href', href)
      node.setAttribute('role', 'link')
    }
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src')
      node.removeAttribute('src')
      node.removeAttribute('srcset')
      if (src) node.setAttribute('data-src', src)
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
    FORBID_TAGS: ['style', 'script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'source', 'track'],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
    ALLOW_DATA_ATTR: false,
  })
}
