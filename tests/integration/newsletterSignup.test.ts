import { createHash } from 'node:crypto'

import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'
import { createActiveSubscriber, createNewsletterTopics, apiLinkIn, runSignupJobs, submitConfirmation } from '../support/newsletter'
import { startSmtp, type TestSmtp } from '../support/smtp'

type Sub = {
  id: number | string
  email: string
  status: string
  frequency: string
  locale: string
  topics?: (number | string)[]
  consent?: { at?: string | null; wordingVersion?: string | null; sourcePage?: string | null }
  confirmedAt?: string | null
  unsubscribedAt?: string | null
  updatedAt?: string
}
type AutoRun = { queue?: string; limit?: number }
type Job = { id: number | string; taskSlug: string; queue?: string | null; input: Record<string, unknown> }

const HOUR = 3600_000

/** A body streamed in pieces, with no Content-Length (chunked on the wire). */
function chunkedBody(bytes: number, piece = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0
  const chunk = new Uint8Array(piece).fill(0x78)
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      controller.enqueue(chunk.subarray(0, Math.min(piece, bytes - sent)))
      sent += piece
    },
  })
}

describe.skipIf(databaseUnavailable())('newsletter: what a sign-up request does and what its job does', () => {
  let n: TestNewsroom
  let smtp: TestSmtp
  const topic: Record<string, string | number> = {}
  let ipCounter = 0
  const ip = () => `10.3.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`

  const subscribeAt = (baseUrl: string, body: unknown, from = ip()) =>
    fetch(`${baseUrl}/api/newsroom/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `${from}, 192.0.2.1`, referer: 'http://newsroom.test/anmalan' },
      body: JSON.stringify(body),
    })
  const subscribe = (body: unknown, from?: string) => subscribeAt(n.baseUrl, body, from)
  const local = (url: string) => url.replace('http://newsroom.test', n.baseUrl)
  const subscriber = async (email: string) =>
    (await n.payload.find({ collection: 'subscribers' as never, where: { email: { equals: email } }, depth: 0, overrideAccess: true })).docs[0] as unknown as Sub | undefined
  const jobs = async (queue?: string) =>
    (await n.payload.find({ collection: 'payload-jobs' as never, where: queue ? { queue: { equals: queue } } : {}, sort: 'id', limit: 0, pagination: false, overrideAccess: true })).docs as unknown as Job[]
  /** What a person's stored record says about their consent and choices. */
  const record = (s: Sub | undefined) =>
    s && { status: s.status, frequency: s.frequency, locale: s.locale, topics: (s.topics ?? []).map(String).sort(), consent: s.consent, confirmedAt: s.confirmedAt, unsubscribedAt: s.unsubscribedAt }
  const consentLongAgo = { at: '2025-01-02T03:04:05.000Z', wordingVersion: '0', sourcePage: '/gammal-sida' }

  beforeAll(async () => {
    smtp = await startSmtp()
    n = await startNewsroom({ SMTP_URL: smtp.url, MAIL_FROM: 'nyhetsbrev@newsroom.test', TRUST_PROXY: '1' })
    Object.assign(topic, await createNewsletterTopics(n.payload))
  })
  afterAll(async () => {
    await n?.close()
    await smtp?.close()
  })

  it('the request does the same work for every address: it queues one job with the form and touches no subscriber', async () => {
    await createActiveSubscriber(n.payload, 'lika-aktiv@example.se', { consent: consentLongAgo })
    await createActiveSubscriber(n.payload, 'lika-avslutad@example.se', { status: 'unsubscribed', consent: consentLongAgo })
    await createActiveSubscriber(n.payload, 'lika-studsar@example.se', { status: 'bounced', consent: consentLongAgo })
    await createActiveSubscriber(n.payload, 'lika-vantar@example.se', { status: 'pending', confirmedAt: null })
    const emails = ['lika-ny@example.se', 'lika-vantar@example.se', 'lika-aktiv@example.se', 'lika-avslutad@example.se', 'lika-studsar@example.se']
    const before = await Promise.all(emails.map(subscriber))
    const queuedBefore = (await jobs()).length
    for (const email of emails) expect((await subscribe({ email, consent: true, frequency: 'weekly', topics: ['miljo'] })).status).toBe(202)
    // Nothing about any address has changed yet, not even a timestamp; a new address has no row yet.
    expect(await Promise.all(emails.map(subscriber))).toEqual(before)
    const queued = (await jobs()).slice(queuedBefore)
    expect(queued).toHaveLength(emails.length)
    for (const [i, job] of queued.entries()) {
      expect(job).toMatchObject({ taskSlug: 'newsletterSignup', queue: 'newsletter' })
      expect(Object.keys(job.input).sort()).toEqual(['consent', 'email', 'frequency', 'locale', 'topics'])
      expect(job.input).toMatchObject({ email: emails[i], frequency: 'weekly', locale: 'sv', topics: [topic.miljo] })
      expect(job.input.consent).toMatchObject({ wordingVersion: '1', sourcePage: 'http://newsroom.test/anmalan' })
    }
    await runSignupJobs(n.payload)
  })

  it('an anonymous sign-up never changes a confirmed person: active gets a manage mail, unsubscribed a confirmation, bounced nothing', async () => {
    await createActiveSubscriber(n.payload, 'karl@example.se', { topics: [topic.halsa], consent: consentLongAgo })
    await createActiveSubscriber(n.payload, 'ulla@example.se', { status: 'unsubscribed', unsubscribedAt: new Date(Date.now() - HOUR).toISOString(), consent: consentLongAgo })
    await createActiveSubscriber(n.payload, 'bengt@example.se', { status: 'bounced', consent: consentLongAgo })
    const before = { karl: record(await subscriber('karl@example.se')), ulla: record(await subscriber('ulla@example.se')), bengt: await subscriber('bengt@example.se') }

    for (const email of ['karl@example.se', 'ulla@example.se', 'bengt@example.se']) {
      expect((await subscribe({ email, consent: true, frequency: 'weekly', locale: 'en', topics: ['miljo'], sourcePage: '/ny-sida' })).status).toBe(202)
    }
    await runSignupJobs(n.payload)

    // Stored consent, settings and status are as they were.
    expect(record(await subscriber('karl@example.se'))).toEqual(before.karl)
    expect(record(await subscriber('ulla@example.se'))).toEqual(before.ulla)
    expect(await subscriber('bengt@example.se')).toEqual(before.bengt)
    expect(smtp.to('bengt@example.se')).toHaveLength(0)
    expect(smtp.to('karl@example.se').map((m) => m.subject)).toEqual(['Manage your subscription'])
    expect(smtp.to('ulla@example.se').map((m) => m.subject)).toEqual(['Confirm your subscription'])

    // Only confirming the mailed link applies the new settings and consent.
    expect((await submitConfirmation(local(apiLinkIn(smtp.to('ulla@example.se')[0]!.text, 'confirm')))).status).toBe(200)
    const ulla = (await subscriber('ulla@example.se'))!
    expect(record(ulla)).toMatchObject({ status: 'active', frequency: 'weekly', locale: 'en', topics: [String(topic.miljo)], unsubscribedAt: null })
    expect(ulla.consent).toMatchObject({ wordingVersion: '1', sourcePage: '/ny-sida' })
    expect(new Date(ulla.confirmedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000)

    expect((await submitConfirmation(local(apiLinkIn(smtp.to('karl@example.se')[0]!.text, 'confirm')))).status).toBe(200)
    const karl = (await subscriber('karl@example.se'))!
    expect(record(karl)).toMatchObject({ status: 'active', frequency: 'weekly', locale: 'en', topics: [String(topic.miljo)], confirmedAt: before.karl!.confirmedAt })
    expect(karl.consent).toMatchObject({ sourcePage: '/ny-sida' })
  })

  it('200 queued sign-ups do not delay a scheduled publish: one tick of the default queue publishes it', async () => {
    const queuedBefore = (await jobs('newsletter')).length
    for (let i = 0; i < 200; i++) expect((await subscribe({ email: `flod${i}@example.se`, consent: true })).status).toBe(202)
    const draft = await n.payload.create({ collection: 'news', data: { _status: 'draft', title: 'Schemalagd mitt i flodet' } as never })
    await n.payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'news', value: draft.id } }, waitUntil: new Date(Date.now() - 1000) })
    try {
      // What one tick of the app's default-queue cron runs (payload.config.ts: limit 100).
      const autoRun = n.payload.config.jobs.autoRun as unknown as AutoRun[] | ((p: unknown) => Promise<AutoRun[]>)
      const entry = (typeof autoRun === 'function' ? await autoRun(n.payload) : autoRun).find((e) => (e.queue ?? 'default') === 'default')!
      await n.payload.jobs.run({ queue: 'default', limit: entry.limit })
      expect(((await n.payload.findByID({ collection: 'news', id: draft.id })) as unknown as { _status: string })._status).toBe('published')
      expect((await jobs('newsletter')).length - queuedBefore).toBe(200)
    } finally {
      await n.payload.db.deleteMany({ collection: 'payload-jobs' as never, where: { queue: { equals: 'newsletter' } } })
    }
  })

  it('a flood of sign-ups leaves no pile of pending rows once their links have expired', async () => {
    const flood = Array.from({ length: 30 }, (_, i) => `skrap${i}@example.se`)
    for (const email of flood) expect((await subscribe({ email, consent: true })).status).toBe(202)
    await runSignupJobs(n.payload)
    const pending: Where = { and: [{ status: { equals: 'pending' } }, { email: { like: 'skrap' } }] }
    expect((await n.payload.count({ collection: 'subscribers' as never, where: pending, overrideAccess: true })).totalDocs).toBe(30)
    // Their 48 hours pass; a confirmed subscriber with an old link is not touched.
    await createActiveSubscriber(n.payload, 'skrap-aktiv@example.se')
    await n.payload.update({
      collection: 'subscribers' as never,
      where: { email: { like: 'skrap' } },
      data: { confirmTokenExpiresAt: new Date(Date.now() - 1000).toISOString() } as never,
      overrideAccess: true,
    })
    expect((await subscribe({ email: 'skrap-sist@example.se', consent: true })).status).toBe(202)
    await runSignupJobs(n.payload)
    expect((await n.payload.count({ collection: 'subscribers' as never, where: pending, overrideAccess: true })).totalDocs).toBe(1)
    expect((await subscriber('skrap-sist@example.se'))?.status).toBe('pending')
    expect((await subscriber('skrap-aktiv@example.se'))?.status).toBe('active')
  })

  it('the mail goes out without anyone running the queue where this process runs jobs (the kick after the answer)', async () => {
    const worker = await startNewsroom({ SMTP_URL: smtp.url, MAIL_FROM: 'nyhetsbrev@newsroom.test', RUN_JOBS: 'true' }, { key: 'newsletter-kick' })
    try {
      // Payload's own job crons tick at second 0 of each minute: sign up well before the next one, so that a
      // cron tick cannot be what sends the mail within the wait below.
      const second = new Date().getSeconds()
      if (second > 35) await new Promise((r) => setTimeout(r, (61 - second) * 1000))
      const res = await subscribeAt(worker.baseUrl, { email: 'snabb@example.se', consent: true })
      expect(res.status).toBe(202)
      // Nobody calls jobs.run here.
      await expect.poll(() => smtp.to('snabb@example.se').length, { timeout: 15_000, interval: 100 }).toBe(1)
      expect(smtp.to('snabb@example.se')[0]!.subject).toBe('Bekräfta din prenumeration')
    } finally {
      await worker.close()
    }
  })

  it('bodies over 10 KB are refused with 413 whatever the framing, on every endpoint that reads one', async () => {
    await createActiveSubscriber(n.payload, 'stor@example.se')
    const admin = await n.editor('admin')
    const endpoints: [string, Record<string, string>][] = [
      ['/api/newsroom/subscribe', { 'content-type': 'application/json' }],
      ['/api/newsroom/unsubscribe', { 'content-type': 'application/x-www-form-urlencoded' }],
      [`/api/newsroom/unsubscribe?token=${'A'.repeat(43)}`, { 'content-type': 'application/x-www-form-urlencoded' }],
      [`/api/newsroom/preferences?token=${'A'.repeat(43)}`, { 'content-type': 'application/x-www-form-urlencoded' }],
      ['/api/newsroom/confirm', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['/api/newsroom/digest/run', { 'content-type': 'application/json', authorization: admin }],
    ]
    for (const [path, headers] of endpoints) {
      const chunked = await fetch(`${n.baseUrl}${path}`, { method: 'POST', headers, body: chunkedBody(200_000), duplex: 'half' } as RequestInit)
      expect(chunked.status, path).toBe(413)
      expect(await chunked.json()).toMatchObject({ error: 'invalid_parameter', parameter: 'body' })
      const declared = await fetch(`${n.baseUrl}${path}`, { method: 'POST', headers, body: 'x'.repeat(10 * 1024 + 1) })
      expect(declared.status, path).toBe(413)
    }
    expect((await subscriber('stor@example.se'))?.status).toBe('active')
  })

  it('with newsletter.confirmRedirect, confirming answers 303 to it, and the form may go there (form-action)', async () => {
    const settings = (n.payload.config.custom as { newsroom: { newsletter: { confirmRedirect?: string } } }).newsroom.newsletter
    settings.confirmRedirect = 'https://www.example.se/nyhetsbrev/tack'
    try {
      expect((await subscribe({ email: 'vidare@example.se', consent: true })).status).toBe(202)
      await runSignupJobs(n.payload)
      const link = local(apiLinkIn(smtp.to('vidare@example.se')[0]!.text, 'confirm'))
      const page = await fetch(link)
      expect(page.headers.get('content-security-policy')).toContain("form-action 'self' https://www.example.se;")
      const confirmed = await submitConfirmation(link)
      expect(confirmed.status).toBe(303)
      expect(confirmed.headers.get('location')).toBe('https://www.example.se/nyhetsbrev/tack')
      expect((await subscriber('vidare@example.se'))?.status).toBe('active')
      // Used: our own page says so (no second redirect needed to tell).
      expect(await (await fetch(link)).text()).toContain('redan bekräftad')
    } finally {
      delete settings.confirmRedirect
    }
  })

  it('every newsletter page forbids referrers, framing and any script but the confirmation form’s own', async () => {
    expect((await subscribe({ email: 'csp@example.se', consent: true })).status).toBe(202)
    await runSignupJobs(n.payload)
    const link = local(apiLinkIn(smtp.to('csp@example.se')[0]!.text, 'confirm'))
    const page = await fetch(link)
    const text = await page.text()
    const scripts = [...text.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!)
    expect(scripts).toHaveLength(1)
    expect(text).not.toMatch(/\son[a-z]+=/i)
    const csp = page.headers.get('content-security-policy')!
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`)
    for (const directive of ["default-src 'none'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive)
    const s = (await subscriber('csp@example.se'))!
    const others = [
      await submitConfirmation(link),
      await fetch(link),
      await fetch(`${n.baseUrl}/api/newsroom/confirm?token=${'B'.repeat(43)}`),
      await fetch(`${n.baseUrl}/api/newsroom/unsubscribe?token=${'B'.repeat(43)}`),
      await fetch(`${n.baseUrl}/api/newsroom/preferences?token=${'B'.repeat(43)}`),
    ]
    expect(s.status).toBe('pending')
    for (const res of [page, ...others]) {
      expect(res.headers.get('referrer-policy'), res.url).toBe('no-referrer')
      expect(res.headers.get('content-security-policy'), res.url).toContain("default-src 'none'")
    }
  })
})
