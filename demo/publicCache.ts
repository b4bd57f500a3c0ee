import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { cacheKey, isNotModified, notModifiedHeaders, parseRequestTarget, strongEtag, type Validators } from 'payload-plugin-newsroom/http'

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** Public reads of the API worth answering without Next.js: feeds and the listing. */
const CACHEABLE = /^\/api\/newsroom\/(feed\.(rss|atom|json)|calendar\.ics|items)$/
/**
 * What Next.js sends for every dynamically rendered page (`force-dynamic`), whatever the page:
 * the framework's default, not a decision of the page. A page answer with it is stored (and sent
 * on with {@link PAGE_CACHE_CONTROL}); any other `private` or `no-store` is the page's own and is respected.
 */
export const NEXT_DYNAMIC_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate'
/** Cached pages: anyone may keep them, but must ask again (a 304 from the cache) before reuse. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
/**
 * Request headers of Next's client router (RSC payload instead of HTML, prefetches, server
 * actions): such a request wants another answer at the same URL, so it goes to Next.
 */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action'] as const
/** Says whether an answer came from the cache (`HIT`) or was just read from Next for it (`MISS`). */
export const CACHE_STATUS_HEADER = 'x-cache'
/**
 * Marks the cache's own requests to the origin (fills and freshness checks), which must reach
 * Next. Its value is a random secret of this cache; from anyone else the header is dropped.
 */
export const INTERNAL_HEADER = 'x-newsroom-internal'

export type Encoding = 'br' | 'gzip' | 'identity'

/** One stored representation; the header lists are flat and built once (writeHead's cheapest form). */
type Variant = { ok: string[]; okMiss: string[]; notModified: string[]; body: Buffer; etag: string }

type Entry = {
  variants: Partial<Record<Encoding, Variant>> & { identity: Variant }
  /** Every variant's ETag (the identity one, and the same with `-gzip`/`-br` before the closing quote) and Last-Modified. */
  validators: Validators
  storedAt: number
  bytes: number
}

/** The origin's answer when it was not a 200: passed on to the requests that waited for it, never stored. */
type Refusal = { refused: number; head: string[]; body: Buffer }
/** A 200 the cache must not store or share (it sets a cookie, or says `private`/`no-store` itself): each request goes to Next. */
type Pass = { pass: true }

/** A cacheable request-target: its key (also the request sent to Next) and whether it is a page. */
type Target = { key: string; page: boolean }

/** Headers of a non-200 answer passed on to the requests that waited for it. */
const REFUSAL_HEADERS = ['content-type', 'cache-control', 'retry-after', 'vary', 'location', 'content-security-policy', 'referrer-policy', 'x-robots-tag', 'access-control-allow-origin', 'access-control-expose-headers']
/** The security headers of `npm start` (demo/http/securityHeaders.ts), stored with an entry and sent on its 304s too. */
const KEPT_ON_304 = ['x-content-type-options', 'referrer-policy', 'x-frame-options', 'content-security-policy', 'strict-transport-security']
/** Hop-by-hop and per-response headers that are never stored. */
const NOT_STORED = ['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-encoding', 'content-length']

/**
 * Whether a 200 may be stored and shared: no `Set-Cookie` ever (a cookie is one visitor's), and no
 * `private` or `no-store` — except, on a page, Next's own default for dynamic rendering.
 */
export function isStorable(headers: Headers, page: boolean): boolean {
  if (headers.has('set-cookie')) return false
  const cacheControl = headers.get('cache-control')
  if (!cacheControl) return true
  if (page && cacheControl.replace(/\s+/g, ' ').trim().toLowerCase() === NEXT_DYNAMIC_CACHE_CONTROL) return true
  return !/(^|[\s,])(no-store|private)\b/i.test(cacheControl)
}

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
  /** Upper bound on the stored bytes (every encoding counted). @default 64 MiB */
  maxBytes?: number
  /**
   * The public pages (paths outside `/api/newsroom/`) to cache too, for anonymous visitors only:
   * a request with any cookie (draft mode's `__prerender_bypass`, `payload-token`), an
   * `Authorization`, or a header of Next's client router goes to Next, and so does anything
   * Next answers with a cookie, `private` or `no-store` of the page's own, or a status but 200.
   * @default none (only the API)
   */
  pages?: (pathname: string) => boolean
  /**
   * Sets the server's own headers (security headers) on an answer the cache writes that is not a
   * stored entry: errors passed on and its own 400. A stored entry already has them: its fill went
   * through the same server. @default none
   */
  decorate?: (req: IncomingMessage, res: ServerResponse) => void
}

