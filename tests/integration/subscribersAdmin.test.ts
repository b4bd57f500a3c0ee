import { handleEndpoints, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseBracketParams, toBracketQuery } from '../../src/admin/query'
import { readSubscriberFilter, SUBSCRIBER_STATUSES, subscriberWhere } from '../../src/admin/subscriberFilter'
import { CSV_HEADER, CSV_PAGE_SIZE } from '../../src/endpoints/subscribersAdmin'
import { hashToken } from '../../src/newsletter/tokens'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'
import { createNewsletterTopics, runSignupJobs } from '../support/newsletter'

type Sub = {
  id: number | string
  email: string
  status: string
  topics: (number | string)[]
  frequency: string
  locale: string
  consent?: { at?: string | null; wordingVersion?: string | null; sourcePage?: string | null }
  createdAt: string
}

/** A strict RFC 4180 reader: every record ends in CRLF; quotes only around whole fields, doubled inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let wasQuoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
      continue
    }
    if (c === '"' && field === '' && !wasQuoted) {
      quoted = wasQuoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
      wasQuoted = false
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      wasQuoted = false
      i++
    } else if (c === '"' || c === '\r' || c === '\n' || wasQuoted) {
      throw new Error(`not RFC 4180 at offset ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 40))}`)
    } else field += c
  }
  if (quoted || field !== '' || row.length) throw new Error('the last record does not end in CRLF')
  return rows
}

describe.skipIf(databaseUnavailable())('subscribers in the admin: counts, CSV export, erasure, digest runs', () => {
  let n: TestNewsroom
  let admin: string
  let editor: string
  const topic: Record<string, string> = {}
  let all: Sub[] = []

  const get = (path: string, auth?: string) => fetch(`${n.baseUrl}${path}`, { headers: auth ? { authorization: auth } : {} })
  const csv = async (query = '') => {
    const res = await get(`/api/newsroom/subscribers.csv${query}`, admin)
    expect(res.status).toBe(200)
    const [header, ...rows] = parseCsv(await res.text())
    expect(header).toEqual(CSV_HEADER)
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])) as Record<string, string> & { email: string })
  }
  const emails = (rows: { email: string }[]) => rows.map((r) => r.email).sort()
  const receives = (s: Sub, topicIds: string[]) => s.topics.length === 0 || s.topics.some((t) => topicIds.includes(String(t)))
  const reload = async () => {
    all = (await n.payload.find({ collection: 'subscribers' as never, depth: 0, pagination: false, overrideAccess: true })).docs as unknown as Sub[]
  }

  beforeAll(async () => {
    n = await startNewsroom()
    admin = await n.editor('admin')
    editor = await n.editor('editor')
    const { halsa, barn, miljo } = await createNewsletterTopics(n.payload)
    Object.assign(topic, { halsa: String(halsa), barn: String(barn), miljo: String(miljo) })

    // More than two export pages; statuses, topics, frequencies and locales spread unevenly.
    const topicSets = [[], [barn], [miljo], [halsa], [halsa, miljo]]
    const total = 2 * CSV_PAGE_SIZE + 37
    for (let i = 0; i < total; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, total - i) }, (_, k) => i + k).map((j) =>
          n.payload.create({
            collection: 'subscribers' as never,
            data: {
              email: `person${j}@example.se`,
              status: SUBSCRIBER_STATUSES[(j * j) % 7 % 4],
              topics: topicSets[j % 5],
              frequency: j % 3 ? 'weekly' : 'daily',
              locale: j % 4 ? 'sv' : 'en',
              consent: { at: '2026-11-01T10:00:00.000Z', wordingVersion: '2', sourcePage: '/nyhetsbrev' },
            } as never,
            overrideAccess: true,
          }),
        ),
      )
    }
    await n.payload.create({
      collection: 'subscribers' as never,
      data: {
        email: 'svar@example.se',
        status: 'active',
        topics: [halsa, miljo],
        consent: { at: '2026-11-02T08:30:00.000Z', wordingVersion: '=HYPERLINK("http://evil.example","klicka")', sourcePage: 'https://example.se/sida?a=1,b="2"\r\nrad två' },
      } as never,
      overrideAccess: true,
    })
    for (const [email, sourcePage] of [
      ['plus@example.se', '+46 8 123 45'],
      ['minus@example.se', '-2+3'],
      ['snabel@example.se', '@SUM(A1)'],
      ['tab@example.se', '\tdold'],
    ]) {
      await n.payload.create({ collection: 'subscribers' as never, data: { email, status: 'pending', consent: { sourcePage } } as never, overrideAccess: true })
    }
    await reload()
  }, 300_000)
  afterAll(async () => n?.close())

  it('only admins: editors and anonymous callers get 403 from the export, the counts and "run digest now"', async () => {
    for (const auth of [undefined, editor]) {
      for (const path of ['/api/newsroom/subscribers.csv', '/api/newsroom/subscribers.csv?status=active', '/api/newsroom/subscribers/stats']) {
        const res = await get(path, auth)
        expect(res.status).toBe(403)
        expect(await res.text()).not.toContain('@example.se')
      }
      const run = await fetch(`${n.baseUrl}/api/newsroom/digest/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ frequency: 'daily' }),
      })
      expect(run.status).toBe(403)
    }
  })

  it('exports every subscriber as RFC 4180 CSV with the documented headers', async () => {
    const res = await get('/api/newsroom/subscribers.csv', admin)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="subscribers-\d{4}-\d{2}-\d{2}\.csv"$/)
    const text = await res.text()
    expect(text.startsWith('email,status,topics,locale,frequency,consentAt,consentWordingVersion,consentSourcePage,confirmedAt,unsubscribedAt,lastDigestAt,createdAt\r\n')).toBe(true)
    const [, ...rows] = parseCsv(text)
    expect(rows).toHaveLength(all.length)
    expect(rows.map((r) => r[0]).sort()).toEqual(all.map((s) => s.email).sort())
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length)

    const byEmail = new Map((await csv()).map((r) => [r.email, r]))
    const tricky = byEmail.get('svar@example.se')!
    const stored = all.find((s) => s.email === 'svar@example.se')!
    expect(tricky).toEqual({
      email: 'svar@example.se',
      status: 'active',
      topics: 'psykisk-halsa;miljo',
      locale: 'sv',
      frequency: 'weekly',
      consentAt: '2026-11-02T08:30:00.000Z',
      consentWordingVersion: `'=HYPERLINK("http://evil.example","klicka")`,
      consentSourcePage: 'https://example.se/sida?a=1,b="2"\r\nrad två',
      confirmedAt: '',
      unsubscribedAt: '',
      lastDigestAt: '',
      createdAt: stored.createdAt,
    })
    // Quoted once, inner quotes doubled, the line break kept inside the quotes.
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""klicka"")","https://example.se/sida?a=1,b=""2""\r\nrad två",`)
    expect(byEmail.get('plus@example.se')!.consentSourcePage).toBe("'+46 8 123 45")
    expect(byEmail.get('minus@example.se')!.consentSourcePage).toBe("'-2+3")
    expect(byEmail.get('snabel@example.se')!.consentSourcePage).toBe("'@SUM(A1)")
    expect(byEmail.get('tab@example.se')!.consentSourcePage).toBe("'\tdold")
    expect(byEmail.get('person1@example.se')!.topics).toBe('barn-och-unga')
    expect(byEmail.get('person0@example.se')!.topics).toBe('')
  })

  it('reads the subscribers a page at a time, and only as the client reads on', async () => {
    const finds: number[] = []
    const find = n.payload.find.bind(n.payload)
    n.payload.find = ((args: { collection: string; limit?: number }) => {
      if (args.collection === 'subscribers') finds.push(args.limit ?? -1)
      return find(args as never)
    }) as typeof n.payload.find
    try {
      const request = new Request('http://newsroom.test/api/newsroom/subscribers.csv', { headers: { authorization: admin } })
      const res = await handleEndpoints({ config: Promise.resolve(n.payload.config), request })
      const reader = res.body!.getReader()
      const first = new TextDecoder().decode((await reader.read()).value)
      expect(parseCsv(first)).toHaveLength(1 + CSV_PAGE_SIZE)
      expect(finds).toEqual([CSV_PAGE_SIZE])
      let rest = ''
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value)
      expect(parseCsv(first + rest)).toHaveLength(1 + all.length)
      expect(finds).toEqual(Array(Math.ceil((all.length + 1) / CSV_PAGE_SIZE)).fill(CSV_PAGE_SIZE))
    } finally {
      n.payload.find = find
    }
  })

  it('filters the export by status, topic (its parents and "no topics" included), where and search', async () => {
    expect(emails(await csv('?status=bounced'))).toEqual(emails(all.filter((s) => s.status === 'bounced')))
    // Barn och unga sits under Psykisk hälsa: its subscribers, Psykisk hälsa's and those without topics get its news.
    const barn = [topic.barn!, topic.halsa!]
    expect(emails(await csv('?topic=barn-och-unga'))).toEqual(emails(all.filter((s) => receives(s, barn))))
    expect(emails(await csv('?topic=miljo&status=active'))).toEqual(emails(all.filter((s) => s.status === 'active' && receives(s, [topic.miljo!]))))
    expect(emails(await csv('?where[frequency][equals]=daily&status=pending'))).toEqual(emails(all.filter((s) => s.frequency === 'daily' && s.status === 'pending')))
    expect(emails(await csv('?search=person10'))).toEqual(emails(all.filter((s) => s.email.includes('person10'))))
    for (const [query, parameter] of [
      ['?status=sleeping', 'status'],
      ['?topic=finns-inte', 'topic'],
    ]) {
      const res = await get(`/api/newsroom/subscribers.csv${query}`, admin)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { parameter: string }).parameter).toBe(parameter)
    }
    // Hidden token fields cannot be probed through `where`, not even by admins.
    expect((await get('/api/newsroom/subscribers.csv?where[confirmTokenHash][exists]=true', admin)).status).toBe(400)
  })

  it('counts per status, also within a topic, equal a brute-force count', async () => {
    const expected = (subs: Sub[]) => ({
      total: subs.length,
      byStatus: Object.fromEntries(SUBSCRIBER_STATUSES.map((st) => [st, subs.filter((s) => s.status === st).length])),
    })
    const res = await get('/api/newsroom/subscribers/stats', admin)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ topic: null, ...expected(all) })
    const barn = await get('/api/newsroom/subscribers/stats?topic=barn-och-unga', admin)
    expect(await barn.json()).toEqual({ topic: 'barn-och-unga', ...expected(all.filter((s) => receives(s, [topic.barn!, topic.halsa!]))) })
    expect((await get('/api/newsroom/subscribers/stats?topic=finns-inte', admin)).status).toBe(400)
  })

  it("the list view's filter links select the same subscribers, and are read back as the same filter", async () => {
    for (const status of [undefined, ...SUBSCRIBER_STATUSES]) {
      for (const topicIds of [undefined, [topic.barn!, topic.halsa!], [topic.miljo!]]) {
        const where = subscriberWhere({ status, topicIds })
        const query = where ? toBracketQuery({ where }) : ''
        // The admin list view hands the URL's where to the same query machinery as REST.
        const res = await get(`/api/subscribers?${query}&depth=0&limit=1`, admin)
        const expected = all.filter((s) => (!status || s.status === status) && (!topicIds || receives(s, topicIds)))
        expect(((await res.json()) as { totalDocs: number }).totalDocs).toBe(expected.length)
        const params = Object.fromEntries(new URLSearchParams(query))
        expect(readSubscriberFilter(parseBracketParams(params, 'where'))).toEqual({ custom: false, ...(status ? { status } : {}), ...(topicIds ? { topicIds } : {}) })
      }
    }
    expect(readSubscriberFilter(parseBracketParams({ 'where[status][equals]': 'active' }, 'where'))).toEqual({ custom: false, status: 'active' })
    // Filters built by hand in the where builder are not ours: the export then carries the where itself.
    const read = (where: Where) => readSubscriberFilter(parseBracketParams(Object.fromEntries(new URLSearchParams(toBracketQuery({ where }))), 'where'))
    expect(read({ or: [{ and: [{ email: { like: 'person' } }] }] })).toEqual({ custom: true })
    expect(read({ topics: { in: [topic.miljo!] } })).toEqual({ custom: true })
    const active = { status: { equals: 'active' } }
    const pending = { status: { equals: 'pending' } }
    expect(read({ or: [{ and: [active, { topics: { in: [topic.miljo!] } }] }, { and: [pending, { topics: { exists: false } }] }] })).toEqual({ custom: true })
  })

  it('deleting a subscriber erases their deliveries, rate-limit rows and queued mails, and nobody else’s', async () => {
    const signUp = (email: string, ip: string) =>
      fetch(`${n.baseUrl}/api/newsroom/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ email, consent: true }),
      })
    expect((await signUp('Glomd@Example.se', '10.9.0.1')).status).toBe(202)
    expect((await signUp('kvar@example.se', '10.9.0.2')).status).toBe(202)
    await runSignupJobs(n.payload)
    const find = async (email: string) =>
      (await n.payload.find({ collection: 'subscribers' as never, where: { email: { equals: email } }, depth: 0, overrideAccess: true })).docs[0] as unknown as Sub
    const gone = await find('glomd@example.se')
    const kept = await find('kvar@example.se')
    // A second sign-up of each, still queued: its job's input holds the address.
    expect((await signUp('glomd@example.se', '10.9.0.3')).status).toBe(202)
    expect((await signUp('kvar@example.se', '10.9.0.4')).status).toBe(202)
    for (const s of [gone, kept]) {
      await n.payload.create({ collection: 'digest-deliveries' as never, data: { dedupeKey: `${s.id}:daily:test`, subscriber: s.id, periodKey: 'daily:test', status: 'sent' } as never, overrideAccess: true })
    }
    const count = async (collection: string, where: Where) => (await n.payload.count({ collection: collection as never, where, overrideAccess: true })).totalDocs
    const traces = (s: Sub) => ({
      deliveries: () => count('digest-deliveries', { subscriber: { equals: s.id } }),
      limits: () => count('newsletter-rate-limits', { key: { equals: `email:${hashToken(s.email)}` } }),
      mails: () => count('payload-jobs', { and: [{ taskSlug: { equals: 'newsletterSignup' } }, { 'input.email': { equals: s.email } }] }),
    })
    for (const t of [traces(gone), traces(kept)]) {
      expect(await t.deliveries()).toBe(1)
      expect(await t.limits()).toBe(2)
      expect(await t.mails()).toBe(1)
    }

    // As the admin's delete button does it.
    const res = await fetch(`${n.baseUrl}/api/subscribers/${gone.id}`, { method: 'DELETE', headers: { authorization: admin } })
    expect(res.status).toBe(200)
    expect(await find('glomd@example.se')).toBeUndefined()
    const after = traces(gone)
    expect([await after.deliveries(), await after.limits(), await after.mails()]).toEqual([0, 0, 0])
    const other = traces(kept)
    expect([await other.deliveries(), await other.limits(), await other.mails()]).toEqual([1, 2, 1])
    // The digest run statistics never held addresses.
    expect(JSON.stringify((await n.payload.find({ collection: 'digest-runs' as never, pagination: false, overrideAccess: true })).docs)).not.toContain('glomd')
    expect((await fetch(`${n.baseUrl}/api/subscribers/${kept.id}`, { method: 'DELETE', headers: { authorization: editor } })).status).toBe(403)
    await reload()
  })

  it('"run digest now" queues the digest job; the run shows up newest first with its counts, read-only', async () => {
    const bad = async (body: string, type: string) =>
      (await fetch(`${n.baseUrl}/api/newsroom/digest/run`, { method: 'POST', headers: { 'content-type': type, authorization: admin }, body })).status
    expect(await bad(JSON.stringify({ frequency: 'hourly' }), 'application/json')).toBe(400)
    expect(await bad('frequency=daily', 'application/x-www-form-urlencoded')).toBe(415)

    const res = await fetch(`${n.baseUrl}/api/newsroom/digest/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: admin },
      body: JSON.stringify({ frequency: 'daily' }),
    })
    expect(res.status).toBe(202)
    const { job } = (await res.json()) as { job: string }
    const queued = await n.payload.findByID({ collection: 'payload-jobs' as never, id: job, overrideAccess: true })
    expect(queued).toMatchObject({ taskSlug: 'newsletterDigest', input: { frequency: 'daily' } })
    await n.payload.jobs.runByID({ id: job })

    const runs = await get('/api/digest-runs?depth=0', admin)
    const [run] = ((await runs.json()) as { docs: { frequency: string; sent: number; skipped: number; failed: number; finishedAt: string | null }[] }).docs
    // No news was published: every active daily subscriber is skipped.
    expect(run).toMatchObject({ frequency: 'daily', sent: 0, failed: 0, skipped: all.filter((s) => s.status === 'active' && s.frequency === 'daily').length })
    expect(run!.finishedAt).toBeTruthy()

    const config = n.payload.collections['digest-runs' as never].config
    expect(config.defaultSort).toBe('-startedAt')
    expect(config.admin.defaultColumns).toEqual(['periodKey', 'frequency', 'startedAt', 'finishedAt', 'sent', 'skipped', 'failed'])
    const id = ((await (await get('/api/digest-runs?depth=0', admin)).json()) as { docs: { id: number }[] }).docs[0]!.id
    const write = (method: string, path: string) =>
      fetch(`${n.baseUrl}/api/digest-runs${path}`, { method, headers: { 'content-type': 'application/json', authorization: admin }, body: method === 'DELETE' ? undefined : '{"sent":99}' })
    expect((await write('POST', '')).status).toBe(403)
    expect((await write('PATCH', `/${id}`)).status).toBe(403)
    expect((await write('DELETE', `/${id}`)).status).toBe(403)
  })
})
