import type { Access, PayloadRequest } from 'payload'

type WithRoles = { roles?: unknown }

/** True when the request's user has the `admin` role. */
export const isAdminUser = (user: PayloadRequest['user']): boolean =>
  Array.isArray((user as WithRoles | null)?.roles) && ((user as WithRoles).roles as unknown[]).includes('admin')

export const loggedIn: Access = ({ req }) => Boolean(req.user)

export const adminsOnly: Access = ({ req }) => isAdminUser(req.user)

export const anyone: Access = () => true

/**
 * Editors see everything; everybody else only published documents. Payload's own
 * `_status` filter would let anonymous readers see drafts if read were simply `true`.
 */
export const publishedOrLoggedIn: Access = ({ req }) =>
  req.user ? true : { _status: { equals: 'published' } }
