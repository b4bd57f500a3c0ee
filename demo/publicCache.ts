import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { cacheKey, isNotModified, notModifiedHeaders, parseRequestTarget, strongEtag, type Validators } from 'payload-plugin-newsroom/http'

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** Public reads worth answering without Next.js: feeds and the listing. */
const CACHEABLE = /^\/api\/newsroom\/(feed\.(rss|atom|json)|calendar\.ics|items)$/
/**
 * Marks the cache's own requests to the origin (fills and freshness checks), which must reach
 * Next. Its value is a random secret of this cache; from anyone else the header is dropped.
 */
export const INTERNAL_HEADER = 'x-newsroom-internal'

export type Encoding = 'br' | 'gzip' | 'identity'

/** One stored representation; the header lists are flat and built once (writeHead's cheapest form). */
type Variant = { ok: string[]; notModified: string[]; body: Buffer; etag: string }

type Entry = {
  variants: Partial<Record<Encoding, Variant>> & { identity: Variant }
  /** Every variant's ETag (the identity one, and the same with `-gzip`/`-br` before the closing quote) and Last-Modified. */
  validators: Validators
  storedAt: number
}

/** The origin's answer when it was not a 200: passed on to the requests that waited for it, never stored. */
type Refusal = { refused: number; head: string[]; body: Buffer }

/** Bodies smaller than this are sent as they are: compressing them saves less than the headers cost. */
const COMPRESS_FROM = 1024

/** The best encoding the client accepts (br, then gzip), honouring `;q=0`. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  let br = false
  let gz = false
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p))
    if (refused) continue
    if (name === 'br') br = true
    else if (name === 'gzip' || name === 'x-gzip' || name === '*') gz = true
  }
  return br ? 'br' : gz ? 'gzip' : 'identity'
}

export type PublicCacheOptions = {
  /** Where Next listens, for misses and for the freshness check. */
  origin: string
  /** How often to ask `/api/newsroom/state` whether the index changed. @default 1000 */
  recheckMs?: number
  /** Upper bound on an entry's life, for answers that depend on the clock (upcoming events). @default 60000 */
  maxAgeMs?: number
  maxEntries?: number
}

/**
 * An HTTP cache in front of Next for anonymous GET/HEAD of feeds and the listing, in the same
 * process as `npm start`. Entries are dropped when the listing index changes: the fingerprint is
 * read from `/api/newsroom/state` at most every `recheckMs`, and at once after any write that went
 * through this server. A hit costs a Map lookup, so hot feeds and 304s skip React, Next's router and Payload.
 * Each entry is stored identity, gzip and brotli (compressed once, at fill), chosen by Accept-Encoding.
 */
