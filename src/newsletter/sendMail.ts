import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { newsletterPageUrl, preferencesUrl, type Subscriber, unsubscribePageUrl } from './common.js'
import { confirmMail } from './templates.js'
import { hashToken, newNonce, newToken, unsubscribeToken } from './tokens.js'

type Options = ResolvedNewsroomOptions

export type MailKind = 'confirm' | 'manage'

/** Makes sure the subscriber has an unsubscribe nonce (and the hash of the derived token); returns the nonce. */
export async function ensureUnsubscribeNonce(payload: Payload, options: Options, s: Subscriber): Promise<string> {
  if (s.unsubscribeNonce && s.unsubscribeTokenHash) return s.unsubscribeNonce
  const nonce = newNonce()
  await payload.update({
    collection: options.collections.subscribers.slug,
    id: s.id,
    data: { unsubscribeNonce: nonce, unsubscribeTokenHash: hashToken(unsubscribeToken(payload.secret, nonce)) } as never,
    overrideAccess: true,
    depth: 0,
  })
  return nonce
}

/**
 * Runs in the sign-up job, never in the request: makes a fresh confirmation token (only its hash
 * is stored, with its expiry and kind; a new mail replaces the previous link) and mails the link.
 * `manage` goes to an address that is already active: its link applies the settings just sent. The
 * mail is in the language of the settings waiting to be confirmed, else the subscriber's.
 */
export async function sendSubscriptionMail(payload: Payload, options: Options, s: Subscriber, kind: MailKind): Promise<void> {
  const settings = options.newsletter
  const { token, hash } = newToken()
  await payload.update({
    collection: options.collections.subscribers.slug,
    id: s.id,
    data: {
      confirmTokenHash: hash,
      confirmTokenExpiresAt: new Date(Date.now() + settings.confirmTtlHours * 3600_000).toISOString(),
      confirmTokenUsedAt: null,
      confirmTokenKind: kind,
    } as never,
    overrideAccess: true,
    depth: 0,
  })
  const nonce = await ensureUnsubscribeNonce(payload, options, s)
  const locale = (s.pendingPreferences as { locale?: string } | null)?.locale ?? s.locale
  const manageLinks = kind === 'manage' ? { unsubscribe: unsubscribePageUrl(payload, options, nonce, locale), preferences: preferencesUrl(payload, options, nonce, locale) } : null
  const mail = confirmMail(locale, kind, newsletterPageUrl(options, 'confirm', locale, token), manageLinks, settings.confirmTtlHours)
  await payload.sendEmail({ to: s.email, subject: mail.subject, html: mail.html, text: mail.text })
}

/** The mail job of earlier releases, by subscriber id: sends if the subscriber is still in the state it was queued for. */
export async function sendQueuedMail(payload: Payload, options: Options, subscriberId: string, kind: MailKind): Promise<'sent' | 'skipped'> {
  const s = (await payload.findByID({ collection: options.collections.subscribers.slug, id: subscriberId, depth: 0, overrideAccess: true, disableErrors: true })) as Subscriber | null
  if (!s || s.status !== (kind === 'manage' ? 'active' : 'pending')) return 'skipped'
  await sendSubscriptionMail(payload, options, s, kind)
  return 'sent'
}
