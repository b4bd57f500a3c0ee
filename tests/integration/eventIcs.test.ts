import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalFromParagraphs } from '../../demo/seed/lexical'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

describe.skipIf(databaseUnavailable())('GET /api/newsroom/events/{slug}.ics', () => {
  let n: TestNewsroom
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${n.baseUrl}/api/newsroom/events/${path}`, { headers })

  beforeAll(async () => {
    n = await startNewsroom({ SERVER_URL: 'https://nyhetsrum.example.se' })
    const topic = await n.payload.create({ collection: 'topics', data: { title: 'Folkhälsa' } })
    const event = await n.payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Utbildningsdag, del 1; om hälsa',
        summary: 'Ingressen.',
        body: lexicalFromParagraphs(['Program för dagen.']),
        start: '2027-03-01T08:00:00.000Z',
        end: '2027-03-01T15:00:00.000Z',
        location: { name: 'Stadshuset', address: 'Hantverkargatan 1' },
        topics: [topic.id],
      } as never,
    })
    await n.payload.update({ collection: 'events', id: event.id, locale: 'en', data: { title: 'Training day' } as never })
    await n.payload.create({ collection: 'events', data: { _status: 'published', title: 'Inställd konferens', start: '2027-04-01T08:00:00.000Z', cancelled: true } as never })
    await n.payload.create({ collection: 'events', data: { _status: 'draft', title: 'Hemlig händelse', start: '2027-05-01T08:00:00.000Z' } as never })
    const gone = await n.payload.create({ collection: 'events', data: { _status: 'published', title: 'Avpublicerad händelse', start: '2027-06-01T08:00:00.000Z' } as never })
    await n.payload.update({ collection: 'events', id: gone.id, data: { _status: 'draft' } as never })
  })
  afterAll(() => n?.close())

  it('is one VEVENT that ical.js reads, with the same UID as in the calendar feed', async () => {
    const res = await get('utbildningsdag-del-1-om-halsa.ics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="utbildningsdag-del-1-om-halsa.ics"')
    const body = await res.text()
    expect(body.endsWith('\r\n')).toBe(true)
    const cal = new ICAL.Component(ICAL.parse(body))
    const vevents = cal.getAllSubcomponents('vevent')
    expect(vevents).toHaveLength(1)
    const e = new ICAL.Event(vevents[0])
    expect(e.summary).toBe('Utbildningsdag, del 1; om hälsa')
    expect(e.location).toBe('Stadshuset, Hantverkargatan 1')
    expect(e.startDate.toJSDate().toISOString()).toBe('2027-03-01T08:00:00.000Z')
    expect(e.endDate.toJSDate().toISOString()).toBe('2027-03-01T15:00:00.000Z')
    expect(e.description).toContain('Program för dagen.')
    expect(vevents[0].getFirstPropertyValue('url')).toBe('https://nyhetsrum.example.se/kalender/utbildningsdag-del-1-om-halsa')

    const feed = new ICAL.Component(ICAL.parse(await (await fetch(`${n.baseUrl}/api/newsroom/calendar.ics`)).text()))
    const uids = feed.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))
    expect(uids).toContain(e.uid)
  })

  it('in English with ?locale=en; a cancelled event says STATUS:CANCELLED', async () => {
    const en = new ICAL.Component(ICAL.parse(await (await get('utbildningsdag-del-1-om-halsa.ics?locale=en')).text()))
    expect(en.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe('Training day')
    const cancelled = new ICAL.Component(ICAL.parse(await (await get('installd-konferens.ics')).text()))
    expect(cancelled.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED')
  })

  it('a draft is a 404, an unpublished event a 410, bad names a 4xx with a message', async () => {
    const draft = await get('hemlig-handelse.ics')
    expect(draft.status).toBe(404)
    expect(await draft.text()).not.toContain('Hemlig')
    const gone = await get('avpublicerad-handelse.ics')
    expect(gone.status).toBe(410)
    expect((await gone.json()).message).toContain('no longer published')
    const noSuffix = await get('utbildningsdag-del-1-om-halsa')
    expect(noSuffix.status).toBe(404)
    expect((await noSuffix.json()).message).toContain('{slug}.ics')
    const bad = await get('Fel%20Namn.ics')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ parameter: 'slug' })
    expect((await get('utbildningsdag-del-1-om-halsa.ics?locale=fi')).status).toBe(400)
  })

  it('has an ETag and Last-Modified; 304 on If-None-Match; HEAD has no body', async () => {
    const res = await get('utbildningsdag-del-1-om-halsa.ics')
    const etag = res.headers.get('etag')!
    expect(res.headers.get('last-modified')).toMatch(/GMT$/)
    expect((await get('utbildningsdag-del-1-om-halsa.ics', { 'if-none-match': etag })).status).toBe(304)
    const head = await fetch(`${n.baseUrl}/api/newsroom/events/utbildningsdag-del-1-om-halsa.ics`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
