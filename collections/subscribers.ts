import type { CollectionBeforeDeleteHook, CollectionConfig, FieldHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { adminsOnly } from '../src/access.js'
import { T } from '../src/texts/admin.js'
import { dayAndTime } from '../src/admin/dateFormats.js'
import { L } from '../src/texts/labels.js'
import { N } from '../src/texts/newsletter.js'
import { TASK_SEND_MAIL, TASK_SIGNUP } from '../src/newsletter/common.js'
import { hashToken } from '../src/newsletter/tokens.js'
import { applyOverrides } from './applyOverrides.js'

const normalizeEmail: FieldHook = ({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)

/** Admin-only everywhere (REST, GraphQL, admin): anonymous users and editors get 403 or an empty list. */
const adminAccess = { read: adminsOnly, create: adminsOnly, update: adminsOnly, delete: adminsOnly }

/** Token fields: only hashes and expiry (raw tokens are never stored); not readable or writable over any API, only by our code (overrideAccess). */
const internal = { admin: { hidden: true }, access: { read: () => false, create: () => false, update: () => false } } as const

/**
 * Newsletter subscribers (double opt-in). Tokens are stored as sha256 hashes; the unsubscribe
 * token is derived with an HMAC of the Payload secret (see src/newsletter/tokens.ts).
 */
export const subscribersCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  applyOverrides({ options, key: 'subscribers', defaultConfig: subscribersConfig(options), required: { beforeDelete: [eraseSubscriber(options)] } })

/** Erasure (GDPR): whatever else holds the address or points at the subscriber goes too. */
const eraseSubscriber =
  (options: ResolvedNewsroomOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const { payload } = req
    const { subscribers, digestDeliveries, rateLimits } = options.collections
    const s = (await payload.findByID({ collection: subscribers.slug, id, depth: 0, req, overrideAccess: true, disableErrors: true })) as { email?: string } | null
    await payload.db.deleteMany({ collection: digestDeliveries.slug, where: { subscriber: { equals: id } }, req })
    // Sign-up attempts are counted per sha256 of the address (src/endpoints/newsletter.ts).
    if (s?.email) await payload.db.deleteMany({ collection: rateLimits.slug, where: { key: { equals: `email:${hashToken(s.email)}` } }, req })
    // Queued or failed sign-ups hold the address in their input (and a failure's log may quote it).
    if (payload.collections['payload-jobs']) {
      const notRunning = { processing: { not_equals: true } }
      if (s?.email) {
        await payload.db.deleteMany({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: TASK_SIGNUP } }, { 'input.email': { equals: s.email } }, notRunning] }, req })
      }
      // Confirmation mails queued before sign-ups became jobs name the subscriber by id.
      await payload.db.deleteMany({
        collection: 'payload-jobs',
        where: { and: [{ taskSlug: { equals: TASK_SEND_MAIL } }, { 'input.subscriber': { equals: String(id) } }, notRunning] },
        req,
      })
    }
  }

const subscribersConfig = (options: ResolvedNewsroomOptions): CollectionConfig => ({
  slug: options.collections.subscribers.slug,
  labels: N.subscribers,
  admin: {
    group: L.group,
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'frequency', 'locale', 'confirmedAt'],
    description: T.erasure,
    // The topics' slug travels to the server component as a prop: it has only the Payload instance otherwise.
    components: { beforeListTable: [{ path: 'payload-plugin-newsroom/rsc#SubscriberStats', serverProps: { topicsSlug: options.collections.topics.slug } }] },
  },
  access: adminAccess,
  graphQL: { singularName: 'Subscriber', pluralName: 'Subscribers' },
  fields: [
    { name: 'email', type: 'email', label: L.email, required: true, unique: true, index: true, hooks: { beforeValidate: [normalizeEmail] } },
    {
      name: 'status',
      type: 'select',
      label: N.status,
      required: true,
      index: true,
      defaultValue: 'pending',
      options: [
        { value: 'pending', label: N.pending },
        { value: 'active', label: N.active },
        { value: 'unsubscribed', label: N.unsubscribed },
        { value: 'bounced', label: N.bounced },
      ],
    },
    {
      name: 'topics',
      type: 'relationship',
      label: L.topicsField,
      relationTo: options.collections.topics.slug,
      hasMany: true,
      admin: { description: N.topicsHelp },
    },
    { name: 'locale', type: 'select', label: N.locale, required: true, defaultValue: options.defaultLocale, options: options.locales.map((l) => ({ value: l, label: l })) },
    {
      name: 'frequency',
      type: 'select',
      label: N.frequency,
      required: true,
      index: true,
      defaultValue: 'weekly',
      options: [
        { value: 'daily', label: N.daily },
        { value: 'weekly', label: N.weekly },
      ],
    },
    {
      name: 'consent',
      type: 'group',
      label: N.consent,
      fields: [
        { name: 'at', type: 'date', label: N.consentAt, admin: { date: dayAndTime } },
        { name: 'wordingVersion', type: 'text', label: N.wordingVersion },
        { name: 'sourcePage', type: 'text', label: N.sourcePage },
      ],
    },
    { name: 'confirmedAt', type: 'date', label: N.confirmedAt, admin: { readOnly: true, date: dayAndTime } },
    { name: 'unsubscribedAt', type: 'date', label: N.unsubscribedAt, admin: { readOnly: true, date: dayAndTime } },
    { name: 'lastDigestAt', type: 'date', label: N.lastDigestAt, admin: { readOnly: true, date: dayAndTime } },
    /** Deliveries that failed in a row; reset by a sent one. `bounceAfter` in a row → bounced. */
    { name: 'failedInRow', type: 'number', label: N.failedInRow, defaultValue: 0, admin: { readOnly: true } },
    /** Preferences asked for by an already active subscriber; applied when the mailed link is confirmed. */
    { name: 'pendingPreferences', type: 'json', ...internal },
    { name: 'confirmTokenHash', type: 'text', index: true, ...internal },
    { name: 'confirmTokenExpiresAt', type: 'date', ...internal },
    /** When the confirmation link was used: the hash stays until it expires, so opening the link again says "already confirmed". */
    { name: 'confirmTokenUsedAt', type: 'date', ...internal },
    /** What the link does: `confirm` (a sign-up) or `manage` (new settings of an active subscriber). */
    { name: 'confirmTokenKind', type: 'text', ...internal },
    /** Random per-subscriber salt of the (HMAC-derived) unsubscribe token; change it to revoke old links. */
    { name: 'unsubscribeNonce', type: 'text', ...internal },
    { name: 'unsubscribeTokenHash', type: 'text', index: true, ...internal },
  ],
})
