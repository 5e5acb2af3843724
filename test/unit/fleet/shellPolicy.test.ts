import { describe, expect, it } from 'vitest'
import { chooseShell, emptyShellState, manifestKey, MAX_ATTEMPTS, noteServed, noteStarted, shellsToKeep, type ShellState } from '../../../src/serviceWorker/shellPolicy'

const now = new Date('2026-11-27T03:00:00Z')

/** one page load of `self`: which version is served, and (optionally) it reports started */
function load(state: ShellState, self: string, label: string, client: string, starts: boolean) {
  const c = chooseShell(state, self, label, true, now)
  let s = noteServed(c.state, client, c.key)
  if (starts) s = noteStarted(s, client, self, label).state
  return { key: c.key, state: s }
}

describe('which app version a page load gets', () => {
  it('the first version becomes the good one when it starts', () => {
    const r = load(emptyShellState(), 'A', '1.0', 'c1', true)
    expect(r.key).toBe('A')
    expect(r.state.good).toBe('A')
    expect(r.state.labels.A).toBe('1.0')
  })

  it('a new version that starts replaces the good one', () => {
    let s = load(emptyShellState(), 'A', '1.0', 'c1', true).state
    const r = load(s, 'B', '1.1', 'c2', true)
    s = r.state
    expect(r.key).toBe('B')
    expect(s.good).toBe('B')
    expect([...shellsToKeep(s, 'B')]).toEqual(['B'])
  })

  it(`a new version that never starts gets ${MAX_ATTEMPTS} loads, then the good one is served again, for good`, () => {
    let s = load(emptyShellState(), 'A', '1.0', 'c1', true).state
    const keys: string[] = []
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      const r = load(s, 'C', '1.2-broken', `c${i + 2}`, false)
      keys.push(r.key)
      s = r.state
    }
    expect(keys).toEqual([...Array(MAX_ATTEMPTS).fill('C'), 'A', 'A'])
    expect(s.bad).toEqual(['C'])
    expect(s.good).toBe('A')
    expect(s.rolledBack).toMatchObject({ from: 'C', fromLabel: '1.2-broken', to: 'A', toLabel: '1.0' })
    // the old version's page reporting "started" does not bless the broken one
    s = noteStarted(s, 'c5', 'C', '1.2-broken').state
    expect(s.good).toBe('A')
    expect([...shellsToKeep(s, 'C')].sort()).toEqual(['A', 'C'])
  })

  it('a slow first load that starts on the second try is kept', () => {
    let s = load(emptyShellState(), 'A', '1.0', 'c1', true).state
    s = load(s, 'B', '1.1', 'c2', false).state
    const r = load(s, 'B', '1.1', 'c3', true)
    expect(r.key).toBe('B')
    expect(r.state.good).toBe('B')
    expect(r.state.attempts.B).toBeUndefined()
  })

  it('with no good version kept there is nothing to fall back to: the new one is served', () => {
    const s = load(emptyShellState(), 'A', '1.0', 'c1', true).state
    const c = chooseShell({ ...s, attempts: { C: 5 } }, 'C', '1.2', false, now)
    expect(c.key).toBe('C')
  })

  it('a build key changes when any file changes', () => {
    const a = manifestKey([{ url: 'index.html', revision: '1' }, { url: 'assets/a-123.js', revision: null }])
    expect(manifestKey([{ url: 'assets/a-123.js', revision: null }, { url: 'index.html', revision: '1' }])).toBe(a)
    expect(manifestKey([{ url: 'index.html', revision: '2' }, { url: 'assets/a-123.js', revision: null }])).not.toBe(a)
  })
})
