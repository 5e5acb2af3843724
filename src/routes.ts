/**
 * The kiosk's screens. Hash history, so the app runs from any static host
 * without rewrite rules. Views other than home load on demand.
 */
import type { RouteRecordRaw } from 'vue-router'
import HomeView from './views/HomeView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/checklist', name: 'checklist', component: () => import('./views/ChecklistView.vue') },
  { path: '/checklist/:id', name: 'checklist-item', component: () => import('./views/ChecklistItemView.vue'), props: true },
  { path: '/notices', name: 'notices', component: () => import('./views/NoticesView.vue') },
  { path: '/notices/:id', name: 'notice', component: () => import('./views/NoticeDetailView.vue'), props: true },
  { path: '/handbook', name: 'handbook', component: () => import('./views/HandbookView.vue') },
  { path: '/handbook/:id', name: 'chapter', component: () => import('./views/HandbookChapterView.vue'), props: true },
  { path: '/status', name: 'status', component: () => import('./views/StatusView.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]
