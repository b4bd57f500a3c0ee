import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseNewsroomOptions } from '../../src/options'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

const ALLOWED = 'https://www.kommun.se'
const OTHER = 'https://evil.example'

describe.skipIf(databaseUnavailable())('CORS for the listed origins (plugin option cors.origins)', () => {
  let n: TestNewsroom
  const api = (path: string, init: RequestInit = {}) => fetch(`${n.baseUrl}/api/newsroom/${path}`, init)

  beforeAll(async () => {
    n = await startNewsroom({ CORS_ORIGINS: `${ALLOWED}, http://localhost:4000` })
    await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'En nyhet' } as never })
    await n.payload.create({ collection: 'events', data: { _status: 'published', title: 'En händelse', start: '2027-01-01T10:00:00Z' } as never })
  })
  afterAll(() => n?.close())

  const publicPaths = ['items', 'items?type=news', 'items/news/en-nyhet', 'feed.rss', 'feed.atom', 'feed.json', 'calendar.ics', 'feeds', 'events/en-handelse.ics']

  it.each(publicPaths)('GET %s: Allow-Origin for a listed origin only, Vary: Origin always', async (path) => {
    const ok = await api(path, { headers: { origin: ALLOWED } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED)
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull()
    expect(ok.headers.get('access-control-expose-headers')).toContain('ETag')
    expect(ok.headers.get('vary')).toMatch(/\bOrigin\b/)
    const other = await api(path, { headers: { origin: OTHER } })
    expect(other.status).toBe(200)
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect(other.headers.get('vary')).toMatch(/\bOrigin\b/)
    const none = await api(path)
    expect(none.status).toBe(200)
    expect(none.headers.get('access-control-allow-origin')).toBeNull()
    expect(none.headers.get('vary')).toMatch(/\bOrigin\b/)
  })

  it('feeds keep Vary: Accept-Encoding beside Origin', async () => {
    expect((await api('feed.rss', { headers: { origin: ALLOWED } })).headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it('a preflight from a listed origin names the methods and headers; from another origin it is a 403 with a message', async () => {
    const pre = (path: string, origin: string, method = 'GET') =>
      api(path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' } })
    const items = await pre('items', ALLOWED)
    expect(items.status).toBe(204)
    expect(items.headers.get('access-control-allow-origin')).toBe(ALLOWED)
    expect(items.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    expect(items.headers.get('access-control-allow-headers')).toMatch(/Content-Type/)
    expect(items.headers.get('vary')).toBe('Origin')
    const subscribe = await pre('subscribe', 'http://localhost:4000', 'POST')
    expect(subscribe.status).toBe(204)
    expect(subscribe.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS')
    expect((await pre('items/news/en-nyhet', ALLOWED)).status).toBe(204)
    const refused = await pre('items', OTHER)
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    expect((await refused.json()).message).toContain('cors.origins')
  })

  it('the sign-up POST answers CORS, also when it refuses the input', async () => {
    const res = await api('subscribe', { method: 'POST', headers: { origin: ALLOWED, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'inte-en-adress' }) })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED)
  })

  it('endpoints outside the list (health, preferences, admin) answer no CORS', async () => {
    const health = await api('health', { headers: { origin: ALLOWED } })
    expect(health.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('an origin with a path or a trailing slash is refused at start-up, naming the option', () => {
    expect(() => parseNewsroomOptions({ cors: { origins: ['https://www.kommun.se/'] } })).toThrow(/newsroomPlugin option "cors\.origins\.0": must be an origin/)
    expect(parseNewsroomOptions({}).cors).toEqual({ origins: [] })
  })
})

describe.skipIf(databaseUnavailable())('CORS is off by default', () => {
  let n: TestNewsroom
  beforeAll(async () => {
    // Its own Payload instance key: the first instance of this file is cached under the default one.
    n = await startNewsroom({}, { key: 'cors-off' })
  })
  afterAll(() => n?.close())

  it('no CORS headers and no Vary: Origin without listed origins', async () => {
    const res = await fetch(`${n.baseUrl}/api/newsroom/items`, { headers: { origin: ALLOWED } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary') ?? '').not.toMatch(/Origin/)
  })
})
