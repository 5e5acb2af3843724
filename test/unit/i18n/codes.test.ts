/** Every message code the pure modules return exists in every locale with the parameters they pass, and the CLI/server translator reads the same files. */
import { describe, expect, it } from 'vitest'
import { kioskTranslator } from '../../../src/i18n/node'
import { PII_REASON } from '../../../src/privacy/guard'
import { issueMessage, REASON_CODES } from '../../../src/feed/issues'
import { SYNC_ERROR_CODES, syncErrorMessage } from '../../../src/sync/errors'
import { readLocaleDir } from '../../../src/i18n/node'
import { expectKnown } from '../../support/words'

describe('message codes', () => {
  it('privacy reasons exist in every locale', () => {
    for (const m of Object.values(PII_REASON)) expectKnown(m)
  })

  it('the CLI/server translator gives the Chinese and the English text from the same files', () => {
    expect(kioskTranslator().zhEn(PII_REASON.mobile)).toEqual({ zh: '手机号码：只保留前3位和后4位', en: 'Mobile phone number: only the first 3 and last 4 digits kept' })
  })

  it('every feed issue reason the validator can give, and every sync error, has its words in every locale', () => {
    for (const code of REASON_CODES) expectKnown(issueMessage({ code, params: code === 'unprocessable' ? { name: 'x' } : code === 'allowed_hosts' ? { hosts: 'x' } : undefined }))
    for (const code of SYNC_ERROR_CODES) expectKnown(syncErrorMessage(code))
  })

  it('the locale files word only those codes (no text left for a code nothing gives)', () => {
    const zh = readLocaleDir('src/i18n/locales')['zh-CN'] as { feed: { reason: object }; sync: { error: object } }
    expect(Object.keys(zh.feed.reason).sort()).toEqual([...REASON_CODES].sort())
    expect(Object.keys(zh.sync.error).sort()).toEqual([...SYNC_ERROR_CODES].sort())
  })

  it('a stored issue or error is read by its code: older records with words of their own show today\'s', () => {
    const old = { path: 'items[0].id', code: 'item_id', zh: '旧的说法', en: 'old words' }
    expect(kioskTranslator().zhEn(issueMessage(old))).toEqual({ zh: '编号不能为空（最长 2048 个字符）', en: 'an item id must be a non-empty string (at most 2048 characters)' })
    expect(kioskTranslator().t(issueMessage({ code: 'gone_since' }), 'zh-CN')).toBe('格式不对')
    expect(kioskTranslator().t(syncErrorMessage('timeout'), 'zh-CN')).toBe('连接内容服务器超时')
  })
})
