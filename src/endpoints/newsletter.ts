import type { Endpoint } from 'payload'

import { absoluteUrl, newsletterSettings, type Subscriber, TASK_SEND_MAIL } from '../newsletter/common'
import { hitRateLimit } from '../newsletter/rateLimit'
import { newNonce, hashToken, unsubscribeToken } from '../newsletter/tokens'
import { page } from '../newsletter/templates'
import {
  bad,
  clientIp,
  field,
  findByHash,
  html,
  MAX_BODY,
  pageLocale,
  readBody,
  readFrequency,
  readLocale,
  readTopics,
  SUBS,
  tooMany,
} from './newsletterShared'
import { preferencesEndpoints } from './preferences'

const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]+$/

const ACCEPTED = {
  ok: true,
  message: 'Om adressen kan ta emot e-post får den strax ett mejl från oss. / If the address can receive e-mail, a message from us is on its way.',
}
const accepted = () => Response.json(ACCEPTED, { status: 202, headers: { 'cache-control': 'no-store' } })

/**
 * `POST /api/newsroom/subscribe`: double opt-in sign-up. New, pending, active and unsubscribed
 * addresses get the same 202 and body; the mail is sent by the `newsletterSendMail` job.
 */
export const subscribeEndpoint: Endpoint = {
  path: '/newsroom/subscribe',
  method: 'post',
  handler: async (req) => {
    const { payload } = req
    const settings = newsletterSettings(payload)
    const body = await readBody(req)
    if (body instanceof Response) return body

    const ipLimit = await hitRateLimit(payload, `ip:${clientIp(req)}`, settings.ipPerMinute, 60_000)
    if (!ipLimit.ok) return tooMany(ipLimit.retryAfter)

    const str = (n: string) => field(body, n)
    // Honeypot: a hidden field people leave empty. Bots fill it in; they get the usual answer and nothing happens.
    const website = str('website')
    if (website !== undefined && website !== null && website !== '') return accepted()

    const emailRaw = str('email')
    if (typeof emailRaw !== 'string' || emailRaw.length > 254 || !EMAIL.test(emailRaw)) return bad('email', 'must be an e-mail address')
    const email = emailRaw.toLowerCase()

    const topicIds = await readTopics(payload, settings.topicsSlug, body)
    if (topicIds instanceof Response) return topicIds

    const locale = readLocale(body, settings.defaultLocale, settings.locales)
    if (locale instanceof Response) return locale
    const frequency = readFrequency(body, 'weekly')
    if (frequency instanceof Response) return frequency
    const consent = body.get('consent')
    if (!(consent === true || consent === 'true' || consent === 'on' || consent === '1' || consent === 1)) return bad('consent', 'must be given (true)')
    const sourcePage = str('sourcePage') ?? req.headers.get('referer') ?? null
    if (sourcePage !== null && (typeof sourcePage !== 'string' || sourcePage.length > 500)) return bad('sourcePage', 'must be a URL or path of at most 500 characters')

    const emailLimit = await hitRateLimit(payload, `email:${hashToken(email)}`, settings.emailPerHour, 3600_000)
    if (!emailLimit.ok) return tooMany(emailLimit.retryAfter)

    const prefs = { topics: topicIds, locale, frequency }
    const consentData = { at: new Date().toISOString(), wordingVersion: settings.consentWordingVersion, sourcePage }
    const findExisting = async () =>
      (await payload.find({ collection: SUBS, where: { email: { equals: email } }, limit: 1, depth: 0, pagination: false, overrideAccess: true })).docs[0] as unknown as
        | Subscriber
        | undefined

    let subscriber = await findExisting()
    let kind: 'confirm' | 'manage' = 'confirm'
    if (!subscriber) {
      const nonce = newNonce()
      try {
        subscriber = (await payload.create({
          collection: SUBS,
          data: { email, status: 'pending', ...prefs, consent: consentData, unsubscribeNonce: nonce, unsubscribeTokenHash: hashToken(unsubscribeToken(payload.secret, nonce)) } as never,
          overrideAccess: true,
          depth: 0,
        })) as unknown as Subscriber
      } catch (err) {
        // Lost a race with a concurrent sign-up of the same address: treat it as existing.
        subscriber = await findExisting()
        if (!subscriber) throw err
      }
    } else if (subscriber.status === 'active') {
      kind = 'manage'
      await payload.update({ collection: SUBS, id: subscriber.id, data: { pendingPreferences: { ...prefs, consent: consentData } } as never, overrideAccess: true, depth: 0 })
    } else {
      await payload.update({ collection: SUBS, id: subscriber.id, data: { status: 'pending', ...prefs, consent: consentData, pendingPreferences: null } as never, overrideAccess: true, depth: 0 })
    }
    await payload.jobs.queue({ task: TASK_SEND_MAIL as never, input: { subscriber: String(subscriber.id), kind } as never })
    return accepted()
  },
}

