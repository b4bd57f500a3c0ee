import config from '@payload-config'

import { sitemapRoute } from 'payload-plugin-newsroom/next'

export const { GET } = sitemapRoute(config)