/**
 * An HTTP cache in front of Next for anonymous GET/HEAD of feeds and the listing, in the same
 * process as `npm start`. Entries are dropped when the listing index changes: the fingerprint is
 * read from `/api/newsroom/state` at most every `recheckMs`, and at once after any write that went
 * through this server. A hit costs a Map lookup, so hot feeds and 304s skip React, Next's router and Payload.
 * Each entry is stored identity, gzip and brotli (compressed once, at fill), chosen by Accept-Encoding.
 */
export function createPublicCache({ origin, recheckMs = 1000, maxAgeMs = 60_000, maxEntries = 1000, maxBytes = 64 * 1024 * 1024, pages, decorate }: PublicCacheOptions) {
  const entries = new Map<string, Entry>()
  let storedBytes = 0
  /** Keys whose last answer was a 200 not to be stored ({@link Pass}): straight to Next until the index changes. */
  const passing = new Set<string>()
  let fingerprint: string | null = null
  let checkedAt = 0
  let checking: Promise<void> | null = null
  /** Bumped whenever the entries are dropped: a fill begun before that must not store what it read. */
  let generation = 0
  /** One fill per key and generation: concurrent misses wait for the same origin request. */
  const inflight = new Map<string, { generation: number; entry: Promise<Entry | Refusal | Pass> }>()

  const secret = Buffer.from(randomBytes(32).toString('base64url'))
  const internal = { [INTERNAL_HEADER]: secret.toString() }
  const isOwn = (value: string | string[] | undefined) =>
    typeof value === 'string' && value.length === secret.length && timingSafeEqual(Buffer.from(value), secret)

  const refresh = async () => {
    const res = await fetch(`${origin}/api/newsroom/state`, { headers: internal })
    const { fingerprint: current } = (await res.json()) as { fingerprint: string }
    if (current !== fingerprint) {
      entries.clear()
      passing.clear()
      storedBytes = 0
      generation++
      fingerprint = current
    }
    checkedAt = Date.now()
  }

  /**
   * `key` is also the origin request (path and canonical query), so what is stored is what was asked.
   * A browser's `Origin` goes along (the answer's CORS headers depend on it) and is part of the entry's key.
   */
  const fill = async ({ key, page }: Target, startedIn: number, requestOrigin: string | null, entryKey: string): Promise<Entry | Refusal | Pass> => {
    // A redirect (the preview route's, a trailing slash) is passed on as it is, never followed into another key's answer.
    const res = await fetch(`${origin}${key}`, { headers: requestOrigin ? { ...internal, origin: requestOrigin } : internal, redirect: 'manual' })
    const body = Buffer.from(await res.arrayBuffer())
    if (res.status !== 200) {
      const head = REFUSAL_HEADERS.flatMap((name) => (res.headers.has(name) ? [name, res.headers.get(name)!] : []))
      return { refused: res.status, head: [...head, 'content-length', String(body.length)], body }
    }
    if (!isStorable(res.headers, page)) {
      if (startedIn === generation) passing.add(entryKey)
      return { pass: true }
    }
    const headers: Record<string, string> = {}
    res.headers.forEach((v, k) => {
      if (!NOT_STORED.includes(k)) headers[k] = v
    })
    // A page's Content-Security-Policy (its script nonce) is stored with the body it belongs to; see README, *Public cache*.
    if (page && isStorable(res.headers, false) === false) headers['cache-control'] = PAGE_CACHE_CONTROL // Next's dynamic default (isStorable let it through as a page)
    const etag = headers.etag ?? strongEtag(body)
    delete headers.etag
    const vary = headers.vary ? `${headers.vary}, accept-encoding` : 'accept-encoding'
    delete headers.vary
    const tagOf = (encoding: Encoding) => (encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`)
    const variant = (encoding: Encoding, bytes: Buffer): Variant => {
      const tag = tagOf(encoding)
      const common = { ...headers, etag: tag, vary, ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }) }
      // A 304 carries the validators and metadata (RFC 9110 §15.4.5), and the server's security headers, as every answer does.
      const security = Object.entries(common).filter(([k]) => KEPT_ON_304.includes(k)).flat()
      const notModified = [...Object.entries(notModifiedHeaders(common)).flat(), ...security, CACHE_STATUS_HEADER, 'HIT']
      const ok = Object.entries({ ...common, 'content-length': String(bytes.length) }).flat()
      return { ok: [...ok, CACHE_STATUS_HEADER, 'HIT'], okMiss: [...ok, CACHE_STATUS_HEADER, 'MISS'], notModified, body: bytes, etag: tag }
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
    const bytes = Object.values(variants).reduce((sum, v) => sum + v.body.length, 0)
    const entry: Entry = { variants, validators, storedAt: Date.now(), bytes }
    // Read before the index changed: good for the requests that were waiting for it, not for later ones.
    if (startedIn !== generation || bytes > maxBytes) return entry
    const previous = entries.get(entryKey)
    if (previous) {
      entries.delete(entryKey)
      storedBytes -= previous.bytes
    }
    while (entries.size && (entries.size >= maxEntries || storedBytes + bytes > maxBytes)) {
      const [oldestKey, oldest] = entries.entries().next().value!
      entries.delete(oldestKey)
      storedBytes -= oldest.bytes
    }
    entries.set(entryKey, entry)
    storedBytes += bytes
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

  const send = (req: IncomingMessage, res: ServerResponse, entry: Entry, hit = true) => {
    const v = entry.variants[encodingOf(req.headers['accept-encoding'])] ?? entry.variants.identity
    if (isNotModified({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] }, entry.validators)) {
      res.writeHead(304, v.notModified)
      res.end()
    } else {
      res.writeHead(200, hit ? v.ok : v.okMiss)
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
  const keyOf = (target: string): Target | null => {
    const url = parseRequestTarget(target)
    if (!url) return null
    if (url.pathname.startsWith('/api/')) return CACHEABLE.test(url.pathname) ? { key: cacheKey(url), page: false } : null
    // A page reached by a personal link (the newsletter's confirm, preferences and unsubscribe pages,
    // `?token=`) shows one subscriber's address and state, which changes without the index changing.
    if (url.searchParams.has('token')) return null
    return pages?.(url.pathname) ? { key: cacheKey(url), page: true } : null
  }
  const keys = new Map<string, Target | null>()

  const slow = async (req: IncomingMessage, res: ServerResponse, target: Target, requestOrigin: string | null, entryKey: string): Promise<boolean> => {
    if (Date.now() - checkedAt >= recheckMs) {
      checking ??= refresh().finally(() => (checking = null))
      await checking
    }
    if (passing.has(entryKey)) return false
    let entry = entries.get(entryKey)
    let hit = true
    if (entry && Date.now() - entry.storedAt > maxAgeMs) entry = undefined
    if (!entry) {
      hit = false
      let flight = inflight.get(entryKey)
      if (!flight || flight.generation !== generation) {
        const started = generation
        const pending = fill(target, started, requestOrigin, entryKey).finally(() => {
          if (inflight.get(entryKey)?.entry === pending) inflight.delete(entryKey)
        })
        inflight.set(entryKey, (flight = { generation: started, entry: pending }))
      }
      const result = await flight.entry
      if ('pass' in result) return false // to Next, which answers this request itself
      if ('refused' in result) {
        // Errors (400/404) are not stored, but every request that waited for this one gets it.
        decorate?.(req, res)
        res.writeHead(result.refused, result.head)
        res.end(req.method === 'HEAD' ? undefined : result.body)
        return true
      }
      entry = result
    }
    return send(req, res, entry, hit)
  }

  return {
    /** Call for every request; true (or a promise of true) when it was answered here. */
    handle(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
      const target = req.url ?? '/'
      if (target.includes('#')) {
        decorate?.(req, res)
        return rejectFragment(res)
      }
      const marker = req.headers[INTERNAL_HEADER]
      if (marker !== undefined) {
        if (isOwn(marker)) return false
        delete req.headers[INTERNAL_HEADER] // a client's copy means nothing
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.on('finish', () => (checkedAt = 0)) // a write through this server: recheck before the next hit
        return false
      }
      const api = target.startsWith('/api/newsroom/')
      if (!api && !pages) return false
      if (req.headers.authorization) return false
      let t = keys.get(target)
      if (t === undefined) {
        t = keyOf(target)
        if (keys.size > 10_000) keys.clear()
        keys.set(target, t)
      }
      if (t === null) return false
      if (t.page ? isPersonal(req) : req.headers.cookie?.includes('payload-token')) return false
      const key = t.key
      // CORS answers differ by Origin (Vary: Origin): one entry per origin, the plain one without.
      const requestOrigin = typeof req.headers.origin === 'string' && req.headers.origin ? req.headers.origin : null
      const entryKey = requestOrigin ? `${key}\n${requestOrigin}` : key
      // The hot path: fresh enough and cached, answered without awaiting anything.
      const entry = Date.now() - checkedAt < recheckMs ? entries.get(entryKey) : undefined
      if (entry && Date.now() - entry.storedAt <= maxAgeMs) return send(req, res, entry)
      return slow(req, res, t, requestOrigin, entryKey)
    },
  }
}

export type PublicCache = ReturnType<typeof createPublicCache>

/**
 * A page request that may see something else than the anonymous page: any cookie (Next's draft
 * mode, a Payload login; the pages set none for visitors, so a cookie is never an anonymous
 * reader's), or Next's client router asking for its RSC payload.
 */
function isPersonal(req: IncomingMessage): boolean {
  if (req.headers.cookie !== undefined) return true
  for (const name of ROUTER_HEADERS) if (req.headers[name] !== undefined) return true
  return false
}

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
