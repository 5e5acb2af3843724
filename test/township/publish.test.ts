import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import * as ed from '@noble/ed25519'
import { cnIdCheckChar } from '../../src/privacy'
import { runScheduled } from '../../township/server/publish/workflow'
import { writePublished } from '../../township/server/publish/exportFolder'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENGINE, errorOf, smallTownship, startHarness, type Harness, type Jar } from './support'
import { zh } from '../support/words'
import { revisionSizeMessage } from '../../src/feed/limits'

const V = '341000000101'
const first17 = '11010519491231002'
const VALID_ID = first17 + cnIdCheckChar(first17)

interface Draft {
  id: number
  state: string
  itemId: string
  findings: { rule: string; severity: string; code: string; params?: Record<string, string | number> }[]
  blocking: boolean
  reviews: { decision: string; reason: string; userName: string }[]
  publishedRevision: number | null
}

const notice = (over: Record<string, unknown> = {}) => ({
  title: '关于2026年冬季防火的通知',
  content_html: '<p>请各户注意用火安全。</p>',
  date_published: '2026-12-01T09:00:00+08:00',
  _gongkai: { category: 'notices' },
  ...over,
})

const financeTable = (closing: number) => ({
  kind: 'finance',
  caption: '2026年11月村集体财务收支',
  unit: '元',
  columns: ['项目', '11月'],
  rows: [
    { kind: 'opening', cells: ['期初余额', 1000] },
    { kind: 'income', cells: ['土地承包费', 500] },
    { kind: 'expense', cells: ['道路维修', 200] },
    { kind: 'closing', cells: ['期末余额', closing] },
  ],
})

