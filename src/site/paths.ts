import type { ItemType } from '../listing/types.js'
import type { SiteLocale } from '../texts/site.js'

type UrlPatterns = Record<ItemType, string>

/** Where each public page lives: Swedish at the root, English under /en. */
export const PAGE_PATHS = {
  sv: {
    home: '/',
    aktuellt: '/aktuellt',
    topic: '/amne/{slug}',
    newsletter: '/nyhetsbrev',
    confirm: '/nyhetsbrev/bekrafta',
    preferences: '/nyhetsbrev/installningar',
    unsubscribe: '/nyhetsbrev/avsluta',
    accessibility: '/tillganglighet',
  },
  en: {
    home: '/en',
    aktuellt: '/en/news',
    topic: '/en/topic/{slug}',
    newsletter: '/en/newsletter',
    confirm: '/en/newsletter/confirm',
    preferences: '/en/newsletter/preferences',
    unsubscribe: '/en/newsletter/unsubscribe',
    accessibility: '/en/accessibility',
  },
} as const

export const localePrefix = (l: SiteLocale) => (l === 'en' ? '/en' : '')

/** An item's page in a language: the plugin's urlPatterns, under /en for English. */
export const itemPath = (patterns: UrlPatterns, type: ItemType, slug: string, l: SiteLocale) =>
  localePrefix(l) + patterns[type].replace('{slug}', encodeURIComponent(slug))

export const topicPath = (slug: string, l: SiteLocale) => PAGE_PATHS[l].topic.replace('{slug}', encodeURIComponent(slug))

export const otherLocale = (l: SiteLocale): SiteLocale => (l === 'sv' ? 'en' : 'sv')
