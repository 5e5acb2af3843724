/** Shapes of the console API's answers (docs/township-api.md, "Web console → server"). */

export type Role = 'admin' | 'editor' | 'reviewer' | 'viewer'

export interface User {
  id: string | number
  username: string
  displayName: string
  role: Role
  /** null: all villages */
  villages: string[] | null
  lockedUntil?: string | null
  disabled?: boolean
}

export interface Session {
  user: User
  csrfToken: string
}

export interface Village {
  code: string
  name: string
  township?: string
}

export type FleetFlag = 'behind' | 'error' | 'silent' | 'clock'

export interface KioskError {
  code: string
  zh: string
  en: string
  at: string
  detail?: unknown
}

export interface FleetKiosk {
  id: string
  villageCode: string
  villageName: string
  place: string
  appVersion: string | null
  contentRevision: number | null
  latestRevision: number | null
  lastSeen: string | null
  lastError: KioskError | null
  storageUsed: number | null
  storageQuota: number | null
  clockOk: boolean | null
  revokedAt: string | null
  flags: FleetFlag[]
}

export interface HistoryDay {
  day: string
  minutesOnline: number
  revisions: number[]
  errorCount: number
}

export interface EnrolledKiosk {
  id: string
  villageCode: string
  villageName?: string
  place: string
  enrolledAt?: string
  revokedAt?: string | null
  lastSeen?: string | null
}

export type { EnrolmentConfig as KioskConfig } from '../../../src/config/enrolment'

export type ItemState = 'done' | 'due_soon' | 'overdue' | 'pending' | 'not_applicable'

export interface SupervisionItem {
  itemId: string
  title: string
  frequency: string
  period: { key: string; label: string; start: string; end: string } | null
  due: string | null
  state: ItemState
  overdueDays: number | null
  daysLeft: number | null
  disclosedBy: 'ledger' | 'township' | null
  lastPostedOn: string | null
  /** why, where the state alone does not say it (公示 taken down early, an older period still missing…) */
  reason?: { zh: string; en: string } | null
}

export interface SupervisionVillage {
  code: string
  name: string
  onTimeRate: number | null
  rank: number | null
  items: SupervisionItem[]
}

export interface Supervision {
  asOf: string
  villages: SupervisionVillage[]
}

export interface Weekly {
  from: string
  to: string
  villages: { code: string; name: string; items: { itemId: string; title: string; due: string; state: ItemState }[] }[]
}

export type ReportKind = 'month' | 'quarter' | 'year'

export interface ReportCounts {
  due: number
  onTime: number
  late: number
  missing: number
}

export interface ReportVillage extends ReportCounts {
  code: string
  name: string
  rate: number | null
  items: (ReportCounts & { itemId: string; title: string })[]
}

export interface Report {
  period: string | { key: string; label?: string; start?: string; end?: string }
  villages: ReportVillage[]
}

export interface Photo {
  sha256: string
  size: number
  type: string
}

export interface LedgerRecord {
  id: string
  itemId: string
  itemTitle: string
  periodKey: string
  periodLabel: string
  postedOn: string
  places: string[] | string
  postedBy: string
  photos: Photo[]
  receivedAt: string
  kioskId: string
}

export interface AuditEntry {
  at: string
  actor: string
  actorKind: 'user' | 'kiosk' | 'system'
  action: string
  target: string | null
  details: unknown
  address: string | null
}

export type AlertChannel = 'wecom' | 'dingtalk' | 'smtp' | 'none'

export interface AlertConfig {
  channel: AlertChannel
  webhookUrl: string
  smtp: { host: string; port: number; from: string; to: string }
  silentMinutes: number
  behindHours: number
  digestHour: number
}
