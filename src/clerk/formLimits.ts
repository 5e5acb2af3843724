/**
 * How long what a clerk types may be (issue 16 item 4: a 2,000-character title
 * made a card one huge column). The forms cap their inputs at these and show a
 * counter; the record schemas (model.ts) refuse anything longer on save and import.
 */
export const LIMITS = {
  noticeTitle: 200,
  noticeText: 20_000,
  itemTitle: 100,
  itemContent: 2000,
  itemBasis: 500,
  itemShort: 80,
  itemChannels: 200,
  ledgerShort: 80,
  ledgerLong: 2000,
} as const

/** The category a village's own notice goes into by default: the village-affairs one (村务), else the first. */
export function villageCategory(categories: readonly { id: string; title: string }[]): string | undefined {
  return (categories.find((c) => c.id === 'village') ?? categories.find((c) => /村务/.test(c.title)) ?? categories.find((c) => c.id !== 'party' && !/党务/.test(c.title)) ?? categories[0])?.id
}
