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
  { name: '/api/topics/%00', path: '/api/topics/%00', status: 404, message: /^id: "\\u0000" is not an id of topics/ },
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
    auth.editor = await n.editor('editor')
    auth.admin = await n.editor('admin')
    // What Payload's real pino logger writes (routeError and GraphQL's handleError log through it).
    log = captureLogLines(n.payload)
  })
  afterAll(() => n?.close())

  it.each(cases)('$name', async ({ path, init, as, status, message }) => {
    const mark = log.mark()
    const headers = { ...(init?.headers as Record<string, string>), ...(as ? { authorization: auth[as]! } : {}) }
    const res = await fetch(`${n.baseUrl}${path}`, { ...init, headers })
    const body = (await res.json()) as { errors?: { message: string }[]; message?: string }
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
})
