import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { HtmlValidate } from 'html-validate'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalFromParagraphs } from '../../demo/seed/lexical'
import { type AppServer, startAppServer } from '../support/appServer'
import { chromiumMissing, launchChromium } from '../support/chromium'

const ADMIN = { email: 'admin@example.se', password: 'admin-lösenord-1' }
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source

const missing = chromiumMissing()
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`)

/** Waits for what the page does after a key (a fetch, a navigation) on a busy machine. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })

type AxeResult = { violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not a <script> tag: the pages' Content-Security-Policy allows only their own nonce.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as AxeResult
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`)
}

type Focus = { tag: string; text: string; href: string | null; outline: boolean; id: string; name: string | null }

const focused = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const cs = getComputedStyle(el)
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
      href: el.getAttribute('href'),
      id: el.id,
      name: el.getAttribute('name'),
      // What a sighted keyboard user sees: an outline of at least 2px that is not transparent.
      outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && cs.outlineColor !== 'rgba(0, 0, 0, 0)',
    }
  })

/** Presses Tab until `want` holds for the focused element; every element passed must show its focus. */
async function tabTo(page: Page, want: (f: Focus) => boolean, what: string, max = 120): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (f.tag !== 'body') expect(f.outline, `focus not visible on ${f.tag} "${f.text}" while tabbing to ${what}`).toBe(true)
    if (want(f)) return f
  }
  throw new Error(`Tab never reached ${what}`)
}

