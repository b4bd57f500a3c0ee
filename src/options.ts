import { z } from 'zod'

import { loginOptionsSchema } from './auth/loginOptions.js'
import type { CollectionOverride } from './types.js'

import { siteGlobalsOptionsSchema } from './globals/options.js'
import { trustProxySchema } from './http/clientAddress.js'
import { corsOptionsSchema } from './http/cors.js'
import { isEmailAddress } from './emailAddress.js'

const slugSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')

const collectionOptionsSchema = (defaultSlug: string) =>
  z
    .object({
      /** Collection slug. */
      slug: slugSchema.default(defaultSlug),
      /** Receives the generated config, returns the final one; our required hooks are appended afterwards (see `CollectionOverride`). */
      overrides: z.custom<CollectionOverride>((v) => typeof v === 'function', 'must be a function').optional(),
    })
    .prefault({})

/**
 * Options of `newsroomPlugin(options)`. Every option has a default; `newsroomPlugin()` works as is.
 */
export const newsroomOptionsSchema = z
  .object({
    /** Set to false to keep the collections (so the schema does not change) but add no endpoints or jobs. @default true */
    enabled: z.boolean().default(true),
    /**
     * Absolute base URL used for links in feeds, listings and e-mail. Falls back to the Payload
     * config's `serverURL`, then to `http://localhost:3000`.
     */
    serverURL: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).optional(),
    /**
     * Content locales the newsroom publishes in. Each must be one of the Payload config's
     * `localization.locales` when localization is on. @default ['sv', 'en']
     */
    locales: z.array(z.string().min(2)).min(1).default(['sv', 'en']),
    /** Locale used when a request names none. Must be in `locales`. @default 'sv' */
    defaultLocale: z.string().min(2).default('sv'),
    /**
     * Slug and overrides of every collection the plugin adds. Default slugs: news, events, press,
     * topics, media, subscribers, digest-runs, digest-deliveries, newsletter-rate-limits,
     * newsroom-index, login-attempts.
     */
    collections: z
      .object({
        news: collectionOptionsSchema('news'),
        events: collectionOptionsSchema('events'),
        press: collectionOptionsSchema('press'),
        topics: collectionOptionsSchema('topics'),
        media: collectionOptionsSchema('media'),
        subscribers: collectionOptionsSchema('subscribers'),
        digestRuns: collectionOptionsSchema('digest-runs'),
        digestDeliveries: collectionOptionsSchema('digest-deliveries'),
        rateLimits: collectionOptionsSchema('newsletter-rate-limits'),
        newsroomIndex: collectionOptionsSchema('newsroom-index'),
        loginAttempts: collectionOptionsSchema('login-attempts'),
      })
      .strict()
      .prefault({}),
    /** Globals of the public pages: `globals.settings.slug`, `globals.accessibility.slug`. */
    globals: siteGlobalsOptionsSchema,
    /**
     * Public page of an item, relative to serverURL; `{slug}` is replaced.
     * @default { news: '/nyheter/{slug}', events: '/kalender/{slug}', press: '/press/{slug}' }
     */
    urlPatterns: z
      .object({
        news: z.string().startsWith('/').includes('{slug}').default('/nyheter/{slug}'),
        events: z.string().startsWith('/').includes('{slug}').default('/kalender/{slug}'),
        press: z.string().startsWith('/').includes('{slug}').default('/press/{slug}'),
      })
      .prefault({}),
    /** Feeds (RSS, Atom, JSON Feed, iCalendar). */
    feeds: z
      .object({
        /** Feed title per locale. @default { sv: 'Nyheter', en: 'News' } */
        title: z.record(z.string(), z.string().min(1)).default({ sv: 'Nyheter', en: 'News' }),
        /** Feed description per locale. */
        description: z.record(z.string(), z.string()).default({ sv: 'Nyheter, kalenderhändelser och pressmeddelanden', en: 'News, events and press releases' }),
        /** Items per feed when the request gives no `limit` (max 100). @default 20 */
        items: z.number().int().min(1).max(100).default(20),
        /** Full body HTML in feeds (`content:encoded`, `content_html`); false: summary only. @default true */
        fullText: z.boolean().default(true),
        /** `Cache-Control: public, max-age=<n>` on feeds. @default 300 */
        maxAge: z.number().int().min(0).default(300),
        /** How often (ms) an instance checks the database for changes made by other instances. @default 1000 */
        recheckMs: z.number().int().min(0).default(1000),
      })
      .prefault({}),
    /** E-mail newsletter (digest) with double opt-in. See `src/newsletter/`. */
    newsletter: z
      .object({
        /** Set to false to add no newsletter endpoints or jobs (the collections stay, so the schema does not change). @default true */
        enabled: z.boolean().default(true),
        /** Where the confirmation (the form's `POST /api/newsroom/confirm`) redirects afterwards (absolute or relative to serverURL); unset: a small HTML page. */
        confirmRedirect: z.string().min(1).optional(),
        /** Public page with the sign-up form, linked from "link expired" pages, relative to serverURL or absolute. @default '/nyhetsbrev' */
        signupPage: z.string().min(1).default('/nyhetsbrev'),
        /** Hours a confirmation link stays valid. @default 48 */
        confirmTtlHours: z.number().positive().default(48),
        /** Version of the consent wording shown on the sign-up form, stored with each consent. @default '1' */
        consentWordingVersion: z.string().min(1).default('1'),
        /** Sign-up attempts allowed per client IP per minute. @default 10 */
        ipPerMinute: z.number().int().min(1).default(10),
        /** Sign-up attempts allowed per e-mail address per hour. @default 3 */
        emailPerHour: z.number().int().min(1).default(3),
        /** `List-Id` header of digest mails. @default '<nyhetsbrev.{host of serverURL}>' */
        listId: z.string().min(1).optional(),
        /** `mailto:` address of the List-Unsubscribe header. @default the MAIL_FROM address (payload.email.defaultFromAddress) */
        unsubscribeMailto: z.string().refine(isEmailAddress, 'must be an e-mail address').optional(),
        /** Subscribers read per page by the digest job. @default 500 */
        batchSize: z.number().int().min(1).max(5000).default(500),
        /** SMTP tries per digest mail on temporary (4xx) errors. @default 3 */
        maxAttempts: z.number().int().min(1).max(10).default(3),
        /** Wait before retry n (ms) after a temporary SMTP error. @default [1000, 5000] */
        retryDelaysMs: z.array(z.number().int().min(0)).default([1000, 5000]),
        /** Failed deliveries in a row after which a subscriber becomes `bounced`. @default 3 */
        bounceAfter: z.number().int().min(1).default(3),
        /** How long (ms) a worker owns a claimed delivery before another run may take it over. @default 600000 */
        leaseMs: z.number().int().min(1000).default(600_000),
        /** Maximum items in one digest mail. @default 50 */
        maxItems: z.number().int().min(1).max(500).default(50),
        /** Cron schedules (Payload jobs `schedule`, queue `newsletter-digest`); false: no schedule. @default { daily: '0 7 * * *', weekly: '0 7 * * 1' } */
        schedule: z
          .union([
            z.literal(false),
            z.object({ daily: z.string().min(9).default('0 7 * * *'), weekly: z.string().min(9).default('0 7 * * 1') }),
          ])
          .prefault({}),
      })
      .prefault({}),
    /** Public records: audit log, kept versions, deletion rules, review dates. See `src/records/`. */
    records: z
      .object({
        /** The audit log (read-only, admins only). @default slug 'newsroom-audit-log' */
        auditLog: collectionOptionsSchema('newsroom-audit-log'),
        /** Published versions of deleted items, kept until an admin disposes of them. @default slug 'newsroom-retained-versions' */
        retainedVersions: collectionOptionsSchema('newsroom-retained-versions'),
        /** Draft versions kept per document by the prune job (published versions are never pruned). @default 20 */
        keepDraftVersions: z.number().int().min(1).default(20),
        /** Cron of the draft-version prune job (queue `newsroom-records`); false: none. @default '30 3 * * *' */
        pruneSchedule: z.union([z.literal(false), z.string().min(9)]).default('30 3 * * *'),
        /** Cron of the review-date reminder mails (queue `newsroom-records`); false: no reminders. @default '0 6 * * 1-5' */
        reviewReminderSchedule: z.union([z.literal(false), z.string().min(9)]).default('0 6 * * 1-5'),
        /** Auth collection of the editors a review date names. @default the admin user collection, else 'users' */
        usersSlug: slugSchema.optional(),
      })
      .prefault({}),
    /** Directory for uploaded media files. @default 'media' */
    mediaDir: z.string().min(1).default('media'),
    /** The listing's search (see src/listing/wordIndexGuard.ts). */
    search: z
      .object({
        /** Start although the database adapter pushes its schema in development (which would drop the word index). @default false */
        allowPush: z.boolean().default(false),
        /** Start in production although the database has no word index (searches then use a slow LIKE scan). @default false */
        allowSlowSearch: z.boolean().default(false),
      })
      .prefault({}),
    /** Login throttle of every auth collection (replaces Payload's account lock). See `src/auth/loginOptions.ts`. */
    login: loginOptionsSchema,
    /**
     * Proxies in front of the server whose `X-Forwarded-For` entries are believed when counting per
     * client address (sign-up and login limits): a number of hops, or a list of proxy addresses /
     * CIDR ranges. 0: the client is the rightmost entry, which the server in front must append
     * (see src/http/clientAddress.ts). @default 0
     */
    trustProxy: trustProxySchema.default(0),
    /**
     * CORS for the listing, item, feed and sign-up endpoints: `{ origins: ['https://www.kommun.se'] }`
     * lets pages on those origins call them from the browser. See src/http/cors.ts. @default { origins: [] }
     */
    cors: corsOptionsSchema,
  })
  .superRefine((o, ctx) => {
    if (!o.locales.includes(o.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: `"${o.defaultLocale}" is not one of locales (${o.locales.join(', ')})` })
    }
    const slugs = [...Object.values(o.collections), o.records.auditLog, o.records.retainedVersions].map((c) => c.slug)
    const dup = slugs.find((s, i) => slugs.indexOf(s) !== i)
    if (dup) ctx.addIssue({ code: 'custom', path: ['collections'], message: `slug "${dup}" is used twice` })
  })

