import type { Config, Plugin } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'

import type { NewsroomOptions } from './options'

import { eventsCollection } from '../collections/events'
import { mediaCollection } from '../collections/media'
import { newsCollection } from '../collections/news'
import { pressCollection } from '../collections/press'
import { newsroomIndexCollection } from '../collections/newsroomIndex'
import { topicsCollection } from '../collections/topics'
import { digestDeliveriesCollection, digestRunsCollection, rateLimitsCollection } from '../collections/newsletterRuns'
import { subscribersCollection } from '../collections/subscribers'
import { healthEndpoint, stateEndpoint } from './endpoints/health'
import { feedEndpoints, feedListEndpoint } from './endpoints/feeds'
import { itemsEndpoint } from './endpoints/items'
import { newsletterEndpoints } from './endpoints/newsletter'
import { subscribersAdminEndpoints } from './endpoints/subscribersAdmin'
import { withGraphQLMutationFixes, withGraphQLQueryFixes } from './guard/graphqlFixes'
import { guardEveryCollectionOnInit, restoreErrorNames, withOperationGuard } from './guard/registerGuard'
import { newsletterTasks } from './newsletter/tasks'
import { parseNewsroomOptions } from './options'

/**
 * Adds the newsroom to a Payload config: topics, media, news, calendar events and press items.
 * Options are validated up front; a bad option stops start-up with a message naming it.
 */
export const newsroomPlugin =
  (input: NewsroomOptions = {}): Plugin =>
  (config: Config): Config => {
    const options = parseNewsroomOptions(input)
    assertLocalesExist(options.locales, config)

    const collections = [mediaCollection, topicsCollection, newsCollection, eventsCollection, pressCollection, newsroomIndexCollection].map(
      (make) => make(options),
    )
    // Newsletter: subscribers, digest runs and deliveries, rate-limit counters (kept even when disabled, so the schema does not change).
    collections.push(subscribersCollection(options), digestRunsCollection(), digestDeliveriesCollection(), rateLimitsCollection())
    const newsletterOn = options.enabled && options.newsletter.enabled
    const taken = new Set((config.collections ?? []).map((c) => c.slug))
    const clash = collections.find((c) => taken.has(c.slug))
    if (clash) {
      throw new Error(`newsroomPlugin: the config already has a collection "${clash.slug}"; pick another slug with collections.<name>.slug`)
    }

    // Bad input (queries, ids, bodies) is a 4xx on every collection, the app's own included: see src/guard.
    restoreErrorNames()
    return {
      ...config,
      // The body fields are rich text: a project without a default editor gets Lexical.
      editor: config.editor ?? lexicalEditor(),
      collections: [...(config.collections ?? []), ...collections].map(withOperationGuard),
      onInit: guardEveryCollectionOnInit(config.onInit),
      graphQL: { ...config.graphQL, queries: withGraphQLQueryFixes(config.graphQL?.queries), mutations: withGraphQLMutationFixes(config.graphQL?.mutations) },
      endpoints: options.enabled
        ? [...(config.endpoints ?? []), healthEndpoint, stateEndpoint, itemsEndpoint, ...feedEndpoints, feedListEndpoint, ...(newsletterOn ? newsletterEndpoints : []), ...subscribersAdminEndpoints]
        : config.endpoints,
      jobs: newsletterOn ? { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), ...newsletterTasks(options)] } : config.jobs,
      custom: {
        ...config.custom,
        newsroom: { ...options, serverURL: options.serverURL ?? config.serverURL ?? 'http://localhost:3000' },
      },
    }
  }

function assertLocalesExist(locales: string[], config: Config) {
  if (!config.localization) return
  const known = config.localization.locales.map((l) => (typeof l === 'string' ? l : l.code))
  const unknown = locales.filter((l) => !known.includes(l))
  if (unknown.length) {
    throw new Error(
      `newsroomPlugin option "locales": unknown locale ${unknown.map((l) => `"${l}"`).join(', ')}; the config's localization has ${known.join(', ')}`,
    )
  }
}
