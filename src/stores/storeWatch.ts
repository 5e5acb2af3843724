/**
 * watch() for a store's own setup. A store is created by whichever screen first
 * uses it and outlives that screen, but Vue's watch() keeps the component that
 * is current when it is created (its error handler and scheduler hold it,
 * vuejs/core#7319): a store's watcher kept that screen, its children and their
 * elements in memory for good. The reactivity package's watch knows no
 * component: it belongs to the store's effect scope (stopped with the store)
 * and runs its callback as soon as the source changes, as `flush: 'sync'` does.
 */
// eslint-disable-next-line vue/prefer-import-from-vue -- vue exports only runtime-core's watch, the one that keeps the component
export { watch as storeWatch } from '@vue/reactivity'
