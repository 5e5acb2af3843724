/** Hash routes (the server serves one index.html); signed-out visitors go to 登录, admin pages need admin. */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import type { Pinia } from 'pinia'
import { useSessionStore } from '../stores/session'
import type { Role } from '../api/types'

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable signed out */
    public?: boolean
    role?: Role
    /** the nav entry's translation key */
    title?: string
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/fleet' },
  { path: '/setup', component: () => import('../views/SetupView.vue'), meta: { public: true, title: 'nav.setup' } },
  { path: '/login', component: () => import('../views/LoginView.vue'), meta: { public: true, title: 'nav.login' } },
  { path: '/fleet', component: () => import('../views/FleetView.vue'), meta: { title: 'nav.fleet' } },
  { path: '/fleet/:id', component: () => import('../views/KioskHistoryView.vue'), meta: { title: 'nav.fleet' } },
  { path: '/kiosks', component: () => import('../views/KiosksView.vue'), meta: { role: 'admin', title: 'nav.kiosks' } },
  { path: '/supervision', component: () => import('../views/SupervisionView.vue'), meta: { title: 'nav.supervision' } },
  { path: '/weekly', component: () => import('../views/WeeklyView.vue'), meta: { title: 'nav.weekly' } },
  { path: '/reports', component: () => import('../views/ReportsView.vue'), meta: { title: 'nav.reports' } },
  { path: '/ledger/:code?', component: () => import('../views/LedgerView.vue'), meta: { title: 'nav.ledger' } },
  { path: '/publish/:code?', component: () => import('../views/PublishView.vue'), meta: { title: 'publish.nav' } },
  { path: '/publish/:code/drafts/:id', component: () => import('../views/ComposeView.vue'), meta: { role: 'editor', title: 'publish.nav' } },
  { path: '/publish/:code/checklist/:id', component: () => import('../views/ChecklistView.vue'), meta: { role: 'editor', title: 'publish.nav' } },
  { path: '/publish/:code/chapters/:id', component: () => import('../views/ChapterView.vue'), meta: { role: 'editor', title: 'publish.nav' } },
  { path: '/publish/:code/review/:id', component: () => import('../views/ReviewView.vue'), meta: { title: 'publish.nav' } },
  { path: '/publish/:code/preview/:id', component: () => import('../views/PreviewView.vue'), meta: { title: 'publish.nav' } },
  { path: '/publish/:code/history', component: () => import('../views/HistoryView.vue'), meta: { title: 'publish.nav' } },
  { path: '/audit', component: () => import('../views/AuditView.vue'), meta: { role: 'admin', title: 'nav.audit' } },
  { path: '/users', component: () => import('../views/UsersView.vue'), meta: { role: 'admin', title: 'nav.users' } },
  { path: '/alerts', component: () => import('../views/AlertsView.vue'), meta: { role: 'admin', title: 'nav.alerts' } },
  { path: '/:rest(.*)*', redirect: '/fleet' },
]

export function createConsoleRouter(pinia: Pinia) {
  const router = createRouter({ history: createWebHashHistory(), routes })
  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia)
    if (!session.checked) await session.check().catch(() => undefined)
    if (to.meta.public) return true
    if (!session.user) return { path: '/login', query: to.fullPath !== '/fleet' ? { next: to.fullPath } : {} }
    if (to.meta.role && !session.hasRole(to.meta.role)) return { path: '/fleet' }
    return true
  })
  return router
}
