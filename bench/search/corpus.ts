/**
 * A deterministic Chinese corpus for the search benchmark: notices, checklist
 * items and handbook chapters made from the vocabulary of village affairs
 * disclosure, with a seeded PRNG so every run indexes the same 20,000 entries.
 * Pure (no Node, no DOM): the Chromium page generates the same corpus.
 */
import type { SearchDoc } from '../../src/search/types'

/** mulberry32: small, fast, good enough for test data */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const VILLAGES = ['桐溪村', '桂湾村', '石门村', '长岭村', '重华村', '行塘村', '银杏村', '柳河村', '东山村', '大树村', '新丰村', '和平村', '青石村', '上坪村', '下庄村', '枫林村', '白沙村', '黄泥岗村']

/** topics a notice is about; the common ones appear in thousands of entries */
export const TOPICS = [
  '低保公示', '最低生活保障对象审核', '土地补偿', '土地征收补偿安置方案', '财务公开', '财务收支明细', '宅基地审批', '耕地地力保护补贴',
  '临时救助', '特困人员救助供养', '残疾人两项补贴', '党费收缴', '发展党员', '村民代表会议决议', '一事一议筹资筹劳', '集体资产发包',
  '鱼塘承包', '道路硬化工程', '自来水改造', '危房改造', '医疗保险缴费', '养老保险', '重阳节慰问', '防汛抗旱', '森林防火', '秸秆禁烧',
  '人居环境整治', '垃圾分类', '厕所改造', '路灯安装', '村干部报酬', '计划生育奖励扶助', '高龄津贴', '退役军人优待', '银行代发',
  '行政审批', '长期护理保险', '重点项目', '村务监督委员会', '民主评议', '经济责任审计', '便民服务', '惠农补贴', '水利设施维修',
]

/** rare topics: each appears in only a few entries, so a query for one has a small, exact answer */
export const RARE_TOPICS = [
  '茶叶合作社分红', '光伏电站收益分配', '古树名木保护', '乡村振兴衔接资金', '高标准农田建设', '校车接送安排', '饮水安全巩固提升', '农房抗震改造',
  '行道树补植', '长寿老人慰问', '重建祠堂议事', '村委会免费WiFi开通', '小微水体治理', '稻虾共养示范', '文化礼堂开放',
]

const LAWS = ['村民委员会组织法', '社会救助暂行办法', '土地管理法', '农村集体经济组织财务制度', '村务公开工作规范']
const OFFICES = ['镇民政办', '镇农业农村办', '镇财政所', '镇纪委', '镇自然资源所']
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = '明华国建英秀军平志红玉兰金海春林云芳丽强伟'
const SENTENCES = [
  '根据《{law}》有关规定，现将{topic}情况公示如下。',
  '公示期为{n}天，自{m}月{d}日起至{m2}月{d2}日止。',
  '如有异议，请在公示期内向村务监督委员会或{office}反映。',
  '本次共涉及{n}户，金额合计{amount}元，已通过银行代发到户。',
  '经村民代表会议讨论通过，报{office}审核同意。',
  '联系人：{name}，办公时间：工作日上午八点半至十一点半。',
  '请各位村民相互转告，积极配合做好相关工作。',
  '{group}组{name}户，{amount}元；{group2}组{name2}户，{amount2}元。',
]

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!
}

function masked(r: () => number): string {
  return `${pick(r, [...SURNAMES])}*${pick(r, [...GIVEN])}`
}

function fill(r: () => number, s: string, topic: string): string {
  const n = () => String(1 + Math.floor(r() * 60))
  return s
    .replace('{law}', pick(r, LAWS))
    .replace('{topic}', topic)
    .replace('{n}', n())
    .replace('{m}', String(1 + Math.floor(r() * 12)))
    .replace('{m2}', String(1 + Math.floor(r() * 12)))
    .replace('{d}', String(1 + Math.floor(r() * 28)))
    .replace('{d2}', String(1 + Math.floor(r() * 28)))
    .replace('{office}', pick(r, OFFICES))
    .replace('{amount}', (r() * 90000).toFixed(2))
    .replace('{amount2}', (r() * 9000).toFixed(2))
    .replace('{name}', masked(r))
    .replace('{name2}', masked(r))
    .replace('{group}', String(1 + Math.floor(r() * 9)))
    .replace('{group2}', String(1 + Math.floor(r() * 9)))
}

function title(r: () => number, village: string, topic: string, year: number): string {
  const q = '一二三四'[Math.floor(r() * 4)]
  const forms = [
    `${village}${year}年第${q}季度${topic}`,
    `关于${village}${topic}的公示`,
    `${village}${topic}情况公开`,
    `${year}年${1 + Math.floor(r() * 12)}月${topic}结果公示`,
    `${village}${1 + Math.floor(r() * 9)}组${topic}通知`,
  ]
  return pick(r, forms)
}

const DAY = 86_400_000
/** the corpus's "today", also used as the benchmark's clock */
export const CORPUS_NOW = new Date('2026-11-27T04:00:00Z')

export function generateCorpus(n = 20_000, seed = 20261127): SearchDoc[] {
  const r = prng(seed)
  const docs: SearchDoc[] = []
  for (let i = 0; i < n; i++) {
    const village = pick(r, VILLAGES)
    const topic = r() < 0.012 ? pick(r, RARE_TOPICS) : pick(r, TOPICS)
    const year = 2024 + Math.floor(r() * 3)
    const kindRoll = r()
    const sentences = 2 + Math.floor(r() * 5)
    const bodyTopic = r() < 0.3 ? pick(r, TOPICS) : topic
    const body = Array.from({ length: sentences }, () => fill(r, pick(r, SENTENCES), bodyTopic)).join('\n')
    if (kindRoll < 0.9) {
      const published = CORPUS_NOW.getTime() - Math.floor(r() * 900) * DAY
      const doc: SearchDoc = { kind: 'notice', id: `N${i}`, title: title(r, village, topic, year), body, published: new Date(published).toISOString() }
      if (r() < 0.7) doc.expires = new Date(published + (5 + Math.floor(r() * 30)) * DAY).toISOString()
      docs.push(doc)
    } else if (kindRoll < 0.97) {
      docs.push({ kind: 'checklist', id: `C${i}`, title: `${topic}情况`, body })
    } else {
      docs.push({ kind: 'chapter', id: `H${i}`, title: `第${1 + (i % 12)}章 ${topic}的公开程序`, body })
    }
  }
  return docs
}
