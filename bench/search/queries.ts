/**
 * Benchmark queries. `LABELLED` pairs what a resident types with the words they
 * mean (`target`): an entry is a correct hit when its title or text contains
 * the target. `typingQueries` makes ≥ 200 realistic on-screen-keyboard
 * queries (initials, full pinyin, both mixed) from the corpus vocabulary.
 */
import { pinyin } from 'pinyin-pro'
import type { SearchDoc } from '../../src/search/types'
import { prng, RARE_TOPICS, TOPICS, VILLAGES } from './corpus'

export type QueryMode = 'initials' | 'full' | 'partial' | 'mixed' | 'polyphonic' | 'hanzi' | 'latin' | 'gapped'

export interface LabelledQuery {
  q: string
  target: string
  mode: QueryMode
}

export const LABELLED: LabelledQuery[] = [
  { q: 'dbgs', target: '低保公示', mode: 'initials' },
  { q: 'tdbc', target: '土地补偿', mode: 'initials' },
  { q: 'zjdsp', target: '宅基地审批', mode: 'initials' },
  { q: 'lsjz', target: '临时救助', mode: 'initials' },
  { q: 'dfsj', target: '党费收缴', mode: 'initials' },
  { q: 'gddlbhbt', target: '耕地地力保护补贴', mode: 'initials' },
  { q: 'ysyy', target: '一事一议', mode: 'initials' },
  { q: 'wfgz', target: '危房改造', mode: 'initials' },
  { q: 'ljfl', target: '垃圾分类', mode: 'initials' },
  { q: 'cyhzsfh', target: '茶叶合作社分红', mode: 'initials' },
  { q: 'gfdz', target: '光伏电站', mode: 'initials' },
  { q: 'gsmm', target: '古树名木', mode: 'initials' },
  { q: 'xczx', target: '乡村振兴', mode: 'initials' },
  { q: 'gwc', target: '桂湾村', mode: 'initials' },
  { q: 'dibao', target: '低保', mode: 'full' },
  { q: 'tudibuchang', target: '土地补偿', mode: 'full' },
  { q: 'zhaijidi', target: '宅基地', mode: 'full' },
  { q: 'linshijiuzhu', target: '临时救助', mode: 'full' },
  { q: 'guangfu', target: '光伏', mode: 'full' },
  { q: 'chaye', target: '茶叶', mode: 'full' },
  { q: 'daoxia', target: '稻虾', mode: 'full' },
  { q: 'tudib', target: '土地补', mode: 'partial' },
  { q: 'zhaij', target: '宅基', mode: 'partial' },
  { q: 'guangf', target: '光伏', mode: 'partial' },
  { q: 'wenhual', target: '文化礼', mode: 'partial' },
  { q: 'xiaoch', target: '校车', mode: 'partial' },
  { q: 'chongyang', target: '重阳', mode: 'polyphonic' },
  { q: 'cyj', target: '重阳节', mode: 'polyphonic' },
  { q: 'zhongdian', target: '重点', mode: 'polyphonic' },
  { q: 'yinhang', target: '银行', mode: 'polyphonic' },
  { q: 'xingzheng', target: '行政', mode: 'polyphonic' },
  { q: 'changqihuli', target: '长期护理', mode: 'polyphonic' },
  { q: 'changling', target: '长岭', mode: 'polyphonic' },
  { q: 'chongjian', target: '重建', mode: 'polyphonic' },
  { q: 'changshou', target: '长寿', mode: 'polyphonic' },
  { q: 'hangtang', target: '行塘', mode: 'polyphonic' },
  { q: 'dibaogs', target: '低保公示', mode: 'mixed' },
  { q: 'tudibc', target: '土地补偿', mode: 'mixed' },
  { q: 'ldaz', target: '路灯安装', mode: 'initials' },
  { q: 'gaolingjt', target: '高龄津贴', mode: 'mixed' },
  { q: 'senlinfh', target: '森林防火', mode: 'mixed' },
  { q: '低保', target: '低保', mode: 'hanzi' },
  { q: '宅基地', target: '宅基地', mode: 'hanzi' },
  { q: '光伏电站', target: '光伏电站', mode: 'hanzi' },
  { q: 'wifi', target: 'wifi', mode: 'latin' },
]

/**
 * Gapped abbreviations: the initials of words in order with other words
 * between them (tdbc → 土地征收补偿: 土地 · 征收 · 补偿). Kept apart from
 * LABELLED so its recall figure stays comparable across sessions. Every target
 * is in the corpus (bench/search/corpus.ts TOPICS, RARE_TOPICS); the issue's
 * other example, dbgs → 低保对象公示, is not, so it is not here.
 */
export const GAPPED: LabelledQuery[] = (
  [
    ['tdbc', '土地征收补偿'],
    ['tkjz', '特困人员救助'],
    ['cjbt', '残疾人两项补贴'],
    ['dlgc', '道路硬化工程'],
    ['jhfz', '计划生育奖励扶助'],
    ['cwwyh', '村务监督委员会'],
    ['rjzz', '人居环境整治'],
    ['jtfb', '集体资产发包'],
    ['yljf', '医疗保险缴费'],
    ['slwx', '水利设施维修'],
    ['jjsj', '经济责任审计'],
    ['gfsy', '光伏电站收益'],
    ['cyfh', '茶叶合作社分红'],
    ['xczj', '乡村振兴衔接资金'],
    ['nfgz', '农房抗震改造'],
    ['ysts', '饮水安全巩固提升'],
  ] as const
).map(([q, target]) => ({ q, target, mode: 'gapped' }))

/** ids of the entries that contain the target (case-insensitive for latin targets) */
export function expectedHits(docs: readonly SearchDoc[], target: string): Set<string> {
  const t = target.toLowerCase()
  const ids = new Set<string>()
  for (const d of docs) if (d.title.toLowerCase().includes(t) || d.body.toLowerCase().includes(t)) ids.add(d.id)
  return ids
}

function syllables(word: string): string[] {
  return pinyin(word, { toneType: 'none', type: 'array', v: true }).filter((s) => /^[a-z]+$/.test(s))
}

/** ≥ 200 queries a resident might type letter by letter, from the corpus's own words */
export function typingQueries(count = 240, seed = 7): string[] {
  const r = prng(seed)
  const words = [...TOPICS, ...RARE_TOPICS, ...VILLAGES].map((w) => w.replace(/[^\u4e00-\u9fff]/g, ''))
  const out: string[] = []
  while (out.length < count) {
    const w = words[Math.floor(r() * words.length)]!
    // a resident types the first 2–5 characters' worth, rarely more
    const syl = syllables(w).slice(0, 2 + Math.floor(r() * 4))
    const form = r()
    let q: string
    if (form < 0.55) q = syl.map((s) => s[0]).join('')
    else if (form < 0.8) q = syl.join('')
    else q = syl[0] + syl.slice(1).map((s) => s[0]).join('')
    if (q.length >= 2) out.push(q)
  }
  return out
}
