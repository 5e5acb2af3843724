/**
 * Lint rules shared by the gongkai-feed CLI: mistakes a valid feed can still
 * carry, caught before publishing. Pure (no DOM, no Node APIs).
 *
 * Rule ids (docs/township-guide.md): schema, unknown-checklist-item, privacy,
 * finance-reconcile, finance-carry, finance-unchecked, publicity-no-end,
 * publicity-unlinked, publicity-too-short, expired-pinned. A notice switches rules off for itself with front matter
 * `lint_ignore: [rule-id]`; schema and unknown-checklist-item cannot be.
 */
import { validateFeed } from '../validate'
import { issueMessage } from '../issues'
import { normalizeFeed } from '../normalize'
import { safeNoticeId } from '../noticeId'
import type { FeedContent } from '../types'
import { lintFinanceCarry, lintFinanceTable, lintFinanceUnchecked } from './finance'
import { lintPublicity, lintPublicityUnlinked } from './publicity'
import { lintExpiredPinned } from './pinned'
import { lintPrivacy } from './privacy'
import { UNIGNORABLE, type LintFinding, type LintOptions, type LintRuleId } from './types'

export * from './types'

export interface LintResult {
  findings: LintFinding[]
  /** findings switched off by lint_ignore, still listed so nobody forgets them */
  ignored: LintFinding[]
  errors: number
  warnings: number
}

function applyIgnores(all: LintFinding[], ignore: LintOptions['ignore'] = {}): LintResult {
  const findings: LintFinding[] = []
  const ignored: LintFinding[] = []
  for (const f of all) {
    const off = !UNIGNORABLE.has(f.rule) && (ignore[f.target] ?? []).includes(f.rule)
    ;(off ? ignored : findings).push(f)
  }
  return { findings, ignored, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length }
}

export function lintContent(content: FeedContent, opts: LintOptions): LintResult {
  const items = new Map(content.checklist.map((c) => [c.id, c]))
  const cal = { holidays: content.holidays, workdays: content.workdays }
  const categoryTitle = new Map(content.categories.map((c) => [c.id, c.title]))
  const all: LintFinding[] = [...lintPrivacy(content)]
  content.notices.forEach((n, i) => {
    if (n.checklistItem && !items.has(n.checklistItem)) {
      all.push({ rule: 'unknown-checklist-item', severity: 'error', target: n.id, path: `items[${i}]._gongkai.checklist_item`, code: 'feed.lint.unknown_checklist_item', params: { item: n.checklistItem } })
    }
    all.push(...lintFinanceTable(n, i), ...lintFinanceUnchecked(n, i), ...lintPublicity(n, i, items, cal), ...lintPublicityUnlinked(n, i, categoryTitle.get(n.category) ?? '', items), ...lintExpiredPinned(n, i, opts.today))
  })
  all.push(...lintFinanceCarry(content.notices))
  return applyIgnores(all, opts.ignore)
}

/**
 * Lints a feed document (parsed JSON). Schema errors come first and stop the
 * other rules, except that unknown checklist items get their own rule id.
 */
export function lintDocument(json: unknown, opts: LintOptions, baseUrl = 'https://feed.invalid/feed.json'): LintResult {
  const v = validateFeed(json)
  if (!v.ok) {
    const all = v.errors.map((e): LintFinding => ({
      rule: (e.code === 'unknown_checklist_item' ? 'unknown-checklist-item' : 'schema') as LintRuleId,
      severity: 'error',
      target: '',
      path: e.path,
      ...issueMessage(e),
    }))
    return applyIgnores(all, opts.ignore)
  }
  // lint_ignore is keyed by the id the township wrote; findings name the notice's safe id
  const ignore = opts.ignore ? Object.fromEntries(Object.entries(opts.ignore).map(([id, rules]) => [safeNoticeId(id), rules])) : undefined
  return lintContent(normalizeFeed(v.feed, baseUrl), { ...opts, ignore })
}
