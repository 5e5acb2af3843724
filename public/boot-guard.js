/*
 * Boot guard (a plain file: the CSP forbids inline scripts). Loaded before the
 * app. If the app has not reported "started" (src/modules/pwa.ts sets
 * <html data-started>) after an error at start, or within 30 s, the page is
 * reloaded; the service worker counts these loads and, after two of them,
 * serves the last app version that started (src/sw.ts). Reloads back off so
 * a kiosk with no working version does not spin.
 */
;(function () {
  var KEY = 'gongkai.bootGuard.reloads'
  var started = function () {
    return document.documentElement.hasAttribute('data-started')
  }
  var reloads = Number(sessionStorage.getItem(KEY) || '0')
  var delay = reloads < 3 ? 1500 : reloads < 6 ? 30000 : 300000
  var pending = null
  var reload = function () {
    if (started() || pending) return
    pending = setTimeout(function () {
      if (started()) return
      sessionStorage.setItem(KEY, String(reloads + 1))
      location.reload()
    }, delay)
  }
  window.addEventListener('error', reload)
  window.addEventListener('unhandledrejection', reload)
  setTimeout(reload, 30000)
  window.addEventListener('gongkai:started', function () {
    sessionStorage.removeItem(KEY)
    if (pending) clearTimeout(pending)
  })
})()
