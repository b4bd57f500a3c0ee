import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { guardGraphQLRequest } from './graphqlGuard.js'
import { guardRestRequest } from './restGuard.js'

type Config = Promise<SanitizedConfig> | SanitizedConfig
type RouteArgs = { params: Promise<{ slug?: string[] }> }
type RestHandler = (request: Request, args: RouteArgs) => Promise<Response>

/**
 * Payload's REST route handlers (`app/(payload)/api/[...slug]/route.ts`) behind the request guard
 * (see restGuard.ts). `payloadInstanceCacheKey` serves a second Payload instance in one process
 * (tests); Payload's own handlers know only the default one.
 */
export function guardedRestRoutes(config: Config, opts: { payloadInstanceCacheKey?: string } = {}) {
  const guard =
    (make: (config: Config) => RestHandler): RestHandler =>
    async (request, args) => {
      const checked = await guardRestRequest(request, await config)
      if (checked instanceof Response) return checked
      const inner = opts.payloadInstanceCacheKey ? keyedHandler(config, opts.payloadInstanceCacheKey) : make(config)
      return inner(checked, args)
    }
  return {
    GET: guard(REST_GET),
    POST: guard(REST_POST),
    DELETE: guard(REST_DELETE),
    PATCH: guard(REST_PATCH),
    PUT: guard(REST_PUT),
    OPTIONS: REST_OPTIONS(config),
  }
}

/** Payload's GraphQL route handler (`app/(payload)/api/graphql/route.ts`) behind the GraphQL guard (see graphqlGuard.ts). */
export function guardedGraphQLRoute(config: Config) {
  const graphql = GRAPHQL_POST(config)
  return {
    POST: async (request: Request): Promise<Response> => {
      const checked = await guardGraphQLRequest(request, await config)
      return checked instanceof Response ? checked : graphql(checked)
    },
    OPTIONS: REST_OPTIONS(config),
  }
}

/** What REST_GET and the others do (minus the admin's /og image endpoint), for a named instance. */
const keyedHandler =
  (config: Config, payloadInstanceCacheKey: string): RestHandler =>
  async (request, args) => {
    const { routes } = await config
    const slug = (await args.params)?.slug
    return handleEndpoints({
      config,
      path: formatAdminURL({ apiRoute: routes.api, path: slug ? `/${slug.map((s) => encodeURIComponent(s)).join('/')}` : undefined }),
      payloadInstanceCacheKey,
      request,
    })
  }
