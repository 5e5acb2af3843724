#!/usr/bin/env node
// gongkai-feed: the township staff's feed tool (cli/main.ts), run as TypeScript through tsx.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../cli/main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))
