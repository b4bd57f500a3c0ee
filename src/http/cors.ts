import type { Endpoint, PayloadHandler } from 'payload'

import { z } from 'zod'

/** An origin as browsers send it: `scheme://host[:port]`, no path, no trailing slash. */
const originSchema = z.string().refine((value) => {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value
  } catch {
    return false
  }
}, 'must be an origin such as https://www.kommun.se (scheme, host and port only, no path or trailing slash)')

/** The plugin option `cors`: browser origins allowed to call the public endpoints. None by default. */
export const corsOptionsSchema = z
  .object({
    /** Origins (e.g. `https://www.kommun.se`) whose pages may call the listing, items, feeds and sign-up from the browser. @default [] */
    origins: z.array(originSchema).default([]),
  })
  .prefault({})

export type CorsOptions = z.output<typeof corsOptionsSchema>

/** Paths (as the plugin's endpoints name them) that answer CORS, and the methods they allow. */
const CORS_PATHS: { test: (path: string) => boolean; methods: string }[] = [
  { test: (p) => p === '/newsroom/items' || p.startsWith('/newsroom/items/'), methods: 'GET, HEAD, OPTIONS' },
  { test: (p) => /^\/newsroom\/(feed\.(rss|atom|json)|feeds|calendar\.ics)$/.test(p) || p.startsWith('/newsroom/events/'), methods: 'GET, HEAD, OPTIONS' },
  { test: (p) => p === '/newsroom/subscribe', methods: 'POST, OPTIONS' },
]

const ALLOW_HEADERS = 'Content-Type, Accept, Accept-Language, If-None-Match, If-Modified-Since'
const EXPOSE_HEADERS = 'ETag, Last-Modified, Retry-After, X-Newsroom-Search'

const withVary = (headers: Headers, name: string) => {
  const vary = headers.get('vary')
  if (!vary) headers.set('vary', name)
  else if (!vary.toLowerCase().split(',').some((v) => v.trim() === name.toLowerCase() || v.trim() === '*')) headers.set('vary', `${vary}, ${name}`)
}

/**
 * Adds CORS to the public endpoints: `Access-Control-Allow-Origin` only for a listed origin (never
 * `*`, never credentials: these endpoints are anonymous), `Vary: Origin` on every answer (so a
 * cache keeps the answers for different origins apart), and an OPTIONS preflight per path.
 * With no origins listed, the endpoints are returned unchanged.
 */
export function withCors(endpoints: Endpoint[], { origins }: CorsOptions): Endpoint[] {
  if (!origins.length) return endpoints
  const allowed = new Set(origins)
  const wrap = (handler: PayloadHandler): PayloadHandler => async (req) => {
    const res = await handler(req)
    const headers = new Headers(res.headers)
    withVary(headers, 'Origin')
    const origin = req.headers.get('origin')
    if (origin && allowed.has(origin)) {
      headers.set('access-control-allow-origin', origin)
      headers.set('access-control-expose-headers', EXPOSE_HEADERS)
    }
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers })
  }
  const preflight = (methods: string): PayloadHandler => async (req) => {
    const origin = req.headers.get('origin')
    const headers = new Headers({ vary: 'Origin', allow: methods })
    if (origin && !allowed.has(origin)) {
      headers.set('content-type', 'application/json')
      return new Response(JSON.stringify({ error: 'origin_not_allowed', message: `Origin ${origin.slice(0, 200)} may not call this endpoint from a browser (plugin option cors.origins).` }), { status: 403, headers })
    }
    if (origin) {
      headers.set('access-control-allow-origin', origin)
      headers.set('access-control-allow-methods', methods)
      headers.set('access-control-allow-headers', ALLOW_HEADERS)
      headers.set('access-control-max-age', '600')
    }
    return new Response(null, { status: 204, headers })
  }
  const out: Endpoint[] = []
  const preflighted = new Set<string>()
  for (const endpoint of endpoints) {
    const rule = CORS_PATHS.find((r) => r.test(endpoint.path))
    if (!rule) {
      out.push(endpoint)
      continue
    }
    out.push({ ...endpoint, handler: wrap(endpoint.handler) })
    if (!preflighted.has(endpoint.path)) {
      preflighted.add(endpoint.path)
      out.push({ path: endpoint.path, method: 'options', handler: preflight(rule.methods) })
    }
  }
  return out
}
