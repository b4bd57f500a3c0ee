import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { periodKey } from '../../src/newsletter/digest/periodKey'
import { runDigest } from '../../src/scripts'
import { databaseUnavailable, testDatabase } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'
import { createActiveSubscriber, createNewsletterTopics, apiLinkIn, publishNews, runSignupJobs, submitConfirmation } from '../support/newsletter'
import { startSmtp, type TestSmtp } from '../support/smtp'

type Sub = { id: number | string; email: string; status: string; topics?: unknown[]; confirmTokenHash?: string | null; unsubscribeTokenHash?: string | null }

describe.skipIf(databaseUnavailable())('newsletter: sign-up, confirmation, digest, unsubscribe', () => {
  let n: TestNewsroom
  let smtp: TestSmtp
  let admin: string
  let editor: string
  const topic: Record<string, string | number> = {}
  let ipCounter = 0
  const ip = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`

  const subscribe = (body: unknown, opts: { ip?: string; type?: string } = {}) =>
    fetch(`${n.baseUrl}/api/newsroom/subscribe`, {
      method: 'POST',
      headers: { 'content-type': opts.type ?? 'application/json', 'x-forwarded-for': `${opts.ip ?? ip()}, 192.0.2.1` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const local = (url: string) => url.replace('http://newsroom.test', n.baseUrl)
  const subscriber = async (email: string) =>
    (await n.payload.find({ collection: 'subscribers' as never, where: { email: { equals: email } }, depth: 0, overrideAccess: true })).docs[0] as unknown as Sub
  const publish = (title: string, topics: (string | number)[]) => publishNews(n.payload, title, topics)
  /** An active daily subscriber, confirmed an hour ago, made through the Local API. */
  const activeSubscriber = (email: string, topics: (string | number)[] = []) => createActiveSubscriber<Sub>(n.payload, email, { topics })
  const runSignups = () => runSignupJobs(n.payload)
  const settings = () => (n.payload.config.custom as { newsroom: { newsletter: Record<string, unknown> } }).newsroom.newsletter

  beforeAll(async () => {
    smtp = await startSmtp()
    // The test server passes X-Forwarded-For on as sent; each request names its client, then a proxy (192.0.2.1).
    n = await startNewsroom({ SMTP_URL: smtp.url, MAIL_FROM: 'nyhetsbrev@newsroom.test', TRUST_PROXY: '1' })
    settings().retryDelaysMs = [20, 20]
    admin = await n.editor('admin')
    editor = await n.editor('editor')
    Object.assign(topic, await createNewsletterTopics(n.payload))
  })
  afterAll(async () => {
    await n?.close()
    await smtp?.close()
  })

  it('subscribers are admin-only over REST and GraphQL; e-mail is normalized and unique', async () => {
    const s = (await n.payload.create({ collection: 'subscribers' as never, data: { email: '  Karin@Example.SE ', frequency: 'weekly' } as never, overrideAccess: true })) as unknown as Sub
    expect(s.email).toBe('karin@example.se')
    await expect(n.payload.create({ collection: 'subscribers' as never, data: { email: 'KARIN@example.se' } as never, overrideAccess: true })).rejects.toThrow()
    for (const auth of [undefined, editor]) {
      const headers: Record<string, string> = auth ? { authorization: auth } : {}
      expect((await fetch(`${n.baseUrl}/api/subscribers`, { headers })).status).toBe(403)
      expect((await fetch(`${n.baseUrl}/api/subscribers/${s.id}`, { headers })).status).toBe(403)
      const created = await fetch(`${n.baseUrl}/api/subscribers`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@example.se' }) })
      expect(created.status).toBe(403)
      const gql = await fetch(`${n.baseUrl}/api/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ Subscribers { docs { email } } }' }),
      })
      const body = (await gql.json()) as { data?: { Subscribers?: { docs: unknown[] } | null }; errors?: unknown[] }
      expect(body.data?.Subscribers?.docs ?? []).toEqual([])
      expect(body.errors?.length ?? 0).toBeGreaterThan(0)
      for (const slug of ['digest-deliveries', 'digest-runs', 'newsletter-rate-limits']) expect((await fetch(`${n.baseUrl}/api/${slug}`, { headers })).status).toBe(403)
    }
    const asAdmin = await fetch(`${n.baseUrl}/api/subscribers`, { headers: { authorization: admin } })
    expect(asAdmin.status).toBe(200)
    const docs = ((await asAdmin.json()) as { docs: Sub[] }).docs
    expect(docs.map((d) => d.email)).toContain('karin@example.se')
    // Token hashes are hidden fields: not even admins read them over the API.
    expect(docs.find((d) => d.email === 'karin@example.se')).not.toHaveProperty('unsubscribeTokenHash')
    await n.payload.delete({ collection: 'subscribers' as never, id: s.id, overrideAccess: true })
  })

  it('sign-up → confirmation mail → confirm → digest with only the chosen topics and List-* headers → one-click unsubscribe → next digest skips', async () => {
    const res = await subscribe({ email: 'Anna@Example.se', topics: ['psykisk-halsa'], locale: 'sv', frequency: 'daily', consent: true, sourcePage: '/nyhetsbrev' })
    expect(res.status).toBe(202)
    // The subscriber and the mail are made by a queued job, not inside the request.
    expect(smtp.to('anna@example.se')).toHaveLength(0)
    expect(await subscriber('anna@example.se')).toBeUndefined()
    await runSignups()
    expect((await subscriber('anna@example.se')).status).toBe('pending')
    const [confirmation] = smtp.to('anna@example.se')
    expect(confirmation.subject).toBe('Bekräfta din prenumeration')
    const link = apiLinkIn(confirmation.text, 'confirm')
    const token = new URL(link).searchParams.get('token')!
    // Only the hash is stored.
    const stored = JSON.stringify(await subscriber('anna@example.se'))
    expect(stored).not.toContain(token)

    // A GET (what a mail scanner does, and what a browser repeats) changes nothing: it shows a form that posts the token.
    for (let i = 0; i < 2; i++) {
      const page = await fetch(local(link), { redirect: 'manual' })
      expect(page.status).toBe(200)
      const text = await page.text()
      expect(text).toContain('<form id="newsroom-confirm" method="post"')
      expect(text).toContain('Bekräfta prenumerationen')
      expect((await subscriber('anna@example.se')).status).toBe('pending')
    }
    const confirmed = await submitConfirmation(local(link))
    expect(confirmed.status).toBe(200)
    expect(await confirmed.text()).toContain('Din prenumeration är bekräftad.')
    expect((await subscriber('anna@example.se')).status).toBe('active')
    // Used: opening or submitting it again says so, without an error (Chromium repeats requests).
    const again = await fetch(local(link))
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('Din prenumeration är redan bekräftad.')
    const againPost = await fetch(local(link), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })
    expect(againPost.status).toBe(200)
    expect(await againPost.text()).toContain('redan bekräftad')

    await publish('Barn och psykisk hälsa', [topic.barn])
    await publish('Miljönytt', [topic.miljo])
    await publish('Allmänt utan ämne', [])

    await n.payload.jobs.queue({ task: 'newsletterDigest' as never, queue: 'newsletter-digest', input: { frequency: 'daily' } as never })
    await n.payload.jobs.run({ queue: 'newsletter-digest' })
    const digests = smtp.to('anna@example.se').slice(1)
    expect(digests).toHaveLength(1)
    const digest = digests[0]
    expect(digest.html).toContain('Barn och psykisk hälsa')
    expect(digest.text).toContain('Barn och psykisk hälsa')
    expect(digest.text).toContain('http://newsroom.test/nyheter/barn-och-psykisk-halsa')
    expect(digest.html).not.toContain('Miljönytt')
    expect(digest.html).not.toContain('Allmänt utan ämne')
    const listUnsubscribe = smtp.header(digest, 'list-unsubscribe')!
    expect(listUnsubscribe).toMatch(/^<http:\/\/newsroom\.test\/api\/newsroom\/unsubscribe\?token=[\w-]+>, <mailto:nyhetsbrev@newsroom\.test\?subject=unsubscribe>$/)
    expect(smtp.header(digest, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(smtp.header(digest, 'list-id')).toBe('<nyhetsbrev.newsroom.test>')

    const unsubscribeUrl = local(listUnsubscribe.match(/<(http[^>]+)>/)![1])
    const page = await fetch(unsubscribeUrl)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<form method="post"')
    expect((await subscriber('anna@example.se')).status).toBe('active') // GET alone does nothing
    for (let i = 0; i < 2; i++) {
      const oneClick = await fetch(unsubscribeUrl, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
      expect(oneClick.status).toBe(200)
      expect(oneClick.headers.get('location')).toBeNull()
    }
    expect((await subscriber('anna@example.se')).status).toBe('unsubscribed')
    // Unsubscribing ends the confirmation link too.
    expect((await fetch(local(link))).status).toBe(410)

    await publish('Mer om barn och psykisk hälsa', [topic.halsa])
    const result = await runDigest(n.payload, { frequency: 'daily', period: 'daily:after-unsubscribe' })
    expect(result.sent).toBe(0)
    expect(smtp.to('anna@example.se')).toHaveLength(2)
  })

  it('answers new, pending, active, unsubscribed and bounced addresses with the same 202 and body', async () => {
    await activeSubscriber('aktiv@example.se')
    await createActiveSubscriber(n.payload, 'studsar@example.se', { status: 'bounced' })
    await subscribe({ email: 'vantar@example.se', consent: true })
    await runSignups()
    const answers = []
    for (const email of ['ny@example.se', 'vantar@example.se', 'aktiv@example.se', 'anna@example.se', 'studsar@example.se']) {
      const res = await subscribe({ email, consent: true, frequency: 'weekly' })
      answers.push({ status: res.status, body: await res.text(), type: res.headers.get('content-type') })
    }
    expect(answers.every((a) => a.status === 202)).toBe(true)
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    await runSignups()
    expect(smtp.to('ny@example.se').map((m) => m.subject)).toEqual(['Bekräfta din prenumeration'])
    expect(smtp.to('vantar@example.se').map((m) => m.subject)).toEqual(['Bekräfta din prenumeration', 'Bekräfta din prenumeration'])
    expect(smtp.to('aktiv@example.se').map((m) => m.subject)).toEqual(['Hantera din prenumeration'])
    expect(smtp.to('studsar@example.se')).toEqual([])
    // The re-sign-up of an unsubscribed address needs a new confirmation; until then it stays unsubscribed.
    expect(smtp.to('anna@example.se').at(-1)!.subject).toBe('Bekräfta din prenumeration')
    expect((await subscriber('anna@example.se')).status).toBe('unsubscribed')
    // An active subscriber's settings change only through the mailed link.
    const before = (await subscriber('aktiv@example.se')) as Sub & { frequency: string }
    expect(before).toMatchObject({ status: 'active', frequency: 'daily' })
    const manageLink = local(apiLinkIn(smtp.to('aktiv@example.se')[0].text, 'confirm'))
    const manage = await submitConfirmation(manageLink)
    expect(manage.status).toBe(200)
    expect(await manage.text()).toContain('Dina nya inställningar används nu.')
    expect(await subscriber('aktiv@example.se')).toMatchObject({ status: 'active', frequency: 'weekly' })
    const manageAgain = await fetch(manageLink)
    expect(manageAgain.status).toBe(200)
    expect(await manageAgain.text()).toContain('De nya inställningarna används redan.')
  })

  it('confirmation links expire, and unknown tokens get a page (not a 500)', async () => {
    await subscribe({ email: 'sen@example.se', consent: true, locale: 'en' })
    await runSignups()
    const [mail] = smtp.to('sen@example.se')
    expect(mail.subject).toBe('Confirm your subscription')
    const link = apiLinkIn(mail.text, 'confirm')
    const s = await subscriber('sen@example.se')
    await n.payload.update({ collection: 'subscribers' as never, id: s.id, data: { confirmTokenExpiresAt: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true })
    const expired = await fetch(local(link))
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('Sign up again')
    const expiredPost = await fetch(local(link), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })
    expect(expiredPost.status).toBe(410)
    expect((await subscriber('sen@example.se')).status).toBe('pending')
    for (const q of ['', '?token=', '?token=nonsense', `?token=${'A'.repeat(43)}`, '?token=%00%ff']) {
      expect((await fetch(`${n.baseUrl}/api/newsroom/confirm${q}`)).status).toBe(410)
      expect((await fetch(`${n.baseUrl}/api/newsroom/confirm${q}`, { method: 'POST' })).status).toBe(410)
      expect([404]).toContain((await fetch(`${n.baseUrl}/api/newsroom/unsubscribe${q}`, { method: 'POST' })).status)
    }
  })

  it.each([
    ['email', { email: 'inte-en-adress', consent: true }, 400],
    ['email', { consent: true }, 400],
    ['topics', { email: 'a@example.se', consent: true, topics: ['finns-inte'] }, 400],
    ['topics', { email: 'a@example.se', consent: true, topics: [3] }, 400],
    ['consent', { email: 'a@example.se' }, 400],
    ['consent', { email: 'a@example.se', consent: false }, 400],
    ['locale', { email: 'a@example.se', consent: true, locale: 'de' }, 400],
    ['frequency', { email: 'a@example.se', consent: true, frequency: 'hourly' }, 400],
    ['body', '{"email":', 400],
    ['body', '["a@example.se"]', 400],
    ['body', JSON.stringify({ email: 'a@example.se', consent: true, pad: 'x'.repeat(11_000) }), 413],
  ])('bad input: %s → %i naming the field', async (parameter, body, status) => {
    const res = await subscribe(body)
    expect(res.status).toBe(status)
    const json = (await res.json()) as { error: string; parameter: string; message: string }
    expect(json).toMatchObject({ error: 'invalid_parameter', parameter })
    expect(json.message).toContain(parameter)
  })

  it('wrong content type → 415; form posts with comma-separated topics work; honeypot pretends success', async () => {
    const plain = await subscribe('email=a@example.se', { type: 'text/plain' })
    expect(plain.status).toBe(415)
    expect(((await plain.json()) as { parameter: string }).parameter).toBe('content-type')

    const form = await subscribe('email=form%40example.se&topics=psykisk-halsa%2Cmiljo&consent=on&frequency=daily&locale=en', { type: 'application/x-www-form-urlencoded' })
    expect(form.status).toBe(202)
    await runSignups()
    const s = await subscriber('form@example.se')
    expect(s.topics?.map(String).sort()).toEqual([String(topic.halsa), String(topic.miljo)].sort())

    const bot = await subscribe({ email: 'bot@example.se', consent: true, website: 'http://spam.example' })
    expect(bot.status).toBe(202)
    expect(await bot.text()).toBe(await (await subscribe({ email: 'ny2@example.se', consent: true })).text())
    await runSignups()
    expect(await subscriber('bot@example.se')).toBeUndefined()
    expect(await subscriber('ny2@example.se')).toBeDefined()
  })

  it('rate limits per client IP and per address: 429 with Retry-After', async () => {
    const addr = '203.0.113.9'
    const statuses = []
    for (let i = 0; i < 11; i++) statuses.push((await subscribe({ email: `ip${i}@example.se`, consent: true }, { ip: addr })).status)
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true)
    const limited = await subscribe({ email: 'ip-last@example.se', consent: true }, { ip: addr })
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)

    const perEmail = []
    for (let i = 0; i < 4; i++) perEmail.push(await subscribe({ email: 'samma@example.se', consent: true }))
    expect(perEmail.map((r) => r.status)).toEqual([202, 202, 202, 429])
    expect(Number(perEmail[3].headers.get('retry-after'))).toBeGreaterThan(60)
  })

  it.runIf(testDatabase === 'postgres')('rate limits hold across two instances sharing the database', async () => {
    const second = await startNewsroom({ DATABASE_URL: n.databaseUrl, SMTP_URL: smtp.url }, { key: 'newsletter-second' })
    try {
      const addr = '203.0.113.77'
      const statuses = []
      for (let i = 0; i < 12; i++) {
        const base = i % 2 ? second.baseUrl : n.baseUrl
        const res = await fetch(`${base}/api/newsroom/subscribe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': addr },
          body: JSON.stringify({ email: `two${i}@example.se`, consent: true }),
        })
        statuses.push(res.status)
      }
      expect(statuses.filter((s) => s === 202)).toHaveLength(10)
      expect(statuses.slice(10)).toEqual([429, 429])
    } finally {
      await second.close()
    }
  })

  it('sends exactly one mail per subscriber and period when digests run concurrently', async () => {
    const emails = ['once1@example.se', 'once2@example.se', 'once3@example.se']
    for (const e of emails) await activeSubscriber(e, [topic.halsa])
    await publish('Exakt en gång', [topic.halsa])
    const period = 'daily:concurrent'
    await Promise.all([
      runDigest(n.payload, { frequency: 'daily', period }),
      runDigest(n.payload, { frequency: 'daily', period }),
      runDigest(n.payload, { frequency: 'daily', period }),
    ])
    for (const e of emails) expect(smtp.to(e)).toHaveLength(1)
    // Through the jobs queue: two digest jobs for the same period, run at once by two runners.
    await publish('Exakt en gång, igen', [topic.barn])
    const jobs: { id: string | number }[] = []
    for (let i = 0; i < 2; i++) jobs.push(await n.payload.jobs.queue({ task: 'newsletterDigest' as never, input: { frequency: 'daily', period: 'daily:queued' } as never }))
    await Promise.all(jobs.map((job) => n.payload.jobs.runByID({ id: job.id })))
    for (const e of emails) expect(smtp.to(e)).toHaveLength(2)
    const deliveries = await n.payload.find({ collection: 'digest-deliveries' as never, where: { periodKey: { in: [period, 'daily:queued'] } }, limit: 0, pagination: false, overrideAccess: true })
    expect(deliveries.docs.every((d) => (d as unknown as { status: string }).status === 'sent')).toBe(true)
  })

  it.runIf(testDatabase === 'postgres')('two instances running the digest at once send one mail per subscriber', async () => {
    const second = await startNewsroom({ DATABASE_URL: n.databaseUrl, SMTP_URL: smtp.url }, { key: 'newsletter-digest-second' })
    try {
      const emails = ['twice1@example.se', 'twice2@example.se']
      for (const e of emails) await activeSubscriber(e)
      await publish('Två instanser', [])
      const period = 'daily:two-instances'
      await Promise.all([runDigest(n.payload, { frequency: 'daily', period }), runDigest(second.payload, { frequency: 'daily', period })])
      for (const e of emails) expect(smtp.to(e)).toHaveLength(1)
    } finally {
      await second.close()
    }
  })

  it('SMTP 451 is retried (then sent); 550 fails at once and three failures in a row mark the subscriber bounced', async () => {
    await activeSubscriber('gra@example.se', [topic.miljo])
    await activeSubscriber('dod@example.se', [topic.miljo])
    await publish('Miljö och klimat', [topic.miljo])
    let greylisted = 0
    smtp.onRcpt = (address) => {
      if (address === 'gra@example.se' && greylisted++ === 0) return { code: 451, message: 'Greylisted, try again' }
      if (address === 'dod@example.se') return { code: 550, message: 'No such user' }
      return null
    }
    try {
      await runDigest(n.payload, { frequency: 'daily', period: 'daily:smtp-1' })
      expect(smtp.to('gra@example.se')).toHaveLength(1)
      expect(smtp.rcptLog.filter((r) => r.address === 'gra@example.se').map((r) => r.code)).toEqual([451, 250])
      const dead = await subscriber('dod@example.se')
      const delivery = (await n.payload.find({ collection: 'digest-deliveries' as never, where: { dedupeKey: { equals: `${dead.id}:daily:smtp-1` } }, overrideAccess: true })).docs[0] as unknown as {
        status: string
        attempts: number
        lastError: string
      }
      expect(delivery).toMatchObject({ status: 'failed', attempts: 1 })
      expect(delivery.lastError).toContain('550')
      expect(smtp.rcptLog.filter((r) => r.address === 'dod@example.se')).toHaveLength(1)
      expect((await subscriber('dod@example.se')).status).toBe('active')
      await runDigest(n.payload, { frequency: 'daily', period: 'daily:smtp-2' })
      await runDigest(n.payload, { frequency: 'daily', period: 'daily:smtp-3' })
      expect((await subscriber('dod@example.se')).status).toBe('bounced')
      expect(smtp.rcptLog.filter((r) => r.address === 'dod@example.se')).toHaveLength(3)
      await runDigest(n.payload, { frequency: 'daily', period: 'daily:smtp-4' })
      expect(smtp.rcptLog.filter((r) => r.address === 'dod@example.se')).toHaveLength(3)
    } finally {
      smtp.onRcpt = () => null
    }
  })

  it('events count from when they were published, not from their start', async () => {
    const t = await n.payload.create({ collection: 'topics', data: { title: 'Evenemang', slug: 'evenemang' } as never })
    await activeSubscriber('evenemang@example.se', [t.id])
    const start = Date.now() + 7 * 86400_000
    const event = (title: string, extra: Record<string, unknown> = {}) =>
      n.payload.create({
        collection: 'events',
        data: { _status: 'published', title, start: new Date(start).toISOString(), end: new Date(start + 3600_000).toISOString(), topics: [t.id], ...extra } as never,
      })
    await event('Nytt seminarium')
    await event('Gammalt seminarium', { publishedAt: new Date(Date.now() - 2 * 3600_000).toISOString() })
    await runDigest(n.payload, { frequency: 'daily', period: 'daily:events' })
    const [mail] = smtp.to('evenemang@example.se')
    expect(mail.text).toContain('Nytt seminarium')
    expect(mail.text).not.toContain('Gammalt seminarium')
  })

  it('after a crash: a delivery left queued is taken over once its lease ran out; one left sending is not resent', async () => {
    const [a, b, c] = await Promise.all(['krasch1@example.se', 'krasch2@example.se', 'krasch3@example.se'].map((e) => activeSubscriber(e, [topic.halsa])))
    await publish('Efter kraschen', [topic.halsa])
    const period = 'daily:crash'
    const row = (s: Sub, status: string, leaseUntil: string) =>
      n.payload.create({
        collection: 'digest-deliveries' as never,
        data: { dedupeKey: `${s.id}:${period}`, subscriber: s.id, periodKey: period, status, attempts: status === 'sending' ? 1 : 0, leaseUntil, claimedBy: 'killed-worker' } as never,
        overrideAccess: true,
      })
    const past = new Date(Date.now() - 1000).toISOString()
    await row(a, 'queued', past) // killed before handing the mail to SMTP
    await row(b, 'sending', past) // killed while SMTP had it: outcome unknown
    await row(c, 'queued', new Date(Date.now() + 600_000).toISOString()) // a live worker still owns it
    const result = await runDigest(n.payload, { frequency: 'daily', period })
    expect(smtp.to('krasch1@example.se')).toHaveLength(1)
    expect(smtp.to('krasch2@example.se')).toHaveLength(0)
    expect(smtp.to('krasch3@example.se')).toHaveLength(0)
    const status = async (s: Sub) =>
      ((await n.payload.find({ collection: 'digest-deliveries' as never, where: { dedupeKey: { equals: `${s.id}:${period}` } }, overrideAccess: true })).docs[0] as unknown as { status: string }).status
    expect(await status(a)).toBe('sent')
    expect(await status(b)).toBe('failed')
    expect(await status(c)).toBe('queued')
    expect(result.sent).toBeGreaterThanOrEqual(1)
    await runDigest(n.payload, { frequency: 'daily', period })
    expect(smtp.to('krasch1@example.se')).toHaveLength(1)
    // Erasure: deleting a subscriber deletes its delivery rows.
    await n.payload.delete({ collection: 'subscribers' as never, id: a.id, overrideAccess: true })
    expect((await n.payload.count({ collection: 'digest-deliveries' as never, where: { subscriber: { equals: a.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('kill -9 of the digest script mid-run, then a rerun: nobody gets two mails, everybody but at most the one in flight gets one', { timeout: 180_000 }, async () => {
    const kill = await n.payload.create({ collection: 'topics', data: { title: 'Avbrott', slug: 'avbrott' } as never })
    const emails = Array.from({ length: 12 }, (_, i) => `avbrott${i}@example.se`)
    for (const e of emails) await activeSubscriber(e, [kill.id])
    await publish('Mitt i utskicket', [kill.id])
    const period = 'daily:kill-9'
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'))
    const ours = () => emails.reduce((sum, e) => sum + smtp.to(e).length, 0)
    smtp.delayMs = 400
    try {
      // The command behind `npm run digest` (node directly, so SIGKILL hits the worker itself, not npm).
      const child = spawn(process.execPath, ['--conditions=production', '--conditions=newsroom-source', '--import', 'tsx', 'demo/scripts/digest.ts', '--frequency', 'daily', '--period', period], {
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DATABASE_URL: n.databaseUrl,
          SMTP_URL: smtp.url,
          MAIL_FROM: 'nyhetsbrev@newsroom.test',
          SERVER_URL: 'http://newsroom.test',
          PAYLOAD_SECRET: 'test-secret-0123456789abcdef',
          MEDIA_DIR: mediaDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (d) => (output += d))
      child.stderr.on('data', (d) => (output += d))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      await expect.poll(ours, { timeout: 120_000, interval: 50 }).toBeGreaterThanOrEqual(4)
      child.kill('SIGKILL')
      await exited
      expect(ours(), output).toBeLessThan(emails.length)
    } finally {
      smtp.delayMs = 0
      fs.rmSync(mediaDir, { recursive: true, force: true })
    }
    // The killed worker's leases would run out after leaseMs (10 min); make that time pass.
    await n.payload.db.updateMany({ collection: 'digest-deliveries' as never, where: { periodKey: { equals: period } }, data: { leaseUntil: new Date(Date.now() - 1000).toISOString() } })
    await runDigest(n.payload, { frequency: 'daily', period })
    const counts = emails.map((e) => smtp.to(e).length)
    expect(Math.max(...counts)).toBe(1)
    expect(counts.filter((c) => c === 0).length).toBeLessThanOrEqual(1)
  })

  it('schedules the digest daily at 07:00 and weekly on Monday at 07:00 on the digest queue', () => {
    const tasks = n.payload.config.jobs.tasks ?? []
    expect(tasks.find((t) => t.slug === 'newsletterDigestDaily')?.schedule).toEqual([{ cron: '0 7 * * *', queue: 'newsletter-digest' }])
    expect(tasks.find((t) => t.slug === 'newsletterDigestWeekly')?.schedule).toEqual([{ cron: '0 7 * * 1', queue: 'newsletter-digest' }])
    expect(tasks.map((t) => t.slug)).toEqual(expect.arrayContaining(['newsletterSignup', 'newsletterDigest']))
  })

  it('period keys follow the Stockholm calendar and ISO weeks', () => {
    expect(periodKey('daily', new Date('2026-11-24T06:00:00Z'))).toBe('daily:2026-11-24')
    expect(periodKey('daily', new Date('2026-11-24T23:30:00Z'))).toBe('daily:2026-11-25')
    expect(periodKey('weekly', new Date('2026-11-24T06:00:00Z'))).toBe('weekly:2026-W48')
    expect(periodKey('weekly', new Date('2027-01-01T12:00:00Z'))).toBe('weekly:2026-W53')
    expect(periodKey('weekly', new Date('2025-12-29T12:00:00Z'))).toBe('weekly:2026-W01')
  })
})
