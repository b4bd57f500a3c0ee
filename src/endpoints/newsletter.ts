import type { Endpoint, PayloadRequest } from 'payload'

import { isEmailAddress } from '../emailAddress.js'
import { readTextLimited } from '../http/readBodyLimited.js'
import { absoluteUrl, SIGNUP_QUEUE, type Subscriber, TASK_SIGNUP } from '../newsletter/common.js'
import { kickSignupQueue } from '../newsletter/kickQueue.js'
import { hitRateLimit } from '../newsletter/rateLimit.js'
import type { SignupInput } from '../newsletter/signup.js'
import { hashToken } from '../newsletter/tokens.js'
import { page } from '../newsletter/templates.js'
import {
  bad,
  clientIp,
  field,
  findByHash,
  html,
  MAX_BODY,
  noStore,
  type Options,
  pageLocale,
  readBody,
  readFrequency,
  readLocale,
  readTopics,
  tooMany,
  wantsJson,
} from './newsletterShared.js'
import { preferencesEndpoints } from './preferences.js'

const ACCEPTED = {
  ok: true,
  message: 'Om adressen kan ta emot e-post får den strax ett mejl från oss. / If the address can receive e-mail, a message from us is on its way.',
}
const accepted = () => Response.json(ACCEPTED, { status: 202, headers: { 'cache-control': 'no-store' } })

/**
 * `POST /api/newsroom/subscribe`: double opt-in sign-up. The request validates, counts the rate
 * limits and queues one `newsletterSignup` job with the form: the same work, the same 202 and body
 * whatever the address's state (new, pending, active, unsubscribed, bounced). The job decides what
 * to do and sends the mail (src/newsletter/signup.ts); the queue is kicked right after the answer.
 */
export const subscribeEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/subscribe',
  method: 'post',
  handler: async (req) => {
    const { payload } = req
    const settings = options.newsletter
    const body = await readBody(req)
    if (body instanceof Response) return body

    const ipLimit = await hitRateLimit(payload, options, `ip:${clientIp(req, options)}`, settings.ipPerMinute, 60_000)
    if (!ipLimit.ok) return tooMany(ipLimit.retryAfter)

    const str = (n: string) => field(body, n)
    // Honeypot: a hidden field people leave empty. Bots fill it in; they get the usual answer and nothing happens.
    const website = str('website')
    if (website !== undefined && website !== null && website !== '') return accepted()

    const emailRaw = str('email')
    if (!isEmailAddress(emailRaw)) return bad('email', 'must be an e-mail address')
    const email = emailRaw.toLowerCase()

    const topics = await readTopics(payload, options.collections.topics.slug, body)
    if (topics instanceof Response) return topics

    const locale = readLocale(body, options.defaultLocale, options.locales)
    if (locale instanceof Response) return locale
    const frequency = readFrequency(body, 'weekly')
    if (frequency instanceof Response) return frequency
    const consent = body.get('consent')
    if (!(consent === true || consent === 'true' || consent === 'on' || consent === '1' || consent === 1)) return bad('consent', 'must be given (true)')
    const sourcePage = str('sourcePage') ?? req.headers.get('referer') ?? null
    if (sourcePage !== null && (typeof sourcePage !== 'string' || sourcePage.length > 500)) return bad('sourcePage', 'must be a URL or path of at most 500 characters')

    const emailLimit = await hitRateLimit(payload, options, `email:${hashToken(email)}`, settings.emailPerHour, 3600_000)
    if (!emailLimit.ok) return tooMany(emailLimit.retryAfter)

    const input: SignupInput = {
      email,
      topics,
      locale,
      frequency,
      consent: { at: new Date().toISOString(), wordingVersion: settings.consentWordingVersion, sourcePage },
    }
    await payload.jobs.queue({ task: TASK_SIGNUP as never, queue: SIGNUP_QUEUE, input: input as never })
    kickSignupQueue(payload, 'afterResponse')
    return accepted()
  },
})

/**
 * `?token=`, else the form's `token` field. The body is read (within MAX_BODY, else 413) even when
 * the query has the token, so an oversized body is refused the same way either way.
 */
async function tokenFromQueryOrForm(req: PayloadRequest): Promise<string | undefined | Response> {
  const read = await readTextLimited(req, MAX_BODY)
  if (!read.ok) return read.reason === 'too_large' ? bad('body', `must be at most ${MAX_BODY} bytes`, 413) : bad('body', 'could not be read')
  return new URL(req.url!).searchParams.get('token') || (new URLSearchParams(read.text).get('token') ?? undefined)
}

