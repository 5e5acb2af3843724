/**
 * Deterministic, realistic gongkai feeds of any size for the benchmarks: Chinese
 * notice text, finance and list tables, a full checklist and a handbook. The
 * same seed and anchor day give the same bytes. About 500 bytes per notice, so
 * 10,000 notices are ≈ 5 MB.
 */

/** mulberry32: small, fast, seeded */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CATEGORIES = [
  { id: 'party', title: '党务公开' },
  { id: 'village', title: '村务公开' },
  { id: 'finance', title: '财务公开' },
  { id: 'service', title: '服务公开' },
]
const SUBJECTS = ['最低生活保障', '特困人员救助', '耕地地力保护补贴', '农村危房改造', '宅基地审批', '集体经济收益分配', '村级工程项目', '土地征收补偿', '医疗救助', '临时救助', '残疾人两项补贴', '高龄津贴', '村干部报酬', '一事一议筹资', '村务监督委员会', '征兵工作', '新农合缴费', '村集体资产出租', '道路硬化工程', '饮水安全工程']
const VERBS = ['经村民代表会议讨论通过', '经村两委联席会议研究', '按照镇党委政府统一部署', '根据县民政局有关文件精神', '经村务监督委员会审核', '依据《村民委员会组织法》有关规定']
const PHRASES = ['现将有关情况公示如下', '公示期间如有异议，请向村务监督委员会反映', '请广大村民相互转告', '欢迎村民监督', '联系人：村委会办公室', '办理地点：村便民服务中心', '所需材料：户口簿、身份证复印件', '资金已通过“一卡通”发放到户', '具体名单见下表', '本次公示内容真实有效']
const NAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴']
const GIVEN = ['建国', '秀英', '桂兰', '志强', '玉梅', '春生', '金凤', '德华', '丽娟', '长青']
const ITEMS = ['办公费', '水电费', '道路维修', '绿化养护', '保洁工资', '会议费', '资产租金收入', '上级转移支付', '党员活动经费', '困难户慰问']

const pick = (r, a) => a[Math.floor(r() * a.length)]
const pad = (n) => String(n).padStart(2, '0')
const day = (t) => {
  const d = new Date(t)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
const iso = (t) => `${day(t)}T09:00:00+08:00`

function sentence(r) {
  return `${pick(r, VERBS)}，${pick(r, SUBJECTS)}工作已完成初审，${pick(r, PHRASES)}。`
}

function table(r, i) {
  if (i % 2 === 0) {
    let balance = Math.round(r() * 100000)
    const rows = [{ kind: 'opening', cells: ['期初余额', balance] }]
    for (let k = 0; k < 4; k++) {
      const amount = Math.round(r() * 20000) / 100
      balance += k % 2 ? -amount : amount
      rows.push({ kind: k % 2 ? 'expense' : 'income', cells: [pick(r, ITEMS), amount] })
    }
    rows.push({ kind: 'closing', cells: ['期末余额', Math.round(balance * 100) / 100] })
    return { kind: 'finance', caption: '收支明细', unit: '元', columns: ['项目', '金额'], rows }
  }
  const rows = []
  for (let k = 0; k < 4; k++) rows.push({ cells: [`${pick(r, NAMES)}${pick(r, GIVEN)}`, `第${1 + Math.floor(r() * 9)}村民小组`, Math.round(r() * 5000)] })
  return { kind: 'list', caption: '名单', unit: '元', columns: ['姓名', '村民小组', '金额'], rows }
}

/**
 * @param {{ items: number, seed?: number, revision?: number, now?: number, openEvery?: number, mark?: string }} o
 *   now: the anchor (ms); every `openEvery`-th notice is open on that day (default: a third);
 *   mark: appended to every title, so a page can tell this revision's cards from an older one's
 */
export function generateFeed({ items, seed = 20261127, revision = 1, now = Date.UTC(2026, 10, 27), openEvery = 3, mark = '' }) {
  const r = rng(seed)
  const dayMs = 86_400_000
  const checklist = []
  for (let i = 0; i < 60; i++) {
    const category = CATEGORIES[i % CATEGORIES.length].id
    const frequency = [{ type: 'monthly' }, { type: 'quarterly' }, { type: 'yearly' }, { type: 'publicity', days: 7 }, { type: 'on_event', within_days: 10 }][i % 5]
    checklist.push({ id: `CL-${pad(i)}`, category, title: `${pick(r, SUBJECTS)}情况`, content: `${pick(r, SUBJECTS)}的对象、标准、金额`, basis: '《村民委员会组织法》第三十条', frequency, channels: ['村务公开栏', '电子触摸屏'], owner: '村委会', audience: '全体村民' })
  }
  const chapters = []
  for (let c = 0; c < 12; c++) {
    let md = `## 第${c + 1}节\n\n`
    for (let p = 0; p < 8; p++) md += `${sentence(r)}${sentence(r)}\n\n`
    md += '| 事项 | 时限 |\n| --- | --- |\n| 公示 | 7 日 |\n| 答复 | 10 个工作日 |\n'
    chapters.push({ id: `ch-${c + 1}`, title: `${pick(r, SUBJECTS)}办理指南`, content_markdown: md })
  }
  const notices = []
  for (let i = 0; i < items; i++) {
    const open = i % openEvery === 0
    // open: published in the last month, ends within the next; closed: a 7-day notice that ended before today
    const published = open ? now - Math.floor(r() * 30) * dayMs : now - (8 + Math.floor(r() * 360)) * dayMs
    const expires = open ? now + (1 + Math.floor(r() * 30)) * dayMs : published + 7 * dayMs
    const item = checklist[i % checklist.length]
    const ext = { category: item.category, checklist_item: item.id, expires: iso(expires) }
    if (i % 5 === 0) ext.table = table(r, i)
    if (i % 997 === 0) ext.pinned = true
    notices.push({
      id: `N-${i + 1}`,
      title: `关于${pick(r, SUBJECTS)}的公示（第${i + 1}号）${mark}`,
      content_text: `${sentence(r)}${sentence(r)}`,
      date_published: iso(published),
      _gongkai: ext,
    })
  }
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: '桐溪村村务公开（基准测试）',
    home_page_url: 'https://example.gov.cn/tongxi/',
    _gongkai: {
      schema: 1,
      revision,
      generated_at: iso(now),
      village: { code: '330000000001', name: '桐溪村', township: '桐溪镇', county: '映湖县' },
      categories: CATEGORIES,
      checklist,
      handbook: { title: '村务公开手册', chapters },
    },
    items: notices,
  }
}

export function feedBytes(o) {
  return Buffer.from(JSON.stringify(generateFeed(o)))
}
