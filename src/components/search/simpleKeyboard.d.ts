/** Types for simple-keyboard's ES module build (the package declares only its UMD entry). */
declare module 'simple-keyboard/build/index.modern.esm.js' {
  export { SimpleKeyboard } from 'simple-keyboard'
}
