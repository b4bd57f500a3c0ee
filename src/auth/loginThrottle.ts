import { createHash } from 'node:crypto'

import {
  APIError,
  AuthenticationError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import { clientAddress, rateLimitBucket } from '../http/clientAddress.js'
import type { ResolvedNewsroomOptions } from '../options.js'
import type { LoginOptions } from './loginOptions.js'
import { spendPasswordHashTime } from './passwordHashCost.js'

const CONTEXT_KEY = 'newsroomLoginAttempt'

type Attempt = { pairKey: string; ipRowId: number | string }
type Row = { id: number | string; key: string; expiresAt: string; createdAt: string }

/** 429 for a login attempt over the per-address limit or inside the wait of an address and account. */
export class LoginThrottled extends APIError {
  constructor(req: PayloadRequest, retryAfter: number) {
    const sv = req.i18n?.language === 'sv'
    super(
      sv ? `För många inloggningsförsök. Försök igen om ${retryAfter} s.` : `Too many login attempts. Try again in ${retryAfter} s.`,
      429,
      { retryAfter },
      true,
    )
    const headers = req.responseHeaders ?? new Headers()
    headers.set('retry-after', String(retryAfter))
    req.responseHeaders = headers
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32)

/** Wait before the next attempt after `failures` failed ones (0 while within `freeFailures`); doubles each time. */
export function waitAfter(failures: number, o: LoginOptions): number {
  if (failures < o.freeFailures) return 0
  return Math.min(o.delaySeconds * 2 ** (failures - o.freeFailures), o.maxDelaySeconds) * 1000
}

const live = (key: string, now: number): Where => ({ and: [{ key: { equals: key } }, { expiresAt: { greater_than: new Date(now).toISOString() } }] })

const insert = (payload: Payload, slug: string, key: string, now: number, lifeMs: number, req: PayloadRequest | undefined) =>
  payload.db.create({
    collection: slug,
    req,
    data: { key, expiresAt: new Date(now + lifeMs).toISOString(), createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() },
  }) as Promise<Row>

/**
 * Payload's lock (`maxLoginAttempts`) lets anyone lock any account from anywhere, and its quick
 * "locked" and "no such user" answers tell which accounts exist. This replaces it with:
 * - a limit of failed attempts per client address (429 with Retry-After);
 * - per address and account, a wait that doubles with every failure after `freeFailures`
 *   (so guessing from one address slows down, while the real user elsewhere is not held up);
 * - for an unknown account, the same answer as a wrong password after the same password-hash work.
 * Rows are written before the password is checked (insert, then count), so concurrent attempts
 * cannot slip past a limit; a refused attempt removes its rows, a successful login forgets the
 * failures of its address and account.
 */
export function loginThrottleHooks(options: ResolvedNewsroomOptions) {
  const { login: o, trustProxy } = options
  const attempts = options.collections.loginAttempts.slug
  const beforeOperation: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
    // Local API logins (server code, overrideAccess true) are not visitors.
    if (operation !== 'login' || overrideAccess === true) return args
    const data = (args as { data?: { email?: unknown; username?: unknown; password?: unknown } }).data ?? {}
    const email = typeof data.email === 'string' ? data.email.toLowerCase().trim() : ''
    const username = typeof data.username === 'string' ? data.username.toLowerCase().trim() : ''
    const password = typeof data.password === 'string' ? data.password : ''
    const account = username || email
    // Missing fields: Payload's own 400 (no password is checked, nothing to count).
    if (!account || password.trim() === '') return args

    const { payload } = req
    // An IPv6 client is counted by its /64, as the newsletter's limits do.
    const address = rateLimitBucket(clientAddress(req.headers, trustProxy))
    const ipKey = `ip:${digest(address)}`
    const pairKey = `pair:${digest(`${collection.slug}\n${address}\n${account}`)}`
    const now = Date.now()
    const ipWindow = o.ipWindowSeconds * 1000
    // A plain login opens its transaction after this hook; one inside an open transaction (the first
    // user's registration: create, then login) writes its rows there, or on SQLite they would wait for it.
    const outer = req.transactionID ? req : undefined
    const [ipRow, pairRow] = await Promise.all([insert(payload, attempts, ipKey, now, ipWindow, outer), insert(payload, attempts, pairKey, now, o.failureWindowSeconds * 1000, outer)])
    const refuse = async (until: number) => {
      await payload.db.deleteMany({ collection: attempts, where: { id: { in: [ipRow.id, pairRow.id] } }, req: outer }).catch(() => {})
      throw new LoginThrottled(req, Math.max(1, Math.ceil((until - now) / 1000)))
    }

    const [ipCount, pairRows] = await Promise.all([
      payload.db.count({ collection: attempts, where: live(ipKey, now) }),
      payload.db.find({ collection: attempts, where: live(pairKey, now), sort: '-createdAt', limit: 200, pagination: false }),
    ])
    if (Math.random() < 0.02) void purgeLoginAttempts(payload, attempts).catch(() => {})
    if (ipCount.totalDocs > o.ipLimit) {
      const oldest = await payload.db.find({ collection: attempts, where: live(ipKey, now), sort: 'expiresAt', limit: 1, pagination: false })
      const first = oldest.docs[0] as Row | undefined
      await refuse(first ? Date.parse(first.expiresAt) : now + ipWindow)
    }
    const earlier = (pairRows.docs as Row[]).filter((r) => String(r.id) !== String(pairRow.id))
    const wait = waitAfter(earlier.length, o)
    if (wait > 0 && earlier[0]) {
      const allowedAt = Date.parse(earlier[0].createdAt) + wait
      if (now < allowedAt) await refuse(allowedAt)
    }
    req.context[CONTEXT_KEY] = { pairKey, ipRowId: ipRow.id } satisfies Attempt

    // Unknown account: the work and the answer of a wrong password (Payload would answer at once).
    const config = collection as CollectionConfig & { auth: { loginWithUsername?: unknown } }
    const identity: Where = config.auth.loginWithUsername
      ? { or: [{ email: { equals: account } }, { username: { equals: account } }] }
      : { email: { equals: account } }
    const where: Where = config.trash ? { and: [identity, { deletedAt: { exists: false } }] } : identity
    const user = await payload.db.findOne({ collection: collection.slug, where, req })
    if (!user) {
      await spendPasswordHashTime(password)
      throw new AuthenticationError(req.t)
    }
    // A lock Payload set before this throttle took over would still answer "locked": lift it.
    const { lockUntil } = user as { lockUntil?: string | null }
    if (lockUntil) {
      await payload.db.updateOne({ collection: collection.slug, id: user.id as number | string, data: { lockUntil: null, loginAttempts: 0 }, req })
    }
    return args
  }

  /** A successful login forgets the failures of its address and account, and does not count against the address. */
  const afterLogin: CollectionAfterLoginHook = async ({ req }) => {
    const attempt = req.context[CONTEXT_KEY] as Attempt | undefined
    if (!attempt) return
    // With `req`: in the login's transaction. Without it, on SQLite this write would wait for the
    // write lock that the login's own transaction holds (the SQLITE_BUSY logins once met).
    await req.payload.db.deleteMany({
      collection: attempts,
      where: { or: [{ key: { equals: attempt.pairKey } }, { id: { equals: attempt.ipRowId } }] },
      req,
    })
  }

  return { beforeOperation, afterLogin }
}

/** Deletes expired throttle rows. */
export async function purgeLoginAttempts(payload: Payload, slug: string): Promise<void> {
  await payload.db.deleteMany({ collection: slug, where: { expiresAt: { less_than: new Date().toISOString() } } })
}
