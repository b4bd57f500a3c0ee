import config from '@payload-config'

import { robotsRoute } from 'payload-plugin-newsroom/next'

export const { GET } = robotsRoute(config)
