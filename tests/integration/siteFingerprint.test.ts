import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

/**
 * `GET /api/newsroom/state` is how the HTTP cache of `npm start` learns that feeds, listing and
 * pages went stale: every change a public page shows must change the fingerprint, and reads must not.
 */
describe.skipIf(databaseUnavailable())('the public state fingerprint (GET /api/newsroom/state)', () => {
  let n: TestNewsroom
  const state = async () => {
    const res = await fetch(`${n.baseUrl}/api/newsroom/state`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    return ((await res.json()) as { fingerprint: string }).fingerprint
  }
  /** The fingerprint after `change`, which must differ from the one before it. */
  const changes = async (change: () => Promise<unknown>) => {
    const before = await state()
    // updatedAt has millisecond resolution: two writes within one millisecond would look alike.
    await new Promise((r) => setTimeout(r, 5))
    await change()
    const after = await state()
    expect(after).not.toBe(before)
    return after
  }

  beforeAll(async () => {
    n = await startNewsroom()
  })
  afterAll(() => n?.close())

  it('is stable while nothing changes', async () => {
    const first = await state()
    await fetch(`${n.baseUrl}/api/newsroom/items`)
    expect(await state()).toBe(first)
  })

  it('changes when an item is published, edited and unpublished, but not for a draft of a new item', async () => {
    const before = await state()
    await n.payload.create({ collection: 'news', data: { _status: 'draft', title: 'Ett utkast som ingen ser' } as never })
    expect(await state()).toBe(before)
    let id: number | string = 0
    await changes(async () => {
      id = (await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Publicerad nyhet' } as never })).id
    })
    await changes(() => n.payload.update({ collection: 'news', id, data: { title: 'Publicerad nyhet, ändrad' } as never }))
    await changes(() => n.payload.update({ collection: 'news', id, data: { _status: 'draft' } as never }))
  })

  it('changes when a global of the pages is edited: site settings and the accessibility statement', async () => {
    await changes(() => n.payload.updateGlobal({ slug: 'site-settings' as never, data: { organisationName: 'Region Exempel' } as never }))
    await changes(() => n.payload.updateGlobal({ slug: 'accessibility-statement' as never, data: { title: 'Tillgänglighet för regionexempel.se' } as never }))
  })

  it('changes when a topic is created or its description edited (topic pages show it)', async () => {
    let id: number | string = 0
    await changes(async () => {
      id = (await n.payload.create({ collection: 'topics', data: { title: 'Kollektivtrafik' } as never })).id
    })
    await changes(() => n.payload.update({ collection: 'topics', id, data: { description: 'Bussar, tåg och färdtjänst.' } as never }))
  })
})
