import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalFromParagraphs } from '../../demo/seed/lexical'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

const text = (t: string) => ({ type: 'text', text: t, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children })
const link = (fields: Record<string, unknown>, label: string) => ({ type: 'link', format: '', indent: 0, version: 3, direction: 'ltr', fields, children: [text(label)] })
const lexical = (...children: unknown[]) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children } })

type Detail = Record<string, any>

describe.skipIf(databaseUnavailable())('GET /api/newsroom/items/{type}/{slug}', () => {
  let n: TestNewsroom
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${n.baseUrl}/api/newsroom/items/${path}`, { headers })
  const json = async (path: string) => {
    const res = await get(path)
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as Detail
  }

  beforeAll(async () => {
    n = await startNewsroom({ SERVER_URL: 'https://nyhetsrum.example.se' })
    const topic = await n.payload.create({ collection: 'topics', data: { title: 'Folkhälsa' } })
    const draft = await n.payload.create({ collection: 'news', data: { _status: 'draft', title: 'Hemligt utkast' } as never })
    const other = await n.payload.create({ collection: 'press', data: { _status: 'published', title: 'Ett pressmeddelande' } as never })
    await n.payload.create({
      collection: 'news',
      data: {
        _status: 'published',
        title: 'Krisstöd till kommunerna',
        summary: 'Ingressen.',
        publishedAt: '2021-04-20T08:00:00.000Z',
        topics: [topic.id],
        body: lexical(
          paragraph(text('Brödtext med <script>alert(1)</script> & å.')),
          paragraph(link({ linkType: 'custom', url: 'javascript:alert(1)', newTab: false }, 'farlig')),
          paragraph(link({ linkType: 'internal', doc: { relationTo: 'press', value: other.id }, newTab: false }, 'intern')),
          paragraph(link({ linkType: 'internal', doc: { relationTo: 'news', value: draft.id }, newTab: false }, 'till utkastet')),
        ),
        related: [
          { linkType: 'internal', doc: { relationTo: 'press', value: other.id } },
          { linkType: 'internal', label: 'Utkastet', doc: { relationTo: 'news', value: draft.id } },
          { linkType: 'external', label: 'Folkhälsomyndigheten', url: 'https://www.folkhalsomyndigheten.se/' },
        ],
      } as never,
    })
    const news = (await n.payload.find({ collection: 'news', where: { slug: { equals: 'krisstod-till-kommunerna' } } })).docs[0]
    await n.payload.update({ collection: 'news', id: news.id, locale: 'en', data: { title: 'Crisis support for municipalities' } as never })
    // A newer draft of a published item: the endpoint keeps showing the published version.
    await n.payload.update({ collection: 'news', id: news.id, draft: true, data: { title: 'Ändrad rubrik i utkast' } as never })

    await n.payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Utbildningsdag',
        start: '2027-03-01T08:00:00.000Z',
        end: '2027-03-01T15:00:00.000Z',
        location: { name: 'Stadshuset', address: 'Hantverkargatan 1' },
        onlineUrl: 'https://meet.example.se/utbildning',
        registration: { url: 'https://example.se/anmalan', deadline: '2027-02-20T00:00:00.000Z' },
        organizer: 'Länsstyrelsen',
        body: lexicalFromParagraphs(['Program för dagen.']),
      } as never,
    })
    await n.payload.create({
      collection: 'press',
      data: { _status: 'published', title: 'Press med kontakter', contacts: [{ name: 'Anna Andersson', role: 'Presschef', email: 'anna@example.se', phone: '08-123 45' }] } as never,
    })
    const gone = await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Snart avpublicerad' } as never })
    await n.payload.update({ collection: 'news', id: gone.id, data: { _status: 'draft' } as never })
  })
  afterAll(() => n?.close())

  it('answers the published version with body HTML beside the Lexical JSON, topics and related links', async () => {
    const item = await json('news/krisstod-till-kommunerna')
    expect(item).toMatchObject({
      type: 'news',
      slug: 'krisstod-till-kommunerna',
      title: 'Krisstöd till kommunerna',
      summary: 'Ingressen.',
      locale: 'sv',
      url: 'https://nyhetsrum.example.se/nyheter/krisstod-till-kommunerna',
      publishedAt: '2021-04-20T08:00:00.000Z',
      categories: [{ slug: 'folkhalsa', title: 'Folkhälsa' }],
      alternates: { sv: 'https://nyhetsrum.example.se/nyheter/krisstod-till-kommunerna', en: 'https://nyhetsrum.example.se/en/nyheter/krisstod-till-kommunerna' },
    })
    expect(item.body.lexical.root.children).toHaveLength(4)
    // The link to the draft: its id in the JSON (as at depth 0), '#' in the HTML, none of its text anywhere.
    expect(item.body.lexical.root.children[3].children[0].fields.doc).toEqual({ relationTo: 'news', value: expect.anything() })
    expect(typeof item.body.lexical.root.children[3].children[0].fields.doc.value).not.toBe('object')
    expect(item.body.html).toContain('<a href="#">till utkastet</a>')
    expect(JSON.stringify(item)).not.toContain('Hemligt utkast')
    expect(item.body.html).toContain('Brödtext med &lt;script&gt;alert(1)&lt;/script&gt; &amp; å.')
    expect(item.body.html).not.toMatch(/<script|javascript:/i)
    expect(item.body.html).toContain('href="https://nyhetsrum.example.se/press/ett-pressmeddelande"')
    expect(item.related).toEqual([
      { label: 'Ett pressmeddelande', url: 'https://nyhetsrum.example.se/press/ett-pressmeddelande', external: false, type: 'press' },
      { label: 'Folkhälsomyndigheten', url: 'https://www.folkhalsomyndigheten.se/', external: true, type: null },
    ])
    expect(JSON.stringify(item)).not.toContain('Ändrad rubrik i utkast')
    expect(JSON.stringify(item)).not.toContain('Utkastet')
    expect(Date.parse(item.lastModified)).not.toBeNaN()
  })

  it('?locale=en gives the English text; an unknown locale is a 400 naming it', async () => {
    expect((await json('news/krisstod-till-kommunerna?locale=en')).title).toBe('Crisis support for municipalities')
    const res = await get('news/krisstod-till-kommunerna?locale=de')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'invalid_parameter', parameter: 'locale' })
  })

  it('events carry when, where, online link, registration and their .ics; press items their contacts', async () => {
    const event = await json('events/utbildningsdag')
    expect(event).toMatchObject({
      type: 'events',
      start: '2027-03-01T08:00:00.000Z',
      end: '2027-03-01T15:00:00.000Z',
      allDay: false,
      cancelled: false,
      location: { name: 'Stadshuset', address: 'Hantverkargatan 1' },
      onlineUrl: 'https://meet.example.se/utbildning',
      registration: { url: 'https://example.se/anmalan', deadline: '2027-02-20T00:00:00.000Z' },
      organizer: 'Länsstyrelsen',
      ics: 'https://nyhetsrum.example.se/api/newsroom/events/utbildningsdag.ics',
    })
    expect(event.body.html).toBe('<p>Program för dagen.</p>')
    const press = await json('press/press-med-kontakter')
    expect(press.contacts).toEqual([{ name: 'Anna Andersson', role: 'Presschef', email: 'anna@example.se', phone: '08-123 45' }])
    expect(press.attachments).toEqual([])
  })

  it('a draft is a 404, an unpublished item a 410 with a message, an unknown slug a 404', async () => {
    const draft = await get('news/hemligt-utkast')
    expect(draft.status).toBe(404)
    expect(await draft.text()).not.toContain('Hemligt')
    const gone = await get('news/snart-avpublicerad')
    expect(gone.status).toBe(410)
    expect(await gone.json()).toMatchObject({ error: 'gone', message: expect.stringContaining('no longer published') })
    expect((await get('news/finns-inte')).status).toBe(404)
    // The slug belongs to a press item, not a news item.
    expect((await get('news/ett-pressmeddelande')).status).toBe(404)
  })

  it('bad type or slug is a 400 with a message', async () => {
    for (const [path, parameter] of [['blog/x', 'type'], ['news/Stora%20Bokst%C3%A4ver', 'slug'], ['news/a--b', 'slug'], [`news/${'a'.repeat(201)}`, 'slug']]) {
      const res = await get(path)
      expect(res.status, path).toBe(400)
      const body = await res.json()
      expect(body).toMatchObject({ error: 'invalid_parameter', parameter })
      expect(body.message).toMatch(new RegExp(`^${parameter}: `))
    }
  })

  it('has an ETag and answers 304 to If-None-Match; public cache headers', async () => {
    const res = await get('news/krisstod-till-kommunerna')
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await get('news/krisstod-till-kommunerna', { 'if-none-match': etag })
    expect(again.status).toBe(304)
  })
})
