import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createPublicCache, pickEncoding, serveThroughCache } from '../../demo/publicCache'

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A raw GET (no automatic decompression), so the test sees the bytes on the wire. */
const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<Raw>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })

const listen = async (server: http.Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('public HTTP cache in front of Next', () => {
  let fingerprint = 'one'
  let feedBody = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Nyheter om psykisk hälsa</title>${'<item><title>Länsgemensam satsning</title></item>'.repeat(60)}</channel></rss>`
  let originHits = 0
  const origin = http.createServer((req, res) => {
    if (req.url === '/api/newsroom/state') return void res.end(JSON.stringify({ fingerprint }))
    originHits++
    const body = Buffer.from(feedBody)
    const etag = `"${fingerprint}"`
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'cache-control': 'public, max-age=60' })
    res.end(body)
  })
  let front: http.Server
  let base: string

  beforeAll(async () => {
    const originUrl = await listen(origin)
    const cache = createPublicCache({ origin: originUrl, recheckMs: 50 })
    front = http.createServer(async (req, res) => {
      if (!(await cache.handle(req, res))) {
        res.writeHead(599)
        res.end()
      }
    })
    base = await listen(front)
  })
  afterAll(() => {
    front?.close()
    origin.close()
  })

  it('picks br, then gzip, and honours q=0', () => {
    expect(pickEncoding(undefined)).toBe('identity')
    expect(pickEncoding('gzip, deflate, br')).toBe('br')
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip')
    expect(pickEncoding('deflate')).toBe('identity')
    expect(pickEncoding('*')).toBe('gzip')
    expect(pickEncoding('gzip;q=0, br; q=0.0')).toBe('identity')
  })

  it('serves the same bytes identity, gzip and brotli, each with its own ETag and Vary', async () => {
    const url = `${base}/api/newsroom/feed.rss`
    const plain = await get(url)
    const gz = await get(url, { 'accept-encoding': 'gzip' })
    const br = await get(url, { 'accept-encoding': 'gzip, br' })
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(feedBody)
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(feedBody)
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(feedBody)
    expect(gz.body.length).toBeLessThan(plain.body.length / 4)
    for (const r of [plain, gz, br]) {
      expect(r.headers.vary).toBe('accept-encoding')
      expect(Number(r.headers['content-length'])).toBe(r.body.length)
      expect(r.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    }
    expect(new Set([plain.headers.etag, gz.headers.etag, br.headers.etag]).size).toBe(3)
    expect(originHits).toBe(1)

    // A validator of any representation gives 304 for any other.
    const notModified = await get(url, { 'accept-encoding': 'br', 'if-none-match': gz.headers.etag! })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.etag).toBe(br.headers.etag)
    expect(notModified.body.length).toBe(0)
    expect((await get(url, { 'if-none-match': '"something-else"' })).status).toBe(200)
  })

  it('drops entries when the fingerprint changes, and small bodies are not compressed', async () => {
    fingerprint = 'two'
    feedBody = '<rss version="2.0"><channel><title>Kort</title></channel></rss>'
    await new Promise((r) => setTimeout(r, 80))
    const res = await get(`${base}/api/newsroom/feed.rss`, { 'accept-encoding': 'gzip, br' })
    expect(res.body.toString()).toBe(feedBody)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers.etag).toBe('"two"')
  })

  it('leaves other paths, writes and signed-in requests to Next', async () => {
    expect((await get(`${base}/api/news`)).status).toBe(599)
    expect((await get(`${base}/api/newsroom/feed.rss`, { authorization: 'JWT x' })).status).toBe(599)
  })
})

type Wire = { status: number; headers: Record<string, string>; body: string }

/** A request written byte for byte on a raw socket, so the request-target is exactly what a client sends (fetch would drop a `#…`). */
const rawRequest = (port: number, target: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<Wire>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', reject)
    socket.on('end', () => {
      const raw = Buffer.concat(chunks)
      const split = raw.indexOf('\r\n\r\n')
      const [statusLine, ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n')
      const parsed: Record<string, string> = {}
      for (const line of lines) parsed[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim()
      let body = raw.subarray(split + 4)
      if (parsed['transfer-encoding'] === 'chunked') {
        const parts: Buffer[] = []
        for (let at = 0; ; ) {
          const eol = body.indexOf('\r\n', at)
          const size = parseInt(body.subarray(at, eol).toString('latin1'), 16)
          if (!size) break
          parts.push(body.subarray(eol + 2, eol + 2 + size))
          at = eol + 2 + size + 2
        }
        body = Buffer.concat(parts)
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers: parsed, body: body.toString('utf8') })
    })
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')
    // Not half-closed: the server answers, then closes (Connection: close).
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}Content-Length: 0\r\n\r\n`)
  })

/**
 * The cache wired as `npm start` wires it (serveThroughCache): one server, the cache first, then a
 * stand-in for Next that parses the target as Next does and counts every render it does. The
 * cache's origin is that same server, as in `npm start`, so its own requests pass through it too.
 */
describe('public cache as the front door of npm start', () => {
  let fingerprint = 'v1'
  const renders = new Map<string, number>()
  const markersSeen: string[] = []
  /** When set, the next render waits for it (to hold a fill open while the index changes). */
  let hold: Promise<void> | null = null
  const rendered = (key: string) => renders.get(key) ?? 0

  const next: http.RequestListener = async (req, res) => {
    const marker = req.headers['x-newsroom-internal']
    if (typeof marker === 'string') markersSeen.push(marker)
    const url = new URL(req.url!, 'http://next.invalid')
    if (url.pathname === '/api/newsroom/state') return void res.end(JSON.stringify({ fingerprint }))
    if (req.method === 'POST') return void res.end('{}')
    // Counted per path and set of parameters, in whatever order they came.
    const sorted = new URLSearchParams([...url.searchParams].sort(([a], [b]) => a.localeCompare(b))).toString()
    const key = sorted ? `${url.pathname}?${sorted}` : url.pathname
    renders.set(key, rendered(key) + 1)
    const seenFingerprint = fingerprint // what the database said when the render began
    const wait = hold
    hold = null
    await (wait ?? new Promise((r) => setTimeout(r, 20))) // renders take time, so concurrent misses overlap
    if (url.pathname === '/api/newsroom/feed.rss') {
      const category = url.searchParams.get('category')
      if (category && category !== 'psykisk-halsa') {
        res.writeHead(404, { 'content-type': 'application/json' })
        return void res.end(JSON.stringify({ error: 'not_found', parameter: 'category', message: `category: no topic with slug "${category}"` }))
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
      return void res.end(`<rss version="2.0"><channel><title>Alla nyheter ${seenFingerprint}</title></channel></rss>`)
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ q: url.searchParams.get('q'), fingerprint: seenFingerprint }))
  }

  let port = 0
  const server = http.createServer()
  beforeAll(async () => {
    const base = await listen(server)
    port = Number(new URL(base).port)
    const cache = createPublicCache({ origin: base, recheckMs: 60_000 })
    server.on('request', serveThroughCache(cache, next))
  })
  afterAll(() => server.close())

  const publish = async (to: string) => {
    fingerprint = to
    expect((await rawRequest(port, '/api/news', {}, 'POST')).status).toBe(200) // a write through the server: recheck at once
  }

  it('answers 400 to a raw "#" in the request-target, and q=%23tag never gets the answer for q=', async () => {
    const fragment = await rawRequest(port, '/api/newsroom/items?q=#tag') // first, while every key is cold
    const encoded = await rawRequest(port, '/api/newsroom/items?q=%23tag')
    expect(encoded.status).toBe(200)
    expect(JSON.parse(encoded.body).q).toBe('#tag')
    expect(JSON.parse((await rawRequest(port, '/api/newsroom/items?q=')).body).q).toBe('')
    expect(JSON.parse((await rawRequest(port, '/api/newsroom/items?q=%23tag')).body).q).toBe('#tag')
    expect(rendered('/api/newsroom/items?q=%23tag')).toBe(1)
    expect(fragment.status).toBe(400)
    expect(JSON.parse(fragment.body).message).toContain('%23')
  })

  it('feed.rss?category=#x stores no full feed under the key of category=%23x, which gets its 404', async () => {
    const fragment = await rawRequest(port, '/api/newsroom/feed.rss?category=#x')
    const encoded = await rawRequest(port, '/api/newsroom/feed.rss?category=%23x')
    expect(encoded.status).toBe(404)
    expect(JSON.parse(encoded.body).message).toContain('"#x"')
    expect(rendered('/api/newsroom/feed.rss?category=')).toBe(0)
    expect(fragment.status).toBe(400)
    expect(rendered('/api/newsroom/feed.rss?category=%23x')).toBe(1) // the 404 the cache's fill got is the one passed on
  })

  it('ignores a client-sent x-newsroom-internal: the answer comes from the cache and Next never sees the header', async () => {
    const target = '/api/newsroom/feed.rss?category=psykisk-halsa'
    for (let i = 0; i < 3; i++) {
      const res = await rawRequest(port, target, { 'x-newsroom-internal': '1' })
      expect(res.status).toBe(200)
      expect(res.body).toContain('Alla nyheter')
    }
    expect(rendered(target)).toBe(1)
    await rawRequest(port, '/api/newsroom/subscribe', { 'x-newsroom-internal': '1' }) // not cached: on to Next, without it
    expect(markersSeen.length).toBeGreaterThan(0) // the cache's own requests carry it
    expect(markersSeen.filter((m) => m.length < 32 || m === '1')).toEqual([])
  })

  it('50 concurrent requests for a cold key render once, and once again after a publish', async () => {
    const target = '/api/newsroom/items?type=news&limit=5'
    const key = '/api/newsroom/items?limit=5&type=news' // as counted by the stand-in for Next
    const burst = () => Promise.all(Array.from({ length: 50 }, () => rawRequest(port, target)))
    const first = await burst()
    expect(first.map((r) => r.status)).toEqual(Array(50).fill(200))
    expect(new Set(first.map((r) => r.body))).toEqual(new Set([JSON.stringify({ q: null, fingerprint: 'v1' })]))
    expect(rendered(key)).toBe(1)

    await publish('v2') // every entry is stale at once: one freshness check, then one render per key
    const second = await burst()
    expect(new Set(second.map((r) => r.body))).toEqual(new Set([JSON.stringify({ q: null, fingerprint: 'v2' })]))
    expect(rendered(key)).toBe(2)
  })

  it('a fill that began before a publish is not stored, nor handed to requests that came after it', async () => {
    const target = '/api/newsroom/items?q=ny'
    let release!: () => void
    hold = new Promise<void>((r) => (release = r))
    const before = rawRequest(port, target) // its render reads the index as it was, then waits
    await expect.poll(() => rendered(target)).toBe(1)
    await publish('v3')
    const after = rawRequest(port, target)
    await expect.poll(() => rendered(target)).toBe(2)
    release()
    expect(JSON.parse((await before).body).fingerprint).toBe('v2')
    expect(JSON.parse((await after).body).fingerprint).toBe('v3')
    expect(JSON.parse((await rawRequest(port, target)).body).fingerprint).toBe('v3')
    expect(rendered(target)).toBe(2)
  })
})
