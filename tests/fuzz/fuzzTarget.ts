import type { GraphQLSchema } from 'graphql'
import type { FlattenedField, SanitizedConfig } from 'payload'

import { type FuzzCollection, type FuzzWorld, routesOf } from './restRequests'

/** A line the server logged at ERROR level (or above). */
export type ErrorLine = { type?: string; message?: string; cause?: string; raw: string }

/** The server under test: where to send requests, as whom, what exists there, and its ERROR log. */
export type FuzzTarget = {
  label: string
  baseUrl: string
  tokens: { admin: string; editor: string }
  /** Sessions the run may end (logout, refresh) without losing its own. */
  sessions: string[]
  world: FuzzWorld
  schema: GraphQLSchema
  log: { mark: () => number; errorsSince: (mark: number) => Promise<ErrorLine[]> }
  close: () => Promise<void>
}

/** Field paths a `where` or `sort` can name: fields, sub-fields, relationship paths, locales, versions. */
function fieldPaths(fields: FlattenedField[], prefix = '', depth = 0): string[] {
  const out: string[] = []
  for (const f of fields) {
    const name = `${prefix}${f.name}`
    out.push(name)
    if ('localized' in f && f.localized) out.push(`${name}.sv`)
    if ((f.type === 'relationship' || f.type === 'upload') && typeof f.relationTo === 'string') out.push(`${name}.id`, `${name}.slug`, `${name}.title`, `${name}.parent.title`)
    if ('flattenedFields' in f && depth < 2) out.push(...fieldPaths(f.flattenedFields, `${name}.`, depth + 1))
  }
  return out
}

/** Every collection and route of the config, with the ids and topic slugs that exist on the server. */
export function worldOf(config: SanitizedConfig, ids: (string | number)[], protectedUserIds: (string | number)[], topicSlugs: string[]): FuzzWorld {
  const collections: FuzzCollection[] = config.collections.map((c) => ({
    slug: c.slug,
    fields: c.flattenedFields,
    paths: ['id', '_id', 'version.title', 'version._status', ...fieldPaths(c.flattenedFields)],
    upload: Boolean(c.upload),
    auth: Boolean(c.auth),
  }))
  return { collections, routes: routesOf(config, collections), ids, protectedUserIds, topicSlugs: [...topicSlugs, 'nosuch', ''] }
}
