import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql'
import type { FlattenedField } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable, testDatabase } from '../support/database'
import { captureLogLines } from '../support/logLines'
import { createActiveSubscriber, createNewsletterTopics, publishNews } from '../support/newsletter'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'
import { hostileDocument, schemaOperation } from './graphqlRequests'
import { fuzzSeed, Random } from './random'
import { hostileBody } from './requestBodies'
import { type FuzzCollection, type FuzzRequest, type FuzzWorld, restRequest, routesOf } from './restRequests'

/** Requests per run and database (FUZZ_REQUESTS), and the seed (FUZZ_SEED) to replay a run. */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2500)
const seed = fuzzSeed()

type GraphQLErrorBody = { message: string; extensions?: { statusCode?: number } }
const graphqlErrors = (text: string): GraphQLErrorBody[] => {
  try {
    return ((JSON.parse(text) as { errors?: GraphQLErrorBody[] }).errors ?? []) as GraphQLErrorBody[]
  } catch {
    return []
  }
}

type Failure = { index: number; request: FuzzRequest; status: number | string; detail: string }

/** Field paths a `where` or `sort` can name: fields, sub-fields, relationship paths, locales, versions. */
function fieldPaths(fields: FlattenedField[], prefix = '', depth = 0): string[] {
  const out: string[] = []
  for (const f of fields) {
    const name = `${prefix}${f.name}`
    out.push(name)
    if ('localized' in f && f.localized) out.push(`${name}.sv`)
    if ((f.type === 'relationship' || f.type === 'upload') && typeof f.relationTo === 'string') out.push(`${name}.id`, `${name}.slug`, `${name}.title`, `${name}.parent.title`)
    if ('flattenedFields' in f && depth < 2) out.push(...fieldPaths(f.flattenedFields, `${name}.`, depth + 1))
  }
  return out
}

