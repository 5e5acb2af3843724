/**
 * A real Chromium 109 (the hall-PC floor: the last Chrome on Windows 7), from
 * the npm package @sparticuz/chromium@109.0.6. Its bin/chromium.br is
 * unpacked here, once, to a path of our own (the package's executablePath()
 * writes a fixed file in the system temp folder and skips when one is there).
 */
import { chromium, type Browser } from 'playwright-core'
import { brotliDecompressSync } from 'node:zlib'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))
export const CHROMIUM_109 = join(root, 'node_modules/.cache/gongkai/chromium-109/chromium')
/** what playwright-core 1.65 needs to drive it (headless, as root in a container) */
export const CHROMIUM_109_ARGS = ['--no-sandbox', '--single-process', '--no-zygote', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function chromium109Path(): string {
  const packed = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium/package.json')), 'bin/chromium.br')
  if (existsSync(CHROMIUM_109) && statSync(CHROMIUM_109).mtimeMs >= statSync(packed).mtimeMs) return CHROMIUM_109
  mkdirSync(dirname(CHROMIUM_109), { recursive: true })
  // written aside and renamed, so that two test files starting at once never run half a file
  const part = `${CHROMIUM_109}.${process.pid}.part`
  writeFileSync(part, brotliDecompressSync(readFileSync(packed)))
  chmodSync(part, 0o755)
  renameSync(part, CHROMIUM_109)
  return CHROMIUM_109
}

export function launchChromium109(): Promise<Browser> {
  return chromium.launch({ executablePath: chromium109Path(), headless: true, args: CHROMIUM_109_ARGS })
}
