import type { Field } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

/** Record-keeping fields of news, events and press: who published, archived, review date. */
export const recordsFields = (o: ResolvedNewsroomOptions): Field[] => [
  {
    name: 'archived',
    type: 'checkbox',
    label: { sv: 'Arkiverad', en: 'Archived' },
    defaultValue: false,
    index: true,
    admin: {
      position: 'sidebar',
      description: { sv: 'Finns kvar publicerad, med en notis om att den är arkiverad; visas inte i listor som standard.', en: 'Stays published with an "archived" notice; hidden from listings by default.' },
    },
  },
  {
    name: 'reviewBy',
    type: 'date',
    label: { sv: 'Granska senast', en: 'Review by' },
    index: true,
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
  },
  ...(o.records.usersSlug
    ? [
        {
          name: 'reviewEditor',
          type: 'relationship',
          label: { sv: 'Ansvarig redaktör', en: 'Responsible editor' },
          relationTo: o.records.usersSlug,
          admin: { position: 'sidebar' },
        } satisfies Field,
      ]
    : []),
  {
    name: 'publishedBy',
    type: 'text',
    label: { sv: 'Publicerad av', en: 'Published by' },
    admin: { position: 'sidebar', readOnly: true },
    access: { update: () => false, create: () => false },
  },
]
