/**
 * The lint rule that keeps components thin: a component, view or composable
 * that imports src/db fails lint; a type-only import and a store import pass.
 */
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const eslint = new ESLint({ cwd: root })

async function messages(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` })
  return result!.messages.map((m) => m.ruleId)
}

const sfc = (script: string) => `<script setup lang="ts">\n${script}\n</script>\n\n<template>\n  <p>{{ x }}</p>\n</template>\n`

describe('src/db is read through stores', () => {
  it('fails a component that imports src/db', async () => {
    const rules = await messages(sfc("import { getAsset } from '../../db'\nconst x = getAsset"), 'src/components/common/Fixture.vue')
    expect(rules).toContain('@typescript-eslint/no-restricted-imports')
  })

  it('fails a view importing a file inside src/db, and a composable', async () => {
    expect(await messages(sfc("import { listDrafts } from '../../db/clerk'\nconst x = listDrafts"), 'src/views/clerk/Fixture.vue')).toContain('@typescript-eslint/no-restricted-imports')
    expect(await messages("import { getDraft } from '../db'\nexport const x = getDraft\n", 'src/composables/useFixture.ts')).toContain('@typescript-eslint/no-restricted-imports')
  })

  it('lets a component import a store, or a stored record type', async () => {
    const code = sfc("import type { RevisionRecord } from '../../db'\nimport { useFilesStore } from '../../stores/files'\nconst x: RevisionRecord | null = null\nuseFilesStore()")
    expect(await messages(code, 'src/components/status/Fixture.vue')).toEqual([])
  })

  it('lets a store import src/db', async () => {
    expect(await messages("import { getAsset } from '../db'\nexport const x = getAsset\n", 'src/stores/fixture.ts')).toEqual([])
  })
})
