import type { CollectionConfig, Field } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'
import { loginThrottleHooks } from './loginThrottle.js'

/**
 * The columns of Payload's account lock (payload/dist/auth/baseFields/accountLock.js). They stay
 * when our throttle switches the lock off, so the database schema is the same either way.
 */
const accountLockFields: Field[] = [
  { name: 'loginAttempts', type: 'number', defaultValue: 0, hidden: true, access: { create: () => false, update: () => false } },
  { name: 'lockUntil', type: 'date', hidden: true, access: { create: () => false, update: () => false } },
]

/**
 * An auth collection with our login throttle in place of Payload's lock, and its session cookie
 * `Secure` when the site is served over https (unless the collection says otherwise).
 */
export function hardenAuthCollection(collection: CollectionConfig, options: ResolvedNewsroomOptions): CollectionConfig {
  const { login, serverURL } = options
  if (!collection.auth) return collection
  const auth = collection.auth === true ? {} : collection.auth
  if (auth.disableLocalStrategy === true) return collection
  const https = serverURL.startsWith('https:')
  const cookies = https && auth.cookies?.secure === undefined ? { ...auth.cookies, secure: true } : auth.cookies
  if (!login.throttle) return { ...collection, auth: { ...auth, cookies } }

  const { beforeOperation, afterLogin } = loginThrottleHooks(options)
  const hadLock = (auth.maxLoginAttempts ?? 5) > 0
  const names = new Set((collection.fields ?? []).map((f) => ('name' in f ? f.name : '')))
  return {
    ...collection,
    auth: { ...auth, cookies, maxLoginAttempts: 0 },
    fields: [...(collection.fields ?? []), ...(hadLock ? accountLockFields.filter((f) => !names.has((f as { name: string }).name)) : [])],
    hooks: {
      ...collection.hooks,
      // Ours first: a refused attempt does no other work.
      beforeOperation: [beforeOperation, ...(collection.hooks?.beforeOperation ?? [])],
      afterLogin: [...(collection.hooks?.afterLogin ?? []), afterLogin],
    },
  }
}
