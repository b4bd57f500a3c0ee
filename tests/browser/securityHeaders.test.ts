import path from 'node:path'

import sharp from 'sharp'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AppServer, startAppServer } from '../support/appServer'
import { chromiumMissing, launchChromium } from '../support/chromium'

const ADMIN = { email: 'admin@example.se', password: 'admin-lösenord-1' }

const missing = chromiumMissing()
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`)

type Seen = { label: string; status: number; headers: Headers; body: string }

/** The headers every answer of `npm start` carries, whoever wrote it (Next.js, Payload, the public cache). */
function expectCommonHeaders({ label, headers }: Seen, https: boolean) {
  expect(headers.get('x-content-type-options'), label).toBe('nosniff')
  expect(headers.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin')
  expect(headers.get('x-frame-options'), label).toBe('SAMEORIGIN')
  expect(headers.get('content-security-policy'), label).toContain("frame-ancestors 'self'")
  expect(headers.get('x-powered-by'), label).toBeNull()
  if (https) expect(headers.get('strict-transport-security'), label).toBe('max-age=31536000')
  else expect(headers.get('strict-transport-security'), label).toBeNull()
}

describe.skipIf(missing)('security headers on every answer of npm start', () => {
  let app: AppServer
  let https: AppServer
  let browser: Browser
  let auth: string

  const get = async (label: string, url: string, init: RequestInit = {}, base = app.baseUrl): Promise<Seen> => {
    const res = await fetch(`${base}${url}`, { redirect: 'manual', ...init })
    return { label, status: res.status, headers: res.headers, body: await res.text() }
  }

  beforeAll(async () => {
    // One after the other: the first may have to run `next build`, which the second then reuses.
    app = await startAppServer({ SEED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    // Behind a TLS proxy: the public URL is https, the server itself speaks http on loopback.
    https = await startAppServer({ SEED: 'false', SERVER_URL: 'https://nyhetsrum.example.se', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    const login = await fetch(`${app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    auth = `JWT ${((await login.json()) as { token: string }).token}`
    const topic = await fetch(`${app.baseUrl}/api/topics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ title: 'Psykisk hälsa' }),
    })
    expect(topic.status).toBe(201)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await Promise.all([app?.stop(), https?.stop()])
  })

  it('admin page, REST, GraphQL, feed from the cache, 304, 404, uploaded file and static chunk', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'punkt.png')
    form.append('_payload', JSON.stringify({ alt: 'Punkt' }))
    const media = await fetch(`${app.baseUrl}/api/media`, { method: 'POST', headers: { authorization: auth }, body: form })
    expect(media.status).toBe(201)
    const mediaPath = new URL(((await media.json()) as { doc: { url: string } }).doc.url, app.baseUrl).pathname

    const admin = await get('admin page', '/admin/login')
    const feed = await get('feed (filled into the cache)', '/api/newsroom/feed.rss')
    const cached = await get('feed (from the cache)', '/api/newsroom/feed.rss')
    const notModified = await get('304 from the cache', '/api/newsroom/feed.rss', { headers: { 'if-none-match': cached.headers.get('etag')! } })
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(admin.body)![1]!
    const seen = [
      admin,
      await get('REST', '/api/news'),
      await get('REST as an editor', '/api/users/me', { headers: { authorization: auth } }),
      await get('GraphQL', '/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ Topics { totalDocs } }' }) }),
      feed,
      cached,
      notModified,
      await get('listing from the cache', '/api/newsroom/items'),
      await get('404 of the API', '/api/finns-inte'),
      await get('404 page', '/finns-inte'),
      await get('Aktuellt at /', '/'),
      await get('uploaded file', mediaPath),
      await get('static chunk', chunk),
    ]
    expect(seen.map((s) => `${s.label}: ${s.status}`)).toEqual([
      'admin page: 200',
      'REST: 200',
      'REST as an editor: 200',
      'GraphQL: 200',
      'feed (filled into the cache): 200',
      'feed (from the cache): 200',
      '304 from the cache: 304',
      'listing from the cache: 200',
      '404 of the API: 404',
      '404 page: 404',
      'Aktuellt at /: 200',
      'uploaded file: 200',
      'static chunk: 200',
    ])
    for (const s of seen) expectCommonHeaders(s, false)
  })

  it.each(['/admin/login', '/aktuellt', '/nyhetsbrev'])("the page %s gets a script policy with a fresh nonce, which Next.js puts on its own scripts", async (pagePath) => {
    // A cookie keeps the public cache out of it: each of these is a render of its own.
    const rendered = { headers: { cookie: 'nr-test=1' } }
    const [first, second] = [await get('page', pagePath, rendered), await get('page', pagePath, rendered)]
    const csp = first.headers.get('content-security-policy')!
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'self'")
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)
    // JSON-LD blocks are data, not scripts: CSP does not apply to them.
    const scripts = [...first.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !tag.includes('application/ld+json'))
    expect(scripts.length).toBeGreaterThan(3)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    // From the public cache (anonymous, the second request is a hit): the render's nonce, the same in the policy and on every script.
    await get('page', pagePath)
    const hit = await get('page', pagePath)
    if (pagePath !== '/admin/login') expect(hit.headers.get('x-cache')).toBe('HIT')
    const hitNonce = /script-src 'self' 'nonce-([^']+)'/.exec(hit.headers.get('content-security-policy') ?? '')?.[1]
    expect(hitNonce).toBeTruthy()
    for (const tag of [...hit.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((t) => !t.includes('application/ld+json'))) expect(tag).toContain(`nonce="${hitNonce}"`)
    // A nonce sent by the client is not the one used.
    const forged = await get('page', pagePath, { headers: { 'content-security-policy': "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='" } })
    expect(forged.body).not.toContain('nonce="AAAAAAAAAAAAAAAAAAAAAA=="')
  })

  it("the plugin's route handlers in the app pass the pages' proxy: sitemap.xml and robots.txt answer", async () => {
    const sitemap = await fetch(`${app.baseUrl}/sitemap.xml`)
    expect(sitemap.status).toBe(200)
    expect(sitemap.headers.get('content-type')).toContain('xml')
    expect(await sitemap.text()).toContain('<urlset')
    const robots = await fetch(`${app.baseUrl}/robots.txt`)
    expect(robots.status).toBe(200)
    expect(await robots.text()).toMatch(/Sitemap: http/)
  })

  it('the public pages run their scripts under that policy in Chromium, with no violation', async () => {
    const page = await browser.newPage({ locale: 'sv-SE' })
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    try {
      for (const p of ['/aktuellt', '/nyhetsbrev', '/en/news']) {
        await page.goto(`${app.baseUrl}${p}`)
        await page.waitForLoadState('networkidle')
        // Next's client runtime only defines window.next when its scripts ran.
        expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe('object')
      }
      expect(violations).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('the admin works under that policy in Chromium: no violation while logging in, writing, uploading and browsing', async () => {
    const page = await browser.newPage({ locale: 'sv-SE' })
    const violations: string[] = []
    await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
      )
    })
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    const imagePath = path.join(app.dir, 'bild.png')
    await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6f97' } }).png().toFile(imagePath)
    try {
      await page.goto(`${app.baseUrl}/admin/login`)
      await page.fill('#field-email', ADMIN.email)
      await page.fill('#field-password', ADMIN.password)
      await page.getByRole('button', { name: 'Logga in' }).click()
      await page.waitForURL(/\/admin$/)
      await page.goto(`${app.baseUrl}/admin/collections/news/create`)
      await page.fill('#field-title', 'Rubrik under CSP')
      await page.locator('[contenteditable="true"]').first().click()
      await page.keyboard.type('Brödtext i Lexical.')
      await page.locator('#field-heroImage').getByRole('button', { name: 'Skapa ny' }).click()
      const drawer = page.locator('.drawer__content').last()
      await drawer.locator('input[type="file"]').setInputFiles(imagePath)
      await drawer.locator('#field-alt').fill('Blå bakgrund')
      await drawer.getByRole('button', { name: 'Spara' }).click()
      await expect.poll(() => page.locator('#field-heroImage').getByText('bild.png').first().isVisible(), { timeout: 20_000 }).toBe(true)
      await page.getByRole('button', { name: 'Spara utkast' }).click()
      await page.waitForURL(/\/admin\/collections\/news\/\d+/)
      await expect.poll(() => page.getByText(/utkast/i).first().isVisible()).toBe(true)
      for (const p of ['/admin', '/admin/collections/media', '/admin/collections/subscribers', '/admin/collections/digest-runs', '/admin/collections/users', '/admin/account']) {
        await page.goto(`${app.baseUrl}${p}`)
        await page.waitForLoadState('networkidle')
      }
      expect(violations).toEqual([])

      // The check can see a violation: an inline script without the nonce is blocked and reported.
      await page.evaluate(() => {
        const s = document.createElement('script')
        s.textContent = 'window.injected = true'
        document.head.appendChild(s)
      })
      await expect.poll(() => violations.length).toBeGreaterThan(0)
      expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined()
    } catch (err) {
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? '/tmp', 'newsroom-csp-failure.png') })
      throw err
    } finally {
      await page.close()
    }
  })

  it('with an https SERVER_URL: HSTS on every answer and the login cookie Secure; without, neither', async () => {
    const login = (base: string) =>
      fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    const secure = await login(https.baseUrl)
    expect(secure.status).toBe(200)
    const cookie = secure.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expectCommonHeaders({ label: 'https login', status: 200, headers: secure.headers, body: '' }, true)
    for (const [label, url] of [
      ['admin page', '/admin/login'],
      ['REST', '/api/news'],
      ['feed', '/api/newsroom/feed.rss'],
    ]) {
      expectCommonHeaders(await get(label!, url!, {}, https.baseUrl), true)
    }
    const plain = (await login(app.baseUrl)).headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(plain).not.toMatch(/;\s*Secure/i)
  })
})
