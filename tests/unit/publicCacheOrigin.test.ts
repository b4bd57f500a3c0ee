import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createPublicCache } from '../../demo/publicCache'

const ALLOWED = 'https://www.kommun.se'

const listen = async (server: http.Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('public HTTP cache and CORS: answers are kept apart by Origin', () => {
  const hits: (string | undefined)[] = []
  // Answers like the plugin with cors.origins = [ALLOWED]: Allow-Origin for that origin only, Vary: Origin always.
  const origin = http.createServer((req, res) => {
    if (req.url === '/api/newsroom/state') return void res.end(JSON.stringify({ fingerprint: 'one' }))
    hits.push(req.headers.origin)
    const cors = req.headers.origin === ALLOWED ? { 'access-control-allow-origin': ALLOWED } : {}
    const status = req.url!.includes('limit=0') ? 400 : 200
    res.writeHead(status, { 'content-type': 'application/json', vary: 'Origin', etag: '"x"', ...cors })
    res.end(JSON.stringify({ items: [] }))
  })
  let front: http.Server
  let base: string

  beforeAll(async () => {
    const cache = createPublicCache({ origin: await listen(origin), recheckMs: 60_000 })
    front = http.createServer(async (req, res) => {
      if (!(await cache.handle(req, res))) res.writeHead(599).end()
    })
    base = await listen(front)
  })
  afterAll(() => {
    front?.close()
    origin.close()
  })

  const get = (path: string, origin?: string) => fetch(`${base}${path}`, { headers: origin ? { origin } : {} })

  it('a listed origin gets its Allow-Origin, another origin and no origin never get it from the cache', async () => {
    const a = await get('/api/newsroom/items', ALLOWED)
    expect(a.headers.get('access-control-allow-origin')).toBe(ALLOWED)
    expect(a.headers.get('vary')).toMatch(/Origin/)
    const other = await get('/api/newsroom/items', 'https://evil.example')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const plain = await get('/api/newsroom/items')
    expect(plain.headers.get('access-control-allow-origin')).toBeNull()
    expect(plain.headers.get('vary')).toMatch(/Origin/)
    expect(hits).toEqual([ALLOWED, 'https://evil.example', undefined])
    // Each is a hit from now on, with its own headers.
    expect((await get('/api/newsroom/items', ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED)
    expect((await get('/api/newsroom/items')).headers.get('access-control-allow-origin')).toBeNull()
    expect(hits).toHaveLength(3)
  })

  it('an error answer keeps its CORS headers, so the page can read the message', async () => {
    const res = await get('/api/newsroom/items?limit=0', ALLOWED)
    expect(res.status).toBe(400)
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED)
    expect(res.headers.get('vary')).toBe('Origin')
  })
})
