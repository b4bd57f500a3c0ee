import type { Payload, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { clientAddress, rateLimitBucket } from '../http/clientAddress.js'
import { readTextLimited } from '../http/readBodyLimited.js'
import { BadParameter } from '../listing/params.js'
import { type Frequency, type Subscriber } from '../newsletter/common.js'
import { AUTO_SUBMIT_SCRIPT_HASH } from '../newsletter/templates.js'
import { hashToken, plausibleToken } from '../newsletter/tokens.js'
import { badParameterResponse } from './items.js'

/** Helpers shared by the subscribe, confirm, unsubscribe and preferences endpoints. */

export type Options = ResolvedNewsroomOptions
export const MAX_BODY = 10 * 1024

/**
 * Headers of every newsletter page: its URL holds a token, so no referrer; the one script allowed
 * is the confirmation form's (by hash); forms post only back to us (and, after confirming, may be
 * redirected to `formTargets`, the origin of `newsletter.confirmRedirect`).
 */
export function pageSecurityHeaders(formTargets: string[] = []): Record<string, string> {
  const formAction = ["'self'", ...formTargets].join(' ')
  return {
    'content-security-policy': `default-src 'none'; script-src '${AUTO_SUBMIT_SCRIPT_HASH}'; style-src 'unsafe-inline'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
    'referrer-policy': 'no-referrer',
  }
}

export const html = (body: string, status = 200, headers: Record<string, string> = {}, formTargets: string[] = []) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...pageSecurityHeaders(formTargets), ...headers } })

export const noStore = { 'cache-control': 'no-store' }

/** A JSON answer for the site's pages (they call these endpoints in-process with `Accept: application/json`). */
export const wantsJson = (req: PayloadRequest) => {
  const accept = req.headers.get('accept') ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

export const bad = (parameter: string, message: string, status = 400) => badParameterResponse(new BadParameter(parameter, message, status))

export const tooMany = (retryAfter: number, message = 'Too many sign-up attempts; try again later.') =>
  Response.json({ error: 'rate_limited', message, retryAfter }, { status: 429, headers: { 'retry-after': String(retryAfter) } })

/**
 * The client's address as rate limits count it: from `X-Forwarded-For` as the `trustProxy`
 * option says (src/http/clientAddress.ts), IPv6 by its /64.
 */
export function clientIp(req: PayloadRequest, options: Options): string {
  return rateLimitBucket(clientAddress(req.headers, options.trustProxy))
}

export type Fields = { type: 'json' | 'form'; get: (name: string) => unknown; all: (name: string) => unknown[]; has: (name: string) => boolean }

/** Reads a JSON or urlencoded body of at most 10 KB; a Response when it cannot. */
export async function readBody(req: PayloadRequest): Promise<Fields | Response> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    return bad('content-type', 'must be application/json or application/x-www-form-urlencoded', 415)
  }
  const read = await readTextLimited(req, MAX_BODY)
  if (!read.ok) return read.reason === 'too_large' ? bad('body', `must be at most ${MAX_BODY} bytes`, 413) : bad('body', 'could not be read')
  const text = read.text
  if (type === 'application/json') {
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      return bad('body', 'is not valid JSON')
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return bad('body', 'must be a JSON object')
    const o = data as Record<string, unknown>
    return {
      type: 'json',
      get: (n) => o[n],
      all: (n) => (o[n] === undefined ? [] : Array.isArray(o[n]) ? (o[n] as unknown[]) : [o[n]]),
      has: (n) => o[n] !== undefined,
    }
  }
  const params = new URLSearchParams(text)
  return {
    type: 'form',
    get: (n) => params.get(n) ?? undefined,
    all: (n) => [...params.getAll(n), ...params.getAll(`${n}[]`)],
    has: (n) => params.has(n) || params.has(`${n}[]`),
  }
}

/** A string field trimmed; other values as they are. */
export const field = (body: Fields, name: string) => {
  const v = body.get(name)
  return typeof v === 'string' ? v.trim() : v
}

/** `topics` as slugs (repeated, `topics[]` or comma-separated) resolved to topic ids; none = every topic. */
export async function readTopics(payload: Payload, topicsSlug: string, body: Fields): Promise<(string | number)[] | Response> {
  const slugs: string[] = []
  for (const v of body.all('topics')) {
    if (typeof v !== 'string') return bad('topics', 'must be topic slugs (an array or comma-separated)')
    slugs.push(...v.split(',').map((x) => x.trim()).filter(Boolean))
  }
  if (slugs.length > 100) return bad('topics', 'at most 100 topics')
  if (!slugs.length) return []
  const unique = [...new Set(slugs)]
  const { docs } = await payload.find({ collection: topicsSlug, where: { slug: { in: unique } }, limit: unique.length, depth: 0, pagination: false, overrideAccess: true })
  const found = new Map(docs.map((d) => [String((d as { slug?: string }).slug), d.id]))
  const unknown = unique.filter((s) => !found.has(s))
  if (unknown.length) return bad('topics', `unknown topic ${unknown.map((u) => `"${u}"`).join(', ')}`)
  return unique.map((s) => found.get(s)!)
}

/** `locale` (absent or null: `fallback`), one of the configured locales. */
export function readLocale(body: Fields, fallback: string, locales: string[]): string | Response {
  const locale = field(body, 'locale') ?? fallback
  return typeof locale === 'string' && locales.includes(locale) ? locale : bad('locale', `must be one of ${locales.join(', ')}`)
}

/** `frequency` (absent or null: `fallback`): daily or weekly. */
export function readFrequency(body: Fields, fallback: Frequency): Frequency | Response {
  const frequency = field(body, 'frequency') ?? fallback
  return frequency === 'daily' || frequency === 'weekly' ? frequency : bad('frequency', 'must be daily or weekly')
}

/** Language of a page for a request whose subscriber may be unknown: theirs, else `?locale=en`, else Swedish. */
export const pageLocale = (req: PayloadRequest, s?: Subscriber | null) => s?.locale ?? (new URL(req.url!).searchParams.get('locale') === 'en' ? 'en' : 'sv')

/** The subscriber whose stored token hash matches `token`; null for anything else. */
export const findByHash = async (req: PayloadRequest, options: Options, field: 'confirmTokenHash' | 'unsubscribeTokenHash', token: unknown) => {
  if (!plausibleToken(token)) return null
  const { docs } = await req.payload.find({ collection: options.collections.subscribers.slug, where: { [field]: { equals: hashToken(token) } }, limit: 1, depth: 0, pagination: false, overrideAccess: true })
  return (docs[0] as unknown as Subscriber | undefined) ?? null
}
