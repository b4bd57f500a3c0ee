import type { CollectionConfig, CollectionSlug, FieldHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options'

import { adminsOnly } from '../src/access'
import { L } from '../src/labels'

export const SUBSCRIBERS_SLUG = 'subscribers'

const normalizeEmail: FieldHook = ({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)

/** Admin-only everywhere (REST, GraphQL, admin): anonymous users and editors get 403 or an empty list. */
const adminAccess = { read: adminsOnly, create: adminsOnly, update: adminsOnly, delete: adminsOnly }

/** Token fields: only hashes and expiry (raw tokens are never stored); not readable or writable over any API, only by our code (overrideAccess). */
const internal = { admin: { hidden: true }, access: { read: () => false, create: () => false, update: () => false } } as const

/**
 * Newsletter subscribers (double opt-in). Tokens are stored as sha256 hashes; the unsubscribe
 * token is derived with an HMAC of the Payload secret (see src/newsletter/tokens.ts).
 */
export const subscribersCollection = (options: ResolvedNewsroomOptions): CollectionConfig => ({
  slug: SUBSCRIBERS_SLUG,
  labels: { singular: { sv: 'Prenumerant', en: 'Subscriber' }, plural: { sv: 'Prenumeranter', en: 'Subscribers' } },
  admin: { group: L.group, useAsTitle: 'email', defaultColumns: ['email', 'status', 'frequency', 'locale', 'confirmedAt'] },
  access: adminAccess,
  hooks: {
    // Erasure: a deleted subscriber's delivery rows go too.
    beforeDelete: [
      async ({ id, req }) => {
        await req.payload.db.deleteMany({ collection: 'digest-deliveries' as CollectionSlug, where: { subscriber: { equals: id } }, req })
      },
    ],
  },
  graphQL: { singularName: 'Subscriber', pluralName: 'Subscribers' },
  fields: [
    { name: 'email', type: 'email', label: L.email, required: true, unique: true, index: true, hooks: { beforeValidate: [normalizeEmail] } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: [
        { value: 'pending', label: { sv: 'Väntar på bekräftelse', en: 'Pending' } },
        { value: 'active', label: { sv: 'Aktiv', en: 'Active' } },
        { value: 'unsubscribed', label: { sv: 'Avslutad', en: 'Unsubscribed' } },
        { value: 'bounced', label: { sv: 'Studsar', en: 'Bounced' } },
      ],
    },
    {
      name: 'topics',
      type: 'relationship',
      label: L.topicsField,
      relationTo: options.collections.topics.slug as CollectionSlug,
      hasMany: true,
      admin: { description: { sv: 'Tomt = alla ämnen', en: 'Empty = every topic' } },
    },
    { name: 'locale', type: 'select', required: true, defaultValue: options.defaultLocale, options: options.locales.map((l) => ({ value: l, label: l })) },
    {
      name: 'frequency',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'weekly',
      options: [
        { value: 'daily', label: { sv: 'Dagligen', en: 'Daily' } },
        { value: 'weekly', label: { sv: 'Veckovis', en: 'Weekly' } },
      ],
    },
    {
      name: 'consent',
      type: 'group',
      label: { sv: 'Samtycke', en: 'Consent' },
      fields: [
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'wordingVersion', type: 'text' },
        { name: 'sourcePage', type: 'text' },
      ],
    },
    { name: 'confirmedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'unsubscribedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastDigestAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    /** Deliveries that failed in a row; reset by a sent one. `bounceAfter` in a row → bounced. */
    { name: 'failedInRow', type: 'number', defaultValue: 0, admin: { readOnly: true } },
    /** Preferences asked for by an already active subscriber; applied when the mailed link is confirmed. */
    { name: 'pendingPreferences', type: 'json', ...internal },
    { name: 'confirmTokenHash', type: 'text', index: true, ...internal },
    { name: 'confirmTokenExpiresAt', type: 'date', ...internal },
    /** Random per-subscriber salt of the (HMAC-derived) unsubscribe token; change it to revoke old links. */
    { name: 'unsubscribeNonce', type: 'text', ...internal },
    { name: 'unsubscribeTokenHash', type: 'text', index: true, ...internal },
  ],
})
