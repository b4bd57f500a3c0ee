import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** sha256 hex of a token: what the database stores. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

/** A fresh random token (32 bytes, base64url) and its hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export const newNonce = (): string => randomBytes(16).toString('base64url')

/**
 * The long-lived unsubscribe token of a subscriber: HMAC(secret, nonce). It is not stored (only
 * its hash, for look-up), yet every digest mail can carry it; changing the nonce revokes it.
 */
export function unsubscribeToken(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`newsroom-unsubscribe:${nonce}`).digest('base64url')
}

/** Tokens are base64url, 43 characters; anything else is rejected before touching the database. */
export const plausibleToken = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token)

export const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
