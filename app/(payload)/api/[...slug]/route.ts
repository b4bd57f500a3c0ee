import config from '@payload-config'

import { guardedRestRoutes } from 'payload-plugin-newsroom/guard'

// Payload's REST handlers behind the request guard: bad input is a 4xx, never a 500 (src/guard).
export const { GET, POST, DELETE, PATCH, PUT, OPTIONS } = guardedRestRoutes(config)
