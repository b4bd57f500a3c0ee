import { parseRssFeed } from 'feedsmith'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

describe.skipIf(databaseUnavailable())('type labels with the facets; feed titles without repeats', () => {
  let n: TestNewsroom
  const get = (path: string) => fetch(`${n.baseUrl}/api/newsroom/${path}`)

  beforeAll(async () => {
    n = await startNewsroom()
    await n.payload.create({ collection: 'topics', data: { title: 'Folkhälsa' } })
    await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'En nyhet' } as never })
    await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'En nyhet till' } as never })
    await n.payload.create({ collection: 'press', data: { _status: 'published', title: 'Ett pressmeddelande' } as never })
    await n.payload.create({ collection: 'events', data: { _status: 'published', title: 'En händelse', start: '2027-01-01T10:00:00Z' } as never })
  })
  afterAll(() => n?.close())

  it('the listing answers type tabs with counts and Swedish and English labels; facets keep their shape', async () => {
    const body = await (await get('items?type=news')).json()
    expect(body.facets).toEqual({ all: 4, news: 2, events: 1, press: 1 })
    expect(body.types).toEqual([
      { value: 'news', count: 2, selected: true, label: { sv: 'Nyhet', en: 'News' } },
      { value: 'events', count: 1, selected: false, label: { sv: 'Kalenderhändelse', en: 'Event' } },
      { value: 'press', count: 1, selected: false, label: { sv: 'Press', en: 'Press' } },
    ])
    expect(body.total).toBe(2)
  })

  it('feed titles: the news feed is "Nyheter", not "Nyheter – Nyheter"; other types keep their part', async () => {
    const title = async (query: string) => parseRssFeed(await (await get(`feed.rss${query}`)).text()).title
    expect(await title('')).toBe('Nyheter')
    expect(await title('?type=news')).toBe('Nyheter')
    expect(await title('?type=press')).toBe('Nyheter – Press')
    expect(await title('?type=news&locale=en')).toBe('News')
    expect(await title('?type=events&locale=en')).toBe('News – Calendar')
    expect(await title('?category=folkhalsa')).toBe('Nyheter – Folkhälsa')
    const cal = new ICAL.Component(ICAL.parse(await (await get('calendar.ics')).text()))
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Nyheter – Kalender')
  })

  it('the feed list names no feed with a doubled part', async () => {
    for (const locale of ['sv', 'en']) {
      const { feeds } = (await (await get(`feeds?locale=${locale}`)).json()) as { feeds: { title: string; scope: string }[] }
      for (const f of feeds) expect(f.title, f.scope).not.toMatch(/^(.+) – \1$/i)
      expect(feeds.find((f) => f.scope === 'type:news')!.title).toBe(locale === 'sv' ? 'Nyheter' : 'News')
    }
  })
})
