import type { CollectionConfig, Config, Payload } from 'payload'

import { APIError, AuthenticationError, Forbidden, Locked, LockedAuth, MissingFile, NotFound, QueryError, UnauthorizedError, UnverifiedEmail, ValidationError } from 'payload'

import { guardGlobalOperation, guardOperation } from './operationGuard.js'
import { fixPreferenceDelete } from './preferencesDelete.js'

/** Puts the guard first among a collection's `beforeOperation` hooks. */
export const withOperationGuard = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeOperation: [guardOperation, ...(collection.hooks?.beforeOperation ?? []).filter((h) => h !== guardOperation)] },
})

/**
 * Payload adds its own collections (preferences, locked documents, jobs, migrations, …) and
 * globals (jobs' stats) after the plugins have run, so the guard goes onto those, and onto every
 * global, when Payload starts, before the app's onInit.
 */
export const guardEveryCollectionOnInit =
  (onInit: Config['onInit']) =>
  async (payload: Payload): Promise<void> => {
    logClientErrorsAsInfo(payload)
    fixPreferenceDelete(payload)
    for (const { config } of Object.values(payload.collections)) {
      const hooks = (config.hooks.beforeOperation ??= [])
      if (!hooks.includes(guardOperation)) hooks.unshift(guardOperation)
    }
    for (const global of payload.globals.config) {
      const hooks = (global.hooks.beforeOperation ??= [])
      if (!hooks.includes(guardGlobalOperation)) hooks.unshift(guardGlobalOperation)
    }
    await onInit?.(payload)
  }

const DEMOTED = Symbol.for('newsroom.clientErrorsDemoted')

/** What payload/dist/uploads/checkFileRestrictions.js logs at ERROR before its ValidationError (a 400). */
const UPLOAD_REFUSALS = [/^File type .* is not allowed\./, /Restricted file type detected/, /^SVG file contains potentially harmful content/]

/**
 * Payload logs every error it answers with through `payload.logger.error` (routeError, and
 * GraphQL's handleError for each resolver error), picking `info` only for a few error class
 * names, which `next build` minifies away. A 4xx is the client's mistake: one `info` line with
 * its message instead of an `error` with the stack (and, for a query, the SQL).
 */
export function logClientErrorsAsInfo(payload: Payload) {
  const logger = payload.logger as Payload['logger'] & { [DEMOTED]?: true }
  if (logger[DEMOTED]) return
  const error = logger.error.bind(logger)
  logger.error = ((obj: unknown, ...rest: unknown[]) => {
    const err = (obj as { err?: { message?: unknown; status?: unknown; originalError?: { status?: unknown } } } | null)?.err
    const status = err?.status ?? err?.originalError?.status
    if (typeof status === 'number' && status >= 400 && status < 500) return logger.info({ status, msg: String(err?.message ?? 'client error') })
    // An upload refused for its type: Payload logs the reason as a bare string, then answers 400.
    if (typeof obj === 'string' && UPLOAD_REFUSALS.some((re) => re.test(obj))) return logger.info({ status: 400, msg: obj })
    return (error as (...a: unknown[]) => void)(obj, ...rest)
  }) as typeof logger.error
  logger[DEMOTED] = true
}

/**
 * Payload names its errors `this.constructor.name`, and that name is in the error bodies
 * (`errors[].name`) and the logs; in the minified `next build` it is `S` or `_`. Gives the
 * classes back their names (Function#name is configurable).
 */
export function restoreErrorNames() {
  const classes: Record<string, unknown> = { APIError, AuthenticationError, Forbidden, Locked, LockedAuth, MissingFile, NotFound, QueryError, UnauthorizedError, UnverifiedEmail, ValidationError }
  for (const [name, cls] of Object.entries(classes)) {
    if (typeof cls === 'function' && cls.name !== name) Object.defineProperty(cls, 'name', { value: name })
  }
}
