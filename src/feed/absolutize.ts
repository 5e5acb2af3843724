/**
 * Makes the addresses inside notice HTML and handbook Markdown absolute against
 * the feed's own address, once, at normalise time: stored files are keyed by
 * absolute URL, and a relative `src` must find them whatever page shows it.
 */
const HTML_URL_ATTR = /(<(?:img|a|source)\b[^>]*?\b(?:src|href)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi
const MD_LINK = /(!?\[[^\]]*\]\(\s*)<?([^\s)>]+)>?/g

function abs(url: string, base: string): string {
  if (/^(data|blob|mailto|tel):/i.test(url) || url.startsWith('#')) return url
  try {
    return new URL(url, base).href
  } catch {
    return url
  }
}

export function absolutizeHtml(html: string, base: string): string {
  return html.replace(HTML_URL_ATTR, (_m, head: string, dq?: string, sq?: string) => `${head}"${abs(dq ?? sq ?? '', base).replace(/"/g, '&quot;')}"`)
}

export function absolutizeMarkdown(md: string, base: string): string {
  return md.replace(MD_LINK, (_m, head: string, url: string) => `${head}${abs(url, base)}`)
}
