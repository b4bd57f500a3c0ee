import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, type CollectionAfterChangeHook, type CollectionBeforeDeleteHook, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { smtpTransport } from '../../demo/smtpTransport'
import { newsroomPlugin, type NewsroomOptions } from '../../src/index'
import { databaseUnavailable, freshDatabaseUrl, testDatabase } from '../support/database'
import { apiLinkIn, runSignupJobs, submitConfirmation } from '../support/newsletter'
import { serveApi } from '../support/server'
import { startSmtp, type TestSmtp } from '../support/smtp'

type Booted = { payload: Payload; baseUrl: string; close: () => Promise<void> }

/** Another project's config with the plugin (as `options` set it), mail to the test SMTP server, served over HTTP. */
async function boot(key: string, smtp: TestSmtp, options: NewsroomOptions): Promise<Booted> {
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-overrides-media-'))
  const url = await freshDatabaseUrl()
  const config = buildConfig({
    secret: 'overrides-project-secret-123',
    serverURL: 'http://newsroom.test',
    db: testDatabase === 'postgres' ? postgresAdapter({ pool: { connectionString: url } }) : sqliteAdapter({ client: { url } }),
    collections: [{ slug: 'admins', auth: true, fields: [] }],
    email: nodemailerAdapter({ defaultFromAddress: 'nyhetsbrev@newsroom.test', defaultFromName: 'Nyhetsrum', transport: smtpTransport(smtp.url) }),
    typescript: { autoGenerate: false },
    // A scratch database made by dev-mode push: no word index (searches fall back to LIKE).
    plugins: [newsroomPlugin({ locales: ['sv'], defaultLocale: 'sv', mediaDir, search: { allowPush: true }, ...options })],
  })
  const payload = await getPayload({ config, key })
  const api = await serveApi(config, key)
  return {
    payload,
    baseUrl: api.baseUrl,
    close: async () => {
      await api.close()
      await payload.destroy()
      fs.rmSync(mediaDir, { recursive: true, force: true })
    },
  }
}

