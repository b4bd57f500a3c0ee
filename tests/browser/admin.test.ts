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
})