export type NewsroomOptions = z.input<typeof newsroomOptionsSchema>
/** The options as parsed, every default filled in (`serverURL` still optional). */
export type ParsedNewsroomOptions = z.output<typeof newsroomOptionsSchema>
/**
 * The options as the plugin uses them: parsed once by `newsroomPlugin` and handed to every
 * collection, endpoint, hook and task it makes, with `serverURL` resolved (the option, else the
 * Payload config's, else `http://localhost:3000`).
 */
export type ResolvedNewsroomOptions = Omit<ParsedNewsroomOptions, 'serverURL'> & { serverURL: string }

/** The options parsed, and `serverURL` resolved against the Payload config's. */
export function resolveNewsroomOptions(input: unknown, configServerURL?: string): ResolvedNewsroomOptions {
  const parsed = parseNewsroomOptions(input)
  return { ...parsed, serverURL: parsed.serverURL ?? (configServerURL || 'http://localhost:3000') }
}

/** Parses options; throws one Error naming every bad setting as `newsroomPlugin: <path>: <why>`. */
export function parseNewsroomOptions(input: unknown): ParsedNewsroomOptions {
  const result = newsroomOptionsSchema.safeParse(input ?? {})
  if (result.success) return result.data
  const lines = result.error.issues.map((i) => `newsroomPlugin option "${i.path.join('.') || '(root)'}": ${i.message}`)
  throw new Error(lines.join('\n'))
}
