/**
 * Text files from Chinese offices: UTF-8 (with or without the BOM Excel's
 * "CSV UTF-8" writes), UTF-16 with a BOM, or GBK/GB18030 — what Excel's plain
 * "CSV (逗号分隔)" and Notepad's "ANSI" save on Chinese Windows. Detected: a file
 * that is valid UTF-8 is UTF-8, anything else is read as GB18030 (a superset
 * of GBK). A file that still decodes to replacement characters is refused,
 * naming the file and the line, rather than shown as "����".
 * Pure (TextDecoder only), for the CLI and the township console.
 */
import { msg } from '../i18n/message'
import { lineAt, SourceError } from './problem'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
}

function bom(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** @param file the name shown in the message */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const marked = bom(bytes)
  let decoded: DecodedText
  if (marked) decoded = { text: new TextDecoder(marked).decode(bytes), encoding: marked } // TextDecoder drops the BOM
  else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
    } catch {
      decoded = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
    }
  }
  const bad = decoded.text.indexOf('\uFFFD')
  if (bad >= 0) {
    throw new SourceError({
      file,
      line: lineAt(decoded.text, bad),
      message: msg('import.encoding'),
    })
  }
  return decoded
}
