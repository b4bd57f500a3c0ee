import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { type Frequency, type Subscriber, TASK_SIGNUP } from './common.js'
import { sendSubscriptionMail } from './sendMail.js'
import { hashToken, newNonce, unsubscribeToken } from './tokens.js'

type Options = ResolvedNewsroomOptions

/** What a sign-up request hands to its job: the validated form, nothing looked up about the address. */
export type SignupInput = {
  email: string
  topics: (string | number)[]
  locale: string
  frequency: Frequency
  consent: { at: string; wordingVersion: string; sourcePage: string | null }
}

export type SignupOutcome = 'confirm' | 'manage' | 'ignored'

const findByEmail = async (payload: Payload, subscribers: string, email: string) =>
  (await payload.find({ collection: subscribers, where: { email: { equals: email } }, limit: 1, depth: 0, pagination: false, overrideAccess: true })).docs[0] as unknown as
    | Subscriber
    | undefined

/** The topic ids of the input that still exist (one may have been deleted since the request). */
async function existingTopics(payload: Payload, topics: string, ids: (string | number)[]): Promise<(string | number)[]> {
  if (!ids.length) return []
  const { docs } = await payload.find({ collection: topics, where: { id: { in: ids } }, limit: ids.length, depth: 0, pagination: false, overrideAccess: true, select: {} as never })
  const found = new Set((docs as unknown as { id: string | number }[]).map((d) => String(d.id)))
  return ids.filter((id) => found.has(String(id)))
}

/**
 * The sign-up job: everything that depends on whether the address is known happens here, outside
 * the request (whose answer and timing are therefore the same for every address).
 *
 * - unknown → a `pending` subscriber with the form's settings and consent, and a confirmation mail;
 * - `pending` (never confirmed) → its settings and consent replaced, and a new confirmation mail;
 * - `active` → the settings wait in `pendingPreferences`; a "manage" mail applies them;
 * - `unsubscribed` → likewise kept aside with the new consent, and a confirmation mail: the stored
 *   consent, settings and status change only when that link is confirmed;
 * - `bounced` → nothing: the address is not mailed again because of an anonymous request.
 */
export async function processSignup(payload: Payload, options: Options, input: SignupInput): Promise<SignupOutcome> {
  const subscribers = options.collections.subscribers.slug
  const email = String(input.email).trim().toLowerCase()
  const prefs = { topics: await existingTopics(payload, options.collections.topics.slug, input.topics ?? []), locale: input.locale, frequency: input.frequency }
  let s = await findByEmail(payload, subscribers, email)
  if (!s) {
    const nonce = newNonce()
    const created = await payload
      .create({
        collection: subscribers,
        data: { email, status: 'pending', ...prefs, consent: input.consent, unsubscribeNonce: nonce, unsubscribeTokenHash: hashToken(unsubscribeToken(payload.secret, nonce)) } as never,
        overrideAccess: true,
        depth: 0,
      })
      .catch(async (err: unknown) => {
        // Lost a race with a concurrent sign-up of the same address: treat it as known.
        if (!(s = await findByEmail(payload, subscribers, email))) throw err
        return null
      })
    if (created) {
      await sendSubscriptionMail(payload, options, created as unknown as Subscriber, 'confirm')
      return 'confirm'
    }
  }
  if (!s) return 'ignored'
  const known: Subscriber = s
  const update = async (data: Record<string, unknown>) =>
    (await payload.update({ collection: subscribers, id: known.id, data: data as never, overrideAccess: true, depth: 0 })) as unknown as Subscriber
  switch (known.status) {
    case 'bounced':
      return 'ignored'
    case 'pending':
      await sendSubscriptionMail(payload, options, await update({ ...prefs, consent: input.consent, pendingPreferences: null }), 'confirm')
      return 'confirm'
    case 'active':
      await sendSubscriptionMail(payload, options, await update({ pendingPreferences: { ...prefs, consent: input.consent } }), 'manage')
      return 'manage'
    default:
      await sendSubscriptionMail(payload, options, await update({ pendingPreferences: { ...prefs, consent: input.consent } }), 'confirm')
      return 'confirm'
  }
}

/** Rows deleted per purge: each sign-up job purges, so a flood is cleared as fast as it comes. */
const PURGE_BATCH = 50

/**
 * Deletes `pending` subscribers whose confirmation link has expired (they never confirmed, so
 * nothing of theirs is worth keeping), and failed sign-up jobs older than the link's life (their
 * input holds an address). Bounded per call; through `payload.delete`, so the erasure hook runs.
 */
export async function purgeExpiredSignups(payload: Payload, options: Options): Promise<{ subscribers: number; jobs: number }> {
  const collection = options.collections.subscribers.slug
  const now = new Date().toISOString()
  const { docs } = await payload.find({
    collection,
    where: { and: [{ status: { equals: 'pending' } }, { confirmTokenExpiresAt: { less_than: now } }] },
    limit: PURGE_BATCH,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: {} as never,
  })
  let subscribers = 0
  if (docs.length) {
    const ids = (docs as unknown as { id: string | number }[]).map((d) => d.id)
    const result = await payload.delete({ collection, where: { id: { in: ids } }, overrideAccess: true, depth: 0 })
    subscribers = result.docs.length
  }
  let jobs = 0
  if (payload.collections['payload-jobs']) {
    const before = new Date(Date.now() - options.newsletter.confirmTtlHours * 3600_000).toISOString()
    const old = await payload.db.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: TASK_SIGNUP } }, { hasError: { equals: true } }, { createdAt: { less_than: before } }] },
      limit: PURGE_BATCH,
      pagination: false,
    })
    if (old.docs.length) {
      await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { in: old.docs.map((d) => (d as { id: string | number }).id) } } })
      jobs = old.docs.length
    }
  }
  return { subscribers, jobs }
}
