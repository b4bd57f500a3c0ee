import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

const gql = async (n: TestNewsroom, query: string, auth?: string) => {
  const res = await fetch(`${n.baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({ query }),
  })
  expect(res.status).toBe(200)
  const body = await res.json()
  if (body.errors) throw new Error(JSON.stringify(body.errors))
  return body as { data: Record<string, { docs: { title: string }[] }>; errors?: unknown[] }
}

const restTitles = async (n: TestNewsroom, collection: string, auth?: string) => {
  const res = await fetch(`${n.baseUrl}/api/${collection}?limit=100&depth=0`, { headers: auth ? { authorization: auth } : {} })
  expect(res.status).toBe(200)
  return ((await res.json()) as { docs: { title: string }[] }).docs.map((d) => d.title).sort()
}

describe.skipIf(databaseUnavailable())('who sees what: published, draft and scheduled items', () => {
  let n: TestNewsroom
  let editor: string

  beforeAll(async () => {
    n = await startNewsroom()
    editor = await n.editor()
    for (const collection of ['news', 'events', 'press'] as const) {
      const extra = collection === 'events' ? { start: '2027-03-01T09:00:00.000Z', end: '2027-03-01T10:00:00.000Z' } : {}
      await n.payload.create({ collection, data: { _status: 'published', title: `Publicerad ${collection}`, ...extra } as never })
      await n.payload.create({ collection, data: { _status: 'draft', title: `Utkast ${collection}`, ...extra } as never })
    }
  })
  afterAll(() => n?.close())

  it.each(['news', 'events', 'press'])('anonymous REST lists only published %s', async (collection) => {
    expect(await restTitles(n, collection)).toEqual([`Publicerad ${collection}`])
  })

  it('editors see drafts too', async () => {
    expect(await restTitles(n, 'news', editor)).toEqual(['Publicerad news', 'Utkast news'])
  })

  it('anonymous REST cannot fetch a draft by id, nor read it with draft=true', async () => {
    const draft = (await n.payload.find({ collection: 'news', where: { title: { equals: 'Utkast news' } }, draft: true })).docs[0]
    expect((await fetch(`${n.baseUrl}/api/news/${draft.id}`)).status).toBe(404)
    const viaDraftParam = await fetch(`${n.baseUrl}/api/news?draft=true&limit=100`)
    const titles = ((await viaDraftParam.json()) as { docs: { title: string }[] }).docs.map((d) => d.title)
    expect(titles).not.toContain('Utkast news')
    expect((await fetch(`${n.baseUrl}/api/news/${draft.id}/versions`)).status).toBeGreaterThanOrEqual(400)
  })

  it('anonymous GraphQL lists only published items in all three collections', async () => {
    const { data } = await gql(n, '{ News { docs { title } } Events { docs { title } } PressItems { docs { title } } }')
    const titles = Object.values(data).flatMap((c) => c.docs.map((d) => d.title)).sort()
    expect(titles).toEqual(['Publicerad events', 'Publicerad news', 'Publicerad press'])
  })

  it('GraphQL with an editor token shows drafts', async () => {
    const { data } = await gql(n, '{ News(draft: true) { docs { title } } }', editor)
    expect(data.News.docs.map((d) => d.title).sort()).toEqual(['Publicerad news', 'Utkast news'])
  })

  it('a scheduled item stays invisible until its time has come and the job has run', async () => {
    const doc = await n.payload.create({ collection: 'news', data: { _status: 'draft', title: 'Schemalagd nyhet' } as never })
    const runAt = new Date(Date.now() + 1500)
    await n.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: doc.id } },
      waitUntil: runAt,
    })

    await n.payload.jobs.run()
    expect(await restTitles(n, 'news')).not.toContain('Schemalagd nyhet')

    await new Promise((r) => setTimeout(r, runAt.getTime() - Date.now() + 100))
    expect(await restTitles(n, 'news')).not.toContain('Schemalagd nyhet') // time has come, job not run yet

    await n.payload.jobs.run()
    expect(await restTitles(n, 'news')).toContain('Schemalagd nyhet')
    const published = await n.payload.findByID({ collection: 'news', id: doc.id })
    expect(published._status).toBe('published')
    expect(published.publishedAt).toBeTruthy()
  })

  it('scheduled unpublish takes an item out of public view', async () => {
    const doc = await n.payload.create({ collection: 'press', data: { _status: 'published', title: 'Tillfälligt pressmeddelande' } as never })
    expect(await restTitles(n, 'press')).toContain('Tillfälligt pressmeddelande')
    await n.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'unpublish', doc: { relationTo: 'press', value: doc.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await n.payload.jobs.run()
    expect(await restTitles(n, 'press')).not.toContain('Tillfälligt pressmeddelande')
  })
})
