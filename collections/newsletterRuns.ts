import type { CollectionConfig, CollectionSlug } from 'payload'

import { adminsOnly } from '../src/access'
import { L } from '../src/labels'
import { SUBSCRIBERS_SLUG } from './subscribers'

export const DIGEST_RUNS_SLUG = 'digest-runs'
export const DIGEST_DELIVERIES_SLUG = 'digest-deliveries'
export const RATE_LIMITS_SLUG = 'newsletter-rate-limits'

const readOnlyForAdmins = { read: adminsOnly, create: () => false, update: () => false, delete: adminsOnly }

/** One row per run of the digest job. */
export const digestRunsCollection = (): CollectionConfig => ({
  slug: DIGEST_RUNS_SLUG,
  labels: { singular: { sv: 'Utskick', en: 'Digest run' }, plural: { sv: 'Utskick', en: 'Digest runs' } },
  admin: { group: L.group, useAsTitle: 'periodKey', defaultColumns: ['periodKey', 'startedAt', 'finishedAt', 'sent', 'skipped', 'failed'] },
  access: readOnlyForAdmins,
  graphQL: false,
  fields: [
    { name: 'periodKey', type: 'text', required: true, index: true },
    { name: 'frequency', type: 'select', required: true, options: ['daily', 'weekly'] },
    { name: 'startedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'sent', type: 'number', defaultValue: 0 },
    { name: 'skipped', type: 'number', defaultValue: 0 },
    { name: 'failed', type: 'number', defaultValue: 0 },
  ],
})

/**
 * One row per subscriber and period. `dedupeKey = subscriberId:periodKey` is UNIQUE: the insert is
 * the claim, so two workers can never both send the same period's mail to one subscriber.
 */
export const digestDeliveriesCollection = (): CollectionConfig => ({
  slug: DIGEST_DELIVERIES_SLUG,
  labels: { singular: { sv: 'Leverans', en: 'Delivery' }, plural: { sv: 'Leveranser', en: 'Deliveries' } },
  admin: { group: L.group, useAsTitle: 'dedupeKey', defaultColumns: ['dedupeKey', 'status', 'attempts', 'lastError'] },
  access: readOnlyForAdmins,
  graphQL: false,
  fields: [
    { name: 'dedupeKey', type: 'text', required: true, unique: true, index: true },
    { name: 'run', type: 'relationship', relationTo: DIGEST_RUNS_SLUG as CollectionSlug },
    { name: 'subscriber', type: 'relationship', relationTo: SUBSCRIBERS_SLUG as CollectionSlug, index: true },
    { name: 'periodKey', type: 'text', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'queued',
      // queued: claimed, not yet handed to SMTP (safe to retry); sending: handed to SMTP, outcome unknown until marked.
      options: ['queued', 'sending', 'sent', 'failed'],
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    /** The claiming worker owns the row until then; after it, another run may take a `queued` row over. */
    { name: 'leaseUntil', type: 'date', index: true },
    { name: 'claimedBy', type: 'text' },
    { name: 'items', type: 'number' },
    { name: 'sentAt', type: 'date' },
    { name: 'lastError', type: 'text' },
  ],
})

/** One row per counted attempt (`key` = `ip:…` or `email:…`); counted within its window, old rows purged. */
export const rateLimitsCollection = (): CollectionConfig => ({
  slug: RATE_LIMITS_SLUG,
  admin: { hidden: true },
  access: { read: adminsOnly, create: () => false, update: () => false, delete: () => false },
  graphQL: false,
  fields: [
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
})
