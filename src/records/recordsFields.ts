import type { Field } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { R } from '../texts/records.js'

/** Record-keeping fields of news, events and press: who published, archived, review date. */
export const recordsFields = (o: ResolvedNewsroomOptions): Field[] => [
  {
    name: 'archived',
    type: 'checkbox',
    label: R.archived,
    defaultValue: false,
    index: true,
    admin: {
      position: 'sidebar',
      description: R.archivedHelp,
    },
  },
  {
    name: 'reviewBy',
    type: 'date',
    label: R.reviewBy,
    index: true,
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
  },
  ...(o.records.usersSlug
    ? [
        {
          name: 'reviewEditor',
          type: 'relationship',
          label: R.reviewEditor,
          relationTo: o.records.usersSlug,
          admin: { position: 'sidebar' },
        } satisfies Field,
      ]
    : []),
  {
    name: 'publishedBy',
    type: 'text',
    label: R.publishedBy,
    admin: { position: 'sidebar', readOnly: true },
    access: { update: () => false, create: () => false },
  },
]
