/**
 * The kiosk's screens. Hash history, so the app runs from any static host
 * without rewrite rules. Home and the two small list screens its tiles open
 * (checklist, handbook: ≈ 3 KB together) are in the entry, so a kiosk started
 * on any of them has no chunk to wait for before its first content (issue 19);
 * the other views load on demand.
 */
import type { RouteRecordRaw } from 'vue-router'
import HomeView from './views/HomeView.vue'
import ChecklistView from './views/ChecklistView.vue'
import HandbookView from './views/HandbookView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/checklist', name: 'checklist', component: ChecklistView },
  { path: '/checklist/:id', name: 'checklist-item', component: () => import('./views/ChecklistItemView.vue'), props: true },
  { path: '/notices', name: 'notices', component: () => import('./views/NoticesView.vue') },
  { path: '/notices/archive', name: 'archive', component: () => import('./views/ArchiveView.vue') },
  { path: '/notices/:id', name: 'notice', component: () => import('./views/NoticeDetailView.vue'), props: true },
  { path: '/handbook', name: 'handbook', component: HandbookView },
  { path: '/handbook/:id', name: 'chapter', component: () => import('./views/HandbookChapterView.vue'), props: true },
  { path: '/status', name: 'status', component: () => import('./views/StatusView.vue') },
  { path: '/search', name: 'search', component: () => import('./views/SearchView.vue') },
  {
    path: '/clerk',
    component: () => import('./views/clerk/ClerkLayout.vue'),
    children: [
      { path: '', name: 'clerk', component: () => import('./views/clerk/ClerkHomeView.vue') },
      { path: 'ledger', name: 'clerk-ledger', component: () => import('./views/clerk/ClerkLedgerView.vue') },
      { path: 'ledger/:id', name: 'clerk-ledger-record', component: () => import('./views/clerk/ClerkLedgerFormView.vue'), props: true },
      { path: 'items', name: 'clerk-items', component: () => import('./views/clerk/ClerkItemsView.vue') },
      { path: 'items/:id', name: 'clerk-item', component: () => import('./views/clerk/ClerkItemFormView.vue'), props: true },
      { path: 'notices', name: 'clerk-notices', component: () => import('./views/clerk/ClerkNoticesView.vue') },
      { path: 'notices/:id', name: 'clerk-notice', component: () => import('./views/clerk/ClerkNoticeFormView.vue'), props: true },
      { path: 'data', name: 'clerk-data', component: () => import('./views/clerk/ClerkDataView.vue') },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]
