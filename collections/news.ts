import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options'

import { L } from '../src/labels'
import { contentCollection } from './contentCollection'

export const newsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  contentCollection({ options, key: 'news', labels: L.news, graphQL: { singularName: 'NewsItem', pluralName: 'News' } })
