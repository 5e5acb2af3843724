/**
 * JSON.parse keeps the last of two equal keys; a feed with `revision` or
 * `items` twice means one thing to one reader and another to the next, so it
 * is refused (issue 18 §12). This scan runs over text JSON.parse already
 * accepted: one pass, linear in its length (strings are skipped with
 * indexOf), memory bounded by the nesting depth. Keys are compared decoded
 * ("a" and "\u0061" are the same key).
 *
 * Given what JSON.parse made of the text, it first counts: the text's members
 * (a colon outside a string) against the parsed objects' keys. They differ
 * only when keys repeat, and only then is the text scanned for the path.
 * On a 10,000-notice feed, which has none, counting takes 14–20 ms cold in
 * Chromium 109 where the scan took 26–28 (issue 19).
 */
import { formatPath } from './issues'

const SMALL = 16

/** The path of the first repeated key ("_gongkai.revision", "items[3].id"), or null. `parsed`: JSON.parse(text), to count first. */
export function findDuplicateKey(text: string, parsed?: unknown): string | null {
  if (parsed !== undefined && memberCount(text) === keyCount(parsed)) return null
  return locateDuplicateKey(text)
}

/** colons outside strings: one per object member in valid JSON */
function memberCount(text: string): number {
  let count = 0
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i)
      if (end === -1) return -1
      i = end + 1
      continue
    }
    if (c === 0x3a /* : */) count++
    i++
  }
  return count
}

/** own keys of every object in a parsed JSON value, walked without recursion */
function keyCount(root: unknown): number {
  let count = 0
  const stack: unknown[] = [root]
  while (stack.length) {
    const x = stack.pop()
    if (typeof x !== 'object' || x === null) continue
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const e: unknown = x[i]
        if (typeof e === 'object' && e !== null) stack.push(e)
      }
      continue
    }
    // for…in, not Object.keys (an array per object); JSON.parse's objects' keys are all own
    for (const k in x) {
      if (!Object.hasOwn(x, k)) continue
      count++
      const e: unknown = (x as Record<string, unknown>)[k]
      if (typeof e === 'object' && e !== null) stack.push(e)
    }
  }
  return count
}

function locateDuplicateKey(text: string): string | null {
  // one frame per open object or array: the keys seen so far (null for arrays) and where we are. A feed's objects
  // have a handful of keys: an array until it holds SMALL (10,000 items made 10,000 Sets), a Set beyond
  const keys: (string[] | Set<string> | null)[] = []
  const path: (string | number)[] = []
  let expectKey = false
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      const start = i + 1
      const end = stringEnd(text, i)
      if (end === -1) return null // not JSON: JSON.parse has said so already
      const top = keys[keys.length - 1]
      if (expectKey && top) {
        const raw = text.slice(start, end)
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
        if (Array.isArray(top) ? top.includes(key) : top.has(key)) return formatPath([...path.slice(0, -1), key])
        if (!Array.isArray(top)) top.add(key)
        else if (top.length < SMALL) top.push(key)
        else keys[keys.length - 1] = new Set([...top, key])
        path[path.length - 1] = key
        expectKey = false
      }
      i = end + 1
      continue
    }
    if (c === 0x7b /* { */) {
      keys.push([])
      path.push('')
      expectKey = true
    } else if (c === 0x5b /* [ */) {
      keys.push(null)
      path.push(0)
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      keys.pop()
      path.pop()
      expectKey = false
    } else if (c === 0x2c /* , */) {
      const top = path.length - 1
      if (keys[top]) expectKey = true
      else if (top >= 0) path[top] = (path[top] as number) + 1
    }
    i++
  }
  return null
}

/** where the string opened by the quote at `open` ends (its closing quote), -1 when it never does; found with indexOf */
function stringEnd(text: string, open: number): number {
  let end = text.indexOf('"', open + 1)
  while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1)
  return end
}

/** whether the quote at `at` is escaped (an odd number of backslashes before it) */
function isEscaped(text: string, at: number): boolean {
  let k = at - 1
  while (k >= 0 && text.charCodeAt(k) === 0x5c) k--
  return (at - 1 - k) % 2 === 1
}