type LinkState =
  | { state: 'invalid'; s: Subscriber | null }
  | { state: 'used'; s: Subscriber; kind: 'confirm' | 'manage' }
  | { state: 'open'; s: Subscriber; kind: 'confirm' | 'manage' }

/**
 * What a confirmation link is now: `open` (never used, within its life), `used` (used within its
 * life, and the subscription still active), else `invalid` (unknown, replaced by a newer mail,
 * expired, or the subscriber has since unsubscribed).
 */
async function linkState(req: PayloadRequest, options: Options, token: unknown): Promise<LinkState> {
  const s = await findByHash(req, options, 'confirmTokenHash', token)
  if (!s || !s.confirmTokenExpiresAt || new Date(s.confirmTokenExpiresAt).getTime() < Date.now()) return { state: 'invalid', s }
  // Links mailed before the kind was stored: a link to an active subscriber applies new settings.
  const kind = s.confirmTokenKind === 'manage' || (!s.confirmTokenKind && s.status === 'active') ? 'manage' : 'confirm'
  if (s.confirmTokenUsedAt) return s.status === 'active' ? { state: 'used', s, kind } : { state: 'invalid', s }
  return s.status === 'bounced' ? { state: 'invalid', s } : { state: 'open', s, kind }
}

/**
 * The JSON answer of `GET /api/newsroom/confirm` for the site's confirm page: what the link is now,
 * and whose it is (the page names the address). An invalid link names nobody.
 */
function linkJson(req: PayloadRequest, link: LinkState) {
  if (link.state === 'invalid') return Response.json({ error: 'invalid_token', parameter: 'token', state: 'invalid', locale: pageLocale(req, link.s) }, { status: 410, headers: noStore })
  const locale = link.state === 'open' ? ((link.s.pendingPreferences as { locale?: string } | null)?.locale ?? link.s.locale) : link.s.locale
  return Response.json({ ok: true, state: link.state, kind: link.kind, email: link.s.email, locale }, { headers: noStore })
}

/** The "link expired" page, linking to the sign-up page. */
const invalidPage = (req: PayloadRequest, options: Options, status: number, s?: Subscriber | null) =>
  html(page('invalid', pageLocale(req, s), { signup: absoluteUrl(options, options.newsletter.signupPage) }), status)

/** Origins a confirmation form may end up at: ours ('self') and that of `confirmRedirect`. */
const formTargets = (options: Options) => {
  const { confirmRedirect } = options.newsletter
  return confirmRedirect ? [new URL(absoluteUrl(options, confirmRedirect)).origin] : []
}

/**
 * `GET /api/newsroom/confirm?token=`: changes nothing. An open link gets a page whose form posts the
 * token back and submits itself (a person with a browser sees the result; a mail scanner that
 * fetches the link confirms nothing); a used one says it is already confirmed (200, so a browser
 * repeating the request, as Chromium does for `Critical-CH`, shows no error); otherwise 410.
 */
export const confirmPageEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/confirm',
  method: 'get',
  handler: async (req) => {
    const url = new URL(req.url!)
    const token = url.searchParams.get('token')
    const link = await linkState(req, options, token)
    if (wantsJson(req)) return linkJson(req, link)
    if (link.state === 'invalid') return invalidPage(req, options, 410, link.s)
    const locale = (link.s.pendingPreferences as { locale?: string } | null)?.locale ?? link.s.locale
    if (link.state === 'used') return html(page(link.kind === 'manage' ? 'alreadyApplied' : 'alreadyConfirmed', link.s.locale))
    return html(page(link.kind === 'manage' ? 'manageAsk' : 'confirmAsk', locale, { action: url.pathname, token: token! }), 200, {}, formTargets(options))
  },
})

/**
 * `POST /api/newsroom/confirm` (`token` in the form or the query): confirms. The subscriber becomes
 * active with the settings and consent waiting in `pendingPreferences` (an active one's new
 * settings, an unsubscribed one's new sign-up). The link is marked used and keeps working as
 * "already confirmed" until it expires. A page, or `303` to `newsletter.confirmRedirect`.
 */
