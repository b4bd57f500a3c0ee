/**
 * Request guards: bad input is a 4xx with a message, never a 500. The `beforeOperation` hook is
 * added to every collection by the plugin; the route handlers are for the app's route files:
 *
 *   // app/(payload)/api/[...slug]/route.ts
 *   export const { GET, POST, DELETE, PATCH, PUT, OPTIONS } = guardedRestRoutes(config)
 *   // app/(payload)/api/graphql/route.ts
 *   export const { POST, OPTIONS } = guardedGraphQLRoute(config)
 */
export { BadInput } from './badInput.js'
export { guardedGraphQLRoute, guardedRestRoutes } from './guardedRoutes.js'
export { guardGraphQLRequest } from './graphqlGuard.js'
export { guardOperation } from './operationGuard.js'
export { guardRestRequest } from './restGuard.js'
export { MAX_GRAPHQL_DEPTH, MAX_GRAPHQL_TOKENS, MAX_JSON_BYTES, MAX_LIMIT, MAX_PAGE } from './limits.js'
