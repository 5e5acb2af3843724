/**
 * A problem in a file a township made (a CSV, a Markdown notice, village.json):
 * where it is, the value, and what is expected with an example, as a message
 * into locales/<locale>/import.json. Shared by the CLI and the township
 * console's upload checks (Node only: never on a kiosk), which print it Chinese first.
 */
import { composedZhEn, type ComposedMessage } from '../i18n/compose'
import { kioskTranslator } from '../i18n/node'

export interface SourceProblem {
  /** path as the township knows it, e.g. notices/10月财务.md */
  file: string
  /** 1-based */
  line?: number
  column?: number
  message: ComposedMessage
}

export function where(p: Pick<SourceProblem, 'file' | 'line' | 'column'>): string {
  if (p.line === undefined) return p.file
  return `${p.file} 第 ${p.line} 行${p.column !== undefined ? `第 ${p.column} 列` : ''}`
}

/** the problem's text in Chinese and English */
export const problemWords = (p: SourceProblem) => composedZhEn(kioskTranslator(), p.message)

/** "notices/10月财务.md 第 3 行: expires 写成了 … / expires is …" */
export function formatProblem(p: SourceProblem): string {
  const w = problemWords(p)
  return `${where(p)}: ${w.zh} / ${w.en}`
}

/** thrown by the readers below when a file cannot be read at all */
export class SourceError extends Error {
  constructor(readonly problem: SourceProblem) {
    super(formatProblem(problem))
  }
}

/** 1-based line of a character offset */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}
