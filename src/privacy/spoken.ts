/**
 * Masked numbers as read aloud. A speech engine spells "110105********002X"
 * star by star; a resident should hear what the mask means instead:
 * "身份证号已隐藏", "手机尾号 5678", "银行卡尾号 0000". Names masked as 吴*磊 read 吴某磊.
 */

export interface SpokenMaskWords {
  /** an ID number: all of it hidden */
  id: string
  /** a mobile number: its last four digits */
  mobile: (tail: string) => string
  /** a bank card: its last four digits */
  card: (tail: string) => string
  /** the 某 of a masked name */
  someone: string
}

// the masks of src/privacy/mask.ts (maskId, maskMobile, maskCard)
const ID = /\d{6}\*{6,8}\d{3}[\dXx]?/g
const MOBILE = /(?<!\d)1\d{2}\*{4}(\d{4})(?!\d)/g
const CARD = /(?<!\d)\d{4}(?:[ -]?\*{2,4})+[ -]?(\d{4})(?!\d)/g
const NAME = /(?<=[\u4e00-\u9fff])\*{1,3}(?=[\u4e00-\u9fff])/g

export function spokenMasks(text: string, words: SpokenMaskWords): string {
  return text
    .replace(ID, words.id)
    .replace(MOBILE, (_, tail: string) => words.mobile(tail))
    .replace(CARD, (_, tail: string) => words.card(tail))
    .replace(NAME, words.someone)
    .replace(/\*+/g, ' ')
}
