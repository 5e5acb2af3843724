/**
 * Editing one draft of any kind (notice, checklist, chapter): load it, check
 * it with the CLI's lint as it is typed, save, submit to 审核. The views
 * differ only in their form; the workflow is this one.
 */
import { computed, onScopeDispose, ref, watch, type WatchSource } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { publishApi, type Draft, type DraftKind, type FeedItem, type Finding, type RevisionSize } from '../api/publish'
import { useSessionStore } from '../stores/session'

export function useDraftEditor(o: {
  kind: DraftKind
  /** the editor's route under /publish/<code>/ (drafts, checklist, chapters) */
  path: string
  /** what the form holds now, as the draft stores it */
  content: () => FeedItem
  /** what to watch for check-as-you-type */
  watched: WatchSource
  /** skip the check while the form cannot be checked yet (a notice without a title) */
  ready?: () => boolean
}) {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const session = useSessionStore()
  const code = computed(() => String(route.params.code))
  const draftId = computed(() => (route.params.id === 'new' ? null : Number(route.params.id)))
  const draft = ref<Draft | null>(null)
  const findings = ref<Finding[]>([])
  const size = ref<RevisionSize | null>(null)
  const error = ref<unknown>(null)
  const saved = ref('')
  const busy = ref(false)
  const editable = computed(() => !draft.value || (['draft', 'rejected'].includes(draft.value.state) && (draft.value.authorId === session.user?.id || session.user?.role === 'admin')))
  const blocking = computed(() => findings.value.some((f) => f.severity === 'error'))

  const show = (d: Draft) => {
    draft.value = d
    findings.value = d.findings
    size.value = d.size
  }

  /** the draft of the route, or null for a new one */
  async function load(): Promise<Draft | null> {
    if (!draftId.value) return null
    const d = await publishApi.draft(draftId.value)
    show(d)
    return d
  }

  // check as you type: the server runs the CLI's lint on the feed this draft would make. A check still
  // waiting when the editor is left (or the staffer signs out), saved or submitted is dropped: saving checks
  // anyway, and a late one went out unauthenticated after a sign-out (a 401 in the console, work for nothing)
  let timer: ReturnType<typeof setTimeout> | undefined
  const dropCheck = () => clearTimeout(timer)
  onScopeDispose(dropCheck)
  watch(
    o.watched,
    () => {
      saved.value = ''
      dropCheck()
      if (!editable.value || (o.ready && !o.ready())) return
      timer = setTimeout(async () => {
        if (!editable.value) return
        try {
          const checked = await publishApi.lint(code.value, { ...o.content(), ...(draft.value && o.kind !== 'checklist' ? { id: draft.value.itemId } : {}) }, o.kind)
          findings.value = checked.findings
          size.value = checked.size
        } catch {
          // a failed check is not an error of the form; submit checks again
        }
      }, 500)
    },
    { deep: true },
  )

  async function save(): Promise<Draft | null> {
    dropCheck()
    error.value = null
    busy.value = true
    try {
      const item = o.content()
      show(draft.value ? await publishApi.save(draft.value.id, item) : await publishApi.create(code.value, item, o.kind))
      saved.value = t('publish.saved')
      if (!draftId.value) await router.replace(`/publish/${code.value}/${o.path}/${draft.value!.id}`)
      return draft.value
    } catch (e) {
      error.value = e
      return null
    } finally {
      busy.value = false
    }
  }

  async function submit() {
    const d = await save()
    if (!d) return
    try {
      draft.value = await publishApi.step(d.id, 'submit')
      saved.value = t('publish.submitted')
    } catch (e) {
      error.value = e
    }
  }

  return { code, draftId, draft, findings, size, error, saved, busy, editable, blocking, load, save, submit }
}
