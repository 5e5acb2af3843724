/**
 * Save with the privacy guard in front: the form's value is masked; when
 * anything was masked the clerk first sees what and why (ClerkPrivacyReview),
 * then saves the masked value. The raw value is replaced in the form as well.
 */
import { shallowRef, toRaw, type Ref } from 'vue'
import { maskDeep, type FieldFinding } from '../../clerk/privacy'

export function useGuardedSave<T extends object>(fields: Ref<T>, commit: (value: T) => Promise<void>) {
  const findings = shallowRef<FieldFinding[]>([])
  const saving = shallowRef(false)
  const failed = shallowRef(false)
  let masked: T | null = null

  async function run(value: T) {
    saving.value = true
    failed.value = false
    try {
      await commit(value)
    } catch (e) {
      console.error('save failed', e)
      failed.value = true
    } finally {
      saving.value = false
    }
  }

  async function start() {
    const r = maskDeep(JSON.parse(JSON.stringify(toRaw(fields.value))) as T)
    if (r.findings.length) {
      masked = r.value
      findings.value = r.findings
      return
    }
    await run(r.value) // a plain copy: IndexedDB cannot store Vue proxies
  }

  async function confirm() {
    if (!masked) return
    fields.value = masked
    findings.value = []
    await run(masked)
  }

  /** back to the form, which now shows the masked text */
  function back() {
    if (masked) fields.value = masked
    findings.value = []
  }

  return { findings, saving, failed, start, confirm, back }
}
