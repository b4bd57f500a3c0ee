import ICAL from 'ical.js'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { feedRenders } from '../../src/endpoints/feeds'
import { IndexCache } from '../../src/listing/indexCache'
import type { CachedFeed } from '../../src/feeds/cache'
import { lexicalFromParagraphs } from '../../demo/seed/lexical'
import { xmlErrors } from '../feeds/helpers'
import { databaseUnavailable, testDatabase } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

const NASTY = 'Krisstöd ]]> & <b>fet</b> 🎉 \u0001slut'

describe.skipIf(databaseUnavailable())('feed endpoints', () => {
  let n: TestNewsroom
  let topic: number | string
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${n.baseUrl}/api/newsroom/${path}`, { headers })

  beforeAll(async () => {
    n = await startNewsroom({ SERVER_URL: 'https://nyhetsrum.example.se' })
    topic = (await n.payload.create({ collection: 'topics', data: { title: 'Suicidprevention' } })).id
    const other = (await n.payload.create({ collection: 'topics', data: { title: 'Folkhälsa' } })).id
    await n.payload.create({
      collection: 'news',
      data: {
        _status: 'published',
        title: NASTY,
        summary: 'Åtgärder för länets kommuner.',
        body: lexicalFromParagraphs(['Här är brödtexten med å, ä och ö.']),
        publishedAt: '2021-04-20T08:00:00.000Z',
        topics: [topic],
      } as never,
    })
    const press = await n.payload.create({
      collection: 'press',
      data: { _status: 'published', title: 'Pressmeddelande om folkhälsa', publishedAt: '2021-03-01T08:00:00.000Z', topics: [other] } as never,
    })
    await n.payload.update({ collection: 'press', id: press.id, locale: 'en', data: { title: 'Press release on public health' } as never })
    await n.payload.create({ collection: 'news', data: { _status: 'draft', title: 'Hemligt utkast', topics: [topic] } as never })
    const scheduled = await n.payload.create({ collection: 'news', data: { _status: 'draft', title: 'Schemalagd framtida nyhet' } as never })
    await n.payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'news', value: scheduled.id } }, waitUntil: new Date(Date.now() + 3_600_000) })
    await n.payload.jobs.run()
    await n.payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Utbildningsdag',
        summary: 'x'.repeat(40),
        body: lexicalFromParagraphs(['En lång beskrivning som måste vikas: '.repeat(6)]),
        start: '2026-10-25T00:30:00.000Z', // 02:30 CEST, the night the clocks go back
        end: '2026-10-25T03:00:00.000Z',
        location: { name: 'Storsthlm', address: 'Hornsgatan 20' },
        topics: [topic],
      } as never,
    })
    await n.payload.create({
      collection: 'events',
      data: { _status: 'published', title: 'Heldagskonferens', start: '2027-03-10T00:00:00.000Z', end: '2027-03-10T00:00:00.000Z', allDay: true } as never,
    })
  })
  afterAll(() => n?.close())

  it('RSS: well-formed, read back by an independent parser, drafts and scheduled items absent', async () => {
    const res = await get('feed.rss')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const xml = await res.text()
    expect(await xmlErrors(xml)).toEqual([])
    const feed = parseRssFeed(xml)
    const titles = feed.items!.map((i) => i.title)
    expect(titles).toContain('Krisstöd ]]> & <b>fet</b> 🎉 slut')
    expect(titles).not.toContain('Hemligt utkast')
    expect(titles).not.toContain('Schemalagd framtida nyhet')
    const nasty = feed.items!.find((i) => i.title?.startsWith('Krisstöd'))!
    expect(nasty.link).toMatch(/^https:\/\/nyhetsrum\.example\.se\/nyheter\/krisstod-[a-z-]*slut$/)
    expect(nasty.content?.encoded).toContain('brödtexten med å, ä och ö')
    expect(new Date(nasty.pubDate!).toISOString()).toBe('2021-04-20T08:00:00.000Z')
  })

  it('Atom and JSON Feed carry the same items', async () => {
    const atomXml = await (await get('feed.atom')).text()
    expect(await xmlErrors(atomXml)).toEqual([])
    const atom = parseAtomFeed(atomXml)
    const json = parseJsonFeed(await (await get('feed.json')).json())
    const rss = parseRssFeed(await (await get('feed.rss')).text())
    const sorted = (list: (string | undefined)[]) => [...list].sort()
    const text = (t: unknown) => (typeof t === 'string' ? t : (t as { value?: string } | undefined)?.value)
    expect(sorted(atom.entries!.map((e) => text(e.title)))).toEqual(sorted(rss.items!.map((i) => i.title)))
    expect(sorted(json.items!.map((i) => i.title))).toEqual(sorted(rss.items!.map((i) => i.title)))
    expect(json.language).toBe('sv')
  })

  it('JSON Feed: every item has content_html or content_text; an event with no body and no summary gets its title', async () => {
    // JSON Feed 1.1: "content_html and content_text are each optional strings — but one or the other must be present."
    const present = (value: unknown) => typeof value === 'string' && /\S/.test(value)
    const feed = parseJsonFeed(await (await get('feed.json')).json())
    expect(feed.items!.length).toBeGreaterThan(3)
    for (const item of feed.items!) expect(present(item.content_html) || present(item.content_text), item.title).toBe(true)
    const bare = feed.items!.find((i) => i.title === 'Heldagskonferens')!
    expect(bare.content_html).toBeUndefined()
    expect(bare.content_text).toBe('Heldagskonferens')
    expect(feed.items!.find((i) => i.title === 'Pressmeddelande om folkhälsa')!.content_text).toBe('Pressmeddelande om folkhälsa')
  })

  it('topic scoping, type scoping and English', async () => {
    const scoped = parseRssFeed(await (await get('feed.rss?category=suicidprevention')).text())
    expect(scoped.items!.map((i) => i.title).sort()).toEqual(['Krisstöd ]]> & <b>fet</b> 🎉 slut', 'Utbildningsdag'])
    expect(scoped.title).toContain('Suicidprevention')
    const press = parseJsonFeed(await (await get('feed.json?type=press&locale=en')).json())
    expect(press.items!.map((i) => i.title)).toEqual(['Press release on public health'])
    expect(press.language).toBe('en')
  })

  it('iCalendar: events only, parsed by ical.js, DST and all-day right', async () => {
    const res = await get('calendar.ics')
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = await res.text()
    expect(text.endsWith('\r\n')).toBe(true)
    const cal = new ICAL.Component(ICAL.parse(text))
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.map((e) => e.summary).sort()).toEqual(['Heldagskonferens', 'Utbildningsdag'])
    const dst = events.find((e) => e.summary === 'Utbildningsdag')!
    expect(dst.startDate.toJSDate().toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(dst.endDate.toJSDate().toISOString()).toBe('2026-10-25T03:00:00.000Z')
    expect(dst.location).toBe('Storsthlm, Hornsgatan 20')
    expect(dst.description).toContain('En lång beskrivning som måste vikas')
    const allDay = events.find((e) => e.summary === 'Heldagskonferens')!
    expect(allDay.startDate.isDate).toBe(true)
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
  })

  it('a cancelled event stays in the calendar as STATUS:CANCELLED with a higher SEQUENCE, and the listing says so', async () => {
    const event = await n.payload.create({
      collection: 'events',
      data: { _status: 'published', title: 'Nätverksträff som ställs in', start: '2027-02-01T09:00:00.000Z', end: '2027-02-01T11:00:00.000Z' } as never,
    })
    const vevent = async () => {
      const cal = new ICAL.Component(ICAL.parse(await (await get('calendar.ics')).text()))
      return cal.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('summary') === 'Nätverksträff som ställs in')!
    }
    const before = await vevent()
    expect(before.getFirstPropertyValue('status')).toBe('CONFIRMED')
    await new Promise((r) => setTimeout(r, 1100)) // SEQUENCE counts seconds since 2020
    await n.payload.update({ collection: 'events', id: event.id, data: { cancelled: true } as never })
    const after = await vevent()
    expect(after.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'))
    expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(before.getFirstPropertyValue('sequence')))
    const listed = (await (await fetch(`${n.baseUrl}/api/newsroom/items?type=events&q=ställs`)).json()) as { items: { title: string; cancelled?: boolean }[] }
    expect(listed.items.map((i) => [i.title, i.cancelled])).toEqual([['Nätverksträff som ställs in', true]])
    await n.payload.delete({ collection: 'events', id: event.id })
  })

  it('ETag / If-None-Match, If-Modified-Since and HEAD', async () => {
    const first = await get('feed.rss')
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(first.headers.get('cache-control')).toBe('public, max-age=300')
    expect((await get('feed.rss', { 'if-none-match': etag })).status).toBe(304)
    expect((await get('feed.rss', { 'if-modified-since': lastModified })).status).toBe(304)
    expect((await get('feed.rss', { 'if-none-match': '"something-else"' })).status).toBe(200)
    const head = await fetch(`${n.baseUrl}/api/newsroom/feed.rss`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(etag)
    expect(await head.text()).toBe('')
    expect((await get('feed.rss')).headers.get('etag')).toBe(etag) // same content, same bytes
  })

  it('publishing and unpublishing change the feed at once', async () => {
    const before = await get('feed.rss')
    const etag = before.headers.get('etag')!
    const doc = await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Färsk nyhet' } as never })
    const after = await get('feed.rss', { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(parseRssFeed(await after.text()).items!.map((i) => i.title)).toContain('Färsk nyhet')
    await n.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } as never })
    expect(parseRssFeed(await (await get('feed.rss')).text()).items!.map((i) => i.title)).not.toContain('Färsk nyhet')
    expect((await get('feed.rss')).headers.get('etag')).toBe(etag)
  })

  it('50 concurrent requests for a cold feed render it once, and once again after a publish', async () => {
    const renders = () => feedRenders.get(n.payload) ?? 0
    const path = 'feed.atom?type=news&limit=7'
    const burst = () => Promise.all(Array.from({ length: 50 }, async () => {
      const res = await get(path)
      return `${res.status} ${await res.text()}`
    }))
    const before = renders()
    const first = await burst()
    expect(new Set(first).size).toBe(1)
    expect(first[0]).toMatch(/^200 /)
    expect(renders() - before).toBe(1)

    // A publish drops every rendered feed at once; the next burst checks the index once and renders once.
    await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Publicerad under rusningen' } as never })
    const second = await burst()
    expect(new Set(second).size).toBe(1)
    expect(second[0]).toContain('Publicerad under rusningen')
    expect(renders() - before).toBe(2)
  })

  it('the feed cache renders once for 50 concurrent misses of one key, and once again after an invalidation', async () => {
    // On SQLite the driver answers synchronously, so a render through HTTP never yields to the next
    // request and the burst above cannot overlap there; here each render waits on a timer, as a
    // render waits on PostgreSQL.
    const cache = new IndexCache<CachedFeed>(60_000, 'newsroom-index')
    let renders = 0
    const render = async () => {
      const n = ++renders
      await new Promise((r) => setTimeout(r, 30))
      return { body: `render ${n}`, etag: `"${n}"`, lastModified: new Date(0), contentType: 'text/plain' }
    }
    const burst = async () => new Set((await Promise.all(Array.from({ length: 50 }, () => cache.get(n.payload, 'feed.rss?', render)))).map((f) => f.body))
    expect(await burst()).toEqual(new Set(['render 1']))
    expect(renders).toBe(1)
    cache.invalidate()
    expect(await burst()).toEqual(new Set(['render 2']))
    expect(renders).toBe(2)
  })

  it('a feed rendered from the index as it was before a change is not kept after it', async () => {
    const cache = new IndexCache<CachedFeed>(60_000, 'newsroom-index')
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const feed = (body: string) => ({ body, etag: `"${body}"`, lastModified: new Date(0), contentType: 'text/plain' })
    const calls: string[] = []
    const early = cache.get(n.payload, 'k', async () => (calls.push('early'), await held, feed('before')))
    await expect.poll(() => calls).toEqual(['early'])
    cache.invalidate() // what a publish in this process does
    const late = cache.get(n.payload, 'k', async () => (calls.push('late'), feed('after')))
    release()
    expect((await early).body).toBe('before') // those who asked before the change get what was rendered for them
    expect((await late).body).toBe('after')
    expect((await cache.get(n.payload, 'k', async () => (calls.push('again'), feed('again')))).body).toBe('after')
    expect(calls).toEqual(['early', 'late'])
  })

  it('bad parameters are 400 with a message', async () => {
    for (const q of ['feed.rss?limit=1000', 'feed.atom?type=blogg', 'feed.json?locale=de', 'calendar.ics?from=igår']) {
      const res = await get(q)
      expect(res.status, q).toBe(400)
      expect(((await res.json()) as { message: string }).message).toBeTruthy()
    }
    expect((await get('feed.rss?category=finns-inte')).status).toBe(404)
  })

  it('lists the feeds for autodiscovery', async () => {
    const { feeds } = (await (await get('feeds')).json()) as { feeds: { scope: string; format: string; url: string; title: string }[] }
    expect(feeds.find((f) => f.scope === 'all' && f.format === 'rss')?.url).toBe('https://nyhetsrum.example.se/api/newsroom/feed.rss')
    expect(feeds.find((f) => f.scope === 'category:suicidprevention' && f.format === 'atom')?.url).toBe(
      'https://nyhetsrum.example.se/api/newsroom/feed.atom?category=suicidprevention',
    )
    expect(feeds.some((f) => f.format === 'ics')).toBe(true)
  })

  it.runIf(testDatabase === 'postgres')('a second instance on the same database sees an edit made through the first, in its feeds and its facet counts', async () => {
    const second = await startNewsroom({ DATABASE_URL: n.databaseUrl, SERVER_URL: 'https://nyhetsrum.example.se' }, { key: 'second-instance' })
    try {
      const read = async () => parseRssFeed(await (await fetch(`${second.baseUrl}/api/newsroom/feed.rss`)).text()).items!.map((i) => i.title)
      // No HTTP cache in front of the test server: only the facet counts kept in the process could be stale.
      const counts = async () => ((await (await fetch(`${second.baseUrl}/api/newsroom/items?type=news`)).json()) as { facets: { news: number } }).facets.news
      expect(await read()).not.toContain('Via första instansen')
      const before = await counts()
      await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Via första instansen' } as never })
      await expect.poll(read, { timeout: 5000, interval: 200 }).toContain('Via första instansen')
      await expect.poll(counts, { timeout: 5000, interval: 200 }).toBe(before + 1)
    } finally {
      await second.close()
    }
  })
})
