/** The privacy guard: mask resident IDs, mobiles and bank cards before anything is stored or shown. */
export { guardCell, guardCells, guardHtml, guardMarkup, guardNotice, PII_REASON, scanText } from './guard'
export { stripInvisible } from './visibleText'
export type { PiiFinding, PiiKind } from './guard'
export { maskCard, maskId, maskMobile } from './mask'
export { cnIdCheckChar, isBankCard, isLuhnValid, isMainlandMobile, isPlausibleCardIin, isPlausibleCnId15, isCnId18Shape, isValidCnId18 } from './validators'
