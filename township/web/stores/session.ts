/** Who is signed in, and their CSRF token (kept in the API client). */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError, get, post, setCsrfToken } from '../api/client'
import type { Role, Session, User } from '../api/types'

const RANK: Record<Role, number> = { viewer: 0, editor: 1, reviewer: 1, admin: 2 }

export const useSessionStore = defineStore('session', () => {
  /** the signed-in user, null when signed out */
  const user = ref<User | null>(null)
  /** true once /api/auth/me has answered */
  const checked = ref(false)

  function accept(s: Session) {
    user.value = s.user
    setCsrfToken(s.csrfToken)
  }

  async function check(): Promise<void> {
    try {
      accept(await get<Session>('/api/auth/me'))
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e
      user.value = null
      setCsrfToken(null)
    } finally {
      checked.value = true
    }
  }

  async function login(username: string, password: string) {
    accept(await post<Session>('/api/auth/login', { username, password }))
  }

  async function setup(setupToken: string, username: string, displayName: string, password: string) {
    accept(await post<Session>('/api/setup', { setupToken, username, displayName, password }))
  }

  async function logout() {
    try {
      await post('/api/auth/logout')
    } finally {
      user.value = null
      setCsrfToken(null)
    }
  }

  const isAdmin = computed(() => user.value?.role === 'admin')
  const hasRole = (role: Role) => !!user.value && RANK[user.value.role] >= RANK[role]

  return { user, checked, check, login, setup, logout, isAdmin, hasRole }
})
