/**
 * The bodies of the board's first screenful, read ahead at idle (issue 19
 * item 4: first-visit costs paid at idle after first content). A notice's
 * body lives in IndexedDB, read when its screen opens: on a first tap that
 * read came back after the screen's first frame, so the body took a second
 * frame (Debian Chromium, 4×: ≈ 30 ms of an 83–112 ms tap). Read again when
 * other notices go live.
 */
import { watch } from 'vue'
import { useContentStore } from '../stores/content'
import { whenFirstContent } from './firstContent'
import { whenIdle } from './whenIdle'

/** the cards a 1920×1080 board shows at once (4 rows of 4; a 1080×1920 one shows fewer, in one column) */
export const BODIES_AHEAD = 16

export function useBodiesAhead() {
  const content = useContentStore()
  const readAhead = () => whenIdle(() => void content.readAhead(content.board.slice(0, BODIES_AHEAD)).catch(() => undefined), 3000)
  void whenFirstContent().then(() => {
    readAhead()
    watch(() => content.table, readAhead)
  })
}
