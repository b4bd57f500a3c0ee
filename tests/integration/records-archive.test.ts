import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type Listing = { items: { title: string; archived?: boolean }[]; facets: { all: number; news: number; events: number; press: number }; total: number }

describe.skipIf(databaseUnavailable())('records: archived items stay public and leave listings unless asked for', () => {
  let n: TestNewsroom
  let editor: string
  const items = async (qs = '') => {
    const res = await fetch(`${n.baseUrl}/api/newsroom/items${qs}`)
    expect(res.status).toBe(200)
    return (await res.json()) as Listing
  }
  const titles = (l: Listing) => l.items.map((i) => i.title).sort()

  beforeAll(async () => {
    n = await startNewsroom()
    await n.editor('admin')
    editor = await n.editor('editor')
    for (const title of ['Aktuell kommunnyhet', 'Gammal kommunnyhet']) await n.payload.create({ collection: 'news', data: { title, _status: 'published' } as never })
    await n.payload.create({ collection: 'events', data: { title: 'Kommunmöte', start: '2027-02-01T17:00:00.000Z', _status: 'published' } as never })
    const old = (await n.payload.find({ collection: 'news', where: { title: { equals: 'Gammal kommunnyhet' } } })).docs[0]!
    const res = await fetch(`${n.baseUrl}/api/news/${old.id}`, {
      method: 'PATCH',
      headers: { authorization: editor, 'content-type': 'application/json' },
      body: JSON.stringify({ archived: true, _status: 'published' }),
    })
    expect(res.status).toBe(200)
  })
  afterAll(() => n?.close())

  it('the listing hides archived items by default, with facets to match', async () => {
    const l = await items()
    expect(titles(l)).toEqual(['Aktuell kommunnyhet', 'Kommunmöte'])
    expect(l.facets).toEqual({ all: 2, news: 1, events: 1, press: 0 })
    expect(l.items.every((i) => i.archived === false)).toBe(true)
  })

  it('archived=include shows them flagged; archived=only shows just them; the same with a search word', async () => {
    const all = await items('?archived=include')
    expect(titles(all)).toEqual(['Aktuell kommunnyhet', 'Gammal kommunnyhet', 'Kommunmöte'])
    expect(all.items.find((i) => i.title === 'Gammal kommunnyhet')!.archived).toBe(true)
    expect(all.facets.news).toBe(2)
    const only = await items('?archived=only')
    expect(titles(only)).toEqual(['Gammal kommunnyhet'])
    expect(only.facets).toEqual({ all: 1, news: 1, events: 0, press: 0 })
    const searched = await items('?q=kommunnyhet')
    expect(titles(searched)).toEqual(['Aktuell kommunnyhet'])
    expect(searched.facets.news).toBe(1)
    expect(titles(await items('?q=kommunnyhet&archived=include'))).toEqual(['Aktuell kommunnyhet', 'Gammal kommunnyhet'])
  })

  it('a bad archived value is a 400 naming the parameter', async () => {
    const res = await fetch(`${n.baseUrl}/api/newsroom/items?archived=yes`)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ parameter: 'archived' })
  })

  it('the archived item is still public, and feeds carry the flag as a category when asked to include it', async () => {
    const old = (await n.payload.find({ collection: 'news', where: { title: { equals: 'Gammal kommunnyhet' } } })).docs[0]!
    const page = await fetch(`${n.baseUrl}/api/news/${old.id}?depth=0`)
    expect(page.status).toBe(200)
    expect((await page.json()).archived).toBe(true)
    const plain = (await (await fetch(`${n.baseUrl}/api/newsroom/feed.json`)).json()) as { items: { title: string; tags?: string[] }[] }
    expect(plain.items.map((i) => i.title)).not.toContain('Gammal kommunnyhet')
    const feed = (await (await fetch(`${n.baseUrl}/api/newsroom/feed.json?archived=include`)).json()) as { items: { title: string; tags?: string[] }[] }
    expect(feed.items.find((i) => i.title === 'Gammal kommunnyhet')!.tags).toContain('Arkiverad')
    expect(feed.items.find((i) => i.title === 'Aktuell kommunnyhet')!.tags ?? []).not.toContain('Arkiverad')
    const rss = await (await fetch(`${n.baseUrl}/api/newsroom/feed.rss?archived=only`)).text()
    expect(rss).toMatch(/<category[^>]*>Arkiverad<\/category>/)
  })
})
