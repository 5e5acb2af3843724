/**
 * The IndexedDB store each kind of clerk record lives in. Its own file so the
 * storage layer (in the entry chunk) does not pull in the valibot schemas of
 * model.ts (docs/performance.md: initial JS budget).
 */
export const STORE_OF = { item: 'clerkItems', ledger: 'ledger', notice: 'localNotices' } as const
