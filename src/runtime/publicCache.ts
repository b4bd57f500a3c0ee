import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** Public reads worth answering without Next.js: feeds and the listing. */
const CACHEABLE = /^\/api\/newsroom\/(feed\.(rss|atom|json)|calendar\.ics|items)$/
export const INTERNAL_HEADER = 'x-newsroom-internal'

export type Encoding = 'br' | 'gzip' | 'identity'

/** One stored representation; the header lists are flat and built once (writeHead's cheapest form). */
type Variant = { ok: string[]; notModified: string[]; body: Buffer; etag: string }

type Entry = {
  variants: Partial<Record<Encoding, Variant>> & { identity: Variant }
  /** The identity ETag; a compressed variant's is the same with `-br`/`-gzip` before the closing quote. */
  etag: string
  lastModified: number | null
  storedAt: number
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
  const inflight = new Map<string, Promise<Entry | null>>()

  const refresh = async () => {
    const res = await fetch(`${origin}/api/newsroom/state`, { headers: { [INTERNAL_HEADER]: '1' } })
    const { fingerprint: current } = (await res.json()) as { fingerprint: string }
    if (current !== fingerprint) {
      entries.clear()
      fingerprint = current
    }
    checkedAt = Date.now()
  }

  const fill = async (key: string, path: string): Promise<Entry | null> => {
    const res = await fetch(`${origin}${path}`, { headers: { [INTERNAL_HEADER]: '1' } })
    const body = Buffer.from(await res.arrayBuffer())
    if (res.status !== 200) return null
    const headers: Record<string, string> = {}
    res.headers.forEach((v, k) => {
      if (!['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-encoding', 'content-length'].includes(k)) headers[k] = v
    })
    const etag = headers.etag ?? `"${createHash('sha1').update(body).digest('base64url')}"`
    delete headers.etag
    const vary = headers.vary ? `${headers.vary}, accept-encoding` : 'accept-encoding'
    delete headers.vary
    const variant = (encoding: Encoding, bytes: Buffer): Variant => {
      const tag = encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`
      const common = { ...headers, etag: tag, vary, ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }) }
      const notModified = ['etag', tag, 'vary', vary, ...(headers['cache-control'] ? ['cache-control', headers['cache-control']] : [])]
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
    const entry: Entry = { variants, etag, lastModified: headers['last-modified'] ? Date.parse(headers['last-modified']) : null, storedAt: Date.now() }
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
    entries.set(key, entry)
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

  /** A validator for any representation of the entry matches (they share the content). */
  const fresh = (req: IncomingMessage, entry: Entry) => {
    const inm = req.headers['if-none-match']
    if (inm) {
      const tag = entry.etag.replace(/^W\//, '')
      const base = tag.slice(0, -1)
      return inm.split(',').some((raw) => {
        const t = raw.trim().replace(/^W\//, '')
        return t === '*' || t === tag || t === `${base}-gzip"` || t === `${base}-br"`
      })
    }
    const ims = req.headers['if-modified-since']
    return Boolean(ims && entry.lastModified && entry.lastModified <= Date.parse(ims))
  }

  const send = (req: IncomingMessage, res: ServerResponse, entry: Entry) => {
    const v = entry.variants[encodingOf(req.headers['accept-encoding'])] ?? entry.variants.identity
    if (fresh(req, entry)) {
      res.writeHead(304, v.notModified)
      res.end()
    } else {
      res.writeHead(200, v.ok)
      res.end(req.method === 'HEAD' ? undefined : v.body)
    }
    return true
  }

  /** Same query in another order, same entry. */
  const keyOf = (url: string) => {
    const q = url.indexOf('?')
    if (q === -1) return url
    const search = new URLSearchParams([...new URLSearchParams(url.slice(q + 1))].sort(([a], [b]) => a.localeCompare(b))).toString()
    return search ? `${url.slice(0, q)}?${search}` : url.slice(0, q)
  }
  const keys = new Map<string, string>()

  const slow = async (req: IncomingMessage, res: ServerResponse, url: string, key: string): Promise<boolean> => {
    if (Date.now() - checkedAt >= recheckMs) {
      checking ??= refresh().finally(() => (checking = null))
      await checking
    }
    let entry = entries.get(key)
    if (entry && Date.now() - entry.storedAt > maxAgeMs) entry = undefined
    if (!entry) {
        let pending = inflight.get(key)
        if (!pending) {
          pending = fill(key, url).finally(() => inflight.delete(key))
          inflight.set(key, pending)
        }
        entry = (await pending) ?? undefined
        if (!entry) return false // errors (400/404) go through Next and are not cached
      }
    return send(req, res, entry)
  }

  return {
    /** Call for every request; true (or a promise of true) when it was answered here. */
    handle(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.on('finish', () => (checkedAt = 0)) // a write through this server: recheck before the next hit
        return false
      }
      const url = req.url ?? '/'
      if (!url.startsWith('/api/newsroom/')) return false
      if (req.headers[INTERNAL_HEADER] || req.headers.authorization || req.headers.cookie?.includes('payload-token')) return false
      let key = keys.get(url)
      if (key === undefined) {
        const q = url.indexOf('?')
        if (!CACHEABLE.test(q === -1 ? url : url.slice(0, q))) return false
        key = keyOf(url)
        if (keys.size > 10_000) keys.clear()
        keys.set(url, key)
      }
      // The hot path: fresh enough and cached, answered without awaiting anything.
      const entry = Date.now() - checkedAt < recheckMs ? entries.get(key) : undefined
      if (entry && Date.now() - entry.storedAt <= maxAgeMs) return send(req, res, entry)
      return slow(req, res, url, key)
    },
  }
}
