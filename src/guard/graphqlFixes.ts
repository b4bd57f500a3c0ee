import type { Config } from 'payload'

type Queries = NonNullable<NonNullable<Config['graphQL']>['queries']>
type Field = { args?: Record<string, unknown>; resolve?: (...a: unknown[]) => unknown }

/**
 * Two GraphQL queries of Payload 3.90.1 that fail for anybody, answered by resolver errors
 * (statusCode 500) and logged at ERROR:
 * - `Access { canAccessAdmin }`: the field is non-null, but Payload leaves it out when it is
 *   false (sanitizePermissions), so anonymous callers and users without admin access get an error;
 * - `docAccess<Global>`: the global resolver reads the request from its *second* parameter
 *   (the arguments) instead of the third (the context), so it always throws.
 * Replaced through `graphQL.queries`, which Payload applies over its own; the app's come last.
 */
export const withGraphQLFixes =
  (own?: Queries): Queries =>
  (GraphQL, ctx) => {
    const fields = (ctx as unknown as { Query: { fields: Record<string, Field> } }).Query.fields
    const fixes: Record<string, Field> = {}
    const access = fields.Access
    if (access?.resolve) {
      const resolve = access.resolve
      fixes.Access = { ...access, resolve: async (...a: unknown[]) => ({ canAccessAdmin: false, ...((await resolve(...a)) as object) }) }
    }
    for (const [name, field] of Object.entries(fields)) {
      // A global's docAccess query takes no arguments; a collection's takes the document id.
      if (name.startsWith('docAccess') && field.resolve && !Object.keys(field.args ?? {}).length) {
        const resolve = field.resolve
        fixes[name] = { ...field, resolve: (source: unknown, _args: unknown, context: unknown, info: unknown) => resolve(source, context, context, info) }
      }
    }
    return { ...fixes, ...(own?.(GraphQL, ctx) ?? {}) } as ReturnType<Queries>
  }
