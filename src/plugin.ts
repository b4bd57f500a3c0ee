import type { Config, Plugin } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'

import type { NewsroomOptions } from './options.js'

import { eventsCollection } from '../collections/events.js'
import { mediaCollection } from '../collections/media.js'
import { newsCollection } from '../collections/news.js'
import { pressCollection } from '../collections/press.js'
import { newsroomIndexCollection } from '../collections/newsroomIndex.js'
import { topicsCollection } from '../collections/topics.js'
import { digestDeliveriesCollection, digestRunsCollection, rateLimitsCollection } from '../collections/newsletterRuns.js'
import { subscribersCollection } from '../collections/subscribers.js'
import { loginAttemptsCollection } from '../collections/loginAttempts.js'
import { accessibilityStatementGlobal } from './globals/accessibilityStatement.js'
import { siteSettingsGlobal } from './globals/siteSettings.js'
import { withAdminDefaults } from './admin/adminConfig.js'
import { hardenAuthCollection } from './auth/hardenAuthCollection.js'
import { guardLockedDocuments } from './locks/lockOwner.js'
import { hardenUploadCollection } from './uploads/hardenUploadCollection.js'
import { healthEndpoint, stateEndpoint } from './endpoints/health.js'
import { feedEndpoints, feedListEndpoint } from './endpoints/feeds.js'
import { itemsEndpoint } from './endpoints/items.js'
import { itemEndpoint } from './endpoints/item.js'
import { eventIcsEndpoints } from './endpoints/eventIcs.js'
import { newsletterEndpoints } from './endpoints/newsletter.js'
import { subscribersAdminEndpoints } from './endpoints/subscribersAdmin.js'
import { withGraphQLMutationFixes, withGraphQLQueryFixes } from './guard/graphqlFixes.js'
import { guardEveryCollectionOnInit, restoreErrorNames, withOperationGuard } from './guard/registerGuard.js'
import { listingJobs } from './listing/jobsConfig.js'
import { checkWordIndex, guardSchemaPush } from './listing/wordIndexGuard.js'
import { newsletterJobsConfig } from './newsletter/jobsConfig.js'
import { newsletterTasks } from './newsletter/tasks.js'
import { resolveNewsroomOptions } from './options.js'
import { auditLogCollection } from '../collections/auditLog.js'
import { recordsEndpoints } from './records/endpoints.js'
import { markScheduledRuns } from './records/jobContext.js'
import { auditScheduleCancellations } from './records/scheduleCancellations.js'
import { recordsJobs } from './records/recordsJobs.js'
import { retainedVersionsCollection } from './records/retainedVersionsCollection.js'
import { withCors } from './http/cors.js'

/**
 * Adds the newsroom to a Payload config: topics, media, news, calendar events and press items.
 * Options are validated up front; a bad option stops start-up with a message naming it.
 */
export const newsroomPlugin =
  (input: NewsroomOptions = {}): Plugin =>
  (config: Config): Config => {
    // Resolved once; every collection, endpoint, hook and task below gets them by closure.
    const options = resolveNewsroomOptions(input, config.serverURL)
    assertLocalesExist(options.locales, config)
    // Review dates name an editor of the app's admin user collection (none: the field is left out).
    options.records.usersSlug ??= config.admin?.user ?? config.collections?.find((c) => c.auth)?.slug

    // The newsletter's collections (subscribers, digest runs and deliveries, rate-limit counters) stay when it is disabled, so the schema does not change.
    const collections = [
      mediaCollection,
      topicsCollection,
      newsCollection,
      eventsCollection,
      pressCollection,
      newsroomIndexCollection,
      subscribersCollection,
      digestRunsCollection,
      digestDeliveriesCollection,
      rateLimitsCollection,
      loginAttemptsCollection,
      auditLogCollection,
      retainedVersionsCollection,
    ].map((make) => make(options))
    const newsletterOn = options.enabled && options.newsletter.enabled
    const taken = new Set((config.collections ?? []).map((c) => c.slug))
    const clash = collections.find((c) => taken.has(c.slug))
    if (clash) {
      throw new Error(`newsroomPlugin: the config already has a collection "${clash.slug}"; pick another slug with collections.<name>.slug`)
    }

    // Bad input (queries, ids, bodies) is a 4xx on every collection, the app's own included: see src/guard.
    restoreErrorNames()
    const own = (config.collections ?? []).map((c) => hardenAuthCollection(c, options))

    return {
      ...withAdminDefaults(config),
      db: guardSchemaPush(config.db, options.search),
      // The body fields are rich text: a project without a default editor gets Lexical.
      editor: config.editor ?? lexicalEditor(),
      collections: [...own, ...collections].map(hardenUploadCollection).map(withOperationGuard),
      // The public pages' site settings and accessibility statement (src/site).
      globals: [...(config.globals ?? []), siteSettingsGlobal(options), accessibilityStatementGlobal(options)],
      // A wrong password or a throttled login is the visitor's doing, not a server error.
      // (Payload looks levels up by the error's class name; its type lists only its own classes.)
      loggingLevels: { AuthenticationError: 'info', LoginThrottled: 'info', ...config.loggingLevels } as Config['loggingLevels'],
      graphQL: { ...config.graphQL, queries: withGraphQLQueryFixes(config.graphQL?.queries), mutations: withGraphQLMutationFixes(config.graphQL?.mutations) },
      endpoints: options.enabled
        ? [
            ...(config.endpoints ?? []),
            healthEndpoint,
            stateEndpoint(options),
            // Only ours: the app's own endpoints keep whatever CORS it gives them.
            ...withCors(
              [itemsEndpoint(options), itemEndpoint(options), ...eventIcsEndpoints(options), ...feedEndpoints(options), feedListEndpoint(options), ...(newsletterOn ? newsletterEndpoints(options) : [])],
              options.cors,
            ),
            ...subscribersAdminEndpoints(options),
            ...recordsEndpoints(options),
          ]
        : config.endpoints,
      onInit: guardEveryCollectionOnInit(async (payload) => {
        guardLockedDocuments(payload)
        markScheduledRuns(payload, options)
        auditScheduleCancellations(payload, options)
        await config.onInit?.(payload)
        // After the app's own onInit, which may run the migrations.
        await checkWordIndex(payload, options.search)
      }),
      jobs: recordsJobs(listingJobs(newsletterOn ? newsletterJobsConfig(config.jobs, newsletterTasks(options)) : { ...config.jobs }, options), options),
      // Read only by the entry points that have nothing but a Payload instance (see pluginOptions.ts).
      custom: { ...config.custom, newsroom: options },
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
