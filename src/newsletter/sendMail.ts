import type { CollectionSlug, Payload } from 'payload'

import { SUBSCRIBERS_SLUG } from '../../collections/subscribers'
import { apiUrl, newsletterSettings, preferencesUrl, type Subscriber, unsubscribeUrl } from './common'
import { confirmMail } from './templates'
import { hashToken, newNonce, newToken, unsubscribeToken } from './tokens'

const SUBS = SUBSCRIBERS_SLUG as CollectionSlug

export type MailKind = 'confirm' | 'manage'

/** Makes sure the subscriber has an unsubscribe nonce (and the hash of the derived token); returns the nonce. */
export async function ensureUnsubscribeNonce(payload: Payload, s: Subscriber): Promise<string> {
  if (s.unsubscribeNonce && s.unsubscribeTokenHash) return s.unsubscribeNonce
  const nonce = newNonce()
  await payload.update({
    collection: SUBS,
    id: s.id,
    data: { unsubscribeNonce: nonce, unsubscribeTokenHash: hashToken(unsubscribeToken(payload.secret, nonce)) } as never,
    overrideAccess: true,
    depth: 0,
  })
  return nonce
}

/**
 * Runs in the `newsletterSendMail` job, never in the sign-up request: makes a fresh single-use
 * confirmation token (only its hash is stored) and mails the link. `manage` goes to an address that
 * is already active: its link applies the settings just sent.
 */
export async function sendSubscriptionMail(payload: Payload, subscriberId: string, kind: MailKind): Promise<'sent' | 'skipped'> {
  const s = (await payload.findByID({ collection: SUBS, id: subscriberId, depth: 0, overrideAccess: true, disableErrors: true })) as Subscriber | null
  if (!s) return 'skipped'
  if (kind === 'confirm' && s.status !== 'pending') return 'skipped'
  if (kind === 'manage' && s.status !== 'active') return 'skipped'
  const settings = newsletterSettings(payload)
  const { token, hash } = newToken()
  await payload.update({
    collection: SUBS,
    id: s.id,
    data: { confirmTokenHash: hash, confirmTokenExpiresAt: new Date(Date.now() + settings.confirmTtlHours * 3600_000).toISOString() } as never,
    overrideAccess: true,
    depth: 0,
  })
  const nonce = await ensureUnsubscribeNonce(payload, s)
  const locale = kind === 'manage' ? ((s.pendingPreferences as { locale?: string } | null)?.locale ?? s.locale) : s.locale
  const manageLinks = kind === 'manage' ? { unsubscribe: unsubscribeUrl(payload, nonce), preferences: preferencesUrl(payload, nonce) } : null
  const mail = confirmMail(locale, kind, apiUrl(payload, '/newsroom/confirm', { token }), manageLinks, settings.confirmTtlHours)
  await payload.sendEmail({ to: s.email, subject: mail.subject, html: mail.html, text: mail.text })
  return 'sent'
}
