import path from 'node:path'

import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AppServer, startAppServer } from '../support/appServer'
import { chromiumMissing, launchChromium } from '../support/chromium'

const ADMIN = { email: 'admin@example.se', password: 'admin-lösenord-1' }
const EDITOR = { email: 'redaktor@example.se', password: 'redaktor-lösenord-1' }

const missing = chromiumMissing()
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`)

type Lock = { user: { relationTo: string; value: number } }

/** Payload's document locking in the admin, with our rule that a lock is only ever in the acting user's name. */
describe.skipIf(missing)("the admin's own document locks still work", () => {
  let app: AppServer
  let browser: Browser
  let adminAuth: string
  let editorId: number
  let adminId: number
  let newsId: number

  const locks = async () => {
    const res = await fetch(`${app.baseUrl}/api/payload-locked-documents?depth=0`, { headers: { authorization: adminAuth } })
    return ((await res.json()) as { docs: Lock[] }).docs
  }
  const loggedIn = async (who: typeof ADMIN): Promise<BrowserContext> => {
    const context = await browser.newContext({ locale: 'sv-SE' })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/admin/login`)
    await page.fill('#field-email', who.email)
    await page.fill('#field-password', who.password)
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page.waitForURL(/\/admin$/)
    await page.close()
    return context
  }

  beforeAll(async () => {
    app = await startAppServer({ SEED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    const login = await fetch(`${app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    const body = (await login.json()) as { token: string; user: { id: number } }
    adminAuth = `JWT ${body.token}`
    adminId = body.user.id
    const json = { 'content-type': 'application/json', authorization: adminAuth }
    const editor = await fetch(`${app.baseUrl}/api/users`, { method: 'POST', headers: json, body: JSON.stringify({ ...EDITOR, roles: ['editor'] }) })
    editorId = ((await editor.json()) as { doc: { id: number } }).doc.id
    const news = await fetch(`${app.baseUrl}/api/news`, { method: 'POST', headers: json, body: JSON.stringify({ title: 'Låses i admin' }) })
    newsId = ((await news.json()) as { doc: { id: number } }).doc.id
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('editing takes a lock in one\'s own name; another user sees it locked and can take it over', async () => {
    const adminContext = await loggedIn(ADMIN)
    const editorContext = await loggedIn(EDITOR)
    const adminPage = await adminContext.newPage()
    const editorPage = await editorContext.newPage()
    try {
      await adminPage.goto(`${app.baseUrl}/admin/collections/news/${newsId}`)
      await adminPage.fill('#field-title', 'Låses i admin (redigeras)')
      await expect.poll(async () => (await locks()).map((l) => l.user.value), { timeout: 20_000 }).toEqual([adminId])

      await editorPage.goto(`${app.baseUrl}/admin/collections/news/${newsId}`)
      await expect.poll(() => editorPage.getByText('Dokument låst').first().isVisible(), { timeout: 20_000 }).toBe(true)
      await editorPage.getByRole('button', { name: 'Ta över' }).click()
      // The take-over is the admin UI's PATCH that sets the lock's user to oneself: allowed.
      await expect.poll(async () => (await locks()).map((l) => l.user.value), { timeout: 20_000 }).toEqual([editorId])
    } catch (err) {
      await editorPage.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? '/tmp', 'newsroom-locks-failure.png') })
      throw err
    } finally {
      await adminContext.close()
      await editorContext.close()
    }
  })
})
