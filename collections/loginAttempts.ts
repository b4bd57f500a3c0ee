import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { applyOverrides } from './applyOverrides.js'

/**
 * Counters of the login throttle (`src/auth/loginThrottle.ts`): one row per counted attempt, `key`
 * = `ip:<sha256>` (failed or running attempts from one address) or `pair:<sha256>` (from one
 * address for one account). Kept in the database so every instance sharing it agrees. Nobody
 * reads or writes them through the API; expired rows are purged.
 */
export const loginAttemptsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  applyOverrides({ options, key: 'loginAttempts', defaultConfig: loginAttemptsConfig(options) })

const loginAttemptsConfig = (options: ResolvedNewsroomOptions): CollectionConfig => ({
  slug: options.collections.loginAttempts.slug,
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  graphQL: false,
  lockDocuments: false,
  fields: [
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
})
