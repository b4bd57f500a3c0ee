import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { adminLogin, apiLogin, type Credentials } from '../support/adminLogin'
import { type AppServer, startAppServer } from '../support/appServer'
import { type AxeViolation, axeViolations } from '../support/axe'
import { chromiumMissing, launchChromium } from '../support/chromium'

const ADMIN = { email: 'admin@example.se', password: 'admin-lösenord-1' }
const EDITOR = { email: 'redaktor@example.se', password: 'redaktor-lösenord-1' }
const AUDIT = 'newsroom-audit-log'
const RETAINED = 'newsroom-retained-versions'

const missing = chromiumMissing()
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`)

const detail = (violations: AxeViolation[]) => violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`).join(' / ')

describe.skipIf(missing)('records in the admin: an admin deletes a published item with a reason, and disposes of its versions', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  let auth: Record<string, string>
  let editorAuth: Record<string, string>

  const api = async (method: string, url: string, body?: unknown, headers = auth) => {
    const res = await fetch(`${app.baseUrl}/api${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    return { status: res.status, json: (await res.json()) as any }
  }
  const login = (context: BrowserContext, user: Credentials) => adminLogin(context, app.baseUrl, user)
  const publish = async (title: string) => {
    const res = await api('POST', '/news', { title, _status: 'published' })
    expect(res.status).toBe(201)
    return res.json.doc.id as number
  }
  const auditRows = async (id: number, action: string) =>
    (await api('GET', `/${AUDIT}?where[document][equals]=${id}&where[action][equals]=${action}&depth=0`)).json.docs as { reason: string; rule: string | null; user: string }[]

  beforeAll(async () => {
    app = await startAppServer({ SEED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    auth = await apiLogin(app.baseUrl, ADMIN)
    expect((await api('POST', '/users', { ...EDITOR, roles: ['editor'] })).status).toBe(201)
    editorAuth = await apiLogin(app.baseUrl, EDITOR)
    browser = await launchChromium()
  })

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? '/tmp', 'newsroom-records-failure.png'), fullPage: true })
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('an editor sees no such button, and Payload\'s own delete of a published item stays refused for them', async () => {
    const id = await publish('Redaktören raderar inte')
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' })
    try {
      page = await login(context, EDITOR)
      await page.goto(`${app.baseUrl}/admin/collections/news/${id}`)
      await expect.poll(() => page.locator('#field-title').count()).toBe(1)
      await page.waitForLoadState('networkidle')
      // The document controls have rendered (Payload's save button), ours is not among them.
      await expect.poll(() => page.locator('#action-save').count()).toBe(1)
      expect(await page.locator('.newsroom-recorded-delete').count()).toBe(0)
      expect((await api('DELETE', `/news/${id}`, undefined, editorAuth)).status).toBe(403)
      expect((await api('POST', `/newsroom/records/news/${id}/delete`, { reason: 'Redaktören försöker' }, editorAuth)).status).toBe(403)
    } finally {
      await context.close()
    }
  })

  for (const lang of ['sv', 'en'] as const) {
    it(`an admin (${lang}) deletes a published item with a written reason, then disposes of its retained versions; the dialogs pass axe`, async () => {
      const words =
        lang === 'sv'
          ? { delete: 'Radera med skäl …', confirm: 'Radera', reasonMissing: 'Skriv ett skäl med minst 5 och högst 5000 tecken.', dispose: 'Gallra bevarade versioner …', disposeConfirm: 'Gallra', ruleMissing: 'Ange gallringsbeslutet, 2 till 500 tecken.', reason: 'Skäl (krävs)', rule: 'Gallringsbeslut (krävs)' }
          : { delete: 'Delete with a reason …', confirm: 'Delete', reasonMissing: 'Write a reason of 5 to 5000 characters.', dispose: 'Dispose of retained versions …', disposeConfirm: 'Dispose', ruleMissing: 'Name the retention rule, 2 to 500 characters.', reason: 'Reason (required)', rule: 'Retention rule (required)' }
      const id = await publish(`Raderas av admin (${lang})`)
      // SQLite hands the highest id out again once deleted: a later item keeps this id unique.
      await publish(`Finns kvar (${lang})`)
      const context = await browser.newContext({ locale: lang === 'sv' ? 'sv-SE' : 'en-US', timezoneId: 'Europe/Stockholm' })
      if (lang === 'en') await context.addCookies([{ name: 'payload-lng', value: 'en', url: app.baseUrl }])
      try {
        page = await login(context, ADMIN)
        await page.goto(`${app.baseUrl}/admin/collections/news/${id}`)
        const opener = page.getByRole('button', { name: words.delete })
        await expect.poll(() => opener.count(), { timeout: 20_000 }).toBe(1)
        await page.waitForLoadState('networkidle')
        // A click before hydration does nothing: click until the dialog is open.
        const dialog = page.getByRole('dialog')
        await expect.poll(async () => ((await dialog.isVisible()) ? true : (await opener.click(), dialog.isVisible())), { timeout: 20_000, interval: 1_000 }).toBe(true)
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
        expect(await page.getByLabel(words.reason).count()).toBe(1)

        // Without a reason: the message is in the admin's language, tied to the field, which keeps focus.
        await dialog.getByRole('button', { name: words.confirm, exact: true }).click()
        await expect.poll(() => dialog.innerText()).toContain(words.reasonMissing)
        const reason = page.getByLabel(words.reason)
        expect(await reason.getAttribute('aria-invalid')).toBe('true')
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
        const described = (await reason.getAttribute('aria-describedby'))!.split(' ')
        expect(await page.locator(`[id="${described.at(-1)}"]`).innerText()).toBe(words.reasonMissing)
        expect(detail(await axeViolations(page, ['.newsroom-recorded-delete__dialog']))).toBe('')

        // Escape closes it and focus returns to the button.
        await page.keyboard.press('Escape')
        await expect.poll(() => dialog.count()).toBe(0)
        expect(await page.evaluate(() => document.activeElement?.closest('.newsroom-recorded-delete') != null)).toBe(true)

        await opener.click()
        await page.getByLabel(words.reason).fill('Personuppgifter publicerade av misstag')
        await page.getByRole('dialog').getByRole('button', { name: words.confirm, exact: true }).click()
        await page.waitForURL(new RegExp(`/admin/collections/${AUDIT}\\?`), { timeout: 20_000 })

        // The document is gone, the deletion record and its audit row are there.
        expect((await api('GET', `/news/${id}?draft=true`)).status).toBe(404)
        expect(await auditRows(id, 'delete')).toMatchObject([{ reason: 'Personuppgifter publicerade av misstag', user: ADMIN.email }])
        const retained = (await api('GET', `/${RETAINED}?where[document][equals]=${id}&where[collection][equals]=news&depth=0`)).json.docs as { id: number }[]
        expect(retained).toHaveLength(1)

        // Disposal, from the retained version's view: reason and retention rule.
        await page.goto(`${app.baseUrl}/admin/collections/${RETAINED}/${retained[0]!.id}`)
        const disposer = page.getByRole('button', { name: words.dispose })
        await expect.poll(() => disposer.count(), { timeout: 20_000 }).toBe(1)
        await page.waitForLoadState('networkidle')
        const disposeDialog = page.getByRole('dialog')
        await expect.poll(async () => ((await disposeDialog.isVisible()) ? true : (await disposer.click(), disposeDialog.isVisible())), { timeout: 20_000, interval: 1_000 }).toBe(true)
        await page.getByLabel(words.reason).fill('Gallras enligt beslut')
        await disposeDialog.getByRole('button', { name: words.disposeConfirm, exact: true }).click()
        await expect.poll(() => disposeDialog.innerText()).toContain(words.ruleMissing)
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT')
        expect(detail(await axeViolations(page, ['.newsroom-recorded-delete__dialog']))).toBe('')
        await page.getByLabel(words.rule).fill('Dnr 2026/123, gallring efter 2 år')
        await disposeDialog.getByRole('button', { name: words.disposeConfirm, exact: true }).click()
        await page.waitForURL(new RegExp(`/admin/collections/${AUDIT}\\?`), { timeout: 20_000 })
        expect((await api('GET', `/${RETAINED}?where[document][equals]=${id}&where[collection][equals]=news`)).json.totalDocs).toBe(0)
        expect(await auditRows(id, 'dispose')).toMatchObject([{ reason: 'Gallras enligt beslut', rule: 'Dnr 2026/123, gallring efter 2 år' }])
      } finally {
        await context.close()
      }
    })
  }
})
