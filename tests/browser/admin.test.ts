import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { type AppServer, startAppServer } from '../support/appServer'
import { chromiumMissing, launchChromium } from '../support/chromium'

const ADMIN = { email: 'admin@example.se', password: 'admin-lösenord-1' }
const EDITOR = { email: 'redaktor@example.se', password: 'redaktor-lösenord-1' }
const TITLE = 'Ny satsning på psykisk hälsa för unga'

const missing = chromiumMissing()
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`)

describe.skipIf(missing)('an editor in the Swedish admin', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  let imagePath: string

  const publicTitles = async () => {
    const res = await fetch(`${app.baseUrl}/api/news?limit=100&depth=0`)
    return ((await res.json()) as { docs: { title: string }[] }).docs.map((d) => d.title)
  }

  beforeAll(async () => {
    app = await startAppServer({ SEED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    const auth = { 'content-type': 'application/json', authorization: `JWT ${((await login.json()) as { token: string }).token}` }
    const editor = await fetch(`${app.baseUrl}/api/users`, { method: 'POST', headers: auth, body: JSON.stringify({ ...EDITOR, roles: ['editor'] }) })
    expect(editor.status).toBe(201)
    const topic = await fetch(`${app.baseUrl}/api/topics`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'Psykisk hälsa' }) })
    expect(topic.status).toBe(201)

    imagePath = path.join(app.dir, 'bild.png')
    await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6f97' } }).png().toFile(imagePath)

    browser = await launchChromium()
    page = await browser.newPage({ locale: 'sv-SE' })
  })

  afterEach(async (ctx) => {
    // A picture of the page helps whoever reads a red CI log.
    if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? '/tmp', 'newsroom-admin-failure.png') })
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('logs in to the admin in Swedish', async () => {
    await page.goto(`${app.baseUrl}/admin/login`)
    await page.fill('#field-email', EDITOR.email)
    await page.fill('#field-password', EDITOR.password)
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page.waitForURL(/\/admin$/)
    await expect.poll(() => page.getByText('Kalenderhändelser').first().isVisible()).toBe(true)
    await expect.poll(() => page.getByText('Nyhetsrum').first().isVisible()).toBe(true)
  })

  it('creates a news item with a topic and an image and saves it as a draft', async () => {
    await page.goto(`${app.baseUrl}/admin/collections/news/create`)
    await page.fill('#field-title', TITLE)
    await page.fill('#field-summary', 'Länets kommuner får stöd i arbetet med barn och unga.')

    await page.locator('#field-topics').click()
    await page.getByText('Psykisk hälsa', { exact: true }).last().click()

    await page.locator('#field-heroImage').getByRole('button', { name: 'Skapa ny' }).click()
    const drawer = page.locator('.drawer__content').last()
    await drawer.locator('input[type="file"]').setInputFiles(imagePath)
    await drawer.locator('#field-alt').fill('Blå bakgrund')
    await drawer.getByRole('button', { name: 'Spara' }).click()
    await expect.poll(() => page.locator('#field-heroImage').getByText('bild.png').first().isVisible(), { timeout: 20_000 }).toBe(true)

    await page.getByRole('button', { name: 'Spara utkast' }).click()
    await page.waitForURL(/\/admin\/collections\/news\/\d+/)
    await expect.poll(() => page.getByText(/utkast/i).first().isVisible()).toBe(true)
  })

  it('the draft is not in the anonymous API', async () => {
    expect(await publicTitles()).not.toContain(TITLE)
  })

  it('publishes it, and now the anonymous API shows it with its topic and image', async () => {
    await page.getByRole('button', { name: /^Publicera/ }).first().click()
    await expect.poll(publicTitles, { timeout: 20_000 }).toContain(TITLE)
    const res = await fetch(`${app.baseUrl}/api/news?where[title][equals]=${encodeURIComponent(TITLE)}&depth=1`)
    const [doc] = ((await res.json()) as { docs: { slug: string; topics: { title: string }[]; heroImage: { alt: string; url: string } }[] }).docs
    expect(doc.slug).toBe('ny-satsning-pa-psykisk-halsa-for-unga')
    expect(doc.topics.map((t) => t.title)).toEqual(['Psykisk hälsa'])
    expect(doc.heroImage.alt).toBe('Blå bakgrund')
    const image = await fetch(new URL(doc.heroImage.url, app.baseUrl))
    expect(image.headers.get('content-type')).toBe('image/png')
  })

  it('feeds served by npm start (through its HTTP cache) follow publish and unpublish', async () => {
    const feed = () => fetch(`${app.baseUrl}/api/newsroom/feed.rss`)
    const first = await feed()
    expect(first.status).toBe(200)
    expect(await first.text()).toContain(TITLE)
    const etag = first.headers.get('etag')!
    expect((await fetch(`${app.baseUrl}/api/newsroom/feed.rss`, { headers: { 'if-none-match': etag } })).status).toBe(304)

    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(EDITOR),
    })
    const auth = `JWT ${((await login.json()) as { token: string }).token}`
    const found = await fetch(`${app.baseUrl}/api/news?where[title][equals]=${encodeURIComponent(TITLE)}&depth=0`, { headers: { authorization: auth } })
    const [{ id }] = ((await found.json()) as { docs: { id: number }[] }).docs
    const unpublish = await fetch(`${app.baseUrl}/api/news/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ _status: 'draft' }),
    })
    expect(unpublish.status).toBe(200)
    const after = await fetch(`${app.baseUrl}/api/newsroom/feed.rss`, { headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(await after.text()).not.toContain(TITLE)
  })

  it('an editor does not see subscribers or digest runs anywhere in the admin', async () => {
    await page.goto(`${app.baseUrl}/admin`)
    await expect.poll(() => page.getByText('Kalenderhändelser').first().isVisible()).toBe(true)
    expect(await page.getByText('Prenumeranter').count()).toBe(0)
    expect(await page.locator('a[href$="/admin/collections/digest-runs"]').count()).toBe(0)
    await page.goto(`${app.baseUrl}/admin/collections/subscribers`)
    await expect.poll(() => page.locator('.newsroom-subscriber-stats').count()).toBe(0)
    expect(await page.content()).not.toContain('Exportera CSV')
    // The editor's own session cookie does not open the export either.
    const csv = await page.request.get(`${app.baseUrl}/api/newsroom/subscribers.csv`)
    expect(csv.status()).toBe(403)
  })

  it('an admin sees counts per status with one-click filters, a topic filter and a CSV export of the filtered list', async () => {
    const login = await fetch(`${app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    const auth = { 'content-type': 'application/json', authorization: `JWT ${((await login.json()) as { token: string }).token}` }
    const topics = await fetch(`${app.baseUrl}/api/topics?where[slug][equals]=psykisk-halsa&depth=0`)
    const [{ id: halsa }] = ((await topics.json()) as { docs: { id: number }[] }).docs
    const miljo = await fetch(`${app.baseUrl}/api/topics`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'Miljö' }) })
    const miljoId = ((await miljo.json()) as { doc: { id: number } }).doc.id
    const subscribers = [
      { email: 'aktiv1@example.se', status: 'active', frequency: 'daily', topics: [halsa] },
      { email: 'aktiv2@example.se', status: 'active', frequency: 'daily', topics: [] },
      { email: 'aktiv3@example.se', status: 'active', topics: [miljoId] },
      { email: 'vantar@example.se', status: 'pending', topics: [halsa] },
      { email: 'studsar@example.se', status: 'bounced', topics: [miljoId] },
    ]
    for (const s of subscribers) expect((await fetch(`${app.baseUrl}/api/subscribers`, { method: 'POST', headers: auth, body: JSON.stringify(s) })).status).toBe(201)

    const adminPage = await browser.newPage({ locale: 'sv-SE', acceptDownloads: true })
    try {
      await adminPage.goto(`${app.baseUrl}/admin/login`)
      await adminPage.fill('#field-email', ADMIN.email)
      await adminPage.fill('#field-password', ADMIN.password)
      await adminPage.getByRole('button', { name: 'Logga in' }).click()
      await adminPage.waitForURL(/\/admin$/)
      await adminPage.goto(`${app.baseUrl}/admin/collections/subscribers`)
      const stats = adminPage.locator('.newsroom-subscriber-stats')
      const counts = () => stats.locator('nav a').allInnerTexts()
      await expect.poll(counts).toEqual(['Alla (5)', 'Aktiva (3)', 'Väntar (1)', 'Avslutade (0)', 'Studsar (1)'])
      const exportLink = stats.getByRole('link', { name: 'Exportera CSV' })
      expect(await exportLink.getAttribute('href')).toBe('/api/newsroom/subscribers.csv')
      await expect.poll(() => adminPage.getByText(/Radera = radera enligt GDPR/).first().isVisible()).toBe(true)

      await stats.getByRole('link', { name: 'Aktiva (3)' }).click()
      await adminPage.waitForURL(/where.*status.*=active/)
      await expect.poll(() => adminPage.locator('.table tbody tr').count()).toBe(3)
      expect(await stats.locator('[aria-current="page"]').innerText()).toBe('Aktiva (3)')
      expect(await exportLink.getAttribute('href')).toBe('/api/newsroom/subscribers.csv?status=active')

      // Psykisk hälsa: its own subscribers and those without topics (they get everything).
      await stats.locator('select[name="topic"]').selectOption({ label: 'Psykisk hälsa' })
      await expect.poll(counts).toEqual(['Alla (3)', 'Aktiva (2)', 'Väntar (1)', 'Avslutade (0)', 'Studsar (0)'])
      await expect.poll(() => adminPage.locator('.table tbody tr').count()).toBe(2)
      expect(await exportLink.getAttribute('href')).toBe('/api/newsroom/subscribers.csv?status=active&topic=psykisk-halsa')

      const [download] = await Promise.all([adminPage.waitForEvent('download'), exportLink.click()])
      expect(download.suggestedFilename()).toMatch(/^subscribers-\d{4}-\d{2}-\d{2}\.csv$/)
      const lines = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n')
      expect(lines[0]).toMatch(/^email,status,topics,/)
      expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['aktiv1@example.se', 'aktiv2@example.se'])

      // Digest runs: "run now" queues the job; the server's job runner (every minute) makes the run, listed with its numbers.
      await adminPage.goto(`${app.baseUrl}/admin/collections/digest-runs`)
      await adminPage.getByRole('button', { name: 'Skicka utskick nu' }).click()
      await expect.poll(() => adminPage.locator('.newsroom-run-digest [role="status"]').innerText()).toContain('köat')
      await expect
        .poll(
          async () => {
            await adminPage.reload()
            return adminPage.locator('.table tbody tr').count()
          },
          { timeout: 100_000, interval: 5_000 },
        )
        .toBe(1)
      const headers = (await adminPage.locator('.table thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean)
      expect(headers).toEqual(['Period', 'Frekvens', 'Startat', 'Klart', 'Skickade', 'Hoppade över', 'Misslyckade'])
      // Two active daily subscribers, nothing new for them: both skipped.
      const cells = (await adminPage.locator('.table tbody tr').first().locator('td').allInnerTexts()).map((c) => c.trim()).filter(Boolean)
      expect(cells.slice(1, 2)).toEqual(['Dagligt'])
      expect(cells.slice(-3)).toEqual(['0', '2', '0'])
    } catch (err) {
      await adminPage.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? '/tmp', 'newsroom-admin-subscribers-failure.png') })
      throw err
    } finally {
      await adminPage.close()
    }
  })
})
