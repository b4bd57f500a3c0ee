import type { ArrayField } from 'payload'

import { L } from '../../src/texts/labels.js'
import { isAbsoluteHttpUrl } from '../../src/validation.js'

/** "Relaterad information": links to another newsroom item or to an external website. */
export const relatedField = (itemSlugs: string[]): ArrayField => ({
  name: 'related',
  type: 'array',
  label: L.related,
  labels: L.links,
  fields: [
    {
      name: 'linkType',
      type: 'radio',
      label: L.linkType,
      defaultValue: 'internal',
      required: true,
      options: [
        { value: 'internal', label: L.internal },
        { value: 'external', label: L.external },
      ],
    },
    { name: 'label', type: 'text', label: L.linkLabel, localized: true },
    {
      name: 'doc',
      type: 'relationship',
      label: L.linkDoc,
      relationTo: itemSlugs,
      admin: { condition: (_, sibling) => sibling?.linkType !== 'external' },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        siblingData?.linkType === 'external' || value ? true : 'Choose the page to link to, or mark the link as external.',
    },
    {
      name: 'url',
      type: 'text',
      label: L.url,
      admin: { condition: (_, sibling) => sibling?.linkType === 'external' },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
        if (siblingData?.linkType !== 'external') return true
        return isAbsoluteHttpUrl(value) ? true : 'An external link needs an absolute http(s) URL.'
      },
    },
  ],
})
