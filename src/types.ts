import type { CollectionConfig } from 'payload'

/** The collections the plugin adds; each has `collections.<key>.{slug, overrides}` in the options. */
export type NewsroomCollectionKey =
  | 'news'
  | 'events'
  | 'press'
  | 'topics'
  | 'media'
  | 'subscribers'
  | 'digestRuns'
  | 'digestDeliveries'
  | 'rateLimits'
  | 'newsroomIndex'
  | 'loginAttempts'

/**
 * Receives the generated collection config and returns the final one.
 *
 * It may change anything: labels, admin options, access, fields added or adjusted, hooks of its
 * own (keep `defaultConfig.hooks` or replace them: `defaultConfig.hooks` holds none of ours).
 * What is always kept, whatever it returns:
 * - the slug: the one set by `collections.<key>.slug` (an override returning another stops start-up);
 * - the hooks the collection needs to work, appended after the override's own, per hook type:
 *   on news, events and press the date stamp (`beforeChange`) and the listing index
 *   (`afterChange`, `afterDelete`); on topics the re-index of the items under a changed or
 *   deleted topic (`afterChange`, `afterDelete`); on subscribers the erasure of everything that
 *   holds the address (`beforeDelete`). The request guards and the upload hardening are added to
 *   every collection after the overrides too;
 * - the fields by name: an override may change a field of ours but not remove it (start-up stops
 *   naming the field);
 * - on the listing index its table name `newsroom_index` (`dbName`), which the word index's
 *   triggers and the search migrations name, whatever its slug.
 */
export type CollectionOverride = (args: { defaultConfig: CollectionConfig }) => CollectionConfig

/** Labels in every admin language; Swedish first. */
export type Labels = { sv: string; en: string }

export type { NewsroomOptions, ResolvedNewsroomOptions } from './options.js'
