import type { CollectionConfig, Validate } from 'payload'

import { relationship } from 'payload/shared'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { anyone, loggedIn } from '../src/access.js'
import { L } from '../src/labels.js'
import { message, V } from '../src/validation.js'
import { topicAfterChange, topicAfterDelete } from '../src/listing/hooks.js'
import { applyOverrides } from './applyOverrides.js'
import { slugField } from './fields/slug.js'

/** Topics (kategorier) form a tree through `parent`: "Psykisk hälsa" › "Suicidprevention". */
export const topicsCollection = (options: ResolvedNewsroomOptions): CollectionConfig => {
  const { slug } = options.collections.topics
  const defaultConfig: CollectionConfig = {
    slug,
    labels: L.topics,
    graphQL: { singularName: 'Topic', pluralName: 'Topics' },
    admin: { group: L.group, useAsTitle: 'title', defaultColumns: ['title', 'slug', 'parent'] },
    access: { read: anyone, create: loggedIn, update: loggedIn, delete: loggedIn },
    fields: [
      { name: 'title', type: 'text', label: L.title, required: true, localized: true },
      slugField('title'),
      { name: 'description', type: 'textarea', label: L.description, localized: true },
      {
        name: 'parent',
        type: 'relationship',
        label: L.parent,
        relationTo: slug,
        index: true,
        admin: { position: 'sidebar' },
        filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
        validate: (async (value: unknown, options: Parameters<Validate>[1]) => {
          // A custom validate replaces Payload's: keep its check that the parent exists (else a foreign-key 500).
          const exists = await relationship(value as never, options as never)
          if (exists !== true) return exists
          const { id, req } = options
          if (!value || !id) return true
          // Walk up from the chosen parent: meeting this topic again would make a cycle.
          let cursor: unknown = typeof value === 'object' ? (value as { id: unknown }).id : value
          for (let depth = 0; cursor != null && depth < 50; depth++) {
            if (String(cursor) === String(id)) return message(options, V.topicCycle)
            const parent = await req.payload.findByID({ collection: slug, id: cursor as string, depth: 0, req, disableErrors: true })
            cursor = (parent as { parent?: unknown } | null)?.parent ?? null
          }
          return true
        }) as Validate,
      },
    ],
  }
  return applyOverrides({ options, key: 'topics', defaultConfig, required: { afterChange: [topicAfterChange(options)], afterDelete: [topicAfterDelete(options)] } })
}