describe(`publishing from the console (${ENGINE})`, () => {
  let h: Harness
  let admin: Jar
  let editor: Jar
  let reviewer: Jar
  let now = new Date('2026-12-02T02:00:00Z')

  const draft = async (jar: Jar, item: unknown) => {
    const res = await h.req(`/api/villages/${V}/drafts`, { method: 'POST', json: { item }, jar })
    expect(res.status).toBe(201)
    return (await res.json()) as Draft
  }
  const step = (jar: Jar, id: number, what: string, json: unknown = {}) => h.req(`/api/drafts/${id}/${what}`, { method: 'POST', json, jar })
  const published = async () => {
    const res = await h.req(`/feeds/${V}/feed.json`)
    return { res, doc: (await res.json()) as { items: { id: string; title: string; attachments?: unknown[] }[]; _gongkai: { revision: number } } }
  }
  /** a draft taken through submit, approve and publish */
  const publishItem = async (item: unknown) => {
    const d = await draft(editor, item)
    expect((await step(editor, d.id, 'submit')).status).toBe(200)
    expect((await step(reviewer, d.id, 'approve')).status).toBe(200)
    const p = await step(reviewer, d.id, 'publish')
    expect(p.status).toBe(200)
    return (await p.json()) as Draft
  }

  beforeAll(async () => {
    h = await startHarness({ now: () => now })
    await smallTownship(h)
    admin = await h.admin()
    for (const [username, role] of [['editor1', 'editor'], ['reviewer1', 'reviewer']]) {
      const r = await h.req('/api/users', { method: 'POST', json: { username, displayName: username === 'editor1' ? '张编辑' : '李审核', role, password: `${username} password` }, jar: admin })
      expect(r.status).toBe(201)
    }
    editor = await h.login('editor1', 'editor1 password')
    reviewer = await h.login('reviewer1', 'reviewer1 password')
  }, 60_000)
  afterAll(() => h.close(), 60_000)

  it('draft → submitted → approved → published: a signed feed at the kiosks’ URL with ETag and Last-Modified', async () => {
    const d = await publishItem(notice())
    expect(d.state).toBe('published')
    expect(d.publishedRevision).toBe(1)
    const { res, doc } = await published()
    expect(doc._gongkai.revision).toBe(1)
    expect(doc.items.map((i) => i.title)).toContain('关于2026年冬季防火的通知')
    const etag = res.headers.get('etag')!
    expect(res.headers.get('last-modified')).toBeTruthy()
    expect((await h.req(`/feeds/${V}/feed.json`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    // the signature is over the served bytes, with the key the enrolment config names
    const bytes = new Uint8Array(await (await h.req(`/feeds/${V}/feed.json`)).arrayBuffer())
    const sig = Buffer.from((await (await h.req(`/feeds/${V}/feed.json.sig`)).text()).trim(), 'base64')
    const key = await h.ctx.signer.current(h.ctx.db, '341000001')
    expect(await ed.verifyAsync(sig, bytes, Buffer.from(key.publicKey, 'base64'))).toBe(true)
    expect(await h.count('audit_log', "action = 'draft.published'")).toBe(1)
    // kiosks poll from another origin with If-None-Match: the preflight is answered and ETag is readable
    const pre = await h.req(`/feeds/${V}/feed.json`, { method: 'OPTIONS', headers: { origin: 'http://kiosk.test', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/if-none-match/)
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag/)
  })

  it('the author cannot approve their own notice, not even as admin', async () => {
    const own = await draft(admin, notice({ title: '管理员自己写的通知' }))
    expect((await step(admin, own.id, 'submit')).status).toBe(200)
    const res = await step(admin, own.id, 'approve')
    expect(res.status).toBe(403)
    const e = await errorOf(res)
    expect(e.code).toBe('review.own_draft')
    expect(e.zh).toMatch(/不能审核自己写的公告/)
    expect(((await (await h.req(`/api/drafts/${own.id}`, { jar: admin })).json()) as Draft).state).toBe('submitted')
    // another reviewer may
    expect((await step(reviewer, own.id, 'approve')).status).toBe(200)
  })

  it('a notice with an unmasked valid ID number cannot be submitted; masked, it can', async () => {
    const d = await draft(editor, notice({ title: '低保对象名单', content_html: `<p>户主：王某，身份证 ${VALID_ID}</p>` }))
    expect(d.blocking).toBe(true)
    expect(d.findings.some((f) => f.rule === 'privacy')).toBe(true)
    const res = await step(editor, d.id, 'submit')
    expect(res.status).toBe(422)
    const e = await errorOf(res)
    expect(e.code).toBe('draft.lint_blocked')
    expect(e.zh).toMatch(/个人信息/)
    expect(((await (await h.req(`/api/drafts/${d.id}`, { jar: editor })).json()) as Draft).state).toBe('draft')
    const masked = `${VALID_ID.slice(0, 6)}********${VALID_ID.slice(-4)}`
    const fixed = await h.req(`/api/drafts/${d.id}`, { method: 'PUT', json: { item: notice({ title: '低保对象名单', content_html: `<p>户主：王某，身份证 ${masked}</p>` }) }, jar: editor })
    expect(((await fixed.json()) as Draft).blocking).toBe(false)
    expect((await step(editor, d.id, 'submit')).status).toBe(200)
  })

  it('a finance table that does not reconcile is blocked with the numbers; the fixed one passes', async () => {
    const lint = await h.req(`/api/villages/${V}/lint`, { method: 'POST', json: { item: notice({ title: '11月财务公开', _gongkai: { category: 'notices', table: financeTable(1200) } }) }, jar: editor })
    const { findings } = (await lint.json()) as { findings: { rule: string; code: string; params?: Record<string, string | number> }[] }
    expect(findings.map((f) => f.rule)).toContain('finance-reconcile')
    // the console words the code from the kiosk's feed.json, as the CLI does
    expect(zh(findings[0]!)).toMatch(/1000\.00 \+ 收入 500\.00 − 支出 200\.00 = 1300\.00，但期末写的是 1200\.00/)
    const d = await draft(editor, notice({ title: '11月财务公开', _gongkai: { category: 'notices', table: financeTable(1200) } }))
    expect((await step(editor, d.id, 'submit')).status).toBe(422)
    await h.req(`/api/drafts/${d.id}`, { method: 'PUT', json: { item: notice({ title: '11月财务公开', _gongkai: { category: 'notices', table: financeTable(1300) } }) }, jar: editor })
    expect((await step(editor, d.id, 'submit')).status).toBe(200)
  })

  it('rejection carries the reason back to the author; the edited draft goes round again', async () => {
    const d = await draft(editor, notice({ title: '村道修缮公告' }))
    await step(editor, d.id, 'submit')
    expect((await errorOf(await step(reviewer, d.id, 'reject', { reason: '' }))).code).toBe('review.reason_required')
    const r = await step(reviewer, d.id, 'reject', { reason: '请写明施工起止日期' })
    expect(((await r.json()) as Draft).state).toBe('rejected')
    const seen = (await (await h.req(`/api/drafts/${d.id}`, { jar: editor })).json()) as Draft
    expect(seen.reviews.find((x) => x.decision === 'rejected')).toMatchObject({ reason: '请写明施工起止日期', userName: '李审核' })
    expect((await step(reviewer, d.id, 'approve')).status).toBe(409)
  })

  it('a GBK .csv and an .xlsx upload give correct Chinese', async () => {
    const gbk = Uint8Array.from([
      // 项目,11月\r\n期初余额,1000\r\n期末余额,1300\r\n in GBK
      0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0x31, 0x31, 0xd4, 0xc2, 0x0d, 0x0a,
      0xc6, 0xda, 0xb3, 0xf5, 0xd3, 0xe0, 0xb6, 0xee, 0x2c, 0x31, 0x30, 0x30, 0x30, 0x0d, 0x0a,
      0xc6, 0xda, 0xc4, 0xa9, 0xd3, 0xe0, 0xb6, 0xee, 0x2c, 0x31, 0x33, 0x30, 0x30, 0x0d, 0x0a,
    ])
    const csv = await h.req('/api/uploads/table?name=' + encodeURIComponent('11月收支.csv'), { method: 'POST', body: gbk, headers: { 'content-type': 'text/csv' }, jar: editor })
    expect(csv.status).toBe(200)
    const t = (await csv.json()) as { grid: unknown[][]; table: { kind: string; columns: string[]; rows: { kind: string; cells: unknown[] }[] } }
    expect(t.table.columns).toEqual(['项目', '11月'])
    expect(t.table.rows).toEqual([{ kind: 'opening', cells: ['期初余额', 1000] }, { kind: 'closing', cells: ['期末余额', 1300] }])
    expect(t.table.kind).toBe('finance')

    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('收支')
    ws.addRows([['项目', '十一月'], ['收入：土地承包费', 500], ['支出：道路维修', 200]])
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer())
    const up = await h.req('/api/uploads/table?name=' + encodeURIComponent('收支.xlsx'), { method: 'POST', body: xlsx, jar: editor })
    expect(up.status).toBe(200)
    expect(((await up.json()) as { grid: unknown[][] }).grid).toEqual([['项目', '十一月'], ['收入：土地承包费', 500], ['支出：道路维修', 200]])

    const bad = await h.req('/api/uploads/table?name=x.csv', { method: 'POST', body: Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x0a]), jar: editor })
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).zh).toMatch(/x\.csv 第 2 行/)
  })

  it('an attachment over the kiosk’s limit is refused at upload, with the limit in words; a PDF under it is stored', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1)
    const res = await h.req(`/api/villages/${V}/files?name=` + encodeURIComponent('规划图.pdf'), { method: 'POST', body: big, headers: { 'content-type': 'application/pdf' }, jar: editor })
    expect(res.status).toBe(413)
    const e = await errorOf(res)
    expect(e.code).toBe('file.too_large')
    expect(e.zh).toMatch(/超过一体机能接收的单个文件上限 20 MB/)
    expect(await h.count('feed_files')).toBe(0)
    const pdf = new TextEncoder().encode('%PDF-1.4\n%test\n')
    const ok = await h.req(`/api/villages/${V}/files?name=` + encodeURIComponent('通知.pdf'), { method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf' }, jar: editor })
    expect(ok.status).toBe(201)
    const att = (await ok.json()) as { url: string; _gongkai: { sha256: string } }
    const p = await publishItem(notice({ title: '带附件的通知', attachments: [att] }))
    expect(p.state).toBe('published')
    const file = await h.req(`/feeds/${V}/${att.url}`)
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf)
    // the same bytes for another static host: feed, signature and the attachment
    const dir = mkdtempSync(join(tmpdir(), 'gk-publish-dir-'))
    try {
      const out = await writePublished(h.ctx.db, V, dir)
      expect(new Uint8Array(readFileSync(join(out, 'feed.json')))).toEqual(new Uint8Array(await (await h.req(`/feeds/${V}/feed.json`)).arrayBuffer()))
      expect(readFileSync(join(out, 'feed.json.sig'), 'utf8')).toBe(await (await h.req(`/feeds/${V}/feed.json.sig`)).text())
      expect(new Uint8Array(readFileSync(join(out, att.url)))).toEqual(pdf)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a revision over the kiosk’s total limit is shown while composing and refused at publish, with the limit in words', async () => {
    // eleven videos of 19 MB each: every one under the per-file limit, together over the 200 MB of one revision
    const videos = Array.from({ length: 11 }, (_, i) => {
      const sha256 = String(i).padStart(2, '0').repeat(32)
      return { url: `files/${sha256}`, mime_type: 'video/mp4', title: `政策图解${i + 1}.mp4`, size_in_bytes: 19 * 1024 * 1024, _gongkai: { sha256 } }
    })
    const item = notice({ title: '政策图解合集', attachments: videos })
    const lint = (await (await h.req(`/api/villages/${V}/lint`, { method: 'POST', json: { item }, jar: editor })).json()) as { size: { bytes: number; limit: number; over: boolean } }
    expect(lint.size.over).toBe(true)
    expect(lint.size.bytes).toBeGreaterThan(209 * 1024 * 1024)
    expect(zh(revisionSizeMessage(lint.size))).toMatch(/一体机每版上限 200 MB/)
    const d = await draft(editor, item)
    expect((await step(editor, d.id, 'submit')).status).toBe(200)
    expect((await step(reviewer, d.id, 'approve')).status).toBe(200)
    const before = (await published()).doc._gongkai.revision
    const res = await step(reviewer, d.id, 'publish')
    expect(res.status).toBe(413)
    const e = await errorOf(res)
    expect(e.code).toBe('revision.too_large')
    expect(e.zh).toMatch(/共 209 MB，超过一体机每一版能接收的上限 200 MB/)
    expect((await published()).doc._gongkai.revision).toBe(before)
    expect(((await (await h.req(`/api/drafts/${d.id}`, { jar: editor })).json()) as Draft).state).toBe('approved')
    // the notice without the videos fits, and goes out
    const small = (await publishItem(notice({ title: '政策图解合集（文字版）' }))) as Draft & { size: { over: boolean } }
    expect(small.state).toBe('published')
    expect(small.size.over).toBe(false)
  })

  it('withdrawal publishes a revision without the notice, the reason in the audit log; restoring an old revision publishes a higher one', async () => {
    const before = (await published()).doc
    const target = before.items.find((i) => i.title === '关于2026年冬季防火的通知')!
    const w = await h.req(`/api/villages/${V}/notices/${target.id}/withdraw`, { method: 'POST', json: { reason: '内容有误，重新发布' }, jar: reviewer })
    expect(w.status).toBe(201)
    const after = (await published()).doc
    expect(after._gongkai.revision).toBe(before._gongkai.revision + 1)
    expect(after.items.map((i) => i.id)).not.toContain(target.id)
    const log = await h.ctx.db.query<{ details: { reason: string } }>("SELECT details FROM audit_log WHERE action = 'notice.withdrawn'")
    expect(log[0]!.details.reason).toBe('内容有误，重新发布')

    const r = await h.req(`/api/villages/${V}/revisions/1/restore`, { method: 'POST', json: {}, jar: reviewer })
    expect(r.status).toBe(201)
    const restored = (await published()).doc
    expect(restored._gongkai.revision).toBeGreaterThan(after._gongkai.revision)
    expect(restored._gongkai.revision).toBeGreaterThan(1)
    expect(restored.items.map((i) => i.id)).toContain(target.id)
    const list = (await (await h.req(`/api/villages/${V}/revisions`, { jar: editor })).json()) as { revisions: { revision: number; cause: string }[] }
    expect(list.revisions[0]).toMatchObject({ revision: restored._gongkai.revision, cause: 'restore:1' })
    expect(list.revisions.map((x) => x.revision)).toEqual([...list.revisions.map((x) => x.revision)].sort((a, b) => b - a))
    const one = (await (await h.req(`/api/villages/${V}/revisions/1`, { jar: editor })).json()) as { changes: { kind: string; text: string }[] }
    expect(one.changes[0]).toMatchObject({ kind: 'added' })
  })

  describe('the checklist, edited through the same review', () => {
    // 编号,类别,事项,…,公开对象 and two rows (公示 7 天; 每月), saved by Excel as plain "CSV (逗号分隔)": GBK
    const gbkChecklist = () => new Uint8Array(readFileSync(new URL('../fixtures/checklist/公开目录-gbk.csv', import.meta.url)))
    type Row = { id: string; category: string; title: string; basis: string; frequency: { type: string; days?: number; day_type?: string }; channels: string[]; owner: string }
    const importSheet = async (name: string, body: Uint8Array<ArrayBuffer>) => h.req('/api/uploads/checklist?name=' + encodeURIComponent(name), { method: 'POST', body, jar: editor })

    it('a GBK .csv and an .xlsx checklist import give correct Chinese; a row with a wrong field count is refused with its line', async () => {
      const csv = await importSheet('公开目录.csv', gbkChecklist())
      expect(csv.status).toBe(200)
      const rows = ((await csv.json()) as { checklist: Row[] }).checklist
      expect(rows.map((r) => [r.id, r.title, r.owner])).toEqual([['CW-01', '最低生活保障对象', '村委会'], ['CF-01', '财务收支情况', '村委会']])
      expect(rows[0]!.frequency).toEqual({ type: 'publicity', days: 7, day_type: 'calendar' })
      expect(rows[0]!.channels).toEqual(['村务公开栏', '电子触摸屏'])
      expect(rows[1]!.basis).toBe('《村民委员会组织法》第三十条')
      expect(rows[1]!.frequency).toEqual({ type: 'monthly' })

      const wb = new ExcelJS.Workbook()
      wb.addWorksheet('清单').addRows([
        ['id', 'category', 'title', 'content', 'basis', 'frequency', 'days', 'day_type', 'channels', 'owner', 'audience'],
        ['DW-01', 'party', '发展党员情况', '发展对象姓名', '《中国共产党发展党员工作细则》', '公示', 5, '工作日', '村务公开栏', '村党组织', '全体村民'],
      ])
      const xlsx = await importSheet('清单.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()))
      expect(xlsx.status).toBe(200)
      const x = ((await xlsx.json()) as { checklist: Row[] }).checklist
      expect(x).toEqual([expect.objectContaining({ id: 'DW-01', category: 'party', title: '发展党员情况', owner: '村党组织', frequency: { type: 'publicity', days: 5, day_type: 'working' } })])

      const shifted = new TextEncoder().encode('id,title,frequency\nCF-01,财务收支情况,每月\nCF-02,工程项目,每季度,多出的一项\n')
      const bad = await importSheet('清单.csv', shifted)
      expect(bad.status).toBe(400)
      expect((await errorOf(bad)).zh).toMatch(/清单\.csv 第 3 行.*这一行有 4 项，表头有 3 项/)
    })

    it('a checklist draft: the feed’s validator checks it, the author cannot approve it, another reviewer publishes it', async () => {
      const csv = await importSheet('公开目录.csv', gbkChecklist())
      const rows = ((await csv.json()) as { checklist: Row[] }).checklist
      const broken = [rows[0]!, { ...rows[1]!, frequency: { type: '每天' } }]
      const lint = (await (await h.req(`/api/villages/${V}/lint`, { method: 'POST', json: { kind: 'checklist', item: { checklist: broken } }, jar: editor })).json()) as { findings: { path: string; severity: string }[] }
      expect(lint.findings).toEqual([expect.objectContaining({ severity: 'error', path: expect.stringContaining('_gongkai.checklist[1].frequency') })])
      const res = await h.req(`/api/villages/${V}/drafts`, { method: 'POST', json: { kind: 'checklist', item: { checklist: broken } }, jar: editor })
      expect(res.status).toBe(201)
      const d = (await res.json()) as Draft & { kind: string }
      expect(d.kind).toBe('checklist')
      expect(d.blocking).toBe(true)
      expect((await step(editor, d.id, 'submit')).status).toBe(422)
      expect((await h.req(`/api/drafts/${d.id}`, { method: 'PUT', json: { item: { checklist: rows } }, jar: editor })).status).toBe(200)
      expect((await step(editor, d.id, 'submit')).status).toBe(200)
      // the author, even as admin, cannot approve the checklist they wrote
      const own = await h.req(`/api/villages/${V}/drafts`, { method: 'POST', json: { kind: 'checklist', item: { checklist: rows } }, jar: admin })
      const ownId = ((await own.json()) as Draft).id
      expect((await step(admin, ownId, 'submit')).status).toBe(200)
      const self = await step(admin, ownId, 'approve')
      expect(self.status).toBe(403)
      expect((await errorOf(self)).code).toBe('review.own_draft')
      expect((await step(editor, d.id, 'approve')).status).toBe(403)
      expect((await step(reviewer, d.id, 'approve')).status).toBe(200)
      const diff = (await (await h.req(`/api/drafts/${d.id}/diff`, { jar: reviewer })).json()) as { changes: { kind: string; text: string }[] }
      expect(diff.changes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'added', text: expect.stringContaining('最低生活保障对象') })]))
      expect((await step(reviewer, d.id, 'publish')).status).toBe(200)
      const { doc } = await published()
      const ext = doc._gongkai as unknown as { checklist: Row[]; categories: { id: string; title: string }[] }
      expect(ext.checklist.map((r) => r.title)).toEqual(['最低生活保障对象', '财务收支情况'])
      expect(ext.categories).toEqual(expect.arrayContaining([{ id: 'village', title: '村务公开' }, { id: 'finance', title: '财务公开' }]))
      // a notice may now point at the published item, and its 公示 window is held to the item's 7 days
      const linked = await draft(editor, notice({ title: '2026年低保对象公示', _gongkai: { category: 'notices', checklist_item: 'CW-01' } }))
      expect(linked.findings.filter((f) => f.rule === 'unknown-checklist-item')).toEqual([])
    })
  })

  it('a handbook chapter goes through the same review: the privacy lint blocks it, the author cannot approve it, an edit replaces it by id', async () => {
    const chapter = (body: string) => ({ title: '异议处理', content_markdown: `## 怎样提出异议\n\n${body}` })
    const res = await h.req(`/api/villages/${V}/drafts`, { method: 'POST', json: { kind: 'chapter', item: chapter(`联系人身份证号 ${VALID_ID}，请到村委会。`) }, jar: editor })
    expect(res.status).toBe(201)
    const d = (await res.json()) as Draft & { kind: string; itemId: string }
    expect(d.kind).toBe('chapter')
    expect(d.findings).toEqual([expect.objectContaining({ rule: 'privacy', severity: 'error' })])
    expect((await step(editor, d.id, 'submit')).status).toBe(422)
    expect((await h.req(`/api/drafts/${d.id}`, { method: 'PUT', json: { item: chapter('对公示内容有异议的，可在公示期内向村务监督委员会书面提出。') }, jar: editor })).status).toBe(200)
    expect((await step(editor, d.id, 'submit')).status).toBe(200)
    const own = await step(editor, d.id, 'approve')
    expect(own.status).toBe(403)
    expect((await step(reviewer, d.id, 'approve')).status).toBe(200)
    expect((await step(reviewer, d.id, 'publish')).status).toBe(200)
    type Handbook = { handbook: { title: string; chapters: { id: string; title: string; content_markdown: string }[] } }
    let ext = (await published()).doc._gongkai as unknown as Handbook
    expect(ext.handbook.title).toBe('村务公开手册')
    expect(ext.handbook.chapters).toEqual([{ id: d.itemId, title: '异议处理', content_markdown: expect.stringContaining('村务监督委员会书面提出') }])
    // editing the published chapter (same id) replaces it; the notices and the checklist stay
    const before = (await published()).doc
    const edit = await h.req(`/api/villages/${V}/drafts`, { method: 'POST', json: { kind: 'chapter', item: { id: d.itemId, title: '异议处理（修订）', content_markdown: '十日内答复。' } }, jar: editor })
    const e = (await edit.json()) as Draft
    await step(editor, e.id, 'submit')
    await step(reviewer, e.id, 'approve')
    expect((await step(reviewer, e.id, 'publish')).status).toBe(200)
    const after = (await published()).doc
    ext = after._gongkai as unknown as Handbook
    expect(ext.handbook.chapters).toEqual([{ id: d.itemId, title: '异议处理（修订）', content_markdown: '十日内答复。' }])
    expect(after.items.map((i) => i.id)).toEqual(before.items.map((i) => i.id))
    expect(after._gongkai.revision).toBe(before._gongkai.revision + 1)
  })

  it('scheduled publishing waits for its time; the diff says what it adds', async () => {
    const d = await draft(editor, notice({ title: '元旦放假安排' }))
    await step(editor, d.id, 'submit')
    await step(reviewer, d.id, 'approve')
    const diff = (await (await h.req(`/api/drafts/${d.id}/diff`, { jar: reviewer })).json()) as { changes: { kind: string; text: string }[] }
    expect(diff.changes).toEqual([expect.objectContaining({ kind: 'added', text: expect.stringContaining('元旦放假安排') })])
    // 本机预览: the kiosk app's config names the draft's own feed, which holds the notice and the next revision
    const cfg = (await (await h.req(`/preview/${d.id}/config.json`)).json()) as { feeds: { id: string; url: string }[] }
    expect(cfg.feeds[0]!.url).toBe(`/api/drafts/${d.id}/preview/feed.json`)
    expect((await h.req(cfg.feeds[0]!.url)).status).toBe(401)
    const preview = (await (await h.req(cfg.feeds[0]!.url, { jar: reviewer })).json()) as { items: { title: string }[]; _gongkai: { revision: number } }
    expect(preview.items[0]!.title).toBe('元旦放假安排')
    expect(preview._gongkai.revision).toBe((await published()).doc._gongkai.revision + 1)
    const rev = (await published()).doc._gongkai.revision
    const s = await step(reviewer, d.id, 'publish', { at: new Date(now.getTime() + 3600_000).toISOString() })
    expect(((await s.json()) as Draft).state).toBe('scheduled')
    expect(await runScheduled(h.ctx)).toBe(0)
    expect((await published()).doc._gongkai.revision).toBe(rev)
    now = new Date(now.getTime() + 2 * 3600_000)
    expect(await runScheduled(h.ctx)).toBe(1)
    const doc = (await published()).doc
    expect(doc._gongkai.revision).toBe(rev + 1)
    expect(doc.items[0]!.title).toBe('元旦放假安排')
  })
})
