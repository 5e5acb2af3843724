#!/usr/bin/env node
/** npm start: serves the built kiosk (dist/) and prints its address. */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startStaticServer } from './static-server.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
if (!existsSync(join(root, 'index.html'))) {
  console.error('dist/ 不存在，请先运行 npm run build / dist/ is missing: run npm run build first')
  process.exit(1)
}
const port = Number(process.env.PORT ?? 4173)
const host = process.env.HOST ?? '127.0.0.1'
const { url } = await startStaticServer({ root, port, host })
console.log(`gongkai kiosk: ${url}`)
console.log('按 Ctrl+C 停止 / press Ctrl+C to stop')
