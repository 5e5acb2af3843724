/**
 * A scripted fetch for sync tests: each URL answers from a queue of responses,
 * and every request is recorded so tests can check the conditional headers.
 */
export type Responder = (req: { url: string; headers: Record<string, string>; signal?: AbortSignal | null }) => Response | Promise<Response>

export function fakeFetch(routes: Record<string, Responder | Responder[]>) {
  const calls: { url: string; headers: Record<string, string> }[] = []
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]))
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(Object.entries((init?.headers as Record<string, string>) ?? {}))
    calls.push({ url: input, headers })
    const route = queues.get(input)
    if (!route) return new Response('not found', { status: 404 })
    const responder = Array.isArray(route) ? (route.length > 1 ? route.shift()! : route[0]!) : route
    return responder({ url: input, headers, signal: init?.signal })
  }
  return { fetch, calls }
}

export const json = (body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } })

export const status = (code: number, headers: Record<string, string> = {}) => () => new Response(code === 304 ? null : 'error', { status: code, headers })

/** never answers until aborted, like a server that hangs */
export const hang: Responder = ({ signal }) =>
  new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
