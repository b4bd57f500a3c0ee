import type { Payload } from 'payload'

/** One delivery row (of the `deliveries` collection) by its dedupe key, through the adapter: no hooks, no lock checks, nothing read back. */
export const updateDelivery = (payload: Payload, deliveries: string, dedupeKey: string, data: Record<string, unknown>) =>
  payload.db.updateOne({ collection: deliveries, where: { dedupeKey: { equals: dedupeKey } }, data: { ...data, updatedAt: new Date().toISOString() }, returning: false })
