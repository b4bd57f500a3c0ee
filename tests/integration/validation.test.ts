import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type ErrorBody = { errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[] }

describe.skipIf(databaseUnavailable())('bad input gets a 400 with a message', () => {
  let n: TestNewsroom
  let editor: string
  const post = async (collection: string, data: unknown) => {
    const res = await fetch(`${n.baseUrl}/api/${collection}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: editor },
      body: JSON.stringify(data),
    })
    return { status: res.status, body: (await res.json()) as ErrorBody & { doc?: { id: number; slug: string } } }
  }
  const fieldErrors = (body: ErrorBody) => body.errors.flatMap((e) => e.data?.errors ?? [])

  beforeAll(async () => {
    n = await startNewsroom()
    editor = await n.editor()
  })
  afterAll(() => n?.close())

  it('missing title', async () => {
    const { status, body } = await post('news', { summary: 'Ingen rubrik' })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((e) => e.path)).toContain('title')
  })

  it('an event that ends before it starts', async () => {
    const { status, body } = await post('events', {
      title: 'Baklänges',
      start: '2027-05-10T10:00:00.000Z',
      end: '2027-05-10T09:00:00.000Z',
    })
    expect(status).toBe(400)
    const endError = fieldErrors(body).find((e) => e.path === 'end')
    // In the language of the request only: Swedish first (the admin's fallback), English when asked for.
    expect(endError?.message).toBe('Slutet får inte vara före starten.')
    const english = await fetch(`${n.baseUrl}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en', authorization: editor },
      body: JSON.stringify({ title: 'Backwards', start: '2027-05-10T10:00:00.000Z', end: '2027-05-10T09:00:00.000Z' }),
    })
    expect(english.status).toBe(400)
    expect(fieldErrors((await english.json()) as ErrorBody).find((e) => e.path === 'end')?.message).toBe('The end must not be before the start.')
  })

  it('an event whose end is moved before its start by a later edit', async () => {
    const created = await post('events', { title: 'Flyttas', start: '2027-05-10T10:00:00.000Z', end: '2027-05-10T12:00:00.000Z' })
    expect(created.status).toBe(201)
    const res = await fetch(`${n.baseUrl}/api/events/${created.body.doc!.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: editor },
      body: JSON.stringify({ end: '2027-05-09T12:00:00.000Z' }),
    })
    expect(res.status).toBe(400)
  })

  it('a duplicate slug', async () => {
    const first = await post('news', { title: 'Samma rubrik', slug: 'samma-slug' })
    expect(first.status).toBe(201)
    const { status, body } = await post('news', { title: 'Annan rubrik', slug: 'samma-slug' })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((e) => e.path)).toContain('slug')
  })

  it('an external related link without a valid URL', async () => {
    const { status, body } = await post('news', { title: 'Med länk', related: [{ linkType: 'external', label: 'Trasig', url: 'inte-en-url' }] })
    expect(status).toBe(400)
    expect(fieldErrors(body).some((e) => e.path.startsWith('related'))).toBe(true)
  })

  it('the slug is made from the title, with å/ä/ö folded', async () => {
    const { status, body } = await post('news', { title: 'Länsgemensamma satsningar inom psykisk hälsa – Öppet möte' })
    expect(status).toBe(201)
    expect(body.doc!.slug).toBe('lansgemensamma-satsningar-inom-psykisk-halsa-oppet-mote')
  })

  it('a topic cannot become its own ancestor', async () => {
    const parent = await n.payload.create({ collection: 'topics', data: { title: 'Psykisk hälsa' } })
    const child = await n.payload.create({ collection: 'topics', data: { title: 'Suicidprevention', parent: parent.id } as never })
    const grandchild = await n.payload.create({ collection: 'topics', data: { title: 'Stödlinjer', parent: child.id } as never })
    const patch = (id: string | number, parentId: string | number, language?: string) =>
      fetch(`${n.baseUrl}/api/topics/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: editor, ...(language ? { 'accept-language': language } : {}) },
        body: JSON.stringify({ parent: parentId }),
      })
    // Swedish when the request names no language, English when it asks for it (one language per message).
    for (const [under, language, message] of [
      [child.id, undefined, 'Ett ämne kan inte ligga under sig självt eller under ett av sina underämnen.'],
      [grandchild.id, 'en', 'A topic cannot be placed under itself or one of its own subtopics.'],
    ] as const) {
      const res = await patch(parent.id, under, language)
      expect(res.status).toBe(400)
      const parentError = fieldErrors((await res.json()) as ErrorBody).find((e) => e.path === 'parent')
      expect(parentError?.message).toBe(message)
    }
    // Itself as parent is not among the field's options (filterOptions), which Payload refuses first.
    const self = await patch(child.id, child.id)
    expect(self.status).toBe(400)
    expect(fieldErrors((await self.json()) as ErrorBody).some((e) => e.path === 'parent')).toBe(true)
    // Moving a subtopic elsewhere in the tree is fine.
    const other = await n.payload.create({ collection: 'topics', data: { title: 'Folkhälsa' } })
    expect((await patch(grandchild.id, other.id)).status).toBe(200)
  })

  it('anonymous users cannot write', async () => {
    const res = await fetch(`${n.baseUrl}/api/news`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Anonym' }),
    })
    expect(res.status).toBe(403)
  })
})
