import type { GlobalConfig, Validate } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'
import type { Labels } from '../types.js'

import { anyone, loggedIn } from '../access.js'
import { colourHelp, G } from '../texts/globals.js'
import { L } from '../texts/labels.js'
import { isAbsoluteHttpUrl } from '../validation.js'
import { SITE_DEFAULTS } from './siteDefaults.js'

const hexColour: Validate = (v: unknown) =>
  v == null || v === '' || (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) ? true : 'A colour as #rrggbb (Färg som #rrggbb).'

const linkTarget: Validate = (v: unknown) =>
  typeof v === 'string' && (v.startsWith('/') || isAbsoluteHttpUrl(v)) ? true : 'A path such as /om-oss or an absolute http(s) URL (En sökväg eller en webbadress).'

const colour = (name: keyof typeof SITE_DEFAULTS.colors, label: Labels) => ({
  name,
  type: 'text' as const,
  label,
  defaultValue: SITE_DEFAULTS.colors[name],
  validate: hexColour,
  admin: { description: colourHelp(SITE_DEFAULTS.colors[name]) },
})

/** Site settings: what the public pages show around the content (name, logo, colours, footer links). */
export const siteSettingsGlobal = (options: ResolvedNewsroomOptions): GlobalConfig => ({
  slug: options.globals.settings.slug,
  label: G.siteSettings,
  admin: { group: L.group },
  access: { read: anyone, update: loggedIn },
  fields: [
    { name: 'organisationName', type: 'text', label: G.organisationName, localized: true, defaultValue: SITE_DEFAULTS.organisationName },
    {
      name: 'logo',
      type: 'upload',
      label: G.logo,
      relationTo: options.collections.media.slug,
      filterOptions: { mimeType: { contains: 'image' } },
      admin: { description: G.logoHelp },
    },
    {
      name: 'colors',
      type: 'group',
      label: G.colours,
      fields: [
        colour('primary', G.primary),
        colour('link', G.link),
        colour('text', G.text),
        colour('background', G.background),
        colour('focus', G.focus),
      ],
    },
    {
      name: 'footerLinks',
      type: 'array',
      label: G.footerLinks,
      labels: L.links,
      fields: [
        { name: 'label', type: 'text', label: L.linkLabel, required: true, localized: true },
        { name: 'url', type: 'text', label: L.url, required: true, validate: linkTarget },
      ],
    },
  ],
})
