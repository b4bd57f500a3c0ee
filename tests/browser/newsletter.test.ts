import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AppServer, startAppServer } from '../support/appServer'
import { chromiumMissing, launchChromium } from '../support/chromium'
import { chunkedUpload } from '../support/chunkedUpload'
import { linkIn } from '../support/newsletter'
import { rssMb, serverPid } from '../support/serverProcess'
import { startSmtp, type TestSmtp } from '../support/smtp'

const ADMIN = { email: 'admin@example.se', password: 'admin-lösenord-1' }

const missing = chromiumMissing()
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`)

describe.skipIf(missing)('the newsletter through npm start: links in Chromium, client addresses, body limits', () => {
  let smtp: TestSmtp
  let app: AppServer
  let browser: Browser
  let page: Page
  let auth: string

  const signUp = (baseUrl: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/api/newsroom/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const subscriberOf = async (email: string) => {
    const res = await fetch(`${app.baseUrl}/api/subscribers?where[email][equals]=${encodeURIComponent(email)}&depth=0`, { headers: { authorization: auth } })
    return ((await res.json()) as { docs: { status: string; frequency: string; locale: string }[] }).docs[0]
  }
  /** The `count`-th mail to `email`, once it has arrived (sent by the sign-up job, kicked after the answer). */
  const mail = async (email: string, count: number) => {
    await expect.poll(() => smtp.to(email).length, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(count)
    return smtp.to(email)[count - 1]!
  }
  const heading = () => page.locator('h1').innerText()

  beforeAll(async () => {
    smtp = await startSmtp()
    app = await startAppServer({ SEED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SMTP_URL: smtp.url, MAIL_FROM: 'nyhetsbrev@newsroom.test' })
    const login = await fetch(`${app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    auth = `JWT ${((await login.json()) as { token: string }).token}`
    browser = await launchChromium()
    page = await browser.newPage({ locale: 'sv-SE' })
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await smtp?.close()
  })

  it('a person confirms in Chromium with the link from the real mail; a scanner’s GETs confirm nothing; opening it again says already confirmed', async () => {
    expect((await signUp(app.baseUrl, { email: 'chromium@example.se', consent: true, frequency: 'weekly' })).status).toBe(202)
    const confirmation = await mail('chromium@example.se', 1)
    expect(confirmation.subject).toBe('Bekräfta din prenumeration')
    const link = linkIn(confirmation.text, '/api/newsroom/confirm')
    expect(link.startsWith(app.baseUrl)).toBe(true)

    // A link scanner fetches the link (twice, say) and runs no script: nothing happens.
    for (let i = 0; i < 2; i++) {
      const scanned = await fetch(link)
      expect(scanned.status).toBe(200)
      expect(await scanned.text()).toContain('Bekräfta prenumerationen')
    }
    expect((await subscriberOf('chromium@example.se'))?.status).toBe('pending')

    const problems: string[] = []
    // CSP violations and script errors; a missing favicon (Chromium asks for one when it likes) is not the page's doing.
    page.on('console', (m) => void (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url ?? '') && problems.push(`${m.text()} (${m.location().url})`)))
    page.on('pageerror', (e) => void problems.push(e.message))
    // Payload's withPayload sends Critical-CH on every answer, so Chromium repeats this first GET.
    await page.goto(link)
    await expect.poll(heading).toBe('Tack!')
    expect(await page.locator('body').innerText()).toContain('Din prenumeration är bekräftad.')
    expect((await subscriberOf('chromium@example.se'))?.status).toBe('active')

    await page.goto(link)
    await expect.poll(heading).toBe('Redan bekräftad')
    expect(await page.locator('body').innerText()).toContain('Din prenumeration är redan bekräftad.')
    expect((await subscriberOf('chromium@example.se'))?.status).toBe('active')
    // The auto-submit script ran under the page's CSP: no violation reported.
    expect(problems).toEqual([])
  })

  it('the "use the new settings" link of the manage mail works the same way', async () => {
    expect((await signUp(app.baseUrl, { email: 'chromium@example.se', consent: true, frequency: 'daily', locale: 'en' })).status).toBe(202)
    const manage = await mail('chromium@example.se', 2)
    expect(manage.subject).toBe('Manage your subscription')
    const link = linkIn(manage.text, '/api/newsroom/confirm')
    expect((await subscriberOf('chromium@example.se'))?.frequency).toBe('weekly')

    await page.goto(link)
    await expect.poll(heading).toBe('Done!')
    expect(await subscriberOf('chromium@example.se')).toMatchObject({ status: 'active', frequency: 'daily', locale: 'en' })
    await page.goto(link)
    await expect.poll(heading).toBe('Already done')
  })

  it('one client rotating X-Forwarded-For and X-Real-IP is still one client: 429 once the limit is reached', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) {
      const fake = `198.51.${i}.${100 + i}`
      statuses.push((await signUp(app.baseUrl, { email: `roterar${i}@example.se`, consent: true }, { 'x-forwarded-for': fake, 'x-real-ip': fake })).status)
    }
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(10)
    expect(statuses.at(-1)).toBe(429)
  })

  it('with TRUST_PROXY=1 (one proxy in front that appends), the clients it names are told apart', async () => {
    const behindProxy = await startAppServer({ SEED: 'false', SMTP_URL: smtp.url, MAIL_FROM: 'nyhetsbrev@newsroom.test', TRUST_PROXY: '1' })
    try {
      const distinct: number[] = []
      for (let i = 0; i < 12; i++) distinct.push((await signUp(behindProxy.baseUrl, { email: `proxy${i}@example.se`, consent: true }, { 'x-forwarded-for': `203.0.113.${i + 1}` })).status)
      expect(distinct).toEqual(Array(12).fill(202))
      const same: number[] = []
      for (let i = 0; i < 11; i++) same.push((await signUp(behindProxy.baseUrl, { email: `samma${i}@example.se`, consent: true }, { 'x-forwarded-for': '203.0.113.200' })).status)
      expect(same).toEqual([...Array(10).fill(202), 429])
    } finally {
      await behindProxy.stop()
    }
  })

  it('a 50 MB chunked body is refused with 413 long before it is sent, the connection is closed, and the server’s memory does not grow', async () => {
    const pid = serverPid(Number(new URL(app.baseUrl).port))
    const token = 'A'.repeat(43)
    for (const path of ['/api/newsroom/subscribe', '/api/newsroom/unsubscribe', `/api/newsroom/unsubscribe?token=${token}`, `/api/newsroom/preferences?token=${token}`, '/api/newsroom/confirm']) {
      const before = rssMb(pid)
      let peak = before
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10)
      const upload = await chunkedUpload(app.baseUrl, path, 50 * 1024 * 1024).finally(() => clearInterval(sampler))
      peak = Math.max(peak, rssMb(pid))
      expect(upload.status, path).toBe(413)
      expect(JSON.parse(upload.body)).toMatchObject({ error: 'invalid_parameter', parameter: 'body' })
      expect(upload.writtenAtAnswer, path).toBeLessThan(20 * 1024 * 1024)
      expect(upload.closedAfterMs, `${path}: the server keeps the connection`).not.toBeNull()
      expect(peak - before, `${path}: RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB`).toBeLessThan(32)
    }
    // Still serving.
    expect((await fetch(`${app.baseUrl}/api/newsroom/health`)).status).toBe(200)
  })
})