describe.skipIf(databaseUnavailable())(`fuzz: ${REQUESTS} generated requests over every public route (seed ${seed})`, () => {
  let n: TestNewsroom
  let world: FuzzWorld
  let schema: GraphQLSchema
  const tokens: Record<string, string> = {}
  const sessions: string[] = []
  let log: ReturnType<typeof captureLogLines>

  beforeAll(async () => {
    const t0 = performance.now()
    n = await startNewsroom()
    const { payload } = n
    // The first user becomes an admin whatever it asks for (collections/users.ts): the admin first.
    tokens.admin = await n.editor('admin')
    tokens.editor = await n.editor('editor')
    const me = async (token: string) => ((await (await fetch(`${n.baseUrl}/api/users/me`, { headers: { authorization: token } })).json()) as { user: { id: number } }).user.id
    const protectedUserIds = [await me(tokens.admin), await me(tokens.editor)]
    // Spare sessions of one more user, for the logouts and refreshes the run makes.
    const spare = await n.editor('editor')
    protectedUserIds.push(await me(spare))
    const spareEmail = ((await (await fetch(`${n.baseUrl}/api/users/me`, { headers: { authorization: spare } })).json()) as { user: { email: string } }).user.email
    for (let i = 0; i < 10; i++) sessions.push(await n.login(spareEmail, 'hemligt-lösenord'))

    const topics = await createNewsletterTopics(payload)
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c33' } }).png().toBuffer()
    const image = await payload.create({ collection: 'media', data: { alt: 'Bild' } as never, file: { data: png, mimetype: 'image/png', name: 'bild.png', size: png.length } })
    const ids: (string | number)[] = [...Object.values(topics), image.id, ...protectedUserIds]
    for (let i = 0; i < 3; i++) ids.push((await publishNews(payload, `Nyhet ${i}`, [topics.halsa])).id)
    ids.push((await payload.create({ collection: 'news', data: { title: 'Utkast', _status: 'draft' } as never })).id)
    ids.push((await payload.create({ collection: 'events', data: { title: 'Möte', _status: 'published', start: '2027-05-10T10:00:00.000Z', end: '2027-05-10T12:00:00.000Z' } as never })).id)
    ids.push((await payload.create({ collection: 'press', data: { title: 'Pressmeddelande', _status: 'published' } as never })).id)
    ids.push((await createActiveSubscriber<{ id: number }>(payload, 'prenumerant@example.se', { topics: [topics.halsa] })).id)

    const collections: FuzzCollection[] = payload.config.collections.map((c) => ({
      slug: c.slug,
      fields: c.flattenedFields,
      paths: ['id', '_id', 'version.title', 'version._status', ...fieldPaths(c.flattenedFields)],
      upload: Boolean(c.upload),
      auth: Boolean(c.auth),
    }))
    world = { collections, routes: routesOf(payload.config, collections), ids, protectedUserIds, topicSlugs: ['psykisk-halsa', 'barn-och-unga', 'miljo', 'nosuch', ''] }

    const introspection = await fetch(`${n.baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tokens.admin },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    })
    schema = buildClientSchema(((await introspection.json()) as { data: IntrospectionQuery }).data)
    log = captureLogLines(payload)
    console.log(`fuzz setup: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }, 120_000)
  afterAll(() => n?.close())

  function graphqlRequest(r: Random): FuzzRequest {
    const as = r.weighted([[4, 'anonymous'], [3, 'editor'], [3, 'admin']] as const)
    const doc = r.chance(0.7) ? schemaOperation(r, schema, world.ids) : hostileDocument(r, schema)
    const body = r.chance(0.9) ? { contentType: 'application/json', body: JSON.stringify(doc) } : hostileBody(r)
    return { route: 'POST /api/graphql', method: 'POST', path: '/api/graphql', headers: body.contentType ? { 'content-type': body.contentType } : {}, body: body.body, as }
  }

  it('no request gets a 5xx, a 4xx always says why, nothing is logged at ERROR', async () => {
    const r = new Random(seed)
    const failures: Failure[] = []
    const statuses = new Map<number, number>()
    const covered = new Set<string>()
    const started = performance.now()
    for (let index = 0; index < REQUESTS; index++) {
      const request = r.chance(0.2) ? graphqlRequest(r) : restRequest(r, world)
      covered.add(request.route)
      const headers = { ...request.headers }
      if (request.as !== 'anonymous') {
        const endsSession = /\/(logout|refresh-token)$/.test(request.route)
        const token = endsSession ? sessions.pop() : tokens[request.as]
        if (token) headers.authorization = token
      }
      const logged = log.mark()
      let status: number | string
      let text = ''
      try {
        const res = await fetch(`${n.baseUrl}${request.path}`, {
          method: request.method,
          headers,
          body: request.body as BodyInit | undefined,
          redirect: 'manual',
          signal: AbortSignal.timeout(30_000),
        })
        status = res.status
        text = await res.text()
      } catch (err) {
        status = `no answer: ${(err as Error).message}`
      }
      if (process.env.FUZZ_TRACE && new RegExp(process.env.FUZZ_TRACE).test(`${request.method} ${request.path}`)) {
        console.log(`trace #${index} ${request.as} ${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers)} ${typeof request.body === 'string' ? request.body.slice(0, 300) : ''} → ${status} ${text.slice(0, 200)}`)
      }
      if (typeof status === 'number') statuses.set(status, (statuses.get(status) ?? 0) + 1)
      const fail = (detail: string) => failures.push({ index, request, status, detail })
      if (typeof status !== 'number' || status >= 500) fail(text.slice(0, 300))
      // 431: Node's HTTP parser refuses a request line over 16 KB before any handler runs.
      else if (status >= 400 && request.method !== 'HEAD' && status !== 405 && status !== 431 && !text.trim()) fail('a 4xx without a message')
      else if (request.route === 'POST /api/graphql' && status === 200) {
        // GraphQL answers 200 with errors; an internal one (statusCode 500) is its 5xx.
        const internal = graphqlErrors(text).find((e) => (e.extensions?.statusCode ?? 0) >= 500)
        if (internal) fail(`GraphQL error ${internal.extensions?.statusCode}: ${internal.message}`)
      }
      const newLogs = log.errorsSince(logged)
      if (newLogs.length) {
        const err = newLogs[0]!.err as { type?: string; message?: string; cause?: { message?: string } } | undefined
        fail(`logged at ERROR: ${err ? `${err.type}: ${String(err.message).slice(0, 160)}${err.cause?.message ? ` (cause: ${err.cause.message})` : ''}` : JSON.stringify(newLogs[0]).slice(0, 300)}`)
      }
    }
    const seconds = (performance.now() - started) / 1000
    const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, c]) => sum + c, 0)
    console.log(
      `fuzz (${testDatabase}): seed ${seed}, ${REQUESTS} requests in ${seconds.toFixed(1)} s (${(REQUESTS / seconds).toFixed(0)}/s), ` +
        `${covered.size} of ${world.routes.length + 1} routes, 5xx: ${fiveXX}, failures: ${failures.length}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    )
    // One line per kind of failure (route, status, first words of the detail), with its first request.
    const kinds = new Map<string, { count: number; first: Failure }>()
    for (const f of failures) {
      const key = `${f.request.route} → ${f.status}: ${f.detail.replace(/[0-9]+/g, 'N').slice(0, 120)}`
      const k = kinds.get(key)
      if (k) k.count++
      else kinds.set(key, { count: 1, first: f })
    }
    const show = (f: Failure) =>
      `#${f.index} ${f.request.as} ${f.request.method} ${f.request.path.slice(0, 300)} ${JSON.stringify(f.request.headers)} body=${JSON.stringify(typeof f.request.body === 'string' ? f.request.body.slice(0, 300) : f.request.body ? `<${f.request.body.byteLength} bytes>` : null)}\n     → ${f.status}: ${f.detail}`
    const report = [...kinds.values()].map(({ count, first }) => `${count}× ${show(first)}`).join('\n')
    expect(failures, `replay with FUZZ_SEED=${seed} FUZZ_REQUESTS=${REQUESTS}; ${kinds.size} kinds of failure:\n${report}`).toEqual([])
  }, 600_000)
})
