import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'dist-township/**', 'dev-dist/**', 'node_modules/**', 'public/**', 'test-results/**', 'bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // one module owns IndexedDB
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'idb', message: 'Use the repositories in src/db/ (the only importer of idb).' }] }],
    },
  },
  {
    // a store outlives the screen that first used it, and Vue's watch() keeps the component current when it is made
    files: ['src/stores/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'idb', message: 'Use the repositories in src/db/ (the only importer of idb).' },
            { name: 'vue', importNames: ['watch', 'watchEffect', 'watchPostEffect', 'watchSyncEffect'], message: "A store watches with storeWatch (src/stores/storeWatch.ts): Vue's watch() keeps the screen that first used the store alive." },
          ],
        },
      ],
    },
  },
  {
    // components stay thin: only stores and pure modules read IndexedDB. A type-only
    // import stays allowed: views render the stored record shapes the stores hand them.
    files: ['src/components/**/*.{ts,vue}', 'src/views/**/*.{ts,vue}', 'src/composables/**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'idb', message: 'Use the repositories in src/db/ (the only importer of idb).' }],
          patterns: [{ group: ['**/db', '**/db/*'], allowTypeImports: true, message: 'Components, views and composables read stores (src/stores), not src/db.' }],
        },
      ],
    },
  },
)