/** Sign-up over HTTP, the sign-up job, the mailed link followed as a browser does: the address is then an active subscriber. */
async function signUpAndConfirm(n: Booted, smtp: TestSmtp, email: string, topics: string[] = []) {
  const res = await fetch(`${n.baseUrl}/api/newsroom/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, topics, frequency: 'daily', consent: true }),
  })
  expect(res.status).toBe(202)
  await runSignupJobs(n.payload)
  const mail = smtp.to(email).at(-1)
  const confirmed = await submitConfirmation(apiLinkIn(mail?.text, 'confirm').replace('http://newsroom.test', n.baseUrl))
  expect(confirmed.status).toBe(200)
}

const listed = async (n: Booted) => ((await (await fetch(`${n.baseUrl}/api/newsroom/items?locale=sv`)).json()) as { items: { title: string; url: string }[] }).items

async function runDailyDigest(payload: Payload) {
  await payload.jobs.queue({ task: 'newsletterDigest' as never, queue: 'newsletter-digest', input: { frequency: 'daily' } as never })
  await payload.jobs.run({ queue: 'newsletter-digest' })
}

describe.skipIf(databaseUnavailable() || testDatabase === 'mongodb')('overrides that replace the hooks keep the plugin working', () => {
  let smtp: TestSmtp
  let n: Booted
  const newsHook: unknown[] = []
  const subscriberHook: string[] = []
  const subscriberDeletes: unknown[] = []
  const onNews: CollectionAfterChangeHook = ({ doc }) => (newsHook.push(doc.title), doc)
  const onSubscriber: CollectionAfterChangeHook = ({ doc }) => (subscriberHook.push(`${doc.email}:${doc.status}`), doc)
  const onSubscriberDelete: CollectionBeforeDeleteHook = ({ id }) => void subscriberDeletes.push(id)

  beforeAll(async () => {
    smtp = await startSmtp()
    n = await boot(`overrides-hooks-${testDatabase}`, smtp, {
      collections: {
        // Each override drops whatever hooks the default config had and sets only its own.
        news: { overrides: ({ defaultConfig }) => ({ ...defaultConfig, hooks: { afterChange: [onNews] } }) },
        subscribers: { overrides: ({ defaultConfig }) => ({ ...defaultConfig, hooks: { afterChange: [onSubscriber], beforeDelete: [onSubscriberDelete] } }) },
      },
    })
  })
  afterAll(async () => {
    await n?.close()
    await smtp?.close()
  })

  it('a published news item reaches the listing, and the override’s own hook ran', async () => {
    await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Nyhet med egen krok', summary: 'Ingress' } as never })
    expect((await listed(n)).map((i) => i.title)).toEqual(['Nyhet med egen krok'])
    expect(newsHook).toContain('Nyhet med egen krok')
  })

  it('sign-up, confirmation and a digest work, the override’s hook sees the subscriber, and deleting one still erases its deliveries', async () => {
    await signUpAndConfirm(n, smtp, 'krok@example.se')
    expect(subscriberHook).toContain('krok@example.se:pending')
    expect(subscriberHook).toContain('krok@example.se:active')
    await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Efter bekräftelsen', summary: 'Ingress' } as never })
    await runDailyDigest(n.payload)
    const digest = smtp.to('krok@example.se').at(-1)!
    expect(digest.text).toContain('Efter bekräftelsen')

    const s = (await n.payload.find({ collection: 'subscribers', where: { email: { equals: 'krok@example.se' } }, overrideAccess: true })).docs[0]!
    const deliveries = async () => (await n.payload.count({ collection: 'digest-deliveries', where: { subscriber: { equals: s.id } }, overrideAccess: true })).totalDocs
    expect(await deliveries()).toBe(1)
    await n.payload.delete({ collection: 'subscribers', id: s.id, overrideAccess: true })
    expect(subscriberDeletes).toContain(s.id)
    expect(await deliveries()).toBe(0)
  })
})

describe.skipIf(databaseUnavailable() || testDatabase === 'mongodb')('every collection the plugin adds under a slug of the project’s choosing', () => {
  let smtp: TestSmtp
  let n: Booted
  const slugs = {
    news: 'nyheter',
    events: 'evenemang',
    press: 'pressmeddelanden',
    topics: 'amnen',
    media: 'bilder',
    subscribers: 'prenumeranter',
    digestRuns: 'utskick',
    digestDeliveries: 'leveranser',
    rateLimits: 'grindar',
    newsroomIndex: 'aktuellt-index',
    loginAttempts: 'inloggningsforsok',
  } as const
  const count = async (collection: string) => (await n.payload.count({ collection, overrideAccess: true })).totalDocs

  beforeAll(async () => {
    smtp = await startSmtp()
    n = await boot(`overrides-slugs-${testDatabase}`, smtp, {
      collections: Object.fromEntries(Object.entries(slugs).map(([key, slug]) => [key, { slug }])) as NewsroomOptions['collections'],
    })
  })
  afterAll(async () => {
    await n?.close()
    await smtp?.close()
  })

  it('boots with none of the default slugs', () => {
    for (const old of ['news', 'topics', 'subscribers', 'digest-runs', 'digest-deliveries', 'newsletter-rate-limits', 'newsroom-index', 'login-attempts']) {
      expect(n.payload.collections[old as never], old).toBeUndefined()
    }
    for (const slug of Object.values(slugs)) expect(n.payload.collections[slug], slug).toBeDefined()
  })

  it('publishes an item into the listing, indexed in the renamed index', async () => {
    const topic = await n.payload.create({ collection: slugs.topics, data: { title: 'Psykisk hälsa', slug: 'psykisk-halsa' } as never })
    await n.payload.create({ collection: slugs.news, data: { _status: 'published', title: 'Första nyheten', summary: 'Ingress', topics: [topic.id] } as never })
    const items = await listed(n)
    expect(items.map((i) => i.title)).toEqual(['Första nyheten'])
    expect(items[0]!.url).toBe('http://newsroom.test/nyheter/forsta-nyheten')
    expect(await count(slugs.newsroomIndex)).toBe(1)
    const byTopic = (await (await fetch(`${n.baseUrl}/api/newsroom/items?category=psykisk-halsa`)).json()) as { items: unknown[] }
    expect(byTopic.items).toHaveLength(1)
  })

  it('sign-up → confirmation → a digest over real SMTP, every row in the renamed collections', async () => {
    await signUpAndConfirm(n, smtp, 'egna-namn@example.se', ['psykisk-halsa'])
    const [s] = (await n.payload.find({ collection: slugs.subscribers, where: { email: { equals: 'egna-namn@example.se' } }, depth: 0, overrideAccess: true })).docs as unknown as {
      id: number
      status: string
      topics: number[]
    }[]
    expect(s!.status).toBe('active')
    expect(s!.topics).toHaveLength(1)
    expect(await count(slugs.rateLimits)).toBeGreaterThan(0) // the sign-up was counted

    const topic = (await n.payload.find({ collection: slugs.topics, where: { slug: { equals: 'psykisk-halsa' } } })).docs[0]!
    await n.payload.create({ collection: slugs.news, data: { _status: 'published', title: 'Till prenumeranten', summary: 'Ingress', topics: [topic.id] } as never })
    await n.payload.create({ collection: slugs.news, data: { _status: 'published', title: 'Utan ämne', summary: 'Ingress' } as never })
    await runDailyDigest(n.payload)

    const digest = smtp.to('egna-namn@example.se').at(-1)!
    expect(digest.text).toContain('Till prenumeranten')
    expect(digest.text).not.toContain('Utan ämne')
    expect(smtp.header(digest, 'list-unsubscribe')).toContain('http://newsroom.test/api/newsroom/unsubscribe?token=')
    const deliveries = (await n.payload.find({ collection: slugs.digestDeliveries, depth: 0, overrideAccess: true })).docs as unknown as { subscriber: number; status: string }[]
    expect(deliveries.map((d) => [d.subscriber, d.status])).toEqual([[s!.id, 'sent']])
    const runs = (await n.payload.find({ collection: slugs.digestRuns, overrideAccess: true })).docs as unknown as { sent: number }[]
    expect(runs.map((r) => r.sent)).toEqual([1])
  })

  it('a failed login is counted in the renamed login-attempts collection', async () => {
    await n.payload.create({ collection: 'admins', data: { email: 'admin@example.se', password: 'rätt-lösenord-123' } as never })
    const res = await fetch(`${n.baseUrl}/api/admins/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.se', password: 'fel-lösenord' }),
    })
    expect(res.status).toBe(401)
    expect((await n.payload.db.find({ collection: slugs.loginAttempts, limit: 10, pagination: false })).docs.length).toBeGreaterThan(0)
  })
})
