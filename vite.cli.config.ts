/**
 * The gongkai-feed CLI as a package of its own in dist-cli/: one compiled
 * file (main.mjs) with its dependencies bundled in (valibot, yaml, papaparse,
 * markdown-it, noble), the init templates, a bin and a package.json without
 * dependencies. `npm run pack:cli` packs it into gongkai-feed-<version>.tgz,
 * which installs with `npm i -g ./gongkai-feed-*.tgz` — offline, no tsx, no
 * repository (test/unit/cli/package.test.ts).
 */
import { defineConfig } from 'vite'
import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'

const out = fileURLToPath(new URL('./dist-cli', import.meta.url))

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'cli/main.ts',
    outDir: out,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs', inlineDynamicImports: true } },
  },
  ssr: { noExternal: true, target: 'node' },
  plugins: [
    {
      name: 'gongkai-cli-templates',
      writeBundle() {
        rmSync(`${out}/templates`, { recursive: true, force: true })
        cpSync(fileURLToPath(new URL('./cli/templates', import.meta.url)), `${out}/templates`, { recursive: true })
        const root = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string; engines: unknown }
        const pkg = {
          name: 'gongkai-feed',
          version: root.version,
          description: '村务公开内容文件工具 / feed tool for township staff (gongkai)',
          type: 'module',
          engines: root.engines,
          bin: { 'gongkai-feed': 'gongkai-feed.mjs' },
          files: ['gongkai-feed.mjs', 'main.mjs', 'templates/'],
        }
        writeFileSync(`${out}/package.json`, JSON.stringify(pkg, null, 2) + '\n')
        writeFileSync(`${out}/gongkai-feed.mjs`, "#!/usr/bin/env node\n// gongkai-feed, compiled (vite.cli.config.ts)\nimport { main } from './main.mjs'\n\nprocess.exitCode = await main(process.argv.slice(2))\n")
        chmodSync(`${out}/gongkai-feed.mjs`, 0o755)
      },
    },
  ],
})
