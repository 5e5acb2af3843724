/**
 * Supervision answers as JSON, kept per (route, asOf, the village facts they
 * were made from). villageFacts hands back the same facts object while a
 * village's data is unchanged and a new one when it changes, so a key made of
 * the facts' identities never goes stale: an unchanged township is answered
 * without judging, building or serialising its 9,000 items again.
 */
import type { VillageFacts } from './disclosures'

const MAX = 8
const ids = new WeakMap<VillageFacts, number>()
let nextId = 0
const answers = new Map<string, string>()

const idOf = (f: VillageFacts) => {
  let id = ids.get(f)
  if (id === undefined) ids.set(f, (id = ++nextId))
  return id
}

export function answerJson(route: string, facts: VillageFacts[], asOf: string, make: () => unknown): string {
  const key = `${route}|${asOf}|${facts.map(idOf).join(',')}`
  let json = answers.get(key)
  if (json === undefined) {
    json = JSON.stringify(make())
    if (answers.size >= MAX) answers.delete(answers.keys().next().value!)
    answers.set(key, json)
  }
  return json
}
