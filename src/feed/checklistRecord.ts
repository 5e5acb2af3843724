/**
 * One checklist row as offices write it (a CSV or spreadsheet row keyed by its
 * header: frequency in words such as 每月 or 公示, channels separated by ；) made
 * into the feed's checklist item. Shared by the CLI's checklist.csv and the
 * township console's checklist import, so both read a sheet the same way;
 * the result is checked by the feed's own validator, not here. Pure.
 */
import type { FrequencyType } from './schema'

/** the words the feed accepts for a frequency, Chinese and English */
export const FREQUENCY_WORDS: Record<string, FrequencyType> = {
  长期: 'long_term', 长期公开: 'long_term', long_term: 'long_term',
  每月: 'monthly', 按月: 'monthly', monthly: 'monthly',
  每季度: 'quarterly', 按季: 'quarterly', 按季度: 'quarterly', quarterly: 'quarterly',
  每半年: 'semiannual', semiannual: 'semiannual',
  每年: 'yearly', 按年: 'yearly', yearly: 'yearly',
  随时: 'on_event', 随时公开: 'on_event', on_event: 'on_event',
  公示: 'publicity', publicity: 'publicity',
}

/** the word a form shows for each frequency */
export const FREQUENCY_LABEL: Record<FrequencyType, string> = {
  long_term: '长期',
  monthly: '每月',
  quarterly: '每季度',
  semiannual: '每半年',
  yearly: '每年',
  on_event: '随时',
  publicity: '公示',
}

/** the columns of checklist.csv (cli/templates/checklist.csv) */
export const CHECKLIST_COLUMNS = ['id', 'category', 'title', 'content', 'basis', 'frequency', 'days', 'day_type', 'channels', 'owner', 'audience'] as const
export type ChecklistColumn = (typeof CHECKLIST_COLUMNS)[number]

/** Chinese headers a township's own sheet may use for the same columns */
const HEADER_WORDS: Record<string, ChecklistColumn> = {
  编号: 'id', 序号: 'id', 事项编号: 'id',
  类别: 'category', 分类: 'category',
  事项: 'title', 公开事项: 'title', 名称: 'title', 标题: 'title',
  内容: 'content', 公开内容: 'content',
  依据: 'basis', 公开依据: 'basis',
  频次: 'frequency', 公开频次: 'frequency', 公开时限: 'frequency', 公开时间: 'frequency',
  天数: 'days', 公示天数: 'days',
  天数类型: 'day_type', 日类型: 'day_type',
  公开方式: 'channels', 公开渠道: 'channels', 渠道: 'channels',
  责任主体: 'owner', 责任人: 'owner', 责任单位: 'owner',
  公开对象: 'audience', 对象: 'audience', 范围: 'audience',
}

/** the column a header cell names, or null */
export function checklistColumn(header: string): ChecklistColumn | null {
  const h = header.trim()
  return (CHECKLIST_COLUMNS as readonly string[]).includes(h) ? (h as ChecklistColumn) : (HEADER_WORDS[h] ?? null)
}

/** "a；b | c" or an array as a list of non-empty strings */
export const splitList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(/[;；|]/).map((s) => s.trim()).filter(Boolean) : [])

export function checklistItemFromRecord(r: Partial<Record<ChecklistColumn, string>>): Record<string, unknown> {
  const type = FREQUENCY_WORDS[r.frequency ?? ''] ?? r.frequency ?? ''
  const frequency: Record<string, unknown> = { type }
  if (type === 'publicity') {
    frequency.days = Number(r.days)
    frequency.day_type = /working|工作日/.test(r.day_type ?? '') ? 'working' : 'calendar'
  }
  if (type === 'on_event' && r.days) frequency.within_days = Number(r.days)
  return { id: r.id, category: r.category, title: r.title, content: r.content ?? '', basis: r.basis ?? '', frequency, channels: splitList(r.channels), owner: r.owner ?? '', audience: r.audience ?? '' }
}

/** titles for the categories of the checklist template, when a sheet names one the village has not yet */
export const CATEGORY_TITLES: Record<string, string> = { finance: '财务公开', village: '村务公开', party: '党务公开', notices: '公告' }
