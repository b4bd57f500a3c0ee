import type { TextField } from 'payload'

import { L } from '../../src/texts/labels.js'
import { slugify } from '../../src/slugify.js'
import { message, V } from '../../src/validation.js'

/**
 * Unique slug. Left empty, it is made from `fromField` and given a -2, -3 … suffix if taken (two
 * items may share a title); typed by the editor, it is normalised and a clash is a validation error.
 * The field's description (SlugDescription) tells the editor when the title's slug was taken.
 */
export const slugField = (fromField = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  label: L.slug,
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: L.slugHelp,
    components: { Description: { path: 'payload-plugin-newsroom/client#SlugDescription', clientProps: { fromField } } },
  },
  // A title of only signs ("***") made an empty slug: broken URLs, and feeds refused the item's categories.
  validate: (value: unknown, options: unknown) =>
    value === null || value === undefined || (typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value))
      ? true
      : message(options as Parameters<typeof message>[0], V.slugChars),
  hooks: {
    beforeValidate: [
      async ({ value, data, originalDoc, collection, req }) => {
        if (typeof value === 'string' && value.trim()) return slugify(value)
        if (originalDoc?.slug) return originalDoc.slug
        const source = data?.[fromField] ?? originalDoc?.[fromField]
        if (typeof source !== 'string' || !source.trim() || !collection) return value
        const base = slugify(source)
        for (let n = 1; n < 100; n++) {
          const candidate = n === 1 ? base : `${base}-${n}`
          const { totalDocs } = await req.payload.count({
            collection: collection.slug,
            where: { slug: { equals: candidate } },
            req,
            overrideAccess: true,
          })
          if (totalDocs === 0) return candidate
        }
        return `${base}-${Date.now().toString(36)}`
      },
    ],
  },
})
