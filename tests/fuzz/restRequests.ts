import type { FlattenedField } from 'payload'

import { ODD_BOOLEANS, ODD_STRINGS, oddJson, oddScalar } from './hostileValues'
import { newsroomQuery, payloadListQuery, randomWhere } from './queryStrings'
import type { Random } from './random'
import { documentData, type FuzzBody, hostileBody, jsonBody, multipartBody } from './requestBodies'

export type Caller = 'anonymous' | 'editor' | 'admin'

export type FuzzRequest = {
  /** The route template, e.g. `PATCH /api/news/:id`: what the coverage count is kept by. */
  route: string
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array
  as: Caller
}

export type Route = { method: string; template: string; collection?: FuzzCollection }

export type FuzzCollection = { slug: string; fields: FlattenedField[]; paths: string[]; upload: boolean; auth: boolean }

export type FuzzWorld = {
  collections: FuzzCollection[]
  routes: Route[]
  ids: (string | number)[]
  /** Users whose sessions the fuzz run itself uses: never edited, deleted or logged out by it. */
  protectedUserIds: (string | number)[]
  topicSlugs: string[]
}

const ODD_IDS = ['abc', '%00', '1.5', '-1', '0', '99999999999', '2147483648', '', '..', '%2F', '%2e%2e', 'x'.repeat(2000), '1e3', 'null', '%E0%A4%A', '__proto__', '5abc', '😀']

/** Every route of the config: the collections' endpoints (Payload's and any added), the root endpoints (the newsroom's). */
export function routesOf(config: { collections: { slug: string; endpoints?: unknown }[]; endpoints: unknown }, collections: FuzzCollection[]): Route[] {
  const routes: Route[] = []
  for (const c of config.collections) {
    const fc = collections.find((x) => x.slug === c.slug)
    for (const e of (c.endpoints || []) as { method: string; path: string }[]) routes.push({ method: e.method.toUpperCase(), template: `/api/${c.slug}${e.path === '/' ? '' : e.path}`, collection: fc })
  }
  for (const e of config.endpoints as { method: string; path: string }[]) routes.push({ method: e.method.toUpperCase(), template: `/api${e.path}` })
  return routes
}

