import type { GraphQLOutputType } from 'graphql'
import type { Config, SanitizedCollectionConfig } from 'payload'

import { formatNames, toWords } from 'payload'

import { BadInput } from './badInput.js'
import { assertNoUploadFromUrl } from './uploadFromUrl.js'

type GraphQLConfig = NonNullable<Config['graphQL']>
type Queries = NonNullable<GraphQLConfig['queries']>
type Mutations = NonNullable<GraphQLConfig['mutations']>
type GraphQLModule = Parameters<Queries>[0]
type Field = { args?: Record<string, unknown>; resolve?: (...a: unknown[]) => unknown }
type Resolve = (source: unknown, args: unknown, context: unknown, info: { returnType: GraphQLOutputType }) => unknown

/**
 * Payload hands GraphQL the *sanitized* permissions of REST's /api/access: a permission that is
 * false is deleted and an object whose permissions are all true becomes `true`. The GraphQL
 * types (`permission: Boolean!`, `fields { … }`) then meet `undefined` or `true`, and the query
 * fails ("Cannot return null for non-nullable field …", statusCode 500) for most callers.
 * Expands a sanitized value back along its GraphQL type: missing is false, `true` is all true.
 */
export function expandPermissions(GraphQL: GraphQLModule, value: unknown, type: GraphQLOutputType, depth = 0): unknown {
  const named = GraphQL.getNamedType(type)
  if (depth > 12) return null
  if (GraphQL.isScalarType(named)) {
    if (named.name === 'Boolean') return value === true || (typeof value === 'object' && value !== null && (value as { permission?: unknown }).permission === true)
    return value ?? null
  }
  if (!GraphQL.isObjectType(named)) return value ?? null
  const out: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(named.getFields())) {
    const v = value === true ? true : typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined
    out[name] = name === 'where' ? (typeof value === 'object' && value !== null ? ((value as { where?: unknown }).where ?? null) : null) : expandPermissions(GraphQL, v, field.type, depth + 1)
  }
  return out
}

/**
 * Payload 3.90.1 GraphQL queries that fail for anybody, replaced through `graphQL.queries`
 * (Payload applies those over its own; the app's own custom queries still come last):
 * - `Access` and `docAccess<Collection>`: see expandPermissions;
 * - `docAccess<Global>`: its resolver reads the request from its *second* parameter (the
 *   arguments) instead of the third (the context), so it always threw.
 */
export const withGraphQLQueryFixes =
  (own?: Queries): Queries =>
  (GraphQL, ctx) => {
    const fields = (ctx as unknown as { Query: { fields: Record<string, Field> } }).Query.fields
    const fixes: Record<string, Field> = {}
    for (const [name, field] of Object.entries(fields)) {
      if ((name !== 'Access' && !name.startsWith('docAccess')) || !field.resolve) continue
      const resolve = field.resolve as Resolve
      // A global's docAccess query takes no arguments; a collection's takes the document id.
      const isGlobal = name.startsWith('docAccess') && !Object.keys(field.args ?? {}).length
      const fixed: Resolve = async (source, args, context, info) =>
        expandPermissions(GraphQL, await (isGlobal ? resolve(source, context, context, info) : resolve(source, args, context, info)), info.returnType)
      fixes[name] = { ...field, resolve: fixed as Field['resolve'] }
    }
    return { ...fixes, ...(own?.(GraphQL, ctx) ?? {}) } as ReturnType<Queries>
  }

/**
 * `verifyEmail<User>` of a collection without e-mail verification queried a column that does not
 * exist (a 500); it says so instead, like the REST route (pathGuard).
 */
export const withGraphQLMutationFixes =
  (own?: Mutations): Mutations =>
  (GraphQL, ctx) => {
    const c = ctx as unknown as { Mutation: { fields: Record<string, Field> }; config: { collections: (SanitizedCollectionConfig & { graphQL?: false | { singularName?: string } })[] } }
    const fixes: Record<string, Field> = {}
    const singularOf = (collection: (typeof c.config.collections)[number]) =>
      collection.graphQL && collection.graphQL.singularName ? toWords(collection.graphQL.singularName, true) : formatNames(collection.slug).singular
    for (const collection of c.config.collections) {
      if (!collection.upload || collection.graphQL === false) continue
      // See uploadFromUrl.ts: Payload drops the URL from the data before any hook.
      for (const name of [`create${singularOf(collection)}`, `duplicate${singularOf(collection)}`]) {
        const field = c.Mutation.fields[name]
        if (!field?.resolve) continue
        const resolve = field.resolve
        fixes[name] = {
          ...field,
          resolve: (source: unknown, args: unknown, ...rest: unknown[]) => {
            assertNoUploadFromUrl(collection, (args as { data?: unknown } | undefined)?.data)
            return resolve(source, args, ...rest)
          },
        }
      }
    }
    for (const collection of c.config.collections) {
      if (!collection.auth || collection.auth.verify || collection.graphQL === false) continue
      // The name Payload gives the mutation (initCollections).
      const singular = singularOf(collection)
      const field = c.Mutation.fields[`verifyEmail${singular}`]
      if (!field) continue
      fixes[`verifyEmail${singular}`] = {
        ...field,
        resolve: () => {
          throw new BadInput(`${collection.slug} does not verify e-mail addresses`, 404)
        },
      }
    }
    return { ...fixes, ...(own?.(GraphQL, ctx) ?? {}) } as ReturnType<Mutations>
  }
