import type { Payload } from 'payload'

import { pluginOptions } from '../pluginOptions.js'

/**
 * `robots.txt`: crawl the public pages and the feeds, not the admin, the API or previews.
 * (The longer `Allow` wins over `Disallow: /api/` for crawlers that follow RFC 9309.)
 */
export function renderRobots(payload: Payload): string {
  const o = pluginOptions(payload)
  return [
    'User-agent: *',
    'Allow: /api/newsroom/feed.',
    'Allow: /api/newsroom/feeds',
    'Allow: /api/newsroom/calendar.ics',
    'Allow: /api/newsroom/events/',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /preview',
    '',
    `Sitemap: ${new URL('/sitemap.xml', o.serverURL).toString()}`,
    '',
  ].join('\n')
}
