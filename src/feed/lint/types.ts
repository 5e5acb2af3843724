/**
 * What `gongkai-feed lint` reports: one finding per mistake, with the rule that found it. Its words are a
 * message (`feed.lint.*`, or `feed.reason.*` for schema findings, in src/i18n/locales/<locale>/feed.json) that the CLI,
 * the township server and the console translate.
 */
import type { Message } from '../../i18n/message'

export const LINT_RULES = [
  'schema',
  'unknown-checklist-item',
  'privacy',
  'finance-reconcile',
  'finance-carry',
  'finance-unchecked',
  'publicity-no-end',
  'publicity-unlinked',
  'publicity-too-short',
  'expired-pinned',
] as const

export type LintRuleId = (typeof LINT_RULES)[number]

/** rules that describe an invalid feed: no kiosk would accept it, so they cannot be ignored */
export const UNIGNORABLE: ReadonlySet<LintRuleId> = new Set(['schema', 'unknown-checklist-item'])

export interface LintFinding extends Message {
  rule: LintRuleId
  severity: 'error' | 'warning'
  /** notice id, `checklist:<id>` or `handbook:<chapter id>`; empty for the feed as a whole */
  target: string
  /** where in the feed, e.g. items[2]._gongkai.table.rows[5] */
  path: string
}

export interface LintOptions {
  /** YYYY-MM-DD, the day the feed is checked (expired-pinned) */
  today: string
  /** per notice id: rules switched off for it (front matter `lint_ignore: [rule-id]`) */
  ignore?: Record<string, readonly string[]>
}
