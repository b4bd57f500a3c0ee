import config from '@payload-config'

import { guardedGraphQLRoute } from 'payload-plugin-newsroom/guard'

// Payload's GraphQL handler behind the GraphQL guard: size, parse, fragment cycles, depth (src/guard).
export const { POST, OPTIONS } = guardedGraphQLRoute(config)
