/**
 * Markdown with YAML front matter between --- lines. YAML mistakes (a colon
 * inside a value, a full-width colon after a key, a tab) become a problem
 * with the file, line and column and what to write instead — never a stack
 * trace. Keys remember their line, so later checks can point at them.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml'
import { msg } from '../i18n/message'
import { SourceError } from './problem'

export interface MarkdownFile {
  data: Record<string, unknown>
  body: string
  /** key → 1-based line in the file */
  keyLines: Record<string, number>
  /** 1-based line where the body starts */
  bodyLine: number
}

export function splitFrontMatter(text: string, file: string): MarkdownFile {
  const s = text.replace(/^\uFEFF/, '')
  const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(s)
  if (!m) return { data: {}, body: s, keyLines: {}, bodyLine: 1 }
  const yamlText = m[1]!
  const lines = yamlText.split(/\r?\n/)
  // front matter starts on line 2 (after the opening ---)
  const fileLine = (l: number) => l + 1
  lines.forEach((l, i) => {
    const full = /^(\s*)([A-Za-z_][\w-]*)\s*：/.exec(l)
    if (full) {
      throw new SourceError({
        file, line: fileLine(i + 1), column: full[1]!.length + full[2]!.length + 1,
        message: msg('import.front.full_width_colon', { key: full[2]!, value: l.slice(l.indexOf('：') + 1).trim() || '…' }),
      })
    }
  })
  const counter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: true, uniqueKeys: true })
  const error = doc.errors[0]
  if (error) {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 }
    const lineText = lines[pos.line - 1] ?? ''
    const key = /^\s*([\w-]+)\s*:\s*(.*)$/.exec(lineText)
    if (key && /:\s/.test(key[2]!) && !/^["']/.test(key[2]!)) {
      throw new SourceError({
        file, line: fileLine(pos.line), column: pos.col,
        message: msg('import.front.colon_in_value', { key: key[1]!, value: key[2]!, quoted: key[2]!.replace(/"/g, '\\"') }),
      })
    }
    const what = msg(`import.front.${error.code === 'DUPLICATE_KEY' ? 'duplicate_key' : error.code === 'TAB_AS_INDENT' ? 'tab_indent' : 'not_yaml'}`)
    throw new SourceError({
      file, line: fileLine(pos.line), column: pos.col,
      message: { code: 'import.front.bad_line', params: { what, line: lineText.trim(), code: error.code } },
    })
  }
  const data: unknown = doc.toJS()
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new SourceError({ file, line: 2, message: msg('import.front.not_map') })
  }
  const keyLines: Record<string, number> = {}
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) keyLines[String(pair.key.value)] = fileLine(counter.linePos(pair.key.range[0]).line)
    }
  }
  const bodyLine = s.slice(0, m[0].length).split('\n').length + (m[0].endsWith('\n') ? 0 : 1)
  return { data: (data ?? {}) as Record<string, unknown>, body: s.slice(m[0].length), keyLines, bodyLine }
}
