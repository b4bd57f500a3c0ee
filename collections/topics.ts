import type { CollectionConfig, Validate } from 'payload'

import { relationship } from 'payload/shared'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { anyone, loggedIn } from '../src/access.js'
import { L } from '../src/texts/labels.js'
import { message, V } from '../src/validation.js'
import { topicAfterChange, topicAfterDelete } from '../src/listing/hooks.js'
import { topicAncestors, topicIdOf } from '../src/topicAncestors.js'
import { topicParents } from '../src/topicParents.js'
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
          const parent = topicIdOf(value)
          if (!parent || !id) return true
          // This topic among the chosen parent and its ancestors would make a cycle.
          const parents = await topicParents(req.payload, slug, req)
          if (topicAncestors(parent, (x) => parents.get(x)).includes(String(id))) return message(options, V.topicCycle)
          return true
        }) as Validate,
      },
    ],
  }
  return applyOverrides({ options, key: 'topics', defaultConfig, required: { afterChange: [topicAfterChange(options)], afterDelete: [topicAfterDelete(options)] } })
}
