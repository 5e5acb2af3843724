/**
 * Markdown with YAML front matter between --- lines. YAML mistakes (a colon
 * inside a value, a full-width colon after a key, a tab) become a problem
 * with the file, line and column and what to write instead — never a stack
 * trace. Keys remember their line, so later checks can point at them.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml'
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
        zh: `${full[2]} 后面用了中文冒号“：”，应为英文冒号加空格，例如 ${full[2]}: ${l.slice(l.indexOf('：') + 1).trim() || '…'}`,
        en: `a full-width colon "：" after ${full[2]}: write an ASCII colon and a space, e.g. ${full[2]}: …`,
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
        zh: `${key[1]} 的值“${key[2]}”里有冒号，整个值要用英文双引号括起来，例如 ${key[1]}: "${key[2]!.replace(/"/g, '\\"')}"`,
        en: `the value of ${key[1]} contains a colon: put the whole value in double quotes, e.g. ${key[1]}: "${key[2]!.replace(/"/g, '\\"')}"`,
      })
    }
    const what = error.code === 'DUPLICATE_KEY' ? { zh: '同一个字段写了两次', en: 'a key is written twice' } : error.code === 'TAB_AS_INDENT' ? { zh: '缩进用了 Tab，请改用空格', en: 'tab used for indentation: use spaces' } : { zh: '开头 --- 之间的格式不对（YAML）', en: 'the front matter between the --- lines is not valid YAML' }
    throw new SourceError({
      file, line: fileLine(pos.line), column: pos.col,
      zh: `${what.zh}：“${lineText.trim()}”。每行写成 字段: 值，例如 title: 关于停水的通知`,
      en: `${what.en}: "${lineText.trim()}" (${error.code}). Write one key: value a line, e.g. title: Water cut notice`,
    })
  }
  const data: unknown = doc.toJS()
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new SourceError({ file, line: 2, zh: `开头 --- 之间应为“字段: 值”的列表，例如 title: 关于停水的通知`, en: 'the front matter must be key: value lines, e.g. title: Water cut notice' })
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
