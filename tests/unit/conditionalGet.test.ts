import { describe, expect, it } from 'vitest'

import { cacheKey, parseRequestTarget } from '../../src/http/cacheKey'
import { etagMatches, isNotModified, notModifiedResponse, preconditionsOf } from '../../src/http/conditionalGet'
import { strongEtag } from '../../src/http/strongEtag'

const BODY = '<rss version="2.0"><channel><title>Nyheter</title></channel></rss>'
const ETAG = strongEtag(BODY)
// Not on a whole second: HTTP dates are, so If-Modified-Since must compare by seconds.
const LAST_MODIFIED = new Date('2026-11-30T10:00:00.750Z')

/** A feed endpoint as the plugin writes one: 200 with validators, or 304 when the request's validators match. */
function serve(request: Request): Response {
  const headers = {
    'content-type': 'application/rss+xml; charset=utf-8',
    etag: ETAG,
    'last-modified': LAST_MODIFIED.toUTCString(),
    'cache-control': 'public, max-age=300',
    vary: 'Accept-Encoding',
  }
  if (isNotModified(preconditionsOf(request.headers), { etags: [ETAG], lastModified: LAST_MODIFIED })) return notModifiedResponse(headers)
  return new Response(request.method === 'HEAD' ? null : BODY, { status: 200, headers })
}

const get = (headers: Record<string, string> = {}, method = 'GET') => serve(new Request('http://newsroom.test/api/newsroom/feed.rss', { method, headers }))

describe('conditional GET (src/http/conditionalGet.ts)', () => {
  it('answers 200 with the body and its validators when the request has none', async () => {
    const res = get()
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(BODY)
    expect(res.headers.get('etag')).toBe(ETAG)
    expect(ETAG).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    expect(strongEtag(Buffer.from(BODY))).toBe(ETAG) // same bytes, same tag
  })

  it('answers 304 without a body for its own ETag, keeping only the headers a 304 carries', async () => {
    const res = get({ 'if-none-match': ETAG })
    expect(res.status).toBe(304)
    expect(await res.text()).toBe('')
    expect(res.headers.get('etag')).toBe(ETAG)
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(res.headers.get('content-type')).toBeNull()
    expect(get({ 'if-none-match': ETAG }, 'HEAD').status).toBe(304)
  })

  it('If-None-Match compares weakly, reads lists and *, and refuses other tags', () => {
    expect(get({ 'if-none-match': `W/${ETAG}` }).status).toBe(304)
    expect(get({ 'if-none-match': `"old-1", W/"old-2",${ETAG}` }).status).toBe(304)
    expect(get({ 'if-none-match': '*' }).status).toBe(304)
    expect(get({ 'if-none-match': '"something-else"' }).status).toBe(200)
    expect(get({ 'if-none-match': ETAG.slice(1, -1) }).status).toBe(200) // unquoted: not an entity tag
    expect(etagMatches('W/"x"', ['W/"x"'])).toBe(true)
  })

  it('an entity tag with a comma inside is one tag, not two', () => {
    expect(etagMatches('"a,b"', ['"a,b"'])).toBe(true)
    expect(etagMatches('"a", "b"', ['"a,b"'])).toBe(false)
    expect(etagMatches('"a,b"', ['"a"', '"b"'])).toBe(false)
  })

  it('If-Modified-Since by whole seconds; If-None-Match decides when both are sent', () => {
    const at = LAST_MODIFIED.toUTCString()
    expect(get({ 'if-modified-since': at }).status).toBe(304)
    expect(get({ 'if-modified-since': new Date(LAST_MODIFIED.getTime() + 3600_000).toUTCString() }).status).toBe(304)
    expect(get({ 'if-modified-since': new Date(LAST_MODIFIED.getTime() - 1000).toUTCString() }).status).toBe(200)
    expect(get({ 'if-modified-since': 'not a date' }).status).toBe(200)
    expect(get({ 'if-none-match': '"something-else"', 'if-modified-since': at }).status).toBe(200)
    expect(get({ 'if-none-match': ETAG, 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' }).status).toBe(304)
    expect(isNotModified({ ifModifiedSince: at }, { etags: [ETAG], lastModified: null })).toBe(false)
  })

  it('reads Node request headers as well as Fetch Headers', () => {
    expect(preconditionsOf({ 'if-none-match': ETAG, host: 'x' })).toEqual({ ifNoneMatch: ETAG, ifModifiedSince: undefined })
    expect(preconditionsOf(new Headers({ 'If-Modified-Since': 'Mon, 30 Nov 2026 10:00:00 GMT' }))).toEqual({ ifNoneMatch: null, ifModifiedSince: 'Mon, 30 Nov 2026 10:00:00 GMT' })
  })
})

describe('cache keys from one parse of the request-target (src/http/cacheKey.ts)', () => {
  const key = (target: string, ignore?: string[]) => {
    const url = parseRequestTarget(target)
    return url && cacheKey(url, ignore)
  }

  it('the same query in any order is one key; repeated names keep their order', () => {
    expect(key('/api/newsroom/items?type=news&locale=en')).toBe('/api/newsroom/items?locale=en&type=news')
    expect(key('/api/newsroom/items?locale=en&type=news')).toBe('/api/newsroom/items?locale=en&type=news')
    expect(key('/api/newsroom/items?category=b&locale=sv&category=a')).toBe('/api/newsroom/items?category=b&category=a&locale=sv')
    expect(key('/api/newsroom/items?category=a&category=b')).not.toBe(key('/api/newsroom/items?category=b&category=a'))
  })

  it('encodings of the same value are one key; no query is the bare path', () => {
    expect(key('/api/newsroom/items?q=r%C3%A4ksm%C3%B6rg%C3%A5s%20bar')).toBe(key('/api/newsroom/items?q=räksmörgås+bar'))
    expect(key('/api/newsroom/feed.rss')).toBe('/api/newsroom/feed.rss')
    expect(key('/api/newsroom/feed.rss?')).toBe('/api/newsroom/feed.rss')
  })

  it('leaves out the ignored parameters', () => {
    expect(key('/api/newsroom/feed.rss?cursor=abc&type=news', ['cursor'])).toBe('/api/newsroom/feed.rss?type=news')
    expect(key('/api/newsroom/feed.rss?cursor=abc', ['cursor'])).toBe('/api/newsroom/feed.rss')
  })

  it('the key is what the URL parser sees: dot segments resolved, an encoded # kept in the value', () => {
    expect(key('/api/newsroom/x/../feed.rss')).toBe('/api/newsroom/feed.rss')
    expect(key('/api/newsroom/items?q=%23tag')).toBe('/api/newsroom/items?q=%23tag')
    expect(parseRequestTarget('http://[::1')).toBeNull()
  })
})
