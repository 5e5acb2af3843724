import { describe, expect, it, vi } from 'vitest'
import { pickVoice, speechChunks, useSpeech, type SpeechEngine } from '../../../src/composables/useSpeech'

type Utterance = { text: string; lang?: string; voice?: unknown; rate?: number; onend?: () => void; onerror?: (e: { error: string }) => void }

function fakeEngine(voices: { lang: string; name: string; localService?: boolean }[]) {
  const spoken: Utterance[] = []
  const engine = {
    getVoices: () => voices.map((v) => ({ default: false, localService: false, voiceURI: v.name, ...v })),
    speak: vi.fn((u: Utterance) => spoken.push(u)),
    cancel: vi.fn(),
  }
  return { engine: engine as unknown as SpeechEngine, spoken, raw: engine }
}
const createUtterance = (text: string) => ({ text }) as unknown as SpeechSynthesisUtterance

describe('read-aloud', () => {
  it('reads with a Chinese voice, in sentence-sized pieces, and stops', () => {
    const { engine, spoken, raw } = fakeEngine([
      { lang: 'en-US', name: 'English' },
      { lang: 'zh-CN', name: 'Mandarin', localService: true },
    ])
    const speech = useSpeech({ engine, createUtterance })
    speech.speak('第一句。第二句！')
    expect(speech.problem.value).toBeNull()
    expect(speech.speaking.value).toBe(true)
    expect(spoken.map((u) => u.text)).toEqual(['第一句。', '第二句！'])
    expect(spoken.every((u) => u.lang === 'zh-CN')).toBe(true)
    spoken.at(-1)!.onend!()
    expect(speech.speaking.value).toBe(false)
    speech.speak('再读一遍。')
    speech.stop()
    expect(raw.cancel).toHaveBeenCalled()
    expect(speech.speaking.value).toBe(false)
  })

  it('says there is no Chinese voice instead of staying silent', () => {
    const { engine, spoken } = fakeEngine([{ lang: 'en-US', name: 'English' }])
    const speech = useSpeech({ engine, createUtterance })
    speech.speak('公告内容。')
    expect(speech.problem.value).toBe('no_voice')
    expect(speech.speaking.value).toBe(false)
    expect(spoken).toEqual([])
  })

  it('says the device cannot speak when there is no speech engine at all', () => {
    const speech = useSpeech({ engine: null })
    speech.speak('公告内容。')
    expect(speech.problem.value).toBe('unsupported')
  })

  it('reports a failed reading, but not one the resident stopped', () => {
    const { engine, spoken } = fakeEngine([{ lang: 'zh_CN', name: 'Mandarin' }])
    const speech = useSpeech({ engine, createUtterance })
    speech.speak('内容。')
    spoken[0]!.onerror!({ error: 'interrupted' })
    expect(speech.problem.value).toBeNull()
    spoken[0]!.onerror!({ error: 'synthesis-failed' })
    expect(speech.problem.value).toBe('failed')
  })

  it('prefers zh-CN, then any zh voice', () => {
    expect(pickVoice([{ lang: 'zh-TW' }, { lang: 'zh-CN' }])?.lang).toBe('zh-CN')
    expect(pickVoice([{ lang: 'en-GB' }, { lang: 'zh-HK' }])?.lang).toBe('zh-HK')
    expect(pickVoice([{ lang: 'en-GB' }])).toBeNull()
  })

  it('splits long text so every part is short enough for the engine', () => {
    const chunks = speechChunks('甲'.repeat(300))
    expect(chunks.length).toBe(3)
    expect(chunks.join('')).toBe('甲'.repeat(300))
  })
})
