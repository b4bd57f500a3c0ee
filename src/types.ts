import type { CollectionConfig } from 'payload'

export type NewsroomCollectionKey = 'news' | 'events' | 'press' | 'topics' | 'media'

/** A function that receives the generated collection config and returns the final one. */
export type CollectionOverride = (args: { defaultConfig: CollectionConfig }) => CollectionConfig

/** Labels in every admin language; Swedish first. */
export type Labels = { sv: string; en: string }

export type { NewsroomOptions, ResolvedNewsroomOptions } from './options.js'
