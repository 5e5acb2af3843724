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
  | 'truncated'
  | 'redirect'
  | 'unsolicited_304'
  | 'bad_date'
  | 'duplicate_key'
  | 'revision_jump'
  | 'unpinned_file'
  | 'file_origin'
  | 'key_changed'
  | 'key_missing'
  | 'epoch'

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
  truncated: { zh: '内容文件没有下载完整（传输中断），未采用', en: 'the transfer was cut short; not applied' },
  redirect: { zh: '内容服务器把请求转到了别的网站，已拒绝', en: 'the server redirected to another site; refused' },
  unsolicited_304: { zh: '服务器答复“未修改”，但本机还没有任何内容，未采用', en: 'the server answered "not modified" although this device has no content yet' },
  bad_date: { zh: '新内容中的日期或时间有误（不存在或写法不对），未采用', en: 'a date or time in the feed is impossible or malformed; not applied' },
  duplicate_key: { zh: '新内容中同一字段出现了两次，无法确定哪个有效，已拒绝', en: 'a field appears twice in the feed, so which one counts is unclear; refused' },
  revision_jump: { zh: '新内容的版本号跳得太大（未签名的来源），已拒绝', en: 'the revision jumps too far ahead for an unsigned source; refused' },
  unpinned_file: { zh: '签名内容中的图片或附件没有 SHA-256 校验值，已拒绝', en: 'an image or attachment of a signed feed carries no SHA-256; refused' },
  file_origin: { zh: '图片或附件来自不允许的网站，已拒绝', en: 'an image or attachment comes from a site that is not allowed; refused' },
  key_changed: { zh: '配置中的公钥与本机已信任的公钥不同，且没有旧密钥签署的更换记录，已拒绝', en: 'the configured key differs from the key this device trusts, with no key change signed by the old key; refused' },
  key_missing: { zh: '本机已信任签名内容，但配置中没有公钥，已拒绝', en: 'this device trusts signed content but the configuration has no key; refused' },
  epoch: { zh: '签名的更换记录（纪元）无效或比本机已采用的旧，已拒绝', en: 'the signed epoch record is invalid or older than the one this device accepted; refused' },
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
