import type { CollectionSlug, Payload } from 'payload'

import { DIGEST_DELIVERIES_SLUG } from '../../../collections/newsletterRuns.js'

const DELIVERIES = DIGEST_DELIVERIES_SLUG as CollectionSlug

/** One delivery row by its dedupe key, through the adapter: no hooks, no lock checks, nothing read back. */
export const updateDelivery = (payload: Payload, dedupeKey: string, data: Record<string, unknown>) =>
  payload.db.updateOne({ collection: DELIVERIES, where: { dedupeKey: { equals: dedupeKey } }, data: { ...data, updatedAt: new Date().toISOString() }, returning: false })
