import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, ENGINE, errorOf, smallTownship, startHarness, type Harness, type Jar } from './support'

describe(`township accounts (${ENGINE})`, () => {
  let h: Harness
  let admin: Jar
  beforeAll(async () => {
    h = await startHarness()
    await smallTownship(h, [
      { code: '341000000101', name: '青山村' },
      { code: '341000000102', name: '白水村' },
    ])
  }, 60_000)
  afterAll(() => h.close(), 60_000)

  it('first run: needsAdmin, the one-time link creates the admin once', async () => {
    expect(await (await h.req('/api/setup')).json()).toEqual({ needsAdmin: true })
    admin = await h.admin()
    expect(admin.cookie).toMatch(/^gk_session=/)
    expect(await (await h.req('/api/setup')).json()).toEqual({ needsAdmin: false })
    // a second link cannot make a second admin
    const again = await h.req('/api/setup', { method: 'POST', json: { setupToken: 'used-or-unknown', username: 'eve', displayName: 'Eve', password: 'long enough password' } })
    expect(again.status).toBe(403)
    expect((await errorOf(again)).code).toBe('setup.bad_token')
    expect(await h.count('users')).toBe(1)
  })

  it('the session cookie is HttpOnly SameSite=Strict; /me gives the user and CSRF token', async () => {
    const res = await h.req('/api/auth/login', { method: 'POST', json: { username: 'admin', password: ADMIN_PASSWORD } })
    expect(res.status).toBe(200)
    const set = res.headers.get('set-cookie')!
    expect(set).toMatch(/HttpOnly/)
    expect(set).toMatch(/SameSite=Strict/)
    const me = await h.req('/api/auth/me', { jar: admin })
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('admin')
    expect((await h.req('/api/auth/me')).status).toBe(401)
  })

  it('a state-changing request without X-CSRF-Token is refused and changes nothing', async () => {
    const before = await h.count('users')
    const res = await h.req('/api/users', {
      method: 'POST',
      json: { username: 'csrf', displayName: 'x', role: 'admin', password: 'long enough password' },
      headers: { cookie: admin.cookie },
    })
    expect(res.status).toBe(403)
    const e = await errorOf(res)
    expect(e.code).toBe('csrf.missing')
    expect(e.zh).toMatch(/令牌/)
    const wrong = await h.req('/api/users', { method: 'POST', json: { username: 'csrf', displayName: 'x', role: 'admin', password: 'long enough password' }, headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' } })
    expect((await errorOf(wrong)).code).toBe('csrf.bad')
    expect(await h.count('users')).toBe(before)
  })

  it('20 wrong passwords lock the account (429 auth.locked), nothing else disturbed', async () => {
    const create = await h.req('/api/users', { method: 'POST', json: { username: 'clerk', displayName: '王会计', role: 'viewer', password: 'the clerk password' }, jar: admin })
    expect(create.status).toBe(201)
    const codes: string[] = []
    for (let i = 0; i < 20; i++) {
      const r = await h.req('/api/auth/login', { method: 'POST', json: { username: 'clerk', password: `wrong ${i}` } })
      codes.push((await errorOf(r)).code)
    }
    expect(codes.slice(0, 9).every((c) => c === 'auth.bad_credentials')).toBe(true)
    expect(codes.slice(10).every((c) => c === 'auth.locked')).toBe(true)
    // now even the right password waits
    const right = await h.req('/api/auth/login', { method: 'POST', json: { username: 'clerk', password: 'the clerk password' } })
    expect(right.status).toBe(429)
    const e = await errorOf(right)
    expect(e.detail.retryAfterSeconds).toBeGreaterThan(0)
    expect(right.headers.get('retry-after')).toBeTruthy()
    // the admin still signs in; no session was made for the clerk; the lockout is visible and can be lifted
    await h.login('admin', ADMIN_PASSWORD)
    expect(await h.count('sessions s JOIN users u ON u.id = s.user_id', "u.username = 'clerk'")).toBe(0)
    const users = (await (await h.req('/api/users', { jar: admin })).json()) as { users: { id: number; username: string; lockedUntil: string | null }[] }
    const clerk = users.users.find((u) => u.username === 'clerk')!
    expect(clerk.lockedUntil).not.toBeNull()
    expect((await h.req(`/api/users/${clerk.id}`, { method: 'PATCH', json: { lockedUntil: null }, jar: admin })).status).toBe(200)
    await h.login('clerk', 'the clerk password')
    expect(await h.count('audit_log', "action = 'auth.login_failed' AND target = 'user:clerk'")).toBe(10)
    expect(await h.count('audit_log', "action = 'auth.login_locked' AND target = 'user:clerk'")).toBe(11)
  })

  it('roles and village limits: a viewer reads only their villages and may not enrol', async () => {
    await h.req('/api/users', { method: 'POST', json: { username: 'viewer1', displayName: '李', role: 'viewer', villages: ['341000000102'], password: 'viewer password 1' }, jar: admin })
    const v = await h.login('viewer1', 'viewer password 1')
    expect(await (await h.req('/api/villages', { jar: v })).json()).toEqual([{ code: '341000000102', name: '白水村', township: '测试镇' }])
    const enrol = await h.req('/api/kiosks', { method: 'POST', json: { villageCode: '341000000102', place: 'x' }, jar: v })
    expect(enrol.status).toBe(403)
    expect((await errorOf(enrol)).code).toBe('auth.forbidden')
    expect((await h.req('/api/audit', { jar: v })).status).toBe(403)
    expect((await h.req('/api/villages/341000000101/ledger', { jar: v })).status).toBe(404)
  })

  it('bad input to accounts: weak password, unknown role, malformed JSON', async () => {
    const weak = await h.req('/api/users', { method: 'POST', json: { username: 'weak', displayName: 'w', role: 'viewer', password: 'short' }, jar: admin })
    expect((await errorOf(weak)).code).toBe('auth.weak_password')
    const role = await h.req('/api/users', { method: 'POST', json: { username: 'r', displayName: 'w', role: 'root', password: 'long enough password' }, jar: admin })
    expect((await errorOf(role)).code).toBe('input.invalid')
    const bad = await h.req('/api/users', { method: 'POST', body: '{"username": ', headers: { 'content-type': 'application/json' }, jar: admin })
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).code).toBe('body.bad_json')
    expect(await h.count('users', "username IN ('weak', 'r')")).toBe(0)
  })

  it('the audit log is append-only and lists sign-ins with their address', async () => {
    const res = await h.req('/api/audit?action=auth', { jar: admin })
    const j = (await res.json()) as { entries: { action: string; actorKind: string }[]; total: number }
    expect(j.total).toBeGreaterThan(20)
    expect(j.entries.some((e) => e.action === 'auth.login' && e.actorKind === 'user')).toBe(true)
    await expect(h.ctx.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
    await expect(h.ctx.db.query("UPDATE audit_log SET actor = 'x'")).rejects.toThrow(/append-only/)
  })

  it('logout ends the session', async () => {
    const j = await h.login('admin', ADMIN_PASSWORD)
    expect((await h.req('/api/auth/logout', { method: 'POST', jar: j })).status).toBe(204)
    expect((await h.req('/api/auth/me', { jar: j })).status).toBe(401)
  })
})
