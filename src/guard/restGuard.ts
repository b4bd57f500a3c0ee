import type { SanitizedConfig } from 'payload'

import { headersWithCors } from 'payload'
import { isNumber } from 'payload/shared'

import { BadInput } from './badInput.js'
import { assertFileExists } from './fileGuard.js'
import { configIdType } from './idGuard.js'
import { DEFAULT_MULTIPART_BYTES, MAX_JSON_BYTES, MAX_LIMIT } from './limits.js'
import { checkMultipart, multipartLimits } from './multipart.js'
import { assertSafeStrings } from './nul.js'
import { assertPathParams } from './pathGuard.js'
import { assertNoUploadFromUrl } from './uploadFromUrl.js'
import { BodyTooLarge, readBody } from './readBody.js'

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT'])

/** Payload's REST error body, with its CORS headers. */
export function errorResponse(config: SanitizedConfig, request: Request, message: string, status: number) {
  const headers = headersWithCors({ headers: new Headers(), req: { headers: request.headers, payload: { config } } as never })
  return Response.json({ errors: [{ message }] }, { status, headers })
}

const mainType = (contentType: string | null) => (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase()

const isMethodOverrideGet = (request: Request) =>
  request.method === 'POST' && (request.headers.get('x-payload-http-method-override') === 'GET' || request.headers.get('x-http-method-override') === 'GET')

/**
 * What Payload's REST handlers do before any hook runs, done first and safely: the query string's
 * JSON parameters, the read limit, the body (size, JSON, multipart). Returns the request to hand
 * to Payload (rebuilt when the body was read or the query changed), or the 4xx answer.
 * Requests to plugin endpoints (paths that are no collection or global) pass untouched.
 */
export async function guardRestRequest(request: Request, config: SanitizedConfig): Promise<Request | Response> {
  try {
    return await check(request, config)
  } catch (err) {
    if (err instanceof BadInput) return errorResponse(config, request, err.message, err.status)
    if (err instanceof BodyTooLarge) return errorResponse(config, request, err.message, 413)
    throw err
  }
}

async function check(request: Request, config: SanitizedConfig): Promise<Request> {
  const url = new URL(request.url)
  const api = config.routes.api
  if (!url.pathname.startsWith(`${api}/`)) return request
  let first: string
  try {
    url.pathname.split('/').forEach((s) => decodeURIComponent(s))
    first = decodeURIComponent(url.pathname.slice(api.length + 1).split('/', 1)[0]!)
  } catch {
    throw new BadInput('the path is not valid percent-encoding', 400)
  }
  const collection = config.collections.find((c) => c.slug === first)
  const payloadRoute = first === 'globals' || Boolean(collection)
  const override = isMethodOverrideGet(request)
  if (!payloadRoute) {
    // Payload reads a method-override body itself (request.json(), outside its error handling).
    if (override && mainType(request.headers.get('content-type')) === 'application/json') {
      const body = await readBody(request, MAX_JSON_BYTES)
      parseJsonObject(body)
      return rebuild(request, url, body)
    }
    return request
  }

  if (collection) {
    const segments = url.pathname.slice(api.length + 1).split('/').slice(1).map((s) => decodeURIComponent(s))
    // No document, file or preference key holds a NUL, and PostgreSQL refuses one in a query.
    if (segments.some((s) => s.includes('\u0000'))) throw new BadInput(`${collection.slug}: no such path (it holds a NUL character)`, 404)
    // Payload serves /versions on every collection; without versions its operations fail (a 500).
    if (segments[0] === 'versions' && !collection.versions) throw new BadInput(`${collection.slug} keeps no versions`, 404)
    assertPathParams(collection, override ? 'GET' : request.method, segments.filter(Boolean), configIdType(config, collection))
    if ((request.method === 'GET' || override) && segments.length === 2 && segments[0] === 'file') await assertFileExists(collection, segments[1]!)
  }

  const params = url.searchParams
  const queryChanged = checkQuery(params, request.method === 'GET' || request.method === 'HEAD')
  if (!BODY_METHODS.has(request.method)) return queryChanged ? rebuild(request, url, undefined) : request

  const type = mainType(request.headers.get('content-type'))
  const rest = url.pathname.slice(api.length + 1).split('/').slice(1).filter(Boolean)
  const createsDocument = request.method === 'POST' && !override && (rest.length === 0 || (rest.length === 2 && rest[1] === 'duplicate'))
  const isMultipart = type.startsWith('multipart/')
  const limit = isMultipart ? multipartBytes(config) : MAX_JSON_BYTES
  let body = await readBody(request, limit)
  const headers = new Headers(request.headers)
  // Without a body Payload reads nothing (JSON: `{}`); an empty multipart body still goes to busboy,
  // and an empty JSON method-override body to request.json(), outside Payload's error handling.
  if (body.byteLength === 0 && !isMultipart && !(override && type === 'application/json')) return rebuild(request, url, body, headers)

  if (override && type === 'application/x-www-form-urlencoded') {
    // Payload appends this body to the URL as the query of a GET: `${url}?${body}`, which spoils
    // the last value of a URL that has a query already. The URL's query goes into the body instead.
    const text = new TextDecoder().decode(body)
    const query = new URLSearchParams([url.search.slice(1), text].filter(Boolean).join('&'))
    for (const key of ['where', 'data']) assertJsonParam(query, key)
    checkQuery(query, true)
    url.search = ''
    body = new TextEncoder().encode(query.toString())
  } else if (type === 'application/json') {
    // Also what Payload stores without an operation (preferences): no NUL, no lone surrogate.
    const data = parseJsonObject(body)
    assertSafeStrings(data, 'body')
    if (createsDocument) assertNoUploadFromUrl(collection, data)
    // Payload compares the type case-sensitively; anything else would leave its body unread.
    headers.set('content-type', 'application/json')
  } else if (isMultipart) {
    if (type !== 'multipart/form-data') throw new BadInput(`body: ${type} is not supported; send multipart/form-data`, 415)
    if (!/;\s*boundary=/i.test(request.headers.get('content-type') ?? '')) throw new BadInput('body: multipart/form-data without a boundary', 400)
    const upload = config.upload as { limits?: Record<string, number>; abortOnLimit?: boolean } | undefined
    const { fields, files } = await checkMultipart(body, headers, multipartLimits(upload), upload?.abortOnLimit ?? true)
    if (typeof fields._payload === 'string') {
      const data = parseJsonObject(new TextEncoder().encode(fields._payload), '_payload')
      assertSafeStrings(data, '_payload')
      if (createsDocument && !files) assertNoUploadFromUrl(collection, data)
    }
    // A `file` text field is a client upload (the file is already in cloud storage): Payload needs a storage adapter's handlers for it.
    const uploads = collection?.upload as { handlers?: unknown[] } | false | undefined
    if (typeof fields.file === 'string' && !(uploads && uploads.handlers?.length)) throw new BadInput('file: send the file itself; client uploads need a storage adapter')
  } else {
    throw new BadInput(`body: Content-Type must be application/json or multipart/form-data, got ${type ? `"${type}"` : 'none'}`, 415)
  }
  return rebuild(request, url, body, headers)
}

/** JSON-valued query parameters and the read limit. Returns whether `params` was changed. */
function checkQuery(params: URLSearchParams, isRead: boolean): boolean {
  for (const key of ['where', 'data']) assertJsonParam(params, key)
  if (!isRead) return false
  let changed = false
  // `pagination=false` and `limit=0` mean "everything" to Payload: a page of MAX_LIMIT instead.
  const limits = params.getAll('limit')
  if (params.getAll('pagination').length === 1 && params.get('pagination') === 'false') {
    params.delete('pagination')
    if (!limits.length) params.set('limit', String(MAX_LIMIT))
    changed = true
  }
  const n = limits.length === 1 && isNumber(limits[0]) ? Number(limits[0]) : NaN
  // Only whole numbers are capped; 1.5, -1 or 1e400 reach the operation guard and are a 400.
  if (Number.isSafeInteger(n) && (n === 0 || n > MAX_LIMIT)) {
    params.set('limit', String(MAX_LIMIT))
    changed = true
  }
  return changed
}

/** `where=<JSON>` / `data=<JSON>`: Payload JSON.parses a plain string value without catching. */
function assertJsonParam(params: URLSearchParams, key: string) {
  const values = params.getAll(key)
  if (values.length !== 1 || values[0] === '') return
  try {
    JSON.parse(values[0]!)
  } catch {
    throw new BadInput(`${key}: must be ${key === 'where' ? 'conditions such as where[title][equals]=… or' : ''} valid JSON`)
  }
}

function parseJsonObject(body: Uint8Array, label = 'body'): Record<string, unknown> {
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder().decode(body))
  } catch (err) {
    throw new BadInput(`${label}: not valid JSON (${(err as Error).message})`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BadInput(`${label}: must be a JSON object, got ${data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data}`)
  }
  return data as Record<string, unknown>
}

function multipartBytes(config: SanitizedConfig): number {
  const limit = (config.upload as { requestSizeLimit?: number } | undefined)?.requestSizeLimit
  return typeof limit === 'number' && limit >= 0 ? limit : DEFAULT_MULTIPART_BYTES
}

function rebuild(request: Request, url: URL, body: Uint8Array | undefined, headers = new Headers(request.headers)): Request {
  const method = request.method
  if (body !== undefined) {
    headers.delete('transfer-encoding')
    headers.set('content-length', String(body.byteLength))
  }
  return new Request(url, { method, headers, body: body && method !== 'GET' && method !== 'HEAD' ? (body as Uint8Array<ArrayBuffer>) : undefined, signal: request.signal })
}
