/**
 * Where a disclosure was posted, in words: the kiosk's own clerk labels
 * (`clerk.place.*`, from src/i18n/locales/<locale>/clerk.json, which the
 * console's i18n loads too), so a place has one name on the kiosk and in the
 * console. Unknown codes show as they are; the list separator is a message too (、 / , ).
 */
type Translate = (key: string) => string
type Exists = (key: string) => boolean

export function placeNames(places: readonly string[] | string, t: Translate, te: Exists): string {
  const list = Array.isArray(places) ? places : [places]
  return list.map((p) => (te(`clerk.place.${p}`) ? t(`clerk.place.${p}`) : p)).join(t('common.list_separator'))
}
