import { type CollectionBeforeChangeHook, Forbidden, type Payload } from 'payload'

const LOCKS = 'payload-locked-documents'

type Owner = { relationTo?: string; value?: unknown } | string | number | null | undefined

const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)

/**
 * Payload's `payload-locked-documents` lets any logged-in user write any row, so an editor could
 * lock a document in another user's name (or move someone else's lock). Through the API a lock
 * may only be created or changed with the acting user as its owner; taking a lock over (the
 * admin's PATCH that sets `user` to oneself) stays possible. The admin itself creates its locks
 * with `payload.db`, which runs no hooks.
 */
export const lockOwnerHook: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const user = req.user
  if (!user) return data
  const own = { relationTo: user.collection, value: user.id }
  const owner = (data.user ?? (operation === 'update' ? originalDoc?.user : undefined)) as Owner
  if (owner === undefined || owner === null) return { ...data, user: own }
  const relationTo = typeof owner === 'object' ? owner.relationTo : user.collection
  const value = idOf(typeof owner === 'object' ? owner.value : owner)
  if (relationTo !== user.collection || String(value) !== String(user.id)) throw new Forbidden(req.t)
  return data
}

/**
 * Payload adds the locks collection while sanitizing the config, after plugins have run, so its
 * hook is attached once Payload is up (idempotent: several instances may share one config).
 */
export function guardLockedDocuments(payload: Payload): void {
  const locks = payload.collections[LOCKS as keyof typeof payload.collections]
  if (!locks) return
  const hooks = locks.config.hooks
  hooks.beforeChange = hooks.beforeChange ?? []
  if (!hooks.beforeChange.includes(lockOwnerHook)) hooks.beforeChange.push(lockOwnerHook)
}
