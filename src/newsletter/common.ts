import type { Payload } from 'payload'

import { newsroomOptions } from '../listing/indexer.js'
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

/** Resolved newsroom options plus the newsletter part, read at call time from the Payload config. */
export const newsletterSettings = (payload: Payload) => {
  const options = newsroomOptions(payload)
  return { ...options.newsletter, serverURL: options.serverURL, locales: options.locales, defaultLocale: options.defaultLocale, topicsSlug: options.collections.topics.slug, eventsSlug: options.collections.events.slug }
}

/** Absolute URL of one of our endpoints, e.g. apiUrl(payload, '/newsroom/confirm', { token }). */
export function apiUrl(payload: Payload, path: string, query: Record<string, string> = {}): string {
  const { serverURL } = newsletterSettings(payload)
  const api = payload.config.routes?.api ?? '/api'
  const url = new URL(`${api}${path}`.replace(/\/{2,}/g, '/'), serverURL)
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  return url.toString()
}

export const absoluteUrl = (payload: Payload, pathOrUrl: string) => new URL(pathOrUrl, newsletterSettings(payload).serverURL).toString()

export const unsubscribeUrl = (payload: Payload, nonce: string) => apiUrl(payload, '/newsroom/unsubscribe', { token: unsubscribeToken(payload.secret, nonce) })

/** The settings page of a subscriber; it takes the same long-lived token as the unsubscribe link. */
export const preferencesUrl = (payload: Payload, nonce: string) => apiUrl(payload, '/newsroom/preferences', { token: unsubscribeToken(payload.secret, nonce) })

export const fromAddress = (payload: Payload): string => payload.email?.defaultFromAddress ?? 'nyhetsrum@localhost'

export const topicIds = (s: Pick<Subscriber, 'topics'>): string[] =>
  (s.topics ?? []).map((t) => String(typeof t === 'object' && t !== null ? t.id : t))

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