export function createPublicCache({ origin, recheckMs = 1000, maxAgeMs = 60_000, maxEntries = 1000 }: PublicCacheOptions) {
  const entries = new Map<string, Entry>()
  let fingerprint: string | null = null
  let checkedAt = 0
  let checking: Promise<void> | null = null
  /** Bumped whenever the entries are dropped: a fill begun before that must not store what it read. */
  let generation = 0
  /** One fill per key and generation: concurrent misses wait for the same origin request. */
  const inflight = new Map<string, { generation: number; entry: Promise<Entry | Refusal> }>()

  const secret = Buffer.from(randomBytes(32).toString('base64url'))
  const internal = { [INTERNAL_HEADER]: secret.toString() }
  const isOwn = (value: string | string[] | undefined) =>
    typeof value === 'string' && value.length === secret.length && timingSafeEqual(Buffer.from(value), secret)

  const refresh = async () => {
    const res = await fetch(`${origin}/api/newsroom/state`, { headers: internal })
    const { fingerprint: current } = (await res.json()) as { fingerprint: string }
    if (current !== fingerprint) {
      entries.clear()
      generation++
      fingerprint = current
    }
    checkedAt = Date.now()
  }

  /**
   * `key` is also the origin request (path and canonical query), so what is stored is what was asked.
   * A browser's `Origin` goes along (the answer's CORS headers depend on it) and is part of the entry's key.
   */
  const fill = async (key: string, startedIn: number, requestOrigin: string | null, entryKey: string): Promise<Entry | Refusal> => {
    const res = await fetch(`${origin}${key}`, { headers: requestOrigin ? { ...internal, origin: requestOrigin } : internal })
    const body = Buffer.from(await res.arrayBuffer())
    if (res.status !== 200) {
      const head = ['content-type', 'cache-control', 'retry-after', 'vary', 'access-control-allow-origin', 'access-control-expose-headers'].flatMap((name) => (res.headers.has(name) ? [name, res.headers.get(name)!] : []))
      return { refused: res.status, head: [...head, 'content-length', String(body.length)], body }
    }
    const headers: Record<string, string> = {}
    res.headers.forEach((v, k) => {
      if (!['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-encoding', 'content-length'].includes(k)) headers[k] = v
    })
    const etag = headers.etag ?? strongEtag(body)
    delete headers.etag
    const vary = headers.vary ? `${headers.vary}, accept-encoding` : 'accept-encoding'
    delete headers.vary
    const tagOf = (encoding: Encoding) => (encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`)
    const variant = (encoding: Encoding, bytes: Buffer): Variant => {
      const tag = tagOf(encoding)
      const common = { ...headers, etag: tag, vary, ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }) }
      const notModified = Object.entries(notModifiedHeaders(common)).flat()
      return { ok: Object.entries({ ...common, 'content-length': String(bytes.length) }).flat(), notModified, body: bytes, etag: tag }
    }
    const variants: Entry['variants'] = { identity: variant('identity', body) }
    if (body.length >= COMPRESS_FROM) {
      // Done once per entry, so every hit after it sends the small body.
      const [gz, br] = await Promise.all([
        gzip(body, { level: 6 }),
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      ])
      variants.gzip = variant('gzip', gz)
      variants.br = variant('br', br)
    }
    // A validator of any representation matches the others: they share the content.
    const validators: Validators = { etags: (['identity', 'gzip', 'br'] as const).map(tagOf), lastModified: headers['last-modified'] ? Date.parse(headers['last-modified']) : null }
    const entry: Entry = { variants, validators, storedAt: Date.now() }
    // Read before the index changed: good for the requests that were waiting for it, not for later ones.
    if (startedIn !== generation) return entry
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
    entries.set(entryKey, entry)
    return entry
  }

  const encodings = new Map<string, Encoding>()
  const encodingOf = (header: string | undefined): Encoding => {
    if (!header) return 'identity'
    let e = encodings.get(header)
    if (e === undefined) {
      e = pickEncoding(header)
      if (encodings.size > 100) encodings.clear()
      encodings.set(header, e)
    }
    return e
  }

  const send = (req: IncomingMessage, res: ServerResponse, entry: Entry) => {
    const v = entry.variants[encodingOf(req.headers['accept-encoding'])] ?? entry.variants.identity
    if (isNotModified({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] }, entry.validators)) {
      res.writeHead(304, v.notModified)
      res.end()
    } else {
      res.writeHead(200, v.ok)
      res.end(req.method === 'HEAD' ? undefined : v.body)
    }
    return true
  }

  /**
   * The cache key of a request-target, or null when it is not cacheable: the path and the query
   * in canonical order, both taken from ONE parse of the target (WHATWG URL, as Next and Payload
   * parse it). The key is also the request sent to the origin, so the answer stored under a key is
   * always the answer for that key.
   */
  const keyOf = (target: string): string | null => {
    const url = parseRequestTarget(target)
    return url && CACHEABLE.test(url.pathname) ? cacheKey(url) : null
  }
  const keys = new Map<string, string | null>()

  const slow = async (req: IncomingMessage, res: ServerResponse, key: string, requestOrigin: string | null, entryKey: string): Promise<boolean> => {
    if (Date.now() - checkedAt >= recheckMs) {
      checking ??= refresh().finally(() => (checking = null))
      await checking
    }
    let entry = entries.get(entryKey)
    if (entry && Date.now() - entry.storedAt > maxAgeMs) entry = undefined
    if (!entry) {
      let flight = inflight.get(entryKey)
      if (!flight || flight.generation !== generation) {
        const started = generation
        const pending = fill(key, started, requestOrigin, entryKey).finally(() => {
          if (inflight.get(entryKey)?.entry === pending) inflight.delete(entryKey)
        })
        inflight.set(entryKey, (flight = { generation: started, entry: pending }))
      }
      const result = await flight.entry
      if ('refused' in result) {
        // Errors (400/404) are not stored, but every request that waited for this one gets it.
        res.writeHead(result.refused, result.head)
        res.end(req.method === 'HEAD' ? undefined : result.body)
        return true
      }
      entry = result
    }
    return send(req, res, entry)
  }

  return {
    /** Call for every request; true (or a promise of true) when it was answered here. */
    handle(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
      const target = req.url ?? '/'
      if (target.includes('#')) return rejectFragment(res)
      const marker = req.headers[INTERNAL_HEADER]
      if (marker !== undefined) {
        if (isOwn(marker)) return false
        delete req.headers[INTERNAL_HEADER] // a client's copy means nothing
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.on('finish', () => (checkedAt = 0)) // a write through this server: recheck before the next hit
        return false
      }
      if (!target.startsWith('/api/newsroom/')) return false
      if (req.headers.authorization || req.headers.cookie?.includes('payload-token')) return false
      let key = keys.get(target)
      if (key === undefined) {
        key = keyOf(target)
        if (keys.size > 10_000) keys.clear()
        keys.set(target, key)
      }
      if (key === null) return false
      // CORS answers differ by Origin (Vary: Origin): one entry per origin, the plain one without.
      const requestOrigin = typeof req.headers.origin === 'string' && req.headers.origin ? req.headers.origin : null
      const entryKey = requestOrigin ? `${key}\n${requestOrigin}` : key
      // The hot path: fresh enough and cached, answered without awaiting anything.
      const entry = Date.now() - checkedAt < recheckMs ? entries.get(entryKey) : undefined
      if (entry && Date.now() - entry.storedAt <= maxAgeMs) return send(req, res, entry)
      return slow(req, res, key, requestOrigin, entryKey)
    },
  }
}

export type PublicCache = ReturnType<typeof createPublicCache>

/**
 * RFC 9112 §3.2: the request-target has no fragment, so a raw `#` is not HTTP. Answered 400 here
 * rather than guessed at: parsers disagree on it (a URL parser drops the rest, a string key keeps
 * it), which is how a `q=#tag` once got the answer for `q=` stored under its own key.
 */
function rejectFragment(res: ServerResponse): true {
  const body = JSON.stringify({
    error: 'invalid_request',
    message: 'The request-target must not contain "#" (RFC 9112 §3.2); send it percent-encoded as %23.',
  })
  res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store' })
  res.end(body)
  return true
}

/** The request listener of `npm start`: the cache first, Next (`next`) for everything it does not answer. */
export function serveThroughCache(cache: PublicCache, next: RequestListener, onError: (err: unknown) => void = (err) => console.error('public cache:', err)): RequestListener {
  return (req, res) => {
    const answered = cache.handle(req, res)
    if (answered === true) return
    if (answered === false) return void next(req, res)
    answered.then(
      (done) => void (done || next(req, res)),
      (err) => {
        onError(err) // fall through to Next
        void next(req, res)
      },
    )
  }
}
