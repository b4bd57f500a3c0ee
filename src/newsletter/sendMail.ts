import net from 'node:net'

import nodemailer from 'nodemailer'
import type { CollectionSlug, Payload } from 'payload'

import { SUBSCRIBERS_SLUG } from '../../collections/subscribers.js'
import { apiUrl, newsletterSettings, preferencesUrl, type Subscriber, unsubscribeUrl } from './common.js'
import { confirmMail } from './templates.js'
import { hashToken, newNonce, newToken, unsubscribeToken } from './tokens.js'

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
 * Runs in the sign-up job, never in the request: makes a fresh confirmation token (only its hash
 * is stored, with its expiry and kind; a new mail replaces the previous link) and mails the link.
 * `manage` goes to an address that is already active: its link applies the settings just sent. The
 * mail is in the language of the settings waiting to be confirmed, else the subscriber's.
 */
export async function sendSubscriptionMail(payload: Payload, s: Subscriber, kind: MailKind): Promise<void> {
  const settings = newsletterSettings(payload)
  const { token, hash } = newToken()
  await payload.update({
    collection: SUBS,
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
  const nonce = await ensureUnsubscribeNonce(payload, s)
  const locale = (s.pendingPreferences as { locale?: string } | null)?.locale ?? s.locale
  const manageLinks = kind === 'manage' ? { unsubscribe: unsubscribeUrl(payload, nonce), preferences: preferencesUrl(payload, nonce) } : null
  const mail = confirmMail(locale, kind, apiUrl(payload, '/newsroom/confirm', { token }), manageLinks, settings.confirmTtlHours)
  await payload.sendEmail({ to: s.email, subject: mail.subject, html: mail.html, text: mail.text })
}

/** The mail job of earlier releases, by subscriber id: sends if the subscriber is still in the state it was queued for. */
export async function sendQueuedMail(payload: Payload, subscriberId: string, kind: MailKind): Promise<'sent' | 'skipped'> {
  const s = (await payload.findByID({ collection: SUBS, id: subscriberId, depth: 0, overrideAccess: true, disableErrors: true })) as Subscriber | null
  if (!s || s.status !== (kind === 'manage' ? 'active' : 'pending')) return 'skipped'
  await sendSubscriptionMail(payload, s, kind)
  return 'sent'
}

/** `smtp(s)://user:pass@host:port/?key=value&tls.key=value` as nodemailer reads it (query values: numbers and true/false converted). */
function smtpUrlOptions(url: string): Record<string, unknown> {
  const u = new URL(url)
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`SMTP URL must start with smtp:// or smtps://, got ${u.protocol}`)
  const options: Record<string, unknown> = { host: u.hostname.replace(/^\[|\]$/g, ''), secure: u.protocol === 'smtps:' }
  if (u.port) options.port = Number(u.port)
  if (u.username) options.auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
  const tls: Record<string, unknown> = {}
  for (const [key, raw] of u.searchParams) {
    const value = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw
    if (key.startsWith('tls.')) tls[key.slice(4)] = value
    else if (!key.includes('.') && key !== '__proto__') options[key] = value
  }
  if (Object.keys(tls).length) options.tls = tls
  return options
}

/**
 * The SMTP transport to give the nodemailer adapter for a newsletter: keeps its connections open
 * (`pool`, at most `maxConnections`, a fresh one after `maxMessages`) and turns Nagle off.
 *
 * Without the pool every mail pays a new connection (TCP, greeting, EHLO, STARTTLS, AUTH). Without
 * TCP_NODELAY every mail waits ~40 ms on any server: nodemailer writes the message and the final
 * `.` separately, Nagle holds the small write until the server acknowledges the message, and the
 * server delays that acknowledgement. Query parameters of the URL (e.g. `?maxConnections=2`) win.
 */
export function smtpTransport(url: string, options: { maxConnections?: number; maxMessages?: number } = {}) {
  const base = smtpUrlOptions(url)
  const connectionTimeout = Number(base.connectionTimeout) || 120_000
  const transport = nodemailer.createTransport({
    maxConnections: options.maxConnections ?? 4,
    maxMessages: options.maxMessages ?? 100,
    ...base,
    pool: true,
    // A plain TCP socket with NODELAY; nodemailer still does STARTTLS, or TLS for smtps://, over it.
    getSocket: (o, callback) => {
      const socket = net.connect({ host: String(o.host ?? 'localhost'), port: Number(o.port) || (o.secure ? 465 : 587), noDelay: true })
      let settled = false
      const settle = (err: Error | null) => {
        if (settled) return // later errors are nodemailer's to handle (it listens from here on)
        settled = true
        clearTimeout(timer)
        if (err) socket.destroy()
        callback(err, err ? null : { connection: socket })
      }
      const timer = setTimeout(() => settle(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })), connectionTimeout)
      socket.on('error', settle)
      socket.once('connect', () => settle(null))
    },
  })
  return transport
}

