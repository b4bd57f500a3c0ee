import type { CollectionSlug, GlobalConfig, Validate } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { anyone, loggedIn } from '../access.js'
import { L } from '../texts/labels.js'
import { isAbsoluteHttpUrl } from '../validation.js'
import { SITE_DEFAULTS } from './siteDefaults.js'

const hexColour: Validate = (v: unknown) =>
  v == null || v === '' || (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) ? true : 'A colour as #rrggbb (Färg som #rrggbb).'

const linkTarget: Validate = (v: unknown) =>
  typeof v === 'string' && (v.startsWith('/') || isAbsoluteHttpUrl(v)) ? true : 'A path such as /om-oss or an absolute http(s) URL (En sökväg eller en webbadress).'

const colour = (name: keyof typeof SITE_DEFAULTS.colors, label: { sv: string; en: string }) => ({
  name,
  type: 'text' as const,
  label,
  defaultValue: SITE_DEFAULTS.colors[name],
  validate: hexColour,
  admin: { description: { sv: `Standard ${SITE_DEFAULTS.colors[name]}. Välj färger med kontrast minst 4,5:1 mot texten.`, en: `Default ${SITE_DEFAULTS.colors[name]}. Keep a contrast of at least 4.5:1 with the text.` } },
})

/** Site settings: what the public pages show around the content (name, logo, colours, footer links). */
export const siteSettingsGlobal = (options: ResolvedNewsroomOptions): GlobalConfig => ({
  slug: options.globals.settings.slug,
  label: { sv: 'Webbplatsinställningar', en: 'Site settings' },
  admin: { group: L.group },
  access: { read: anyone, update: loggedIn },
  fields: [
    { name: 'organisationName', type: 'text', label: { sv: 'Organisationens namn', en: 'Organisation name' }, localized: true, defaultValue: SITE_DEFAULTS.organisationName },
    {
      name: 'logo',
      type: 'upload',
      label: { sv: 'Logotyp', en: 'Logo' },
      relationTo: options.collections.media.slug as CollectionSlug,
      filterOptions: { mimeType: { contains: 'image' } },
      admin: { description: { sv: 'Visas i sidhuvudet; alternativtexten blir länkens text.', en: 'Shown in the header; its alt text becomes the link text.' } },
    },
    {
      name: 'colors',
      type: 'group',
      label: { sv: 'Färger', en: 'Colours' },
      fields: [
        colour('primary', { sv: 'Huvudfärg (sidhuvud, knappar)', en: 'Primary (header, buttons)' }),
        colour('link', { sv: 'Länkar', en: 'Links' }),
        colour('text', { sv: 'Text', en: 'Text' }),
        colour('background', { sv: 'Bakgrund', en: 'Background' }),
        colour('focus', { sv: 'Fokusmarkering', en: 'Focus outline' }),
      ],
    },
    {
      name: 'footerLinks',
      type: 'array',
      label: { sv: 'Länkar i sidfoten', en: 'Footer links' },
      labels: { singular: { sv: 'Länk', en: 'Link' }, plural: { sv: 'Länkar', en: 'Links' } },
      fields: [
        { name: 'label', type: 'text', label: L.linkLabel, required: true, localized: true },
        { name: 'url', type: 'text', label: L.url, required: true, validate: linkTarget },
      ],
    },
  ],
})
