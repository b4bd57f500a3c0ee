import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_LIMIT } from '../../src/guard/limits'
import { databaseUnavailable } from '../support/database'
import { captureLogLines } from '../support/logLines'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type Case = { name: string; path: string; init?: RequestInit; as?: 'editor' | 'admin'; status: number; message: RegExp }

const json = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
})

/** A draft made in beforeAll (drafts are saved without validation, duplicates of drafts too). */
const DRAFT_ID = 1

/** Each of these answered 500 (Payload's REST and GraphQL handlers) and logged the error, most with the full SQL. */
const cases: Case[] = [
  { name: 'limit=1.5', path: '/api/news?limit=1.5', status: 400, message: /^limit: must be a whole number/ },
  { name: 'limit=1e400', path: '/api/news?limit=1e400', status: 400, message: /^limit: must be a whole number/ },
  { name: 'limit[]=x', path: '/api/news?limit[]=x', status: 400, message: /^limit: must be a whole number/ },
  { name: 'limit=-1 (all documents before)', path: '/api/news?limit=-1', status: 400, message: /^limit: must be a whole number/ },
  { name: 'page=99999999999999999999', path: '/api/news?page=99999999999999999999', status: 400, message: /^page: must be a whole number/ },
  { name: 'where=abc', path: '/api/news?where=abc', status: 400, message: /^where: .*valid JSON/ },
  { name: 'where[title][near]=1,2', path: '/api/news?where[title][near]=1,2', status: 400, message: /^where\[title\]\[near\]: near works only on point fields/ },
  { name: 'where[publishedAt][greater_than]=notadate', path: '/api/news?where[publishedAt][greater_than]=notadate', status: 400, message: /^where\[publishedAt\]\[greater_than\]: must be a date/ },
  { name: 'where[title][like][0]=a', path: '/api/news?where[title][like][0]=a', status: 400, message: /^where\[title\]\[like\]: must be a single value/ },
  { name: '/api/news/abc', path: '/api/news/abc', status: 404, message: /^id: "abc" is not an id of news/ },
  { name: '/api/topics/%00', path: '/api/topics/%00', status: 404, message: /^topics: no such path \(it holds a NUL character\)/ },
  {
    name: 'multipart POST without a boundary to /api/users/login',
    path: '/api/users/login',
    init: { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'email=a' },
    status: 400,
    message: /boundary/,
  },
  { name: "editor's POST /api/news with body null", path: '/api/news', init: json('null'), as: 'editor', status: 400, message: /^body: must be a JSON object, got null/ },
  { name: "editor's POST /api/news with body 1", path: '/api/news', init: json('1'), as: 'editor', status: 400, message: /^body: must be a JSON object, got number/ },
  { name: 'editor\'s POST /api/news with body "s"', path: '/api/news', init: json('"s"'), as: 'editor', status: 400, message: /^body: must be a JSON object, got string/ },
  {
    name: 'GraphQL fragment cycle (was a stack overflow)',
    path: '/api/graphql',
    init: json(JSON.stringify({ query: 'query{...A} fragment A on Query{...B} fragment B on Query{...A}' })),
    status: 400,
    message: /Cannot spread fragment "A" within itself via "B"/,
  },
  { name: 'GraphQL body "{"', path: '/api/graphql', init: json('{'), status: 400, message: /^body: not valid JSON/ },
  // A 400 before too, but logged at ERROR level with its stack.
  { name: 'where on a field that does not exist', path: '/api/news?where[nosuchfield][equals]=1', status: 400, message: /cannot be queried: nosuchfield/ },
  // Found by the fuzz test (tests/fuzz): 500s before.
  { name: 'where with all (no SQL adapter has it)', path: '/api/news?where[publishedAt][all]=2021-01-01', status: 400, message: /does not support all/ },
  { name: 'where on _id (MongoDB only)', path: '/api/news?where[_id][equals]=1', status: 400, message: /no _id; use id/ },
  { name: 'where on a polymorphic relationship as a whole', path: '/api/payload-preferences?where[user][less_than_equal]=1', as: 'editor', status: 400, message: /use equals with \{ relationTo, value \}/ },
  { name: '/versions of a collection without versions', path: '/api/subscribers/versions', as: 'admin', status: 404, message: /keeps no versions/ },
  { name: 'e-mail verification that is off', path: '/api/users/verify/abc', init: { method: 'POST' }, status: 404, message: /does not verify e-mail/ },
  { name: 'a file that is not there', path: '/api/media/file/nosuch.png', status: 404, message: /no file "nosuch.png"/ },
  { name: 'a file name with NUL', path: '/api/media/file/a%00.png', status: 404, message: /NUL/ },
  { name: 'a document id in a longer path', path: '/api/news/abc/duplicate', init: json('{}'), as: 'editor', status: 404, message: /"abc" is not an id of news/ },
  { name: 'a date no Date can hold (stored, then every read of it failed)', path: '/api/topics', init: json(JSON.stringify({ title: 'Tid', createdAt: '1e20' })), as: 'editor', status: 400, message: /^createdAt: must be an ISO 8601 date/ },
  { name: 'a date of year 0 (PostgreSQL has no year 0)', path: '/api/topics', init: json(JSON.stringify({ title: 'Tid', updatedAt: '0000-01-01T00:00:00.000Z' })), as: 'editor', status: 400, message: /^updatedAt: must be a date such as/ },
  { name: 'a date of year 275760', path: '/api/news', init: json(JSON.stringify({ title: 'Tid', publishedAt: '+275760-09-13T00:00:00.000Z' })), as: 'editor', status: 400, message: /^publishedAt: must be an ISO 8601 date/ },
  { name: 'a number 1e400 (Infinity)', path: '/api/subscribers', init: json('{"email":"inf@example.se","failedInRow":1e400}'), as: 'admin', status: 400, message: /^failedInRow: must be a finite number/ },
  { name: 'a number above 2^53 (SQLite kept it, then could not read the document back)', path: '/api/subscribers', init: json('{"email":"big@example.se","failedInRow":"9007199254740993"}'), as: 'admin', status: 400, message: /^failedInRow: must be between/ },
  { name: 'a title of blanks (feeds of its items failed)', path: '/api/topics', init: json(JSON.stringify({ title: '\t ' })), as: 'editor', status: 400, message: /^title: must not be blank/ },
  { name: 'a title with no letter or digit for the slug', path: '/api/news', init: json(JSON.stringify({ title: '***' })), as: 'editor', status: 400, message: /Slug \(webbadress\)/ },
  { name: 'a slug of blanks', path: '/api/topics', init: json(JSON.stringify({ title: 'Ämne', slug: '%' })), as: 'editor', status: 400, message: /Slug \(webbadress\)/ },
  { name: 'a draft pointing to a missing image (drafts skip validation)', path: '/api/news?draft=true', init: json(JSON.stringify({ title: 'Utkast', heroImage: 999999 })), as: 'editor', status: 400, message: /^heroImage: there is no media with id 999999/ },
  { name: 'a topic under a missing parent', path: '/api/topics', init: json(JSON.stringify({ title: 'Föräldralös', parent: 999999 })), as: 'editor', status: 400, message: /Överordnat ämne/ },
  {
    name: "a global's date that is no date (the job runner read it: every job failed)",
    path: '/api/graphql',
    init: json(JSON.stringify({ query: 'mutation { updatePayloadJobsStat(data: { createdAt: "true" }) { createdAt } }' })),
    as: 'admin',
    status: 200,
    message: /^createdAt: must be an ISO 8601 date/,
  },
  { name: 'a lone surrogate in a preference (PostgreSQL jsonb refuses it)', path: '/api/payload-preferences/fuzz', init: json('{"value":{"a":"\\ud800"}}'), as: 'editor', status: 400, message: /^body\.value\.a: a text must be valid Unicode/ },
  { name: 'a number where upload metadata needs a text', path: '/api/media/1', init: { ...json(JSON.stringify({ mimeType: 1 })), method: 'PATCH' }, as: 'editor', status: 400, message: /^mimeType: must be a text/ },
  {
    name: 'a client upload without a storage adapter',
    path: '/api/media',
    init: { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n{"filename":"x.png"}\r\n--b--\r\n' },
    as: 'editor',
    status: 400,
    message: /^file: send the file itself/,
  },
  {
    name: 'a multipart body cut off inside a file (the guard\'s parser left the file stream\'s error unheard: a crash)',
    path: '/api/media',
    init: { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: '--b\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n\x89PNGxxxx' },
    as: 'editor',
    status: 400,
    message: /malformed multipart\/form-data \(Unexpected end of form\)/,
  },
  { name: 'a query through two relationships (Payload left a rejection unhandled when another path was refused)', path: '/api/news?where[and][0][nosuch][equals]=0&where[and][1][topics.parent.title][equals]=x', status: 400, message: /^where\[and\]\[1\]\[topics\.parent\.title\]: a query may go through one relationship/ },
  { name: 'joins on a name that is no join field', path: '/api/news?joins[nosuch][limit]=1', status: 400, message: /^joins\[nosuch\]: there are no join fields here/ },
  { name: 'rich text whose children are no list (Lexical: TypeError)', path: '/api/news', init: json(JSON.stringify({ title: 'Rik', body: { root: { children: 'x' } } })), as: 'editor', status: 400, message: /^body\.root\.children: must be a list of nodes/ },
  { name: 'a date string PostgreSQL cannot parse ("0")', path: '/api/topics', init: json(JSON.stringify({ title: 'Noll', updatedAt: '0' })), as: 'editor', status: 400, message: /^updatedAt: must be an ISO 8601 date/ },
  { name: 'a date not on the calendar (2021-02-30: JavaScript moves it on, PostgreSQL refuses it)', path: '/api/topics', init: json(JSON.stringify({ title: 'Februari', createdAt: '2021-02-30' })), as: 'editor', status: 400, message: /^createdAt: must be an ISO 8601 date/ },
  { name: 'an empty date (SQLite stored it; reading it back failed)', path: '/api/subscribers', init: json(JSON.stringify({ email: 'tom@example.se', unsubscribedAt: '' })), as: 'admin', status: 400, message: /^unsubscribedAt: must be an ISO 8601 date/ },
  { name: 'a method-override GET with an empty JSON body (request.json() threw outside the handler)', path: '/api/topics', init: { method: 'POST', headers: { 'content-type': 'application/json', 'x-payload-http-method-override': 'GET' }, body: '' }, status: 400, message: /^body: not valid JSON/ },
  { name: 'GraphQL duplicate of a draft pointing to missing topics', path: '/api/graphql', init: json(JSON.stringify({ query: `mutation { duplicateNewsItem(id: ${DRAFT_ID}, data: { topics: [999999] }) { id } }` })), as: 'editor', status: 200, message: /^topics\[0\]: there is no topics with id 999999/ },
  { name: 'an upload from a URL where pasting URLs is off (the server fetched it; a failure was a 500)', path: '/api/media', init: json(JSON.stringify({ alt: 'Bild', url: 'http://127.0.0.1:9/x.png', filename: 'x.png' })), as: 'editor', status: 400, message: /^url: media does not fetch files from a URL/ },
  { name: 'the same through GraphQL', path: '/api/graphql', init: json(JSON.stringify({ query: 'mutation { createMedia(data: { alt: "Bild", url: "http://127.0.0.1:9/x.png", filename: "x.png" }) { id } }' })), as: 'editor', status: 200, message: /^url: media does not fetch files from a URL/ },
  { name: 'GraphQL subscription', path: '/api/graphql', init: json(JSON.stringify({ query: 'subscription { News { docs { id } } }' })), status: 400, message: /no subscriptions/ },
  { name: 'GraphQL undefined variable', path: '/api/graphql', init: json(JSON.stringify({ query: '{ __typename @include(if: $x) }' })), status: 400, message: /Variable "\$x" is not defined/ },
  { name: 'GraphQL verifyEmail without verification', path: '/api/graphql', init: json(JSON.stringify({ query: 'mutation { verifyEmailUser(token: "x") }' })), status: 200, message: /users does not verify e-mail addresses/ },
  { name: 'like on a whole rich-text field (PostgreSQL: jsonb has no ILIKE)', path: '/api/events?where[body][like]=x', status: 400, message: /does not work on a whole richText field/ },
  { name: 'greater_than inside a JSON field (no JSON-path operator for it)', path: '/api/newsroom-index?where[data.n][greater_than]=1', as: 'admin', status: 400, message: /a path inside a JSON field takes/ },
  { name: 'a NUL in a preference key (PostgreSQL refuses it)', path: '/api/payload-preferences/%00', as: 'editor', status: 404, message: /NUL/ },
  { name: 'a status that is no option (PostgreSQL enum; Payload lets numbers through)', path: '/api/press', init: json(JSON.stringify({ title: 'Status', _status: 1e-7 })), as: 'editor', status: 400, message: /^_status: must be one of draft, published/ },
  { name: 'DELETE of a preference that does not exist', path: '/api/payload-preferences/nosuch', init: { method: 'DELETE' }, as: 'editor', status: 404, message: /Hittades inte|Not Found/ },
  {
    name: 'admin CSV export with where[id][near]=1',
    path: '/api/newsroom/subscribers.csv?where[id][near]=1',
    as: 'admin',
    status: 400,
    message: /^where: near works only on point fields \(where\[id\]\[near\]\)/,
  },
]

describe.skipIf(databaseUnavailable())("Payload's own API on bad input: a 4xx with a message, nothing logged at ERROR", () => {
  let n: TestNewsroom
  const auth: Record<string, string> = {}
  let log: ReturnType<typeof captureLogLines>

  beforeAll(async () => {
    n = await startNewsroom()
    // The first user becomes an admin whatever it asks for (collections/users.ts): the admin first.
    auth.admin = await n.editor('admin')
    auth.editor = await n.editor('editor')
    const draft = await n.payload.create({ collection: 'news', data: { title: 'Utkast', _status: 'draft' } as never, draft: true })
    if (draft.id !== DRAFT_ID) throw new Error(`the draft is ${draft.id}, not ${DRAFT_ID}`)
    // What Payload's real pino logger writes (routeError and GraphQL's handleError log through it).
    log = captureLogLines(n.payload)
  })
  afterAll(() => n?.close())

  it.each(cases)('$name', async ({ path, init, as, status, message }) => {
    const mark = log.mark()
    const headers = { ...(init?.headers as Record<string, string>), ...(as ? { authorization: auth[as]! } : {}) }
    const res = await fetch(`${n.baseUrl}${path}`, { ...init, headers })
    const body = (await res.json()) as { errors?: { message: string }[]; message?: string }
    // GraphQL answers resolver errors with 200 and the status in extensions.statusCode.
    expect({ status: res.status, message: body.errors?.[0]?.message ?? body.message }).toEqual({ status, message: expect.stringMatching(message) })
    expect(log.errorsSince(mark)).toEqual([])
  })

  describe(`reads are capped at ${MAX_LIMIT} documents per answer`, () => {
    const total = MAX_LIMIT + 5
    beforeAll(async () => {
      for (let i = 0; i < total; i++) await n.payload.create({ collection: 'topics', data: { title: `Ämne ${i}` } })
    })
    type Page = { docs: unknown[]; totalDocs: number; hasNextPage: boolean; limit: number }
    const rest = async (query: string, as?: 'editor') =>
      (await (await fetch(`${n.baseUrl}/api/topics?${query}`, { headers: as ? { authorization: auth[as]! } : {} })).json()) as Page

    it.each(['limit=0', 'pagination=false', `limit=${MAX_LIMIT * 10}`, 'pagination=false&limit=0'])('REST ?%s, anonymous and as editor', async (query) => {
      for (const as of [undefined, 'editor'] as const) {
        const page = await rest(query, as)
        expect({ docs: page.docs.length, totalDocs: page.totalDocs, hasNextPage: page.hasNextPage }).toEqual({ docs: MAX_LIMIT, totalDocs: total, hasNextPage: true })
      }
    })

    it('smaller limits and the next page are as asked', async () => {
      expect((await rest('limit=7')).docs).toHaveLength(7)
      expect((await rest(`limit=${MAX_LIMIT}&page=2`)).docs).toHaveLength(total - MAX_LIMIT)
    })

    it.each([
      ['Topics(limit: 0)', {}],
      ['Topics(pagination: false)', {}],
      [`Topics(limit: ${MAX_LIMIT * 10})`, {}],
      ['Topics(limit: $l)', { l: 0 }],
      ['Topics(pagination: $p)', { p: false }],
    ])('GraphQL %s', async (field, variables) => {
      const vars = field.includes('$l') ? '($l: Int)' : field.includes('$p') ? '($p: Boolean)' : ''
      const res = await fetch(`${n.baseUrl}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query${vars} { ${field} { docs { id } totalDocs hasNextPage } }`, variables }),
      })
      const body = (await res.json()) as { data: { Topics: { docs: unknown[]; totalDocs: number } } }
      expect({ docs: body.data.Topics.docs.length, totalDocs: body.data.Topics.totalDocs }).toEqual({ docs: MAX_LIMIT, totalDocs: total })
    })

    it("the admin's relationship picker (POST with X-Payload-HTTP-Method-Override: GET) still works", async () => {
      const res = await fetch(`${n.baseUrl}/api/topics`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET', authorization: auth.editor! },
        body: 'depth=0&limit=10&page=1&where[and][0][title][like]=%C3%84mne%201',
      })
      const page = (await res.json()) as Page
      expect(res.status).toBe(200)
      expect(page.docs.length).toBe(10)
      const all = await fetch(`${n.baseUrl}/api/topics`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET', authorization: auth.editor! },
        body: 'limit=0',
      })
      expect(((await all.json()) as Page).docs).toHaveLength(MAX_LIMIT)
    })
  })

  it('a path that is not valid percent-encoding: 400 (Next.js answered a bare 500; scripts/start.ts checks first)', async () => {
    const res = await fetch(`${n.baseUrl}/api/news/%E0%A4%A`)
    expect({ status: res.status, text: await res.text() }).toEqual({ status: 400, text: 'Bad Request: the path is not valid percent-encoding' })
  })

  describe('what the fuzz test found, beyond the status', () => {
    const gql = async (query: string, as?: 'editor' | 'admin') => {
      const res = await fetch(`${n.baseUrl}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(as ? { authorization: auth[as]! } : {}) },
        body: JSON.stringify({ query }),
      })
      return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] }
    }

    it('GraphQL Access and docAccess answer for everybody, with the right values', async () => {
      const query = '{ Access { canAccessAdmin news { read { permission } create { permission } } subscribers { read { permission } } } }'
      expect(await gql(query)).toEqual({ data: { Access: { canAccessAdmin: false, news: { read: { permission: true }, create: { permission: false } }, subscribers: { read: { permission: false } } } } })
      expect(await gql(query, 'editor')).toEqual({ data: { Access: { canAccessAdmin: true, news: { read: { permission: true }, create: { permission: true } }, subscribers: { read: { permission: false } } } } })
      expect(await gql(query, 'admin')).toEqual({ data: { Access: { canAccessAdmin: true, news: { read: { permission: true }, create: { permission: true } }, subscribers: { read: { permission: true } } } } })
      expect(await gql('{ docAccessPayloadJobsStat { read { permission } } }', 'admin')).toEqual({ data: { docAccessPayloadJobsStat: { read: { permission: true } } } })
      const topic = await n.payload.create({ collection: 'topics', data: { title: 'Behörighet' } })
      expect(await gql(`{ docAccessTopic(id: ${topic.id}) { update { permission } delete { permission } } }`)).toEqual({ data: { docAccessTopic: { update: { permission: false }, delete: { permission: false } } } })
    })

    it('a rejected date leaves the list readable (one such save used to make every read of the collection a 500)', async () => {
      const res = await fetch(`${n.baseUrl}/api/topics?where[title][equals]=Tid`)
      expect({ status: res.status, docs: ((await res.json()) as { docs?: unknown[] }).docs }).toEqual({ status: 200, docs: [] })
    })

    it('a preference is still deleted by the replaced DELETE handler', async () => {
      const headers = { authorization: auth.editor!, 'content-type': 'application/json' }
      expect((await fetch(`${n.baseUrl}/api/payload-preferences/fuzz-key`, { method: 'POST', headers, body: JSON.stringify({ value: { a: 1 } }) })).status).toBe(200)
      const read = async () => ((await (await fetch(`${n.baseUrl}/api/payload-preferences/fuzz-key`, { headers })).json()) as { value?: unknown }).value ?? null
      expect(await read()).toEqual({ a: 1 })
      const deleted = await fetch(`${n.baseUrl}/api/payload-preferences/fuzz-key`, { method: 'DELETE', headers })
      expect(deleted.status).toBe(200)
      expect(await read()).toBeNull()
    })

    it('a method-override GET whose URL has a query too reads both (Payload glued them with a second "?")', async () => {
      await n.payload.create({ collection: 'topics', data: { title: 'Omväg' } })
      const res = await fetch(`${n.baseUrl}/api/topics?where=${encodeURIComponent(JSON.stringify({ title: { equals: 'Omväg' } }))}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
        body: 'limit=5',
      })
      expect(res.status).toBe(200)
      const page = (await res.json()) as { docs: { title: string }[]; limit: number }
      expect({ titles: page.docs.map((d) => d.title), limit: page.limit }).toEqual({ titles: ['Omväg'], limit: 5 })
    })
  })
})
