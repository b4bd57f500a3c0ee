/**
 * Conditional GET (RFC 9110 §13.1.2–13.1.3, §15.4.5) for any server: the feed endpoints answer
 * Fetch `Request`s, the demo's HTTP cache Node's `IncomingMessage`; both decide here.
 */

/** What a response can be validated by: its entity tags (a representation may have several) and when it last changed. */
export type Validators = { etags: readonly string[]; lastModified?: Date | number | null }

/** The request's preconditions, as the header values came (absent: null or undefined). */
export type Preconditions = { ifNoneMatch?: string | null; ifModifiedSince?: string | null }

type HeaderBag = Headers | Record<string, string | string[] | undefined>

/** The preconditions of a Fetch `Request`'s headers or of Node's `req.headers`. */
export function preconditionsOf(headers: HeaderBag): Preconditions {
  if (typeof (headers as Headers).get === 'function') {
    const h = headers as Headers
    return { ifNoneMatch: h.get('if-none-match'), ifModifiedSince: h.get('if-modified-since') }
  }
  const h = headers as Record<string, string | string[] | undefined>
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v)
  return { ifNoneMatch: one(h['if-none-match']), ifModifiedSince: one(h['if-modified-since']) }
}

/** `W/"x"` and `"x"` → `x`. */
const opaqueTag = (tag: string) => tag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')

const ENTITY_TAG = /(?:W\/)?"([^"]*)"/g

/**
 * If-None-Match against our tags, by weak comparison (the W/ prefix does not matter): true when
 * the header is `*` or lists one of them. Entity tags are read as quoted strings, so a comma
 * inside one does not split it.
 */
export function etagMatches(ifNoneMatch: string, etags: readonly string[]): boolean {
  const header = ifNoneMatch.trim()
  if (header === '*') return true
  const ours = etags.map(opaqueTag)
  for (const m of header.matchAll(ENTITY_TAG)) if (ours.includes(m[1]!)) return true
  return false
}

/**
 * Whether a GET or HEAD may be answered 304. If-None-Match decides when present (If-Modified-Since
 * is then ignored); otherwise If-Modified-Since, by whole seconds (HTTP dates have no more), and
 * an unparseable date never matches.
 */
export function isNotModified(pre: Preconditions, validators: Validators): boolean {
  if (pre.ifNoneMatch) return etagMatches(pre.ifNoneMatch, validators.etags)
  if (!pre.ifModifiedSince || validators.lastModified == null) return false
  const since = Date.parse(pre.ifModifiedSince)
  const modified = typeof validators.lastModified === 'number' ? validators.lastModified : validators.lastModified.getTime()
  return !Number.isNaN(since) && !Number.isNaN(modified) && Math.floor(modified / 1000) * 1000 <= since
}

/** The fields a 304 carries of those its 200 would have (RFC 9110 §15.4.5). */
export const NOT_MODIFIED_HEADERS = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'] as const

/** The headers of a 200 narrowed to what its 304 sends. */
export function notModifiedHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if ((NOT_MODIFIED_HEADERS as readonly string[]).includes(name.toLowerCase())) kept[name] = value
  return kept
}

/** A 304 for a Fetch server, given the headers its 200 would have. */
export const notModifiedResponse = (headers: Record<string, string>) => new Response(null, { status: 304, headers: notModifiedHeaders(headers) })
