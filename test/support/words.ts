/** A message's words as a user reads them: Chinese (or English) from the kiosk's locale files, through the CLI/server translator. */
import type { Message } from '../../src/i18n/message'
import { kioskTranslator } from '../../src/i18n/node'

export const zh = (m: Message) => kioskTranslator().t(m, 'zh-CN')
export const en = (m: Message) => kioskTranslator().t(m, 'en')
