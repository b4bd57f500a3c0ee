import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Browser } from 'playwright-core'

import { type AppServer, startAppServer } from '../support/appServer'
import { chromiumMissing, launchChromium } from '../support/chromium'

const ADMIN = { email: 'admin@example.se', password: 'admin-lösenord-1' }

const missing = chromiumMissing()
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`)

/** The built app (`npm start`, next start behind the public cache): the preview route turns on Next's draft mode for editors only. */
describe('preview of a draft (Förhandsgranska)', () => {
  let app: AppServer
  let cookie: string
  let sameSite: Record<string, string>
  let draftId: number | string
  const preview = (query: string, headers: Record<string, string> = {}) => fetch(`${app.baseUrl}/preview?${query}`, { headers, redirect: 'manual' })

  beforeAll(async () => {
    app = await startAppServer({ SEED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    const login = await fetch(`${app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    expect(login.status).toBe(200)
    cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    // What a browser sends on a navigation from the admin; Payload ignores the cookie of a cross-site request.
    sameSite = { cookie, 'sec-fetch-site': 'same-origin' }
    expect(cookie).toContain('payload-token=')
    const created = await fetch(`${app.baseUrl}/api/news?draft=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sameSite },
      body: JSON.stringify({ _status: 'draft', title: 'Utkast inför publicering' }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    draftId = ((await created.json()) as { doc: { id: number } }).doc.id
  })
  afterAll(() => app?.stop())

  it("an editor's preview request enables draft mode (the __prerender_bypass cookie) and redirects to the item's page", async () => {
    const res = await preview(`type=news&id=${draftId}&locale=sv`, sameSite)
    expect(res.status).toBe(307)
    expect(res.headers.get('location')).toBe('/nyheter/utkast-infor-publicering')
    const cookies = res.headers.getSetCookie()
    expect(cookies.some((c) => c.startsWith('__prerender_bypass=') && /HttpOnly/i.test(c))).toBe(true)
    const en = await preview(`type=news&id=${draftId}&locale=en`, sameSite)
    expect(en.headers.get('location')).toBe('/en/nyheter/utkast-infor-publicering')
  })

  it('an anonymous request is sent to the login and enables nothing', async () => {
    const res = await preview(`type=news&id=${draftId}`)
    expect(res.status).toBe(307)
    expect(res.headers.get('location')).toBe(`/admin/login?redirect=${encodeURIComponent(`/preview?type=news&id=${draftId}`)}`)
    expect(res.headers.getSetCookie().filter((c) => c.startsWith('__prerender_bypass='))).toEqual([])
    const forged = await preview(`type=news&id=${draftId}`, { cookie: 'payload-token=not-a-token', 'sec-fetch-site': 'same-origin' })
    expect(forged.headers.getSetCookie().filter((c) => c.startsWith('__prerender_bypass='))).toEqual([])
    // The editor's real cookie, sent by a page on another site: Payload does not accept it.
    const crossSite = await preview(`type=news&id=${draftId}`, { cookie, 'sec-fetch-site': 'cross-site' })
    expect(crossSite.status).toBe(307)
    expect(crossSite.headers.get('location')).toMatch(/^\/admin\/login/)
    expect(crossSite.headers.getSetCookie().filter((c) => c.startsWith('__prerender_bypass='))).toEqual([])
  })

  it('bad input is a 4xx with a message', async () => {
    for (const [query, status, text] of [
      ['type=blog&id=1', 400, 'type:'],
      ['type=news&id=abc', 400, 'id:'],
      ['type=news&id=1&locale=fi', 400, 'locale:'],
      ['type=news&id=999999', 404, 'No document'],
    ] as const) {
      const res = await preview(query, sameSite)
      expect(res.status, query).toBe(status)
      expect((await res.json()).message).toContain(text)
      expect(res.headers.getSetCookie().filter((c) => c.startsWith('__prerender_bypass='))).toEqual([])
    }
  })

  it.skipIf(missing)('Live Preview beside the edit form shows the draft and follows each save without a reload', async () => {
    const browser: Browser = await launchChromium()
    try {
      const context = await browser.newContext({ locale: 'sv-SE' })
      const page = await context.newPage()
      await page.goto(`${app.baseUrl}/admin/login`)
      await page.fill('#field-email', ADMIN.email)
      await page.fill('#field-password', ADMIN.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL(/\/admin$/)

      await page.goto(`${app.baseUrl}/admin/collections/news/${draftId}`)
      await page.locator('#live-preview-toggler').click()
      const frame = page.frameLocator('iframe')
      await expect.poll(() => frame.locator('h1').innerText(), { timeout: 60_000 }).toBe('Utkast inför publicering')
      await expect(frame.locator('.nr-notice--draft').count()).resolves.toBe(1)
      // A marker in the frame's document: gone if the frame reloads instead of refreshing in place.
      await frame.locator('body').evaluate((b) => b.setAttribute('data-test-marker', 'kept'))

      await page.locator('#field-summary').fill('Ingressen skrevs om medan förhandsvisningen var öppen.')
      await page.locator('#action-save-draft').click()
      await expect.poll(() => frame.locator('.nr-ingress').allInnerTexts().then((t) => t.join('\n')), { timeout: 60_000 }).toContain('Ingressen skrevs om medan förhandsvisningen var öppen.')
      expect(await frame.locator('body').getAttribute('data-test-marker')).toBe('kept')
      // Nothing of it reached the public: the published page is still a 404 (the item was never published).
      expect((await fetch(`${app.baseUrl}/nyheter/utkast-infor-publicering`)).status).toBe(404)
    } finally {
      await browser.close()
    }
  })
})
