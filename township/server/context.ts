/** What every route module gets: the database, the server's settings, the clock. */
import type { Db } from './db/db'
import type { Signer } from './feeds/signingKey'

export interface ServerConfig {
  /** where the console is reached, for links in configs and alerts (no trailing slash) */
  baseUrl: string
  /** trust X-Forwarded-For (behind a load balancer) */
  trustProxy: boolean
  /** heartbeats a kiosk may send at once and per minute before 429 (records and photo parts: twice that) */
  kioskRatePerMinute: number
  /** the built web console, or null */
  webDir: string | null
}

export interface Ctx {
  db: Db
  config: ServerConfig
  signer: Signer
  now(): Date
}

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
  /** null: every village */
  villages: string[] | null
  csrfToken: string
}

export type Role = 'admin' | 'editor' | 'reviewer' | 'viewer'
export const ROLES: Role[] = ['admin', 'editor', 'reviewer', 'viewer']

export type Env = { Variables: { user: SessionUser; address: string } }
