/**
 * The lint rule that keeps stores from holding screens: a store importing Vue's
 * watch fails lint (src/stores/storeWatch.ts says why); storeWatch, and watch in
 * a component, pass.
 */
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const eslint = new ESLint({ cwd: root })

async function rules(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` })
  return result!.messages.map((m) => m.ruleId)
}

describe('stores watch with storeWatch', () => {
  it("fails a store importing Vue's watch or watchEffect", async () => {
    expect(await rules("import { ref, watch } from 'vue'\nexport const x = () => watch(ref(1), () => undefined)\n", 'src/stores/fixture.ts')).toContain('no-restricted-imports')
    expect(await rules("import { watchEffect } from 'vue'\nexport const x = () => watchEffect(() => undefined)\n", 'src/stores/fixture.ts')).toContain('no-restricted-imports')
  })

  it('lets a store use storeWatch and the rest of vue, and still keeps idb to src/db', async () => {
    expect(await rules("import { ref } from 'vue'\nimport { storeWatch } from './storeWatch'\nexport const x = () => storeWatch(ref(1), () => undefined)\n", 'src/stores/fixture.ts')).toEqual([])
    expect(await rules("import { openDB } from 'idb'\nexport const x = openDB\n", 'src/stores/fixture.ts')).toContain('no-restricted-imports')
  })

  it('lets a composable use watch (it belongs to its component)', async () => {
    expect(await rules("import { ref, watch } from 'vue'\nexport const x = () => watch(ref(1), () => undefined)\n", 'src/composables/useFixture.ts')).toEqual([])
  })
})
