import type { TextField } from 'payload'

import { L } from '../../src/labels'
import { slugify } from '../../src/slugify'

/** Unique slug, made from `fromField` when left empty; whatever the editor types is normalised too. */
export const slugField = (fromField = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  label: L.slug,
  unique: true,
  index: true,
  admin: { position: 'sidebar', description: L.slugHelp },
  hooks: {
    beforeValidate: [
      ({ value, data, originalDoc }) => {
        const source = typeof value === 'string' && value.trim() ? value : (data?.[fromField] ?? originalDoc?.[fromField])
        return typeof source === 'string' && source.trim() ? slugify(source) : value
      },
    ],
  },
})
