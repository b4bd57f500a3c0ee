import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AppServer, startAppServer } from '../support/appServer'
import { chromiumMissing, launchChromium } from '../support/chromium'
import { axeViolations, summarize } from '../support/axe'
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

  /** The page is in the site's layout, in `lang`, names the organisation and `email`, and axe finds no WCAG 2.1 A/AA violation. */
  const inLayout = async (lang: string, email: string) => {
    expect(await page.locator('html').getAttribute('lang')).toBe(lang)
    expect(await page.locator('header.nr-header').count()).toBe(1)
    expect(await page.locator('footer.nr-footer').count()).toBe(1)
    expect(await page.locator('main').innerText()).toContain(email)
    expect(await page.locator('main').innerText()).toContain('Nyhetsrum')
    expect(await page.locator('footer').innerText()).toContain('Nyhetsrum')
    expect(summarize(await axeViolations(page))).toBe('')
  }

  it('a person confirms in Chromium with the link from the real mail, on a page in the site layout; a scanner’s GETs confirm nothing; opening it again says already confirmed', async () => {
    expect((await signUp(app.baseUrl, { email: 'chromium@example.se', consent: true, frequency: 'weekly' })).status).toBe(202)
    const confirmation = await mail('chromium@example.se', 1)
    expect(confirmation.subject).toBe('Bekräfta din prenumeration')
    const link = linkIn(confirmation.text, '/nyhetsbrev/bekrafta')
    expect(link.startsWith(app.baseUrl)).toBe(true)

    // A link scanner fetches the link (twice, say) and runs no script: nothing happens.
    for (let i = 0; i < 2; i++) {
      const scanned = await fetch(link)
      expect(scanned.status).toBe(200)
      expect(scanned.headers.get('referrer-policy')).toBe('same-origin')
      expect(await scanned.text()).toContain('Bekräfta prenumerationen')
    }
    expect((await subscriberOf('chromium@example.se'))?.status).toBe('pending')

    const problems: string[] = []
    // Script errors; a missing favicon (Chromium asks for one when it likes) is not the page's doing.
    page.on('console', (m) => void (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url ?? '') && problems.push(`${m.text()} (${m.location().url})`)))
    page.on('pageerror', (e) => void problems.push(e.message))
    // Payload's withPayload sends Critical-CH on every answer, so Chromium repeats this first GET.
    await page.goto(link)
    await expect.poll(heading, { timeout: 20_000 }).toBe('Tack!')
    expect(await page.locator('main').innerText()).toContain('Din prenumeration är bekräftad.')
    expect(await page.locator('main').innerText()).toContain('Det gäller nyhetsbrevet från Nyhetsrum till chromium@example.se.')
    await inLayout('sv', 'chromium@example.se')
    expect((await subscriberOf('chromium@example.se'))?.status).toBe('active')

    await page.goto(link)
    await expect.poll(heading, { timeout: 20_000 }).toBe('Redan bekräftad')
    expect(await page.locator('main').innerText()).toContain('Din prenumeration är redan bekräftad.')
    expect((await subscriberOf('chromium@example.se'))?.status).toBe('active')
    // The old endpoint URL of mails sent before still works (its own small page, a form that posts back).
    const old = await fetch(link.replace('/nyhetsbrev/bekrafta', '/api/newsroom/confirm'))
    expect(old.status).toBe(200)
    expect(await old.text()).toContain('Redan bekräftad')
    expect(problems).toEqual([])
  })

  it('without JavaScript the confirm page shows the button in the layout and pressing it confirms', async () => {
    expect((await signUp(app.baseUrl, { email: 'utan-js@example.se', consent: true })).status).toBe(202)
    const link = linkIn((await mail('utan-js@example.se', 1)).text, '/nyhetsbrev/bekrafta')
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' })
    const noJs = await context.newPage()
    try {
      await noJs.goto(link)
      expect(await noJs.locator('h1').innerText()).toBe('Bekräfta prenumerationen')
      expect(await noJs.locator('main').innerText()).toContain('utan-js@example.se')
      expect((await subscriberOf('utan-js@example.se'))?.status).toBe('pending')
      await noJs.getByRole('button', { name: 'Bekräfta prenumerationen' }).click()
      await expect.poll(() => noJs.locator('h1').innerText(), { timeout: 20_000 }).toBe('Tack!')
      expect((await subscriberOf('utan-js@example.se'))?.status).toBe('active')
    } finally {
      await context.close()
    }
  })

  it('the "use the new settings" link of the manage mail works the same way, on the English page', async () => {
    expect((await signUp(app.baseUrl, { email: 'chromium@example.se', consent: true, frequency: 'daily', locale: 'en' })).status).toBe(202)
    const manage = await mail('chromium@example.se', 2)
    expect(manage.subject).toBe('Manage your subscription')
    const link = linkIn(manage.text, '/en/newsletter/confirm')
    expect((await subscriberOf('chromium@example.se'))?.frequency).toBe('weekly')

    await page.goto(link)
    await expect.poll(heading, { timeout: 20_000 }).toBe('Done!')
    await inLayout('en', 'chromium@example.se')
    expect(await subscriberOf('chromium@example.se')).toMatchObject({ status: 'active', frequency: 'daily', locale: 'en' })
    await page.goto(link)
    await expect.poll(heading, { timeout: 20_000 }).toBe('Already done')
  })

  it('the settings page of the mail: change the frequency, then the language (the page follows to Swedish), then unsubscribe; one-click POST at the API still works', async () => {
    const manage = await mail('chromium@example.se', 2)
    const link = linkIn(manage.text, '/en/newsletter/preferences')
    await page.goto(link)
    expect(await heading()).toBe('Your settings')
    await inLayout('en', 'chromium@example.se')
    expect(await page.getByLabel('Every day').isChecked()).toBe(true)
    await page.getByLabel('Every week').check()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.locator('.nr-notice').innerText().catch(() => ''), { timeout: 20_000 }).toContain('Your settings have been saved.')
    expect((await subscriberOf('chromium@example.se'))?.frequency).toBe('weekly')

    await page.getByLabel('Svenska').check()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(heading, { timeout: 20_000 }).toBe('Dina inställningar')
    expect(new URL(page.url()).pathname).toBe('/nyhetsbrev/installningar')
    expect(await page.locator('.nr-notice').innerText()).toContain('Dina inställningar är sparade.')
    await inLayout('sv', 'chromium@example.se')
    expect((await subscriberOf('chromium@example.se'))?.locale).toBe('sv')

    await page.getByRole('link', { name: 'Avsluta prenumerationen' }).click()
    await expect.poll(heading, { timeout: 20_000 }).toBe('Avsluta prenumerationen')
    await inLayout('sv', 'chromium@example.se')
    expect((await subscriberOf('chromium@example.se'))?.status).toBe('active')
    await page.getByRole('button', { name: 'Avsluta prenumerationen' }).click()
    await expect.poll(heading, { timeout: 20_000 }).toBe('Prenumerationen är avslutad')
    expect(await page.getByRole('link', { name: 'Anmäl dig igen' }).getAttribute('href')).toBe('/nyhetsbrev')
    expect((await subscriberOf('chromium@example.se'))?.status).toBe('unsubscribed')

    // The settings link now says the subscription is not active, with "Anmäl dig igen".
    // (opened at its English address, it follows the subscriber's language, now Swedish)
    await page.goto(link)
    await expect.poll(heading, { timeout: 20_000 }).toBe('Prenumerationen är inte aktiv')
    await inLayout('sv', 'chromium@example.se')

    // RFC 8058 one-click at the endpoint (what List-Unsubscribe names): 200, no redirect, no cookie.
    const token = new URL(link).searchParams.get('token')!
    const oneClick = await fetch(`${app.baseUrl}/api/newsroom/unsubscribe?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    })
    expect(oneClick.status).toBe(200)
    expect(oneClick.headers.get('set-cookie')).toBeNull()
    expect(await page.context().cookies()).toEqual([])
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
