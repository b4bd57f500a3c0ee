import type { BrowserContext, Page } from 'playwright-core'

export type Credentials = { email: string; password: string }

/** A new page in `context`, logged in through the admin's login form, on the dashboard. */
export async function adminLogin(context: BrowserContext, baseUrl: string, user: Credentials): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('#field-email', user.email)
  await page.fill('#field-password', user.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/admin$/)
  return page
}

/** JSON headers with the user's token from `POST /api/users/login`, for the REST API. */
export async function apiLogin(baseUrl: string, user: Credentials): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) })
  if (!res.ok) throw new Error(`login of ${user.email} answered ${res.status}: ${await res.text()}`)
  return { 'content-type': 'application/json', authorization: `JWT ${((await res.json()) as { token: string }).token}` }
}
