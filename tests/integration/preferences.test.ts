import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pluginOptions } from '../../src/pluginOptions'
import { runDigest } from '../../src/scripts'
import { apiUrl } from '../../src/newsletter/common'
import { unsubscribeToken } from '../../src/newsletter/tokens'
import { ensureUnsubscribeNonce } from '../../src/newsletter/sendMail'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'
import { createActiveSubscriber, createNewsletterTopics, apiLinkIn, publishNews, runSignupJobs } from '../support/newsletter'
import { startSmtp, type TestSmtp } from '../support/smtp'

type Sub = { id: number | string; email: string; status: string; frequency: string; locale: string; topics?: (number | string)[] }
type Prefs = { ok: boolean; status: string; topics: string[]; frequency: string; locale: string }

describe.skipIf(databaseUnavailable())('newsletter: preferences page and API', () => {
  let n: TestNewsroom
  let smtp: TestSmtp
  const topic: Record<string, string | number> = {}
  let ipCounter = 0
  let badCounter = 0
  const ip = () => `10.2.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`

  const local = (url: string) => url.replace('http://newsroom.test', n.baseUrl)
  const subscriber = async (email: string) =>
    (await n.payload.find({ collection: 'subscribers' as never, where: { email: { equals: email } }, depth: 0, overrideAccess: true })).docs[0] as unknown as Sub
  const topicsOf = async (email: string) => ((await subscriber(email)).topics ?? []).map(String).sort()
  const ids = (...names: string[]) => names.map((name) => String(topic[name])).sort()
  const publish = (title: string, topics: (string | number)[]) => publishNews(n.payload, title, topics)
  const createSubscriber = (email: string, data: Record<string, unknown> = {}) => createActiveSubscriber<Sub>(n.payload, email, data)
  /** A subscriber and the preferences URL (on the test server) a digest would carry for them. */
  const withLink = async (email: string, data: Record<string, unknown> = {}) => {
    const s = await createSubscriber(email, data)
    const options = pluginOptions(n.payload)
    const token = unsubscribeToken(n.payload.secret, await ensureUnsubscribeNonce(n.payload, options, s as never))
    return { s, url: local(apiUrl(n.payload, options, '/newsroom/preferences', { token })) }
  }
  const post = (url: string, body: string, type = 'application/x-www-form-urlencoded', from = ip()) =>
    fetch(url, { method: 'POST', headers: { 'content-type': type, 'x-forwarded-for': from }, body })
  const postJson = (url: string, body: unknown) => post(url, JSON.stringify(body), 'application/json')
  const checked = (page: string, name: string, value: string) => new RegExp(`name="${name}" value="${value}" checked`).test(page)

  beforeAll(async () => {
    smtp = await startSmtp()
    n = await startNewsroom({ SMTP_URL: smtp.url, MAIL_FROM: 'nyhetsbrev@newsroom.test' })
    Object.assign(topic, await createNewsletterTopics(n.payload))
  })
  afterAll(async () => {
    await n?.close()
    await smtp?.close()
  })

  it('the digest links to the settings page; a form post changes topics, frequency and locale, and the next digest follows', async () => {
    await createSubscriber('lisa@example.se', { topics: [topic.halsa] })
    await publish('Psykisk hälsa i skolan', [topic.halsa])
    await runDigest(n.payload, { frequency: 'daily', period: 'daily:prefs-1' })
    const [digest] = smtp.to('lisa@example.se')
    // The mail links to the site's settings page; the test runs its endpoint, with the same token.
    expect(digest.html).toMatch(/href="http:\/\/newsroom\.test\/nyhetsbrev\/installningar\?token=[\w-]+"/)
    const link = apiLinkIn(digest.text, 'preferences')
    expect(link).toMatch(/^http:\/\/newsroom\.test\/api\/newsroom\/preferences\?token=/)

    const res = await fetch(local(link))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const page = await res.text()
    expect(page).toContain('<html lang="sv">')
    expect(page).toContain('Dina inställningar')
    for (const title of ['Psykisk hälsa', 'Barn och unga', 'Miljö']) expect(page).toContain(title)
    expect(checked(page, 'topics', 'psykisk-halsa')).toBe(true)
    expect(checked(page, 'topics', 'miljo')).toBe(false)
    // The subtopic follows its parent, indented.
    expect(page.indexOf('Barn och unga')).toBeGreaterThan(page.indexOf('Psykisk hälsa'))
    expect(page).toMatch(/margin-left:1\.5em"><input type="checkbox" name="topics" value="barn-och-unga"/)
    expect(checked(page, 'frequency', 'daily')).toBe(true)
    expect(checked(page, 'locale', 'sv')).toBe(true)
    const token = new URL(link).searchParams.get('token')!
    expect(page).toContain(`action="?token=${token}"`)
    expect(page).toContain('/api/newsroom/unsubscribe?token=')
    // Looking is not changing.
    expect(await topicsOf('lisa@example.se')).toEqual(ids('halsa'))

    // What the browser sends: the hidden empty `topics` plus the ticked boxes.
    const saved = await post(local(link), 'topics=&topics=miljo&frequency=daily&locale=sv')
    expect(saved.status).toBe(200)
    expect(saved.headers.get('cache-control')).toBe('no-store')
    const savedPage = await saved.text()
    expect(savedPage).toContain('Dina inställningar är sparade.')
    expect(checked(savedPage, 'topics', 'miljo')).toBe(true)
    expect(checked(savedPage, 'topics', 'psykisk-halsa')).toBe(false)
    expect(await topicsOf('lisa@example.se')).toEqual(ids('miljo'))

    await publish('Ny miljörapport', [topic.miljo])
    await publish('Mer psykisk hälsa', [topic.halsa])
    await runDigest(n.payload, { frequency: 'daily', period: 'daily:prefs-2' })
    const next = smtp.to('lisa@example.se')[1]
    expect(next.text).toContain('Ny miljörapport')
    expect(next.text).not.toContain('Mer psykisk hälsa')

    const english = await post(local(link), 'topics=&frequency=weekly&locale=en')
    expect(english.status).toBe(200)
    const englishPage = await english.text()
    expect(englishPage).toContain('<html lang="en">')
    expect(englishPage).toContain('Your settings have been saved.')
    expect(await subscriber('lisa@example.se')).toMatchObject({ frequency: 'weekly', locale: 'en', status: 'active' })
    expect(await topicsOf('lisa@example.se')).toEqual([])
    await runDigest(n.payload, { frequency: 'daily', period: 'daily:prefs-3' })
    expect(smtp.to('lisa@example.se')).toHaveLength(2)
  })

  it('the page is in the subscriber’s language and escapes topic titles', async () => {
    const odd = await n.payload.create({ collection: 'topics', data: { title: '<script>alert("x")</script> & co', slug: 'skript' } as never })
    try {
      const { url } = await withLink('english@example.se', { locale: 'en', frequency: 'weekly', topics: [topic.barn] })
      const page = await (await fetch(url)).text()
      expect(page).toContain('<html lang="en">')
      expect(page).toContain('Your settings')
      expect(page).toContain('Tick no topic to get everything.')
      expect(checked(page, 'topics', 'barn-och-unga')).toBe(true)
      expect(checked(page, 'frequency', 'weekly')).toBe(true)
      expect(checked(page, 'locale', 'en')).toBe(true)
      expect(page).not.toContain('<script>')
      expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co')
    } finally {
      await n.payload.delete({ collection: 'topics', id: odd.id })
    }
  })

  it('JSON clients read and change the settings; repeated, topics[] and comma-separated forms work', async () => {
    const { url } = await withLink('api@example.se', { topics: [topic.halsa] })
    const current = await fetch(url, { headers: { accept: 'application/json' } })
    expect(current.status).toBe(200)
    expect(current.headers.get('cache-control')).toBe('no-store')
    expect(await current.json()).toEqual({ ok: true, status: 'active', email: 'api@example.se', topics: ['psykisk-halsa'], frequency: 'daily', locale: 'sv' })

    const changed = await postJson(url, { topics: ['barn-och-unga', 'miljo'], frequency: 'weekly' })
    expect(changed.status).toBe(200)
    const body = (await changed.json()) as Prefs
    expect(body).toMatchObject({ ok: true, frequency: 'weekly', locale: 'sv' })
    expect(body.topics.sort()).toEqual(['barn-och-unga', 'miljo'])
    expect(await topicsOf('api@example.se')).toEqual(ids('barn', 'miljo'))

    // Absent fields stay as they are; an empty list means every topic.
    expect(await (await postJson(url, { locale: 'en' })).json()).toMatchObject({ frequency: 'weekly', locale: 'en' })
    expect(await topicsOf('api@example.se')).toEqual(ids('barn', 'miljo'))
    expect(await (await postJson(url, { topics: [] })).json()).toMatchObject({ topics: [], frequency: 'weekly', locale: 'en' })

    expect((await post(url, 'topics[]=miljo&topics[]=psykisk-halsa')).status).toBe(200)
    expect(await topicsOf('api@example.se')).toEqual(ids('halsa', 'miljo'))
    expect((await post(url, 'topics=miljo%2Cbarn-och-unga')).status).toBe(200)
    expect(await topicsOf('api@example.se')).toEqual(ids('barn', 'miljo'))
  })

  it.each([
    ['topics', { topics: ['finns-inte'] }, 400],
    ['topics', { topics: [3] }, 400],
    ['frequency', { frequency: 'hourly' }, 400],
    ['locale', { locale: 'de' }, 400],
    ['body', '{"topics":', 400],
    ['body', '["miljo"]', 400],
    ['body', JSON.stringify({ topics: ['miljo'], pad: 'x'.repeat(11_000) }), 413],
  ])('bad input: %s → %i naming the field, nothing saved', async (parameter, body, status) => {
    const { url } = await withLink(`bad${++badCounter}@example.se`, { topics: [topic.halsa] })
    const res = await post(url, typeof body === 'string' ? body : JSON.stringify(body), 'application/json')
    expect(res.status).toBe(status)
    const json = (await res.json()) as { error: string; parameter: string; message: string }
    expect(json).toMatchObject({ error: 'invalid_parameter', parameter })
    expect(json.message).toContain(parameter)
    expect(await fetch(url, { headers: { accept: 'application/json' } }).then((r) => r.json())).toMatchObject({ topics: ['psykisk-halsa'], frequency: 'daily', locale: 'sv' })
  })

  it('form posts are validated alike; a wrong content type is 415', async () => {
    const { url } = await withLink('badform@example.se')
    const unknown = await post(url, 'topics=&topics=finns-inte&frequency=daily&locale=sv')
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ parameter: 'topics' })
    expect(((await (await post(url, 'frequency=hourly')).json()) as { parameter: string }).parameter).toBe('frequency')
    const plain = await post(url, 'frequency=weekly', 'text/plain')
    expect(plain.status).toBe(415)
    expect(((await plain.json()) as { parameter: string }).parameter).toBe('content-type')
    expect((await subscriber('badform@example.se')).frequency).toBe('daily')
  })

  it('unknown or forged tokens: 404 (a page for browsers, JSON naming `token` for API clients), never a 500', async () => {
    const { url } = await withLink('forged@example.se')
    const real = new URL(url).searchParams.get('token')!
    const forged = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`
    for (const q of ['', '?token=', '?token=nonsense', `?token=${'A'.repeat(43)}`, '?token=%00%ff', `?token=${forged}`]) {
      const target = `${n.baseUrl}/api/newsroom/preferences${q}`
      const page = await fetch(target)
      expect(page.status).toBe(404)
      expect(await page.text()).toContain('Anmäl dig igen')
      const api = await fetch(target, { headers: { accept: 'application/json' } })
      expect(api.status).toBe(404)
      expect(await api.json()).toMatchObject({ error: 'not_found', parameter: 'token' })
      expect((await postJson(target, { frequency: 'weekly' })).status).toBe(404)
      expect((await post(target, 'frequency=weekly')).status).toBe(404)
    }
    expect((await subscriber('forged@example.se')).frequency).toBe('daily')
  })

  it('an unsubscribed or bounced subscriber cannot change settings with an old link and is offered the sign-up page', async () => {
    const { url } = await withLink('slutat@example.se', { topics: [topic.halsa] })
    const unsubscribe = url.replace('/preferences?', '/unsubscribe?')
    expect((await post(unsubscribe, 'List-Unsubscribe=One-Click')).status).toBe(200)
    expect((await subscriber('slutat@example.se')).status).toBe('unsubscribed')

    const page = await fetch(url)
    expect(page.status).toBe(200)
    const text = await page.text()
    expect(text).toContain('Prenumerationen är inte aktiv')
    expect(text).toContain('http://newsroom.test/nyhetsbrev')
    expect(text).not.toContain('<form')
    const form = await post(url, 'topics=&topics=miljo&frequency=weekly&locale=en')
    expect(form.status).toBe(409)
    expect(await form.text()).toContain('Anmäl dig igen')
    const api = await postJson(url, { frequency: 'weekly' })
    expect(api.status).toBe(409)
    expect(await api.json()).toMatchObject({ error: 'not_subscribed', parameter: 'token' })
    expect((await fetch(url, { headers: { accept: 'application/json' } })).status).toBe(409)
    expect(await subscriber('slutat@example.se')).toMatchObject({ status: 'unsubscribed', frequency: 'daily', locale: 'sv' })
    expect(await topicsOf('slutat@example.se')).toEqual(ids('halsa'))

    const bounced = await withLink('studsar@example.se', { status: 'bounced' })
    expect((await postJson(bounced.url, { frequency: 'weekly' })).status).toBe(409)
    expect(await subscriber('studsar@example.se')).toMatchObject({ status: 'bounced', frequency: 'daily' })
  })

  it('a pending subscriber may change settings, which does not confirm them', async () => {
    const { url } = await withLink('vantar@example.se', { status: 'pending', confirmedAt: null })
    const page = await (await fetch(url)).text()
    expect(page).toContain('inte bekräftad än')
    expect((await postJson(url, { frequency: 'weekly' })).status).toBe(200)
    expect(await subscriber('vantar@example.se')).toMatchObject({ status: 'pending', frequency: 'weekly' })
  })

  it('the "manage your subscription" mail links to the settings page', async () => {
    await createSubscriber('hantera@example.se')
    const res = await fetch(`${n.baseUrl}/api/newsroom/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip() },
      body: JSON.stringify({ email: 'hantera@example.se', consent: true, frequency: 'weekly' }),
    })
    expect(res.status).toBe(202)
    await runSignupJobs(n.payload)
    const [mail] = smtp.to('hantera@example.se')
    expect(mail.subject).toBe('Hantera din prenumeration')
    expect(mail.html).toMatch(/href="http:\/\/newsroom\.test\/nyhetsbrev\/installningar\?token=[\w-]+"/)
    const link = apiLinkIn(mail.text, 'preferences')
    expect((await fetch(local(link))).status).toBe(200)
  })

  it('rate limits saves per client IP with 429 and Retry-After, apart from the sign-up counter', async () => {
    const { url } = await withLink('ofta@example.se')
    const addr = '203.0.113.50'
    const statuses = []
    for (let i = 0; i < 10; i++) statuses.push((await post(url, `frequency=${i % 2 ? 'daily' : 'weekly'}`, undefined, addr)).status)
    expect(statuses.every((s) => s === 200)).toBe(true)
    const limited = await post(url, 'frequency=weekly', undefined, addr)
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    const signup = await fetch(`${n.baseUrl}/api/newsroom/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': addr },
      body: JSON.stringify({ email: 'samma-ip@example.se', consent: true }),
    })
    expect(signup.status).toBe(202)
  })
})
