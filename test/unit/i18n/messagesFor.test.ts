import { describe, expect, it } from 'vitest'
import { LAZY_FEATURES, messagesFor } from '../../../src/i18n/messages'

describe('messages a screen waits for', () => {
  it('a resident checklist or handbook waits for no lazily loaded messages', () => {
    for (const r of ['checklist', 'handbook', 'chapter']) expect(messagesFor(r, true)).toEqual([])
  })
  it('resident screens with notice cards wait for the village-posted label (clerk messages) only', () => {
    for (const r of ['home', 'notices', 'archive', 'notice', 'checklist-item', 'search']) expect(messagesFor(r, true)).toEqual(['clerk'])
  })
  it('status, clerk screens, unknown screens and any screen in clerk mode wait for all', () => {
    expect(messagesFor('status', true)).toEqual(LAZY_FEATURES)
    expect(messagesFor('clerk-ledger', true)).toEqual(LAZY_FEATURES)
    expect(messagesFor(undefined, true)).toEqual(LAZY_FEATURES)
    expect(messagesFor('checklist', false)).toEqual(LAZY_FEATURES)
  })
})