function fillPath(r: Random, template: string, world: FuzzWorld, collection?: FuzzCollection): string {
  return template.replace(/:(\w+)(\?)?/g, (_, name: string, optional?: string) => {
    if (optional && r.chance(0.3)) return ''
    if (name === 'id') return r.chance(0.75) ? encodeURIComponent(String(r.pick(world.ids))) : r.pick(ODD_IDS)
    if (name === 'filename') return r.pick(['bild.png', 'nosuch.png', '..%2F..%2Fpackage.json', '%00', 'x'.repeat(300)])
    if (name === 'key') return r.pick(['nav', `collection-${collection?.slug ?? 'news'}`, '%00', 'x'.repeat(300), '__proto__'])
    if (name === 'type' && r.chance(0.7)) return r.pick(['news', 'events', 'press'])
    if (name === 'file' && r.chance(0.5)) return r.pick(['nosuch.ics', '%00.ics', `${'x'.repeat(300)}.ics`, '.ics'])
    // A lone surrogate cannot be percent-encoded (URIError); a client sends U+FFFD for it.
    return encodeURIComponent(oddScalar(r).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
  }).replace(/\/$/, '')
}

function bodyFor(r: Random, route: Route, world: FuzzWorld): FuzzBody {
  const c = route.collection
  const t = route.template
  const credentials = () => ({
    ...(r.chance(0.9) ? { email: r.pick(['nosuch@example.se', 'admin1@example.se', '', 'x', ...ODD_STRINGS.slice(0, 8)]) } : {}),
    ...(r.chance(0.9) ? { password: r.pick(['hemligt-lösenord', 'fel', '', 'x'.repeat(10_000)]) } : {}),
    ...(r.chance(0.1) ? { email: oddJson(r), password: oddJson(r) } : {}),
  })
  if (t.endsWith('/login') || t.endsWith('/unlock') || t.endsWith('/forgot-password')) return jsonBody(r, credentials)
  if (t.endsWith('/reset-password')) return jsonBody(r, () => ({ token: oddScalar(r), password: oddScalar(r) }))
  if (t.endsWith('/logout') || t.endsWith('/refresh-token') || t.includes('/versions/')) return r.chance(0.8) ? {} : hostileBody(r)
  if (/\/newsroom\//.test(t)) return newsroomBody(r, world)
  if (t.startsWith('/api/payload-preferences/:key')) return jsonBody(r, () => ({ value: oddJson(r) }))
  if (!c) return r.chance(0.5) ? {} : hostileBody(r)
  if (c.upload && route.method === 'POST' && r.chance(0.6)) return multipartBody(r, JSON.stringify(documentData(r, c.fields, { known: world.ids })))
  return jsonBody(r, () => documentData(r, c.fields, { known: world.ids }))
}

function newsroomBody(r: Random, world: FuzzWorld): FuzzBody {
  const fields = () => ({
    ...(r.chance(0.8) ? { email: r.pick([`fuzz${r.int(1e6)}@example.se`, 'x', '', 'a@b', ...ODD_STRINGS.slice(0, 6)]) } : {}),
    ...(r.chance(0.5) ? { topics: r.chance(0.6) ? r.some(world.topicSlugs) : oddJson(r) } : {}),
    ...(r.chance(0.4) ? { locale: r.pick(['sv', 'en', 'xx', oddScalar(r)]) } : {}),
    ...(r.chance(0.4) ? { frequency: r.pick(['daily', 'weekly', 'hourly', oddScalar(r)]) } : {}),
    ...(r.chance(0.6) ? { consent: r.pick([true, false, 'true', 'on', oddScalar(r)]) } : {}),
    ...(r.chance(0.1) ? { website: 'http://spam.example' } : {}),
    ...(r.chance(0.2) ? { token: r.pick(['A'.repeat(43), oddScalar(r)]) } : {}),
  })
  return r.weighted([
    [5, () => ({ contentType: 'application/json', body: JSON.stringify(fields()) })],
    [3, () => ({ contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(Object.entries(fields()).map(([k, v]) => [k, String(v)])).toString() + (r.chance(0.2) ? '&topics[]=x&topics=%00' : '') })],
    [1, () => ({ contentType: 'application/json', body: JSON.stringify({ frequency: r.pick(['daily', 'weekly', oddScalar(r)]) }) })],
    [1, () => ({ contentType: 'application/x-www-form-urlencoded', body: 'List-Unsubscribe=One-Click' })],
    [2, () => hostileBody(r)],
  ] as const)()
}

function queryFor(r: Random, route: Route, world: FuzzWorld): string {
  const c = route.collection
  if (!c) return r.chance(0.85) ? newsroomQuery(r, world.topicSlugs) : payloadListQuery(r, ['id', 'title'])
  const t = route.template
  const listLike = /\/(count|versions)?$/.test(t) || t === `/api/${c.slug}` || route.method === 'DELETE' || route.method === 'PATCH'
  if (listLike && !t.endsWith('/:id')) return payloadListQuery(r, c.paths)
  if (r.chance(0.5)) return ''
  const params = new URLSearchParams()
  if (r.chance(0.4)) params.set('depth', r.pick(['0', '1', '2', '10', '99', '-1', 'x']))
  if (r.chance(0.3)) params.set('draft', r.pick(ODD_BOOLEANS))
  if (r.chance(0.3)) params.set('locale', r.pick(['sv', 'en', 'all', 'xx', '%00']))
  if (r.chance(0.1)) params.set('select[title]', r.pick(ODD_BOOLEANS))
  if (r.chance(0.05)) params.set('where', JSON.stringify(randomWhere(r, c.paths)))
  return params.toString()
}

/** One request to one of the config's REST routes, with generated path, query, body, content type and caller. */
export function restRequest(r: Random, world: FuzzWorld): FuzzRequest {
  let route = r.pick(world.routes)
  const as: Caller = r.weighted([[4, 'anonymous'], [3, 'editor'], [3, 'admin']] as const)
  // Keep the sessions the run uses: no edits or deletes of those users, no bulk writes on users.
  let path = fillPath(r, route.template, world, route.collection)
  const usersWrite = route.collection?.auth && (route.method === 'PATCH' || route.method === 'DELETE')
  if (usersWrite && (!route.template.endsWith('/:id') || world.protectedUserIds.some((id) => path.endsWith(`/${id}`)))) {
    route = { method: 'GET', template: route.template.replace(/\/:id$/, ''), collection: route.collection }
    path = fillPath(r, route.template, world, route.collection)
  }
  const query = queryFor(r, route, world)
  const headers: Record<string, string> = {}
  let body: FuzzBody = {}
  if (route.method !== 'GET' && route.method !== 'HEAD' && route.method !== 'DELETE') body = bodyFor(r, route, world)
  let method = route.method
  if (method === 'GET' && r.chance(0.05)) {
    // The admin's relationship picker: a POST carrying the query, to be handled as a GET.
    method = 'POST'
    headers[r.pick(['x-payload-http-method-override', 'x-http-method-override'])] = 'GET'
    body = r.chance(0.7) ? { contentType: 'application/x-www-form-urlencoded', body: query } : r.chance(0.5) ? { contentType: 'application/json', body: r.pick(['{', '{"depth":0}', 'null', '[]']) } : hostileBody(r)
  }
  if (body.contentType !== undefined && body.contentType !== '') headers['content-type'] = body.contentType
  if (r.chance(0.03)) headers['content-type'] = r.pick(['application/json', 'multipart/form-data', 'text/plain'])
  if (r.chance(0.03)) headers['accept'] = r.pick(['application/json', 'text/html', '*/*', 'image/png'])
  if (r.chance(0.02)) headers['accept-language'] = r.pick(['sv', 'en', 'xx', '*;q=x', ''])
  return { route: `${route.method} ${route.template}`, method, path: query ? `${path}?${query}` : path, headers, body: body.body, as }
}