/** `GET /api/newsroom/confirm?token=`: single-use, expires after `confirmTtlHours`. */
export const confirmEndpoint: Endpoint = {
  path: '/newsroom/confirm',
  method: 'get',
  handler: async (req) => {
    const { payload } = req
    const settings = newsletterSettings(payload)
    const token = new URL(req.url!).searchParams.get('token')
    const s = await findByHash(req, 'confirmTokenHash', token)
    const invalid = () => html(page('invalid', pageLocale(req, s), { signup: absoluteUrl(payload, settings.signupPage) }), 410)
    if (!s) return invalid()
    const clear = { confirmTokenHash: null, confirmTokenExpiresAt: null }
    if (!s.confirmTokenExpiresAt || new Date(s.confirmTokenExpiresAt).getTime() < Date.now()) {
      await payload.update({ collection: SUBS, id: s.id, data: clear as never, overrideAccess: true, depth: 0 })
      return invalid()
    }
    const pending = s.pendingPreferences as Record<string, unknown> | null | undefined
    const wasActive = s.status === 'active'
    await payload.update({
      collection: SUBS,
      id: s.id,
      data: {
        ...clear,
        ...(pending && typeof pending === 'object' ? pending : {}),
        pendingPreferences: null,
        status: 'active',
        unsubscribedAt: null,
        failedInRow: 0,
        ...(wasActive ? {} : { confirmedAt: new Date().toISOString() }),
      } as never,
      overrideAccess: true,
      depth: 0,
    })
    const locale = (pending?.locale as string | undefined) ?? s.locale
    if (settings.confirmRedirect) return new Response(null, { status: 303, headers: { location: absoluteUrl(payload, settings.confirmRedirect), 'cache-control': 'no-store' } })
    return html(page('confirmed', locale))
  },
}

/** `GET /api/newsroom/unsubscribe?token=`: a page with a button (mail scanners follow GET links; only POST acts). */
export const unsubscribePageEndpoint: Endpoint = {
  path: '/newsroom/unsubscribe',
  method: 'get',
  handler: async (req) => {
    const token = new URL(req.url!).searchParams.get('token')
    const s = await findByHash(req, 'unsubscribeTokenHash', token)
    if (!s) return html(page('invalid', pageLocale(req), { signup: absoluteUrl(req.payload, newsletterSettings(req.payload).signupPage) }), 404)
    if (s.status === 'unsubscribed') return html(page('unsubscribed', s.locale))
    return html(page('unsubscribeAsk', s.locale, { action: new URL(req.url!).pathname + new URL(req.url!).search }))
  },
}

/**
 * `POST /api/newsroom/unsubscribe?token=`: RFC 8058 one-click (`List-Unsubscribe=One-Click`) and the
 * page's form. No cookies needed, always 200 for a known token, never a redirect, idempotent.
 */
export const unsubscribeEndpoint: Endpoint = {
  path: '/newsroom/unsubscribe',
  method: 'post',
  handler: async (req) => {
    let token: unknown = new URL(req.url!).searchParams.get('token')
    if (!token) {
      const text = req.text ? (await req.text()).slice(0, MAX_BODY) : ''
      token = new URLSearchParams(text).get('token') ?? undefined
    }
    const s = await findByHash(req, 'unsubscribeTokenHash', token)
    if (!s) return html(page('invalid', pageLocale(req), { signup: absoluteUrl(req.payload, newsletterSettings(req.payload).signupPage) }), 404)
    if (s.status !== 'unsubscribed') {
      await req.payload.update({
        collection: SUBS,
        id: s.id,
        data: { status: 'unsubscribed', unsubscribedAt: new Date().toISOString(), confirmTokenHash: null, confirmTokenExpiresAt: null, pendingPreferences: null } as never,
        overrideAccess: true,
        depth: 0,
      })
    }
    return html(page('unsubscribed', s.locale))
  },
}

export const newsletterEndpoints: Endpoint[] = [subscribeEndpoint, confirmEndpoint, unsubscribePageEndpoint, unsubscribeEndpoint, ...preferencesEndpoints]