describe.skipIf(missing)('public pages: axe, keyboard, HTML, JSON-LD, no cookies, 404/410, in both languages', () => {
  let app: AppServer
  let browser: Browser
  let auth: string
  const slugs: Record<string, string> = {}

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${app.baseUrl}/api${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: auth, ...(init.headers ?? {}) } })
    const body = (await res.json()) as Record<string, any>
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`)
    return body
  }
  const create = async (collection: string, data: Record<string, unknown>, draft = false) =>
    (await api(`/${collection}${draft ? '?draft=true' : ''}`, { method: 'POST', body: JSON.stringify({ _status: draft ? 'draft' : 'published', ...data }) })).doc as Record<string, any>
  const upload = async (bytes: Uint8Array<ArrayBuffer>, type: string, name: string, alt: string) => {
    const form = new FormData()
    form.append('file', new Blob([bytes], { type }), name)
    form.append('_payload', JSON.stringify({ alt }))
    const res = await fetch(`${app.baseUrl}/api/media`, { method: 'POST', headers: { authorization: auth }, body: form })
    if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`)
    return ((await res.json()) as { doc: Record<string, any> }).doc
  }
  const html = async (path: string) => {
    const res = await fetch(`${app.baseUrl}${path}`)
    return { status: res.status, text: await res.text(), headers: res.headers }
  }

  beforeAll(async () => {
    app = await startAppServer({ SEED: 'true', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    const login = await fetch(`${app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    auth = `JWT ${((await login.json()) as { token: string }).token}`
    const topic = (await api('/topics?where[slug][equals]=barn-och-unga&depth=0')).docs[0]
    // Enough news for a second page (10 a page), all under one topic.
    for (let i = 1; i <= 12; i++) {
      await create('news', { title: `Nyhet om skolnärvaro ${i}`, summary: `Sammanfattning ${i}.`, topics: [topic.id], publishedAt: new Date(Date.UTC(2022, 0, i)).toISOString() })
    }
    const cancelled = await create('events', {
      title: 'Inställd länskonferens',
      summary: 'Konferensen om psykisk hälsa.',
      start: '2030-03-10T08:00:00.000Z',
      end: '2030-03-10T15:00:00.000Z',
      cancelled: true,
      location: { name: 'Stadshuset', address: 'Hantverkargatan 1, Stockholm' },
      onlineUrl: 'https://video.example.se/konferens',
      registration: { url: 'https://anmalan.example.se/konferens', deadline: '2030-03-01T00:00:00.000Z' },
    })
    slugs.cancelled = cancelled.slug
    slugs.past = (await create('events', { title: 'Nätverksträff 2020', start: '2020-05-05T07:00:00.000Z', allDay: true })).slug
    const image = await upload(new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6f8f' } }).png().toBuffer()), 'image/png', 'bild.png', 'Två personer vid ett bord')
    const pdf = await upload(new Uint8Array(new TextEncoder().encode('%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\nxref\n0 2\ntrailer <</Size 2/Root 1 0 R>>\nstartxref\n9\n%%EOF\n')), 'application/pdf', 'rapport.pdf', 'Slutrapport')
    slugs.news = (
      await create('news', {
        title: 'Nyhet med relaterad information',
        heroImage: image.id,
        summary: 'Ingressen.',
        body: lexicalFromParagraphs(['Första stycket.', '## En rubrik', 'Andra stycket.']),
        topics: [topic.id],
        related: [
          { linkType: 'external', label: 'Uppdrag psykisk hälsa', url: 'https://www.uppdragpsykiskhalsa.se/' },
          { linkType: 'internal', label: 'Läs om evenemanget', doc: { relationTo: 'events', value: cancelled.id } },
        ],
      })
    ).slug
    slugs.press = (await create('press', { title: 'Pressmeddelande om stöd', summary: 'Stöd.', contacts: [{ name: 'Maja Hagström', role: 'Projektledare', email: 'maja@example.se', phone: '08-123 45 67' }], attachments: [pdf.id] })).slug
    const gone = await create('news', { title: 'Avpublicerad nyhet', summary: 'Fanns en gång.' })
    await api(`/news/${gone.id}`, { method: 'PATCH', body: JSON.stringify({ _status: 'draft' }) })
    slugs.gone = gone.slug
    slugs.draft = (await create('news', { title: 'Hemligt utkast', summary: 'Aldrig publicerat.' }, true)).slug
    // A published item with a newer draft on top: readers see the published title.
    const edited = await create('news', { title: 'Publicerad rubrik', summary: 'Publicerat.' })
    await api(`/news/${edited.id}?draft=true`, { method: 'PATCH', body: JSON.stringify({ title: 'Utkastets rubrik', _status: 'draft' }) })
    slugs.edited = edited.slug
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const pages = () => ({
    'Aktuellt (sv)': '/aktuellt',
    'Start (sv)': '/',
    'Aktuellt (en)': '/en/news',
    'Aktuellt, a tab chosen': '/aktuellt?type=news',
    'Aktuellt, filtered by topic and date': '/aktuellt?category=barn-och-unga&from=2022-01-01&to=2022-12-31',
    'Aktuellt, no results': '/aktuellt?q=finnsintealls',
    'Aktuellt, no results (en)': '/en/news?q=finnsintealls',
    'Aktuellt, unknown topic': '/aktuellt?category=okant-amne',
    'News item': `/nyheter/${slugs.news}`,
    'News item (en)': `/en/nyheter/${slugs.news}`,
    'Cancelled event': `/kalender/${slugs.cancelled}`,
    'Past event (en)': `/en/kalender/${slugs.past}`,
    'Press item': `/press/${slugs.press}`,
    'Topic (sv)': '/amne/psykisk-halsa',
    'Topic (en)': '/en/topic/psykisk-halsa',
    'Newsletter (sv)': '/nyhetsbrev',
    'Newsletter (en)': '/en/newsletter',
    'Accessibility statement (sv)': '/tillganglighet',
    'Accessibility statement (en)': '/en/accessibility',
    // The pages of the newsletter's mail links, with a link that does not work (the valid ones: newsletter.test.ts).
    'Newsletter confirm, invalid link (sv)': `/nyhetsbrev/bekrafta?token=${'A'.repeat(43)}`,
    'Newsletter confirm, invalid link (en)': `/en/newsletter/confirm?token=${'A'.repeat(43)}`,
    'Newsletter settings, invalid link (sv)': `/nyhetsbrev/installningar?token=${'A'.repeat(43)}`,
    'Newsletter settings, no token (en)': '/en/newsletter/preferences',
    'Newsletter unsubscribe, invalid link (sv)': `/nyhetsbrev/avsluta?token=${'A'.repeat(43)}`,
    'Newsletter unsubscribe, invalid link (en)': `/en/newsletter/unsubscribe?token=${'A'.repeat(43)}`,
    '404 (sv)': '/finns-inte',
    '404 (en)': '/en/does-not-exist',
    '410 (sv)': `/nyheter/${slugs.gone}`,
    '410 (en)': `/en/nyheter/${slugs.gone}`,
  })

  it('every page type answers with the right status and language, and axe finds no WCAG 2.1 A/AA violation', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' })
    const page = await context.newPage()
    const failures: Record<string, string[]> = {}
    // What the browser reports in its console (a resource that does not load, a CSP refusal); Lighthouse counts these too.
    let consoleErrors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} ${m.location().url}`)
    })
    for (const [name, path] of Object.entries(pages())) {
      consoleErrors = []
      const res = await page.goto(`${app.baseUrl}${path}`, { waitUntil: 'networkidle' })
      // A newsletter link that does not work answers as the API does: 410 for a confirm link, 404 for the subscriber's others.
      const badLink = name.includes('invalid link') || name.includes('no token')
      const expected = badLink ? (name.includes('confirm') ? 410 : 404) : name.startsWith('404') ? 404 : name.startsWith('410') ? 410 : 200
      expect(res?.status(), `${name} ${path}`).toBe(expected)
      if (badLink) {
        expect(await page.locator('h1').innerText(), name).toBe(path.startsWith('/en') ? 'This link is no longer valid' : 'Länken gäller inte längre')
        expect(await page.getByRole('link', { name: path.startsWith('/en') ? 'Sign up again' : 'Anmäl dig igen' }).getAttribute('href'), name).toBe(path.startsWith('/en') ? '/en/newsletter' : '/nyhetsbrev')
        expect(res?.headers()['referrer-policy'], name).toBe('same-origin')
      }
      // The page's own 404/410 is reported as a resource that failed; nothing else may be.
      if (expected === 200) {
        expect(consoleErrors, `${name}: console errors`).toEqual([])
        const icon = await page.locator('link[rel="icon"]').getAttribute('href')
        const answer = await fetch(new URL(icon ?? '/favicon.ico', app.baseUrl))
        expect(`${answer.status} ${answer.headers.get('content-type')}`, `${name}: its icon ${icon}`).toBe('200 image/svg+xml')
      }
      expect(await page.locator('html').getAttribute('lang'), name).toBe(path.startsWith('/en') ? 'en' : 'sv')
      expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1)
      const violations = await axeViolations(page)
      if (violations.length) failures[`${name} ${path}`] = violations
    }
    expect(failures).toEqual({})
    // The sign-up errors, shown next to their fields (JavaScript on).
    await page.goto(`${app.baseUrl}/nyhetsbrev`)
    await page.locator('#nr-email').fill('inte-en-adress')
    await page.getByRole('button', { name: 'Prenumerera' }).click()
    await poll(() => page.locator('#nr-email-error').count()).toBe(1)
    expect(await page.locator('#nr-consent-error').innerText()).toContain('samtycka')
    expect(await page.locator('#nr-email').getAttribute('aria-invalid')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('a draft never shows to anonymous readers: a never-published item is 404, a newer draft stays hidden, a forged draft-mode cookie changes nothing', async () => {
    expect((await html(`/nyheter/${slugs.draft}`)).status).toBe(404)
    const edited = await html(`/nyheter/${slugs.edited}`)
    expect(edited.status).toBe(200)
    expect(edited.text).toContain('Publicerad rubrik')
    expect(edited.text).not.toContain('Utkastets rubrik')
    const forged = await fetch(`${app.baseUrl}/nyheter/${slugs.edited}`, { headers: { cookie: '__prerender_bypass=forged' } })
    const forgedText = await forged.text()
    expect(forgedText).toContain('Publicerad rubrik')
    expect(forgedText).not.toContain('Utkastets rubrik')
    const gone = await html(`/nyheter/${slugs.gone}`)
    expect(gone.status).toBe(410)
    expect(gone.text).toContain('Sidan är inte längre publicerad')
    expect(gone.text).not.toContain('Fanns en gång')
    const listing = await html('/aktuellt?q=utkast')
    expect(listing.text).not.toContain('Hemligt utkast')
  })

  it('draft mode: only with Next’s draft-mode cookie and a logged-in user does the page show the draft', async () => {
    // The cookie Next's draftMode().enable() sets (the preview route, built elsewhere, sets it for editors).
    const { previewModeId } = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/prerender-manifest.json'), 'utf8')).preview as { previewModeId: string }
    const bypass = `__prerender_bypass=${previewModeId}`
    const get = async (p: string, headers: Record<string, string>) => {
      const res = await fetch(`${app.baseUrl}${p}`, { headers })
      return { status: res.status, text: await res.text() }
    }
    const editor = await get(`/nyheter/${slugs.edited}`, { cookie: bypass, authorization: auth })
    expect(editor.text).toContain('Utkastets rubrik')
    expect(editor.text).toContain('Förhandsgranskning av utkast')
    const neverPublished = await get(`/nyheter/${slugs.draft}`, { cookie: bypass, authorization: auth })
    expect(neverPublished.status).toBe(200)
    expect(neverPublished.text).toContain('Hemligt utkast')
    for (const headers of [{ cookie: bypass }, { authorization: auth }] as Record<string, string>[]) {
      const other = await get(`/nyheter/${slugs.edited}`, headers)
      expect(other.text).toContain('Publicerad rubrik')
      expect(other.text).not.toContain('Utkastets rubrik')
    }
  })

  it('the HTML of every page type passes html-validate', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard'],
      rules: {
        // React writes boolean attributes as hidden="" and self-closes void elements (<meta/>); both are valid HTML.
        'attribute-boolean-style': 'off',
        'void-style': 'off',
        'no-inline-style': 'off',
      },
    })
    const problems: Record<string, string[]> = {}
    for (const [name, path] of Object.entries(pages())) {
      const { text } = await html(path)
      const report = await validator.validateString(text)
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? ''})`))
      if (messages.length) problems[`${name} ${path}`] = messages
    }
    expect(problems).toEqual({})
  })

  it('JSON-LD: NewsArticle, Event (cancelled, with location) and BreadcrumbList with the properties schema.org needs', async () => {
    const ld = async (path: string) => {
      const { text } = await html(path)
      const blocks = [...text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!))
      expect(blocks).toHaveLength(1)
      return blocks[0]['@graph'] as Record<string, any>[]
    }
    const news = await ld(`/nyheter/${slugs.news}`)
    const article = news.find((n) => n['@type'] === 'NewsArticle')!
    expect(article).toMatchObject({ headline: 'Nyhet med relaterad information', author: { '@type': 'Organization' }, publisher: { '@type': 'Organization' } })
    expect(Date.parse(article.datePublished)).not.toBeNaN()
    expect(Date.parse(article.dateModified)).not.toBeNaN()
    const crumbs = news.find((n) => n['@type'] === 'BreadcrumbList')!
    expect(crumbs.itemListElement.map((c: { position: number }) => c.position)).toEqual([1, 2, 3])
    expect(crumbs.itemListElement[2].item).toBe(`${app.baseUrl}/nyheter/${slugs.news}`)

    const event = (await ld(`/kalender/${slugs.cancelled}`)).find((n) => n['@type'] === 'Event')!
    expect(event).toMatchObject({
      name: 'Inställd länskonferens',
      startDate: '2030-03-10T08:00:00.000Z',
      endDate: '2030-03-10T15:00:00.000Z',
      eventStatus: 'https://schema.org/EventCancelled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
    })
    expect(event.location).toEqual([
      { '@type': 'Place', name: 'Stadshuset', address: 'Hantverkargatan 1, Stockholm' },
      { '@type': 'VirtualLocation', url: 'https://video.example.se/konferens' },
    ])
    const seeded = (await ld('/kalender/samordnarnatverk-psykisk-halsa')).find((n) => n['@type'] === 'Event')!
    expect(seeded.eventStatus).toBe('https://schema.org/EventScheduled')
    expect(seeded.location['@type']).toBe('Place')
  })

  it('item pages show what the seeds show: date | type, topics, related links marked external, Senast ändrad; events and press their facts', async () => {
    const page = await browser.newPage({ locale: 'sv-SE' })
    await page.goto(`${app.baseUrl}/nyheter/${slugs.news}`)
    expect(await page.locator('.nr-meta').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \| Nyhet$/)
    expect(await page.locator('.nr-tags a').first().getAttribute('href')).toBe('/amne/barn-och-unga')
    const related = page.locator('.nr-related')
    expect(await related.locator('h2').innerText()).toBe('Relaterad information')
    expect(await related.getByRole('link', { name: 'Uppdrag psykisk hälsa (länk till annan webbplats)' }).getAttribute('href')).toBe('https://www.uppdragpsykiskhalsa.se/')
    expect(await related.getByRole('link', { name: 'Läs om evenemanget' }).getAttribute('href')).toBe(`/kalender/${slugs.cancelled}`)
    expect(await page.locator('.nr-modified').innerText()).toMatch(/^Senast ändrad den \d{1,2} [a-zåäö]+ \d{4}$/)
    expect(await page.locator('.nr-prose h2').innerText()).toBe('En rubrik')
    expect(await page.locator('img.nr-hero').getAttribute('alt')).toBe('Två personer vid ett bord')
    expect(await page.locator('.nr-ingress').innerText()).toBe('Ingressen.')
    // Head: canonical, hreflang, Open Graph, the feed of the page's type.
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(`${app.baseUrl}/nyheter/${slugs.news}`)
    expect(await page.locator('link[rel=alternate][hreflang=en]').getAttribute('href')).toBe(`${app.baseUrl}/en/nyheter/${slugs.news}`)
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Nyhet med relaterad information')
    expect(await page.locator('link[rel=alternate][type="application/rss+xml"]').getAttribute('href')).toContain('/api/newsroom/feed.rss?type=news')

    // Every indexed page says what it is to search engines (Lighthouse's SEO audit): Aktuellt and the sign-up too.
    for (const [p, text] of [['/aktuellt', 'Nyheter, kalenderhändelser'], ['/en/news', 'News, calendar events'], ['/nyhetsbrev', 'Anmäl dig'], [`/nyheter/${slugs.news}`, 'Ingressen.']]) {
      await page.goto(`${app.baseUrl}${p}`)
      expect(await page.locator('meta[name="description"]').getAttribute('content'), p).toContain(text)
    }

    await page.goto(`${app.baseUrl}/kalender/${slugs.cancelled}`)
    expect(await page.locator('.nr-notice--cancelled').innerText()).toContain('Inställt')
    expect(await page.locator('.nr-facts').innerText()).toContain('10 mars 2030 kl. 09:00–16:00')
    expect(await page.locator('.nr-facts').innerText()).toContain('Stadshuset, Hantverkargatan 1, Stockholm')
    expect(await page.locator('.nr-facts').innerText()).toContain('Sista anmälningsdag 1 mars 2030')

    await page.goto(`${app.baseUrl}/kalender/samordnarnatverk-psykisk-halsa`)
    expect(await page.getByRole('link', { name: 'Lägg till i kalender' }).getAttribute('href')).toBe('/api/newsroom/events/samordnarnatverk-psykisk-halsa.ics')

    await page.goto(`${app.baseUrl}/en/kalender/${slugs.past}`)
    expect(await page.locator('main').innerText()).toContain('This event has already taken place.')
    expect(await page.locator('.nr-facts').innerText()).toContain('5 May 2020 (all day)')

    await page.goto(`${app.baseUrl}/press/${slugs.press}`)
    expect(await page.locator('.nr-contacts').innerText()).toContain('Maja Hagström, Projektledare')
    expect(await page.locator('.nr-contacts a[href^="mailto:"]').innerText()).toBe('maja@example.se')
    expect(await page.locator('.nr-attachments li').innerText()).toMatch(/^Slutrapport \(PDF, \d+ B\)$/)

    // The listing shows the image with its alt text.
    await page.goto(`${app.baseUrl}/aktuellt?q=relaterad`)
    expect(await page.locator('.nr-result img').first().getAttribute('alt')).toBe('Två personer vid ett bord')
    // Under a topic page's h1 and the listing's h2, the results are h3.
    await page.goto(`${app.baseUrl}/amne/barn-och-unga`)
    expect(await page.locator('h1').innerText()).toBe('Barn och unga')
    expect(await page.locator('#nr-listing-heading').evaluate((e) => e.tagName)).toBe('H2')
    expect(await page.locator('.nr-result .nr-card__title').first().evaluate((e) => e.tagName)).toBe('H3')
    expect(await page.locator('.nr-topic__feeds a').first().getAttribute('href')).toBe('/api/newsroom/feed.rss?category=barn-och-unga')
    await page.close()
  })

  /** The walk of the issue, keys only: a tab, a topic, a search, Ladda fler, an item, back, sign up. */
  async function keyboardWalk(context: BrowserContext, js: boolean) {
    const page = await context.newPage()
    const setCookies: string[] = []
    page.on('response', (r) => {
      const c = r.headers()['set-cookie']
      if (c) setCookies.push(`${r.url()}: ${c}`)
    })
    await page.goto(`${app.baseUrl}/aktuellt`)
    const allBefore = await page.locator('[data-nr-type="all"]').innerText()

    // The skip link comes first.
    expect((await tabTo(page, (f) => f.tag === 'a', 'the skip link', 1)).text).toBe('Till innehållet')

    // A tab: "Nyhet (n)". The counts stay as they were.
    await tabTo(page, (f) => f.text.startsWith('Nyhet ('), 'the Nyhet tab')
    await page.keyboard.press('Enter')
    await poll(() => new URL(page.url()).searchParams.get('type')).toBe('news')
    await poll(() => page.locator('[data-nr-type="news"]').getAttribute('aria-current')).toBe('page')
    expect(await page.locator('[data-nr-type="all"]').innerText()).toBe(allBefore)
    if (js) expect((await focused(page)).text).toMatch(/^Nyhet \(/)

    // A topic: open "Visa filtrering" with Space, tick "Barn och unga", submit with Enter.
    await tabTo(page, (f) => f.tag === 'summary', 'Visa filtrering')
    await page.keyboard.press('Space')
    await tabTo(page, (f) => f.id === 'nr-topic-barn-och-unga', 'the topic Barn och unga')
    await page.keyboard.press('Space')
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Filtrera', 'Filtrera')
    await page.keyboard.press('Enter')
    await poll(() => new URL(page.url()).searchParams.getAll('category')).toEqual(['barn-och-unga'])
    expect(new URL(page.url()).searchParams.get('type')).toBe('news')
    await poll(() => page.locator('[data-nr-list] > li').count()).toBe(10)

    // Ladda fler: the next page comes after the first, focus on its first item (with JS), or a new page (without).
    await tabTo(page, (f) => f.text === 'Ladda fler', 'Ladda fler')
    await page.keyboard.press('Enter')
    if (js) {
      await poll(() => page.locator('[data-nr-list] > li').count()).toBeGreaterThan(10)
      const first = await focused(page)
      expect(first.href).toMatch(/^\/nyheter\//)
      expect(await page.locator('[data-nr-list] > li').nth(10).locator('h2 a').getAttribute('href')).toBe(first.href)
      expect(first.outline).toBe(true)
      await poll(() => page.locator('[role=status]').last().innerText()).toMatch(/^Visar \d+ av \d+ resultat$/)
    } else {
      await poll(() => new URL(page.url()).searchParams.has('cursor')).toBe(true)
      expect(await page.locator('[data-nr-list] > li').count()).toBeGreaterThan(0)
    }

    // A search, typed into the search box.
    await page.goto(`${app.baseUrl}/aktuellt`)
    await tabTo(page, (f) => f.id === 'nr-q', 'the search box')
    await page.keyboard.type('skolnärvaro')
    await page.keyboard.press('Enter')
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('skolnärvaro')
    await poll(() => page.locator('.nr-status').first().innerText()).toContain('Resultat för ”skolnärvaro”')

    // Open an item, and come back.
    const link = await tabTo(page, (f) => (f.href ?? '').startsWith('/nyheter/'), 'a result')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${app.baseUrl}${link.href}`)
    expect(await page.locator('h1').innerText()).toBe(link.text)
    await page.goBack()
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('skolnärvaro')
    expect(await page.locator('#nr-q').inputValue()).toBe('skolnärvaro')

    // Sign up from the header's link, keys only.
    await page.goto(`${app.baseUrl}/aktuellt`)
    await tabTo(page, (f) => f.text === 'Nyhetsbrev', 'the newsletter link')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${app.baseUrl}/nyhetsbrev`)
    await tabTo(page, (f) => f.id === 'nr-email', 'the e-mail field')
    await page.keyboard.type(js ? 'tangentbord@example.se' : 'utan-skript@example.se')
    await tabTo(page, (f) => f.id === 'nr-signup-topic-psykisk-halsa', 'a topic')
    await page.keyboard.press('Space')
    if (js) expect(await page.locator('#nr-signup-topic-suicidprevention').isDisabled()).toBe(true)
    await tabTo(page, (f) => f.id === 'nr-consent', 'the consent box')
    await page.keyboard.press('Space')
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Prenumerera', 'Prenumerera')
    await page.keyboard.press('Enter')
    await poll(() => page.locator('.nr-notice--ok').count()).toBe(1)
    expect(await page.locator('.nr-notice--ok').innerText()).toContain('Tack!')
    if (js) expect((await focused(page)).text).toContain('Tack!')

    // Nothing stored for an anonymous visitor: no Set-Cookie, no cookies, empty storage.
    expect(setCookies).toEqual([])
    expect(await context.cookies()).toEqual([])
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ''])
    await page.close()
  }

  it('keyboard only, with JavaScript: every step reachable with visible focus; Ladda fler appends and moves focus; nothing stored', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' })
    await keyboardWalk(context, true)
    await context.close()
  })

  it('keyboard only, without JavaScript: the same walk with links, forms and the cursor', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false })
    await keyboardWalk(context, false)
    await context.close()
  })

  it('without JavaScript the sign-up errors come back on the page, next to their fields, in English on the English page', async () => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/en/newsletter`)
    await page.locator('#nr-email').fill('not-an-address')
    await page.getByRole('button', { name: 'Subscribe' }).click()
    await poll(() => page.locator('#nr-email-error').count()).toBe(1)
    expect(await page.locator('#nr-email-error').innerText()).toBe('Enter a valid e-mail address, for example name@example.com.')
    expect(await page.locator('#nr-consent-error').innerText()).toBe('You need to agree in order to subscribe.')
    expect(await page.locator('#nr-email').inputValue()).toBe('not-an-address')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await context.close()
  })
})
