/**
 * Every visible text comes from the locale files or the feed: no component
 * template may contain Chinese characters or latin words as literal text or in
 * a static label attribute (aria-label, title, alt, placeholder, label).
 * Bound values ({{ t('…') }}, :aria-label="…") are fine unless the expression
 * itself holds Chinese (locale keys are ASCII, so Chinese in an expression is a
 * literal). Punctuation between them (：、·) and symbols (✓, ×) are allowed.
 */
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'vue/compiler-sfc'
import { NodeTypes, type RootNode, type TemplateChildNode } from '@vue/compiler-core'

const SRC = join(__dirname, '../../../src')
const VISIBLE_ATTRS = new Set(['aria-label', 'title', 'alt', 'placeholder', 'label', 'aria-description', 'aria-roledescription'])
/** a Chinese character, or two latin letters in a row (a word) */
const WORDS = /[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z]{2,}/
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    return e.isDirectory() ? vueFiles(p) : e.name.endsWith('.vue') ? [p] : []
  })
}

/** Hard-coded visible text in one SFC: "line: text" for each finding. */
export function hardcodedText(source: string, filename = 'inline.vue'): string[] {
  const { descriptor } = parse(source, { filename })
  const ast = descriptor.template?.ast as RootNode | undefined
  if (!ast) return []
  const found: string[] = []
  const visit = (node: RootNode | TemplateChildNode) => {
    if (node.type === NodeTypes.TEXT) {
      const text = node.content.trim()
      if (WORDS.test(text)) found.push(`${node.loc.start.line}: ${text}`)
      return
    }
    if (node.type === NodeTypes.INTERPOLATION) {
      if (CJK.test(node.content.loc.source)) found.push(`${node.loc.start.line}: ${node.loc.source}`)
      return
    }
    if (node.type === NodeTypes.ELEMENT) {
      for (const p of node.props) {
        if (p.type === NodeTypes.ATTRIBUTE && VISIBLE_ATTRS.has(p.name) && p.value && WORDS.test(p.value.content)) {
          found.push(`${p.loc.start.line}: ${p.name}="${p.value.content}"`)
        }
        if (p.type === NodeTypes.DIRECTIVE && p.exp && CJK.test(p.exp.loc.source)) found.push(`${p.loc.start.line}: ${p.loc.source}`)
      }
    }
    if ('children' in node) for (const c of node.children as TemplateChildNode[]) visit(c)
  }
  visit(ast)
  return found
}

describe('no hard-coded UI text in components', () => {
  it('the checker finds hard-coded text, and accepts bound text and punctuation', () => {
    const bad = `<template><div><h1>公开栏</h1><button aria-label="Close">{{ t('kiosk.close') }}</button><p>Back home</p>
<p>{{ ok ? '是' : t('x') }}</p><b :title="'关闭'" /></div></template>`
    expect(hardcodedText(bad)).toEqual(['1: 公开栏', '1: aria-label="Close"', '1: Back home', "2: {{ ok ? '是' : t('x') }}", `2: :title="'关闭'"`])
    const good = `<template><p :aria-label="t('a.b')" class="Big">{{ t('notices.period') }}：{{ x }} · ✓ <!-- 注释 --></p></template>`
    expect(hardcodedText(good)).toEqual([])
  })

  const files = vueFiles(SRC)
  it('there are components to check', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  for (const file of files) {
    it(relative(SRC, file), () => {
      expect(hardcodedText(readFileSync(file, 'utf8'), file)).toEqual([])
    })
  }
})
