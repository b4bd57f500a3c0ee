import type { GraphQLSchema } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable, testDatabase } from '../support/database'
import type { FuzzTarget } from './fuzzTarget'
import { hostileDocument, schemaOperation } from './graphqlRequests'
import { localTarget } from './localTarget'
import { fuzzSeed, Random } from './random'
import { remoteTarget } from './remoteTarget'
import { hostileBody } from './requestBodies'
import { type FuzzRequest, type FuzzWorld, restRequest } from './restRequests'

/**
 * Requests per run and database (FUZZ_REQUESTS), and the seed (FUZZ_SEED: a number replays a run,
 * `random` explores; see random.ts). FUZZ_BASE_URL points it at a running server (remoteTarget.ts).
 */
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

/** FUZZ_BASE_URL: fuzz a running server (npm start) instead of the in-process one; then only in the sqlite project. */
const remote = process.env.FUZZ_BASE_URL
const skip = remote ? (testDatabase !== 'sqlite' ? 'FUZZ_BASE_URL runs once, in the sqlite project' : null) : databaseUnavailable()

describe.skipIf(skip)(`fuzz: ${REQUESTS} generated requests over every public route (seed ${seed})`, () => {
  let target: FuzzTarget
  let world: FuzzWorld
  let schema: GraphQLSchema

  beforeAll(async () => {
    const t0 = performance.now()
    target = remote ? await remoteTarget(remote) : await localTarget()
    ;({ world, schema } = target)
    console.log(`fuzz setup (${target.label}): ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }, 120_000)
  afterAll(() => target?.close())

  function graphqlRequest(r: Random): FuzzRequest {
    const as = r.weighted([[4, 'anonymous'], [3, 'editor'], [3, 'admin']] as const)
    const doc = r.chance(0.7) ? schemaOperation(r, schema, world.ids, world.protectedUserIds) : hostileDocument(r, schema)
    const body = r.chance(0.9) ? { contentType: 'application/json', body: JSON.stringify(doc) } : hostileBody(r)
    return { route: 'POST /api/graphql', method: 'POST', path: '/api/graphql', headers: body.contentType ? { 'content-type': body.contentType } : {}, body: body.body, as }
  }

  it('no request gets a 5xx, a 4xx always says why, nothing is logged at ERROR', async () => {
    const r = new Random(seed)
    const failures: Failure[] = []
    const statuses = new Map<number, number>()
    const covered = new Set<string>()
    const started = performance.now()
    // A rejection nobody handles ends a Node process: it counts against the request in flight.
    let current: { index: number; request: FuzzRequest } | undefined
    const onUnhandled = (reason: unknown) => {
      if (current) failures.push({ ...current, status: 'unhandled rejection', detail: String((reason as Error)?.stack ?? reason).slice(0, 300) })
    }
    process.on('unhandledRejection', onUnhandled)
    for (let index = 0; index < REQUESTS; index++) {
      const request = r.chance(0.2) ? graphqlRequest(r) : restRequest(r, world)
      current = { index, request }
      covered.add(request.route)
      const headers = { ...request.headers }
      if (request.as !== 'anonymous') {
        const endsSession = /\/(logout|refresh-token)$/.test(request.route)
        const token = endsSession ? target.sessions.pop() : target.tokens[request.as]
        if (token) headers.authorization = token
      }
      const logged = target.log.mark()
      let status: number | string
      let text = ''
      try {
        const res = await fetch(`${target.baseUrl}${request.path}`, {
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
      const newLogs = await target.log.errorsSince(logged)
      if (newLogs.length) {
        const e = newLogs[0]!
        fail(`logged at ERROR: ${e.message !== undefined ? `${e.type ?? ''}: ${String(e.message).slice(0, 160)}${e.cause ? ` (cause: ${e.cause})` : ''}` : e.raw}`)
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
    process.off('unhandledRejection', onUnhandled)
    const seconds = (performance.now() - started) / 1000
    const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, c]) => sum + c, 0)
    console.log(
      `fuzz (${target.label}): seed ${seed}, ${REQUESTS} requests in ${seconds.toFixed(1)} s (${(REQUESTS / seconds).toFixed(0)}/s), ` +
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
