import type { Metadata } from 'next'

import { pluginOptions } from '../pluginOptions.js'
import { FEED_MIME, type FeedFilter, feedUrl } from './feedLinks.js'
import { loadSettings, payloadOf, type SiteProps } from './siteContext.js'
import type { SiteLocale } from '../texts/site.js'

type PageMeta = {
  title: string
  description?: string | null
  /** This page's path in each language (absent: no such page in that language). */
  paths: Partial<Record<SiteLocale, string>>
  /** The feed of what the page shows. */
  feed?: FeedFilter & { title: string }
  image?: { url: string; alt: string | null; width: number | null; height: number | null } | null
  ogType?: 'website' | 'article'
  noindex?: boolean
}

/** Title, canonical, hreflang, Open Graph and feed autodiscovery of a public page. */
export async function pageMetadata(props: SiteProps, m: PageMeta): Promise<Metadata> {
  const payload = await payloadOf(props.config)
  const base = pluginOptions(payload).serverURL
  const settings = await loadSettings(props.config, props.locale)
  const abs = (p: string) => new URL(p, base).toString()
  const own = m.paths[props.locale]
  const languages: Record<string, string> = {}
  for (const [l, p] of Object.entries(m.paths)) if (p) languages[l] = abs(p)
  if (m.paths.sv) languages['x-default'] = abs(m.paths.sv)
  const types: Record<string, { url: string; title: string }[]> = {}
  if (m.feed) {
    for (const format of ['rss', 'atom', 'json'] as const) types[FEED_MIME[format]] = [{ url: feedUrl(format, m.feed), title: m.feed.title }]
  }
  return {
    metadataBase: new URL(base),
    title: `${m.title} – ${settings.organisationName}`,
    description: m.description ?? undefined,
    alternates: { canonical: own ? abs(own) : undefined, languages, types: types as never },
    openGraph: {
      type: m.ogType ?? 'website',
      title: m.title,
      description: m.description ?? undefined,
      siteName: settings.organisationName,
      locale: props.locale === 'sv' ? 'sv_SE' : 'en_GB',
      url: own ? abs(own) : undefined,
      images: m.image ? [{ url: m.image.url, alt: m.image.alt ?? undefined, width: m.image.width ?? undefined, height: m.image.height ?? undefined }] : undefined,
    },
    robots: m.noindex ? { index: false, follow: true } : undefined,
  }
}
