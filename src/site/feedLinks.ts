import type { ItemType } from '../listing/types.js'
import type { SiteLocale } from '../texts/site.js'

export type FeedFilter = { locale: SiteLocale; type?: ItemType | ItemType[]; category?: string[]; q?: string }

const PATHS = { rss: '/api/newsroom/feed.rss', atom: '/api/newsroom/feed.atom', json: '/api/newsroom/feed.json', ics: '/api/newsroom/calendar.ics' }

/** The feed of what a page shows (same filters as the listing). */
export function feedUrl(format: keyof typeof PATHS, f: FeedFilter) {
  const sp = new URLSearchParams()
  const types = f.type ? (Array.isArray(f.type) ? f.type : [f.type]) : []
  if (types.length && types.length < 3 && format !== 'ics') sp.set('type', types.join(','))
  if (f.category?.length) sp.set('category', f.category.join(','))
  if (f.q) sp.set('q', f.q)
  if (f.locale !== 'sv') sp.set('locale', f.locale)
  const qs = sp.toString()
  return qs ? `${PATHS[format]}?${qs}` : PATHS[format]
}

export const FEED_MIME = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json', ics: 'text/calendar' } as const
