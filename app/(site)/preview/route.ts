import config from '@payload-config'

import { previewRoute } from 'payload-plugin-newsroom/next'

export const { GET } = previewRoute(config)
