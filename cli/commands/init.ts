/** init DIR: a source folder with working examples, dates relative to today. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { addDays } from '../../src/compliance/days'
import { chinaDay, UsageError, type Io } from '../io'

/** cli/templates beside the sources, or templates/ beside the compiled dist-cli/main.mjs */
export const TEMPLATES = [new URL('../templates', import.meta.url), new URL('./templates', import.meta.url)].map((u) => fileURLToPath(u)).find((p) => existsSync(join(p, 'village.json')))!

/** `{{date:+3}}` → the day three days from today (YYYY-MM-DD) */
export function fillDates(text: string, today: string): string {
  return text.replace(/\{\{date:([+-]?\d+)\}\}/g, (_, n: string) => addDays(today, Number(n)))
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

export function init(dir: string, io: Io): number {
  if (existsSync(dir) && readdirSync(dir).length) throw new UsageError(`${dir} 不是空文件夹，未改动 / is not empty; nothing changed`)
  mkdirSync(dir, { recursive: true })
  cpSync(TEMPLATES, dir, { recursive: true })
  const today = chinaDay(io.now())
  for (const f of walk(dir)) if (/\.(md|csv|json)$/.test(f)) writeFileSync(f, fillDates(readFileSync(f, 'utf8'), today))
  io.out(`已创建 ${dir}：请修改 village.json、checklist.csv、notices/ 后运行 / created; edit it, then run:`)
  io.out(`  npx gongkai-feed lint ${dir}`)
  io.out(`  npx gongkai-feed build ${dir} -o 输出文件夹/out-dir`)
  return 0
}
