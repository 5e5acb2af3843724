/*
 * Boot guard (a plain file: the CSP forbids inline scripts; ES5, so that it
 * runs on any browser and can say when one is too old). Loaded before the
 * app. If the app has not reported "started" (src/modules/pwa.ts sets
 * <html data-started>) after an error at start, or within 30 s, the page is
 * reloaded; the service worker counts these loads and, after two of them,
 * serves the last app version that started (src/sw.ts). Reloads back off so
 * a kiosk with no working version does not spin.
 */
;(function () {
  /*
   * Browser floor: Chromium 109 (the last Chrome on Windows 7). Below it, or
   * without what the app needs, the screen says so in Chinese (and English)
   * and nothing is reloaded: a reload would never help.
   */
  var FLOOR = 109
  var chrome = /(?:Chrome|Chromium)\/(\d+)/.exec(navigator.userAgent)
  var missing = []
  if (typeof structuredClone !== 'function') missing.push('structuredClone')
  if (typeof AbortController !== 'function') missing.push('AbortController')
  if (!window.indexedDB) missing.push('indexedDB')
  if (!Array.prototype.at || !Array.prototype.findLast) missing.push('Array.prototype.at/findLast')
  if (!Object.hasOwn) missing.push('Object.hasOwn')
  if (!window.CSS || !CSS.supports || !CSS.supports('selector(:has(a))')) missing.push('CSS :has()')
  if (missing.length || (chrome && Number(chrome[1]) < FLOOR)) {
    document.documentElement.setAttribute('data-too-old', chrome ? chrome[1] : missing.join(', '))
    var show = function () {
      var box = document.createElement('div')
      box.setAttribute('role', 'alert')
      box.setAttribute('data-testid', 'browser-too-old')
      var s = box.style
      s.position = 'fixed'
      s.top = s.left = s.right = s.bottom = '0'
      s.zIndex = '2147483647'
      s.display = 'flex'
      s.flexDirection = 'column'
      s.justifyContent = 'center'
      s.alignItems = 'center'
      s.gap = '32px'
      s.padding = '48px'
      s.background = '#f5f3ef'
      s.color = '#1d1b19'
      s.textAlign = 'center'
      s.font = '600 40px/1.6 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif'
      var lines = [
        ['本机浏览器版本过低，请安装 Chromium 或 Chrome ' + FLOOR + ' 以上版本', '56px'],
        ['360 浏览器请使用“极速模式”并升级到最新版。请联系乡镇技术人员。', '36px'],
        ['This browser is too old. Please install Chromium or Chrome ' + FLOOR + ' or newer.', '28px'],
      ]
      for (var i = 0; i < lines.length; i++) {
        var p = document.createElement('p')
        p.textContent = lines[i][0]
        p.style.margin = '0'
        p.style.fontSize = lines[i][1]
        box.appendChild(p)
      }
      document.body.appendChild(box)
    }
    if (document.body) show()
    else document.addEventListener('DOMContentLoaded', show)
    return
  }

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
  // the app's entry is added by boot-snapshot.js (vite.config.ts): should that file not load, the app starts anyway
  window.addEventListener(
    'error',
    function (e) {
      var t = e.target
      var entry = t && t.getAttribute && t.tagName === 'SCRIPT' ? t.getAttribute('data-entry') : null
      if (!entry) return
      var s = document.createElement('script')
      s.type = 'module'
      s.setAttribute('crossorigin', '')
      s.src = entry
      document.head.appendChild(s)
    },
    true,
  )
  setTimeout(reload, 30000)
  window.addEventListener('gongkai:started', function () {
    sessionStorage.removeItem(KEY)
    if (pending) clearTimeout(pending)
  })
})()
