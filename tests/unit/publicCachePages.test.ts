import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createPublicCache, isStorable, NEXT_DYNAMIC_CACHE_CONTROL, PAGE_CACHE_CONTROL, serveThroughCache } from '../../demo/publicCache'

const listen = async (server: http.Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/**
 * The cache wired as `npm start` wires it, with the public pages on: one server, the cache first,
 * then a stand-in for Next that renders pages as the app does (a fresh script nonce per render in
 * the CSP header and the markup, Next's `private, no-store` default, the draft for draft mode)
 * and counts its renders.
 */
describe('public cache: the public pages', () => {
  let fingerprint = 'v1'
  let title = 'Länsgemensam satsning'
  const renders = new Map<string, number>()
  const rendered = (path: string) => renders.get(path) ?? 0
  const next: http.RequestListener = (req, res) => {
    const url = new URL(req.url!, 'http://next.invalid')
    if (url.pathname === '/api/newsroom/state') return void res.end(JSON.stringify({ fingerprint }))
    if (req.method === 'POST') return void res.end('{}')
    renders.set(url.pathname + url.search, rendered(url.pathname + url.search) + 1)
    if (url.pathname === '/nyheter/avpublicerad') {
      res.writeHead(410, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      return void res.end('<!doctype html><html lang="sv"><title>Sidan är inte längre publicerad</title></html>')
    }
    if (url.pathname === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml', 'cache-control': 'public, max-age=300' })
      return void res.end('<urlset/>')
    }
    if (url.pathname === '/med-kaka') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'spår=1', 'cache-control': NEXT_DYNAMIC_CACHE_CONTROL })
      return void res.end('<p>en kaka</p>')
    }
    const draft = (req.headers.cookie ?? '').includes('__prerender_bypass')
    const nonce = randomBytes(16).toString('base64')
    const csp = `script-src 'self' 'nonce-${nonce}'`
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': NEXT_DYNAMIC_CACHE_CONTROL })
    const shown = draft ? 'Utkast: hemlig rubrik' : title
    res.end(`<!doctype html><html lang="sv"><h1>${shown}</h1><p>${url.search}</p><script nonce="${nonce}">self.__next_f=[]</script></html>`)
  }

  let base = ''
  const server = http.createServer()
  beforeAll(async () => {
    base = await listen(server)
    const cache = createPublicCache({ origin: base, recheckMs: 60_000, pages: (p) => !p.startsWith('/api/') && !p.startsWith('/admin') })
    server.on('request', serveThroughCache(cache, next))
  })
  afterAll(() => server.close())

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers })
  /** A change in the database, then a write through the server (as the admin's save is): the cache rechecks at once. */
  const change = async (to: string) => {
    fingerprint = to
    expect((await fetch(`${base}/api/news/1`, { method: 'POST' })).status).toBe(200)
  }
  const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1]

  it('serves an anonymous page from the cache: MISS, then HIT with the same body, rendered once', async () => {
    const first = await get('/aktuellt')
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const body = await first.text()
    const second = await get('/aktuellt')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(await second.text()).toBe(body)
    expect(rendered('/aktuellt')).toBe(1)
    // The search is its own entry.
    expect((await get('/aktuellt?q=psykisk')).headers.get('x-cache')).toBe('MISS')
    expect((await get('/aktuellt?q=psykisk')).headers.get('x-cache')).toBe('HIT')
  })

  it('a cached page keeps the nonce of its render in header and markup, and says public, must-revalidate', async () => {
    const res = await get('/nyheter/en-nyhet')
    const nonce = nonceOf(res)
    expect(nonce).toBeTruthy()
    expect(await res.text()).toContain(`<script nonce="${nonce}">`)
    const again = await get('/nyheter/en-nyhet')
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(nonceOf(again)).toBe(nonce)
    expect(await again.text()).toContain(`<script nonce="${nonce}">`)
    expect(again.headers.get('cache-control')).toBe(PAGE_CACHE_CONTROL)
    // The browser's revalidation is a 304 from the cache.
    const notModified = await get('/nyheter/en-nyhet', { 'if-none-match': again.headers.get('etag')! })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('content-security-policy')).toContain(nonce) // the security headers stored with the entry go on its 304s too
    expect(rendered('/nyheter/en-nyhet')).toBe(1)
  })

  it('publishing, unpublishing or editing a global (a new fingerprint) drops the cached pages', async () => {
    expect(await (await get('/aktuellt')).text()).toContain('Länsgemensam satsning')
    title = 'Ny nyhet publicerad'
    await change('v2')
    const after = await get('/aktuellt')
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(await after.text()).toContain('Ny nyhet publicerad')
    title = 'Ny organisation i sidfoten'
    await change('v3') // e.g. the site settings global: its updatedAt is in the fingerprint
    expect(await (await get('/aktuellt')).text()).toContain('Ny organisation i sidfoten')
    expect(rendered('/aktuellt')).toBe(3)
  })

  it('draft mode and logged-in requests are neither served from the cache nor stored in it', async () => {
    await get('/nyheter/utkastet') // the published version, cached
    const before = rendered('/nyheter/utkastet')
    const draft = await get('/nyheter/utkastet', { cookie: '__prerender_bypass=abc' })
    expect(draft.headers.get('x-cache')).toBeNull()
    expect(await draft.text()).toContain('Utkast: hemlig rubrik')
    expect(draft.headers.get('cache-control')).toBe(NEXT_DYNAMIC_CACHE_CONTROL)
    for (const headers of [{ cookie: 'payload-token=x' }, { authorization: 'JWT x' }, { rsc: '1' }] as Record<string, string>[]) {
      expect((await get('/nyheter/utkastet', headers)).headers.get('x-cache')).toBeNull()
    }
    expect(rendered('/nyheter/utkastet')).toBe(before + 4)
    // Nothing of the draft went into the cache: anonymous readers still get the published page.
    const anonymous = await get('/nyheter/utkastet')
    expect(anonymous.headers.get('x-cache')).toBe('HIT')
    expect(await anonymous.text()).not.toContain('Utkast')

    // And a draft request while the key is cold stores nothing either.
    await get('/nyheter/kall', { cookie: '__prerender_bypass=abc' })
    const cold = await get('/nyheter/kall')
    expect(cold.headers.get('x-cache')).toBe('MISS')
    expect(await cold.text()).not.toContain('Utkast')
  })

  it('a 410 passes through with its no-store and is never stored; an answer with a cookie goes to Next every time', async () => {
    for (let i = 0; i < 2; i++) {
      const gone = await get('/nyheter/avpublicerad')
      expect(gone.status).toBe(410)
      expect(gone.headers.get('cache-control')).toBe('no-store')
      expect(gone.headers.get('x-cache')).toBeNull()
    }
    expect(rendered('/nyheter/avpublicerad')).toBe(2)
    for (let i = 0; i < 2; i++) {
      const res = await get('/med-kaka')
      expect(res.headers.get('set-cookie')).toBe('spår=1') // Next's own answer, to this request only
      expect(res.headers.get('x-cache')).toBeNull()
    }
  })

  it("keeps a route's own public Cache-Control (sitemap.xml)", async () => {
    await get('/sitemap.xml')
    const hit = await get('/sitemap.xml')
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.headers.get('cache-control')).toBe('public, max-age=300')
  })

  it('leaves the admin and unlisted paths to Next', async () => {
    await get('/admin/login')
    await get('/admin/login')
    expect(rendered('/admin/login')).toBe(2)
  })

  it("a page with a personal link's token (the newsletter's confirm, preferences, unsubscribe) is rendered every time", async () => {
    const first = await get('/nyhetsbrev/bekrafta?token=abc123')
    await get('/nyhetsbrev/bekrafta?token=abc123')
    expect(first.headers.get('x-cache')).toBeNull()
    expect(rendered('/nyhetsbrev/bekrafta?token=abc123')).toBe(2)
  })
})

describe('which answers may be stored', () => {
  const h = (init: Record<string, string>) => new Headers(init)
  it('never with a cookie, never private or no-store of its own; a page with Next dynamic default is stored', () => {
    expect(isStorable(h({ 'cache-control': 'public, max-age=300' }), false)).toBe(true)
    expect(isStorable(h({}), true)).toBe(true)
    expect(isStorable(h({ 'cache-control': NEXT_DYNAMIC_CACHE_CONTROL }), true)).toBe(true)
    expect(isStorable(h({ 'cache-control': NEXT_DYNAMIC_CACHE_CONTROL }), false)).toBe(false)
    expect(isStorable(h({ 'cache-control': 'no-store' }), true)).toBe(false)
    expect(isStorable(h({ 'cache-control': 'private, max-age=60' }), true)).toBe(false)
    expect(isStorable(h({ 'cache-control': 'public, max-age=300', 'set-cookie': 'a=1' }), false)).toBe(false)
    expect(isStorable(h({ 'cache-control': NEXT_DYNAMIC_CACHE_CONTROL, 'set-cookie': 'a=1' }), true)).toBe(false)
  })
})
