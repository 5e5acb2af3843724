/**
 * App version facts for #/status: whether a new version waits for the kiosk to
 * be idle, and what the service worker knows (last version that started, a
 * rollback). Read once when the screen opens.
 */
import { onMounted, shallowRef } from 'vue'
import { getShellInfo, updateWaiting, type ShellInfo } from '../modules/pwa'

export function useAppVersion() {
  const shell = shallowRef<ShellInfo | null>(null)
  onMounted(async () => {
    shell.value = await getShellInfo()
  })
  return { appVersion: __APP_VERSION__, updateWaiting, shell }
}
