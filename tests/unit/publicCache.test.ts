import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createPublicCache, pickEncoding } from '../../src/runtime/publicCache'

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
