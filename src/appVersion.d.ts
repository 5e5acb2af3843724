/** the app version, set by vite `define` (page and service worker alike) */
declare const __APP_VERSION__: string
