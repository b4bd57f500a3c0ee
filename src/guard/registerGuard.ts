import type { CollectionConfig, Config, Payload } from 'payload'

import { APIError, AuthenticationError, Forbidden, Locked, LockedAuth, MissingFile, NotFound, QueryError, UnauthorizedError, UnverifiedEmail, ValidationError } from 'payload'

import { BAD_INPUT } from './badInput'
import { guardOperation } from './operationGuard'

/** Puts the guard first among a collection's `beforeOperation` hooks. */
export const withOperationGuard = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeOperation: [guardOperation, ...(collection.hooks?.beforeOperation ?? []).filter((h) => h !== guardOperation)] },
})

/**
 * Payload adds its own collections (preferences, locked documents, jobs, migrations, …) after the
 * plugins have run, so the guard goes onto those when Payload starts, before the app's onInit.
 */
export const guardEveryCollectionOnInit =
  (onInit: Config['onInit']) =>
  async (payload: Payload): Promise<void> => {
    for (const { config } of Object.values(payload.collections)) {
      const hooks = (config.hooks.beforeOperation ??= [])
      if (!hooks.includes(guardOperation)) hooks.unshift(guardOperation)
    }
    await onInit?.(payload)
  }

/** Client mistakes, logged as one `info` line instead of an `error` with the stack (and, for queries, the SQL). */
export const clientErrorLogLevels = {
  [BAD_INPUT]: 'info',
  QueryError: 'info',
  AuthenticationError: 'info',
  UnauthorizedError: 'info',
  LockedAuth: 'info',
  UnverifiedEmail: 'info',
} as const

/**
 * Payload names its errors `this.constructor.name` and picks the log level by that name; in the
 * minified `next build` the classes are called `_` or `e`, so every 400 was logged at `error`
 * with its stack. Gives the classes back their names (Function#name is configurable).
 */
export function restoreErrorNames() {
  const classes: Record<string, unknown> = { APIError, AuthenticationError, Forbidden, Locked, LockedAuth, MissingFile, NotFound, QueryError, UnauthorizedError, UnverifiedEmail, ValidationError }
  for (const [name, cls] of Object.entries(classes)) {
    if (typeof cls === 'function' && cls.name !== name) Object.defineProperty(cls, 'name', { value: name })
  }
}
