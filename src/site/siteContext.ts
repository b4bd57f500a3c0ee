import { cache } from 'react'

import { type GlobalSlug, getPayload, type Payload, type SanitizedConfig } from 'payload'

import { pluginOptions } from '../pluginOptions.js'
import { SITE_DEFAULTS, type SiteColors } from '../globals/siteDefaults.js'
import { type SiteLocale, stringsFor } from '../texts/site.js'

/** What every public page component is given: the app's Payload config and the page's language. */
export type SiteProps = { config: SanitizedConfig | Promise<SanitizedConfig>; locale: SiteLocale }

export type SiteSettings = {
  organisationName: string
  logo: { url: string; alt: string; width: number | null; height: number | null } | null
  colors: SiteColors
  footerLinks: { label: string; url: string }[]
}

export const payloadOf = cache(async (config: SiteProps['config']): Promise<Payload> => getPayload({ config: await config }))

const HEX = /^#[0-9a-fA-F]{6}$/

/** The site settings global in a language, with the defaults for whatever is empty (read once per request). */
export const loadSettings = cache(async (config: SiteProps['config'], locale: SiteLocale): Promise<SiteSettings> => {
  const payload = await payloadOf(config)
  const slug = pluginOptions(payload).globals.settings.slug as GlobalSlug
  const doc = (await payload.findGlobal({ slug, locale: locale as 'all', depth: 1, overrideAccess: false })) as Record<string, any>
  const colors = { ...SITE_DEFAULTS.colors } as SiteColors
  for (const key of Object.keys(colors) as (keyof SiteColors)[]) {
    const v = doc?.colors?.[key]
    if (typeof v === 'string' && HEX.test(v)) colors[key] = v
  }
  const logo = doc?.logo && typeof doc.logo === 'object' && doc.logo.url ? doc.logo : null
  return {
    organisationName: doc?.organisationName || SITE_DEFAULTS.organisationName,
    logo: logo ? { url: logo.url, alt: logo.alt ?? '', width: logo.width ?? null, height: logo.height ?? null } : null,
    colors,
    footerLinks: Array.isArray(doc?.footerLinks) ? doc.footerLinks.filter((l: any) => l?.label && l?.url).map((l: any) => ({ label: l.label, url: l.url })) : [],
  }
})

export const siteStrings = (locale: SiteLocale) => stringsFor(locale)
