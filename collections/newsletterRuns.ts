import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { adminsOnly } from '../src/access.js'
import { dayAndTime } from '../src/admin/dateFormats.js'
import { L } from '../src/texts/labels.js'
import { N } from '../src/texts/newsletter.js'
import { applyOverrides } from './applyOverrides.js'

const readOnlyForAdmins = { read: adminsOnly, create: () => false, update: () => false, delete: adminsOnly }

/** One row per run of the digest job: counts only, no addresses. Admins read them; nobody edits them. */
export const digestRunsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  applyOverrides({ options, key: 'digestRuns', defaultConfig: digestRunsConfig(options) })

const digestRunsConfig = (options: ResolvedNewsroomOptions): CollectionConfig => ({
  slug: options.collections.digestRuns.slug,
  labels: N.digestRuns,
  defaultSort: '-startedAt',
  admin: {
    group: L.group,
    useAsTitle: 'periodKey',
    defaultColumns: ['periodKey', 'frequency', 'startedAt', 'finishedAt', 'sent', 'skipped', 'failed'],
    components: { beforeListTable: ['payload-plugin-newsroom/rsc#DigestRunsHeader'] },
  },
  access: { read: adminsOnly, create: () => false, update: () => false, delete: () => false },
  graphQL: false,
  fields: [
    { name: 'periodKey', type: 'text', label: N.periodKey, required: true, index: true },
    {
      name: 'frequency',
      type: 'select',
      label: N.frequency,
      required: true,
      options: [
        { value: 'daily', label: N.dailyRun },
        { value: 'weekly', label: N.weekly },
      ],
    },
    { name: 'startedAt', type: 'date', label: N.startedAt, required: true, admin: { date: dayAndTime } },
    { name: 'finishedAt', type: 'date', label: N.finishedAt, admin: { date: dayAndTime } },
    { name: 'sent', type: 'number', label: N.sent, defaultValue: 0 },
    { name: 'skipped', type: 'number', label: N.skipped, defaultValue: 0 },
    { name: 'failed', type: 'number', label: N.failed, defaultValue: 0 },
  ],
})

/**
 * One row per subscriber and period. `dedupeKey = subscriberId:periodKey` is UNIQUE: the insert is
 * the claim, so two workers can never both send the same period's mail to one subscriber.
 */
export const digestDeliveriesCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  applyOverrides({ options, key: 'digestDeliveries', defaultConfig: digestDeliveriesConfig(options) })

const digestDeliveriesConfig = (options: ResolvedNewsroomOptions): CollectionConfig => ({
  slug: options.collections.digestDeliveries.slug,
  labels: N.digestDeliveries,
  admin: { group: L.group, useAsTitle: 'dedupeKey', defaultColumns: ['dedupeKey', 'status', 'attempts', 'lastError'] },
  access: readOnlyForAdmins,
  graphQL: false,
  fields: [
    { name: 'dedupeKey', type: 'text', required: true, unique: true, index: true },
    { name: 'run', type: 'relationship', relationTo: options.collections.digestRuns.slug },
    { name: 'subscriber', type: 'relationship', relationTo: options.collections.subscribers.slug, index: true },
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
export const rateLimitsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  applyOverrides({ options, key: 'rateLimits', defaultConfig: rateLimitsConfig(options) })

const rateLimitsConfig = (options: ResolvedNewsroomOptions): CollectionConfig => ({
  slug: options.collections.rateLimits.slug,
  admin: { hidden: true },
  access: { read: adminsOnly, create: () => false, update: () => false, delete: () => false },
  graphQL: false,
  fields: [
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
})
