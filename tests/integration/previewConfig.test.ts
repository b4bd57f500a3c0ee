import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

describe.skipIf(databaseUnavailable())('Förhandsgranska and Live Preview in the admin', () => {
  let n: TestNewsroom
  beforeAll(async () => {
    n = await startNewsroom({ SERVER_URL: 'https://nyhetsrum.example.se' })
  })
  afterAll(() => n?.close())

  it.each(['news', 'events', 'press'] as const)('%s: the preview button and Live Preview open the preview route for the document', async (collection) => {
    const admin = n.payload.collections[collection].config.admin
    const req = await createLocalReq({}, n.payload)
    expect(await admin.preview!({ id: 7, slug: 'x' }, { locale: 'en', req, token: null })).toBe(`https://nyhetsrum.example.se/preview?type=${collection}&id=7&locale=en`)
    const live = admin.livePreview!
    const url = typeof live.url === 'function' ? await live.url({ data: { id: 7 }, locale: { code: 'sv', label: 'Svenska' }, req, payload: n.payload } as never) : live.url
    expect(url).toBe(`https://nyhetsrum.example.se/preview?type=${collection}&id=7&locale=sv`)
    expect(live.breakpoints!.map((b) => b.width)).toEqual([375, 768, 1440])
    // A new document has no id yet: no preview rather than a broken link.
    expect(await admin.preview!({}, { locale: 'sv', req, token: null })).toBeNull()
  })
})
