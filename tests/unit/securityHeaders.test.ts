import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createSecurityHeaders } from '../../demo/http/securityHeaders'

/** The defaults are set before the answer is written; whatever the answer sets itself wins. */
describe('createSecurityHeaders on a real server', () => {
  let server: http.Server
  let base: string
  const apply = createSecurityHeaders({ serverURL: 'https://nyhetsrum.example.se' })

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      apply(req, res)
      if (req.url === '/api/newsroom/confirm') {
        // As a newsletter page sets its own (its URL holds a token).
        res.writeHead(200, { 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': "default-src 'none'", 'Content-Type': 'text/html' })
        res.end('<p>ok</p>')
      } else if (req.url === '/api/cached') {
        // As the public cache answers: a flat header list given to writeHead.
        res.writeHead(304, ['etag', '"x"', 'cache-control', 'public, max-age=300'])
        res.end()
      } else {
        res.end(JSON.stringify({ seenCsp: req.headers['content-security-policy'] ?? null }))
      }
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it("an answer's own Referrer-Policy and CSP replace the defaults (one header each)", async () => {
    const raw = await new Promise<string[]>((resolve) => http.get(`${base}/api/newsroom/confirm`, (res) => (res.resume(), resolve(res.rawHeaders))))
    const values = (name: string) => raw.flatMap((h, i) => (i % 2 === 0 && h.toLowerCase() === name ? [raw[i + 1]] : []))
    expect(values('referrer-policy')).toEqual(['no-referrer'])
    expect(values('content-security-policy')).toEqual(["default-src 'none'"])
    expect(values('x-content-type-options')).toEqual(['nosniff'])
  })

  it('a 304 written with a flat header list keeps the defaults beside its own', async () => {
    const res = await fetch(`${base}/api/cached`)
    expect(res.status).toBe(304)
    expect(res.headers.get('etag')).toBe('"x"')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it.each(['/admin/login', '/aktuellt', '/nyheter/en-nyhet?x=1'])('the page %s gets a nonce policy, also handed to the page renderer; API answers only frame-ancestors; a client CSP header never reaches the renderer', async (path) => {
    const page = await fetch(`${base}${path}`, { headers: { 'content-security-policy': "script-src 'nonce-forged'" } })
    const policy = page.headers.get('content-security-policy')!
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}'/)
    expect(((await page.json()) as { seenCsp: string }).seenCsp).toBe(policy)
    const api = await fetch(`${base}/api/news`, { headers: { 'content-security-policy': "script-src 'nonce-forged'" } })
    expect(api.headers.get('content-security-policy')).toBe("frame-ancestors 'self'")
    expect(((await api.json()) as { seenCsp: string | null }).seenCsp).toBeNull()
  })
})