export const confirmEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/confirm',
  method: 'post',
  handler: async (req) => {
    const { payload } = req
    const settings = options.newsletter
    const token = await tokenFromQueryOrForm(req)
    if (token instanceof Response) return token
    const link = await linkState(req, options, token)
    const json = wantsJson(req)
    if (link.state === 'invalid') return json ? linkJson(req, link) : invalidPage(req, options, 410, link.s)
    const { s, kind } = link
    if (link.state === 'open') {
      const pending = s.pendingPreferences as Record<string, unknown> | null | undefined
      const now = new Date().toISOString()
      await payload.update({
        collection: options.collections.subscribers.slug,
        id: s.id,
        data: {
          ...(pending && typeof pending === 'object' ? pending : {}),
          pendingPreferences: null,
          status: 'active',
          unsubscribedAt: null,
          failedInRow: 0,
          confirmTokenUsedAt: now,
          ...(s.status === 'active' ? {} : { confirmedAt: now }),
        } as never,
        overrideAccess: true,
        depth: 0,
      })
      const locale = (pending?.locale as string | undefined) ?? s.locale
      const redirect = settings.confirmRedirect ? absoluteUrl(options, settings.confirmRedirect) : undefined
      if (json) return Response.json({ ok: true, state: kind === 'manage' ? 'applied' : 'confirmed', kind, email: s.email, locale, ...(redirect ? { redirect } : {}) }, { headers: noStore })
      if (redirect) return new Response(null, { status: 303, headers: { location: redirect, 'cache-control': 'no-store' } })
      return html(page(kind === 'manage' ? 'applied' : 'confirmed', locale))
    }
    if (json) return Response.json({ ok: true, state: 'used', kind, email: s.email, locale: s.locale }, { headers: noStore })
    return html(page(kind === 'manage' ? 'alreadyApplied' : 'alreadyConfirmed', s.locale))
  },
})

/** The JSON answer of the unsubscribe endpoints for the site's page: whose link it is and whether they still subscribe. */
const unsubscribeJson = (req: PayloadRequest, s: Subscriber | null) =>
  s
    ? Response.json({ ok: true, state: s.status === 'unsubscribed' ? 'unsubscribed' : 'subscribed', email: s.email, locale: s.locale }, { headers: noStore })
    : Response.json({ error: 'invalid_token', parameter: 'token', state: 'invalid', locale: pageLocale(req) }, { status: 404, headers: noStore })

/** `GET /api/newsroom/unsubscribe?token=`: a page with a button (mail scanners follow GET links; only POST acts). */
export const unsubscribePageEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/unsubscribe',
  method: 'get',
  handler: async (req) => {
    const token = new URL(req.url!).searchParams.get('token')
    const s = await findByHash(req, options, 'unsubscribeTokenHash', token)
    if (wantsJson(req)) return unsubscribeJson(req, s)
    if (!s) return invalidPage(req, options, 404)
    if (s.status === 'unsubscribed') return html(page('unsubscribed', s.locale))
    return html(page('unsubscribeAsk', s.locale, { action: new URL(req.url!).pathname + new URL(req.url!).search }))
  },
})

/**
 * `POST /api/newsroom/unsubscribe?token=`: RFC 8058 one-click (`List-Unsubscribe=One-Click`) and the
 * page's form. No cookies needed, always 200 for a known token, never a redirect, idempotent.
 */
export const unsubscribeEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/unsubscribe',
  method: 'post',
  handler: async (req) => {
    const token = await tokenFromQueryOrForm(req)
    if (token instanceof Response) return token
    const s = await findByHash(req, options, 'unsubscribeTokenHash', token)
    if (!s) return wantsJson(req) ? unsubscribeJson(req, s) : invalidPage(req, options, 404)
    if (s.status !== 'unsubscribed') {
      await req.payload.update({
        collection: options.collections.subscribers.slug,
        id: s.id,
        data: {
          status: 'unsubscribed',
          unsubscribedAt: new Date().toISOString(),
          confirmTokenHash: null,
          confirmTokenExpiresAt: null,
          confirmTokenUsedAt: null,
          confirmTokenKind: null,
          pendingPreferences: null,
        } as never,
        overrideAccess: true,
        depth: 0,
      })
    }
    return wantsJson(req) ? unsubscribeJson(req, { ...s, status: 'unsubscribed' }) : html(page('unsubscribed', s.locale))
  },
})

export const newsletterEndpoints = (options: Options): Endpoint[] => [
  ...[subscribeEndpoint, confirmPageEndpoint, confirmEndpoint, unsubscribePageEndpoint, unsubscribeEndpoint].map((make) => make(options)),
  ...preferencesEndpoints(options),
]
