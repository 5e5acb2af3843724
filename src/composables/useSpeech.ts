/**
 * Read-aloud (朗读) with the Web Speech API and a Chinese voice. Feed content
 * is Chinese, so it is read with a zh voice whatever the UI language. When the
 * device has no such voice (headless Chromium, many Linux kiosks) it says so
 * instead of staying silent. The speech engine is injectable for tests.
 */
import { getCurrentScope, onScopeDispose, shallowRef, type Ref } from 'vue'

/** the part of window.speechSynthesis this uses */
export interface SpeechEngine {
  getVoices(): SpeechSynthesisVoice[] | Pick<SpeechSynthesisVoice, 'lang' | 'name' | 'default' | 'localService' | 'voiceURI'>[]
  speak(u: SpeechSynthesisUtterance): void
  cancel(): void
  addEventListener?(type: 'voiceschanged', cb: () => void): void
  removeEventListener?(type: 'voiceschanged', cb: () => void): void
}

export type SpeechProblem = 'unsupported' | 'no_voice' | 'failed'

export interface UseSpeechOptions {
  engine?: SpeechEngine | null
  /** makes an utterance; tests pass a plain-object factory where SpeechSynthesisUtterance does not exist */
  createUtterance?: (text: string) => SpeechSynthesisUtterance
  lang?: string
}

export interface Speech {
  speaking: Ref<boolean>
  /** why nothing is read, shown to the resident; null while fine */
  problem: Ref<SpeechProblem | null>
  speak(text: string): void
  stop(): void
}

/** The best voice for a language: an exact match (zh-CN), then the same language (zh-*), local voices first. */
export function pickVoice<V extends { lang: string; localService?: boolean }>(voices: readonly V[], lang = 'zh-CN'): V | null {
  const norm = (l: string) => l.replace('_', '-').toLowerCase()
  const want = norm(lang)
  const base = want.split('-')[0]!
  const exact = voices.filter((v) => norm(v.lang) === want)
  const same = voices.filter((v) => norm(v.lang).split('-')[0] === base)
  const pool = exact.length ? exact : same
  return pool.find((v) => v.localService) ?? pool[0] ?? null
}

/** Splits long text so engines that stop after ~15 s of one utterance (Chromium) read it all. */
export function speechChunks(text: string, max = 120): string[] {
  const parts = text
    .replace(/\s+/g, ' ')
    .split(/(?<=[。！？；!?;\n])/)
    .map((s) => s.trim())
    .filter(Boolean)
  const out: string[] = []
  for (const p of parts) {
    if (p.length <= max) out.push(p)
    else for (let i = 0; i < p.length; i += max) out.push(p.slice(i, i + max))
  }
  return out
}

export function useSpeech(opts: UseSpeechOptions = {}): Speech {
  const engine: SpeechEngine | null = opts.engine !== undefined ? opts.engine : typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null
  const lang = opts.lang ?? 'zh-CN'
  const create = opts.createUtterance ?? ((text: string) => new SpeechSynthesisUtterance(text))
  const speaking = shallowRef(false)
  const problem = shallowRef<SpeechProblem | null>(null)
  /** bumps on every speak/stop so callbacks of a cancelled reading do nothing */
  let run = 0

  function stop() {
    run++
    speaking.value = false
    engine?.cancel()
  }

  function speak(text: string) {
    stop()
    problem.value = null
    if (!engine) {
      problem.value = 'unsupported'
      return
    }
    const voice = pickVoice(engine.getVoices() as SpeechSynthesisVoice[], lang)
    if (!voice) {
      problem.value = 'no_voice'
      return
    }
    const chunks = speechChunks(text)
    if (!chunks.length) return
    const mine = run
    speaking.value = true
    chunks.forEach((chunk, i) => {
      const u = create(chunk)
      u.lang = voice.lang
      u.voice = voice
      u.rate = 0.9
      if (i === chunks.length - 1) u.onend = () => mine === run && (speaking.value = false)
      u.onerror = (e: SpeechSynthesisErrorEvent) => {
        if (mine !== run || e.error === 'canceled' || e.error === 'interrupted') return
        speaking.value = false
        problem.value = 'failed'
      }
      engine.speak(u)
    })
  }

  // Chromium loads its voice list on the first call; ask early so it is there at the first tap
  engine?.getVoices()
  if (getCurrentScope()) onScopeDispose(stop)

  return { speaking, problem, speak, stop }
}
