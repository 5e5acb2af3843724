/**
 * Why a sync did not bring new content, in words for #/status (Chinese, English).
 */
import type { FeedIssue } from '../feed/issues'

export type SyncErrorCode =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'http'
  | 'too_large'
  | 'invalid'
  | 'stale_revision'
  | 'rollback'
  | 'asset'
  | 'asset_hash'
  | 'signature'
  | 'storage'
  | 'config'

const TEXT: Record<SyncErrorCode, { zh: string; en: string }> = {
  offline: { zh: '设备未联网', en: 'the device is offline' },
  network: { zh: '无法连接内容服务器', en: 'could not reach the content server' },
  timeout: { zh: '连接内容服务器超时', en: 'the content server did not answer in time' },
  http: { zh: '内容服务器返回错误', en: 'the content server answered with an error' },
  too_large: { zh: '内容文件过大，已拒绝', en: 'the feed is larger than allowed and was refused' },
  invalid: { zh: '新内容格式有误，未采用，继续显示原有内容', en: 'the new feed is invalid and was not applied; the previous content stays' },
  stale_revision: { zh: '新内容的版本号没有增加，未采用', en: 'the feed revision did not increase; not applied' },
  rollback: { zh: '收到的版本比当前版本旧，已拒绝（防回退）', en: 'the feed revision is older than the current one; refused (rollback protection)' },
  asset: { zh: '附件或图片下载失败，暂未更新', en: 'an image or attachment could not be downloaded; not applied yet' },
  asset_hash: { zh: '附件与清单中的校验值不符，已拒绝', en: 'an attachment does not match its checksum; refused' },
  signature: { zh: '签名校验未通过，已拒绝', en: 'the signature did not verify; refused' },
  storage: { zh: '本机存储失败', en: 'storing the content on this device failed' },
  config: { zh: '配置文件有误', en: 'the configuration file is invalid' },
}

export class SyncError extends Error {
  readonly zh: string
  readonly en: string
  constructor(
    readonly code: SyncErrorCode,
    /** extra facts: HTTP status, the failing URL, or feed issues described one a line */
    readonly details: string[] = [],
    readonly issues: FeedIssue[] = [],
  ) {
    const t = TEXT[code]
    super(`${t.en}${details.length ? `: ${details.join('; ')}` : ''}`)
    this.name = 'SyncError'
    this.zh = t.zh
    this.en = t.en
  }
}

export function syncErrorText(code: SyncErrorCode) {
  return TEXT[code]
}
