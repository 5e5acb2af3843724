/**
 * Why an upload is still waiting, in words a clerk can act on (Chinese first).
 * The console's own error words (docs/township-api.md: `{error: {code, zh, en}}`)
 * are shown when it gave them; otherwise the kiosk's words for what happened.
 */
export interface UploadError {
  code: string
  zh: string
  en: string
  /** epoch ms of the failed try */
  at?: number
}

export const UPLOAD_ERRORS = {
  offline: { zh: '本机没有联网，联网后会自动上传', en: 'This kiosk is offline; it uploads once the network is back' },
  network: { zh: '连不上乡镇平台（网络不通或平台未开机）', en: 'The township console cannot be reached (network down or console off)' },
  timeout: { zh: '乡镇平台长时间没有回应', en: 'The township console did not answer in time' },
  no_token: { zh: '本机没有设备令牌（config.json 缺少 kioskToken），请联系乡镇', en: 'This kiosk has no token (kioskToken missing in config.json); ask the township' },
  unauthorized: { zh: '设备令牌无效或已吊销，请联系乡镇重新登记本机', en: 'The kiosk token is unknown or revoked; ask the township to enrol this kiosk again' },
  rate_limited: { zh: '乡镇平台繁忙，稍后自动重试', en: 'The township console is busy; retrying later' },
  server: { zh: '乡镇平台出错，稍后自动重试', en: 'The township console had an error; retrying later' },
  rejected: { zh: '乡镇平台拒收这条记录', en: 'The township console refused this record' },
  photo_missing: { zh: '照片在本机找不到，无法上传', en: 'A photo of this record is missing on this kiosk' },
  photo_mismatch: { zh: '照片上传后校验不一致，将重新上传', en: 'A photo did not match its checksum after upload; it will be sent again' },
  bad_answer: { zh: '乡镇平台的回应看不懂（版本不符？）', en: 'The township console gave an answer this kiosk does not understand (version mismatch?)' },
} as const satisfies Record<string, { zh: string; en: string }>

export type UploadErrorCode = keyof typeof UPLOAD_ERRORS

export function uploadError(code: UploadErrorCode, at?: number): UploadError {
  return { code, ...UPLOAD_ERRORS[code], ...(at === undefined ? {} : { at }) }
}

/** The error the console sent in its body, if it sent one in the contract's shape. */
export async function consoleError(res: Response): Promise<{ code: string; zh: string; en: string; detail?: unknown } | null> {
  try {
    const j = (await res.clone().json()) as { error?: { code?: unknown; zh?: unknown; en?: unknown; detail?: unknown } }
    const e = j?.error
    if (e && typeof e.code === 'string' && typeof e.zh === 'string' && typeof e.en === 'string') return { code: e.code, zh: e.zh, en: e.en, detail: e.detail }
  } catch {
    // not JSON: the kiosk's own words
  }
  return null
}

/** The words for a failed HTTP answer: the console's own when it gave them. */
export async function httpError(res: Response, at: number): Promise<UploadError> {
  const own = await consoleError(res)
  const code: UploadErrorCode =
    res.status === 401 || res.status === 403 ? 'unauthorized' : res.status === 429 ? 'rate_limited' : res.status >= 500 ? 'server' : 'rejected'
  if (own) return { code: `${code}:${own.code}`, zh: `${UPLOAD_ERRORS[code].zh}：${own.zh}`, en: `${UPLOAD_ERRORS[code].en}: ${own.en}`, at }
  return { code, zh: `${UPLOAD_ERRORS[code].zh}（HTTP ${res.status}）`, en: `${UPLOAD_ERRORS[code].en} (HTTP ${res.status})`, at }
}

/** A fetch that threw: offline, a timeout, or the console unreachable. */
export function thrownError(e: unknown, at: number): UploadError {
  const name = (e as { name?: unknown } | null)?.name
  if (name === 'TimeoutError' || name === 'AbortError') return uploadError('timeout', at)
  return uploadError('network', at)
}

/** Words for an entry's lastError, whichever shape it was stored in (older kiosks stored a string). */
export function errorWords(e: UploadError | string | null | undefined): { zh: string; en: string } | null {
  if (!e) return null
  if (typeof e === 'string') return { zh: e, en: e }
  return { zh: e.zh, en: e.en }
}
