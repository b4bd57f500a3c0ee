import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { PAGE_PATHS } from '../site/paths.js'
import { unsubscribeToken } from './tokens.js'

export type Frequency = 'daily' | 'weekly'
export type Subscriber = {
  id: string | number
  email: string
  status: 'pending' | 'active' | 'unsubscribed' | 'bounced'
  topics?: (string | number | { id: string | number })[] | null
  locale: string
  frequency: Frequency
  confirmedAt?: string | null
  lastDigestAt?: string | null
  failedInRow?: number | null
  pendingPreferences?: unknown
  confirmTokenHash?: string | null
  confirmTokenExpiresAt?: string | null
  confirmTokenUsedAt?: string | null
  confirmTokenKind?: string | null
  unsubscribeNonce?: string | null
  unsubscribeTokenHash?: string | null
}

/** The job a sign-up queues: it finds or creates the subscriber and sends the mail (src/newsletter/signup.ts). */
export const TASK_SIGNUP = 'newsletterSignup'
/** The mail job of earlier releases (input: subscriber id and kind); kept so that jobs queued by them still run. */
export const TASK_SEND_MAIL = 'newsletterSendMail'
export const TASK_DIGEST = 'newsletterDigest'

/** Queue of the sign-up jobs: apart from the default queue (scheduled publishing) and from the digests. */
export const SIGNUP_QUEUE = 'newsletter'
/** Queue of the digest jobs (minutes for a long list): neither publishing nor confirmation mails wait for them. */
export const DIGEST_QUEUE = 'newsletter-digest'

type Options = Pick<ResolvedNewsroomOptions, 'serverURL'>

/** Absolute URL of one of our endpoints, e.g. apiUrl(payload, options, '/newsroom/confirm', { token }). */
export function apiUrl(payload: Payload, options: Options, path: string, query: Record<string, string> = {}): string {
  const api = payload.config.routes?.api ?? '/api'
  const url = new URL(`${api}${path}`.replace(/\/{2,}/g, '/'), options.serverURL)
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  return url.toString()
}

export const absoluteUrl = (options: Options, pathOrUrl: string) => new URL(pathOrUrl, options.serverURL).toString()

/** The one-click endpoint (RFC 8058): what `List-Unsubscribe` names, and what a POST unsubscribes at. */
export const unsubscribeUrl = (payload: Payload, options: Options, nonce: string) =>
  apiUrl(payload, options, '/newsroom/unsubscribe', { token: unsubscribeToken(payload.secret, nonce) })

/** A newsletter page of the public site (in the layout), in the subscriber's language, with its token. */
export function newsletterPageUrl(options: Options, page: 'confirm' | 'preferences' | 'unsubscribe', locale: unknown, token: string): string {
  const url = new URL(PAGE_PATHS[locale === 'en' ? 'en' : 'sv'][page], options.serverURL)
  url.searchParams.set('token', token)
  return url.toString()
}

/** The unsubscribe page (a button) that mails link to; it takes the long-lived token. */
export const unsubscribePageUrl = (payload: Payload, options: Options, nonce: string, locale: unknown) =>
  newsletterPageUrl(options, 'unsubscribe', locale, unsubscribeToken(payload.secret, nonce))

/** The settings page of a subscriber; it takes the same long-lived token as the unsubscribe link. */
export const preferencesUrl = (payload: Payload, options: Options, nonce: string, locale: unknown) =>
  newsletterPageUrl(options, 'preferences', locale, unsubscribeToken(payload.secret, nonce))

export const fromAddress = (payload: Payload): string => payload.email?.defaultFromAddress ?? 'nyhetsrum@localhost'

export const topicIds = (s: Pick<Subscriber, 'topics'>): string[] =>
  (s.topics ?? []).map((t) => String(typeof t === 'object' && t !== null ? t.id : t))

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
