/**
 * Zod schemas (and inferred types) for the feed library's input.
 *
 * Every renderer validates its input with these schemas and throws a
 * `ZodError` on invalid input. Dates may be given as `Date` objects or ISO
 * 8601 strings (what a CMS / JSON API usually returns); they are converted to
 * `Date` during validation.
 */
import { z } from 'zod'

// The patterns are exported so the fast validator (validate.ts) applies exactly the same rules.

// scheme://host[:port][/path][?query][#fragment]; host: DNS labels (Unicode allowed), IPv4 or [IPv6]; no whitespace.
export const ABSOLUTE_URL =
  /^https?:\/\/(?:[^\s@/?#]+@)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:[/?#]\S*)?$/iu
export const NOT_BLANK = /\S/
export const EMAIL = z.regexes.email
export const MIN_YEAR = 1000
export const MAX_YEAR = 9999
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/
export const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/
export const MIME_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/

/**
 * An absolute http(s) URL without whitespace. (A precompiled regex rather
 * than `z.url()`, which runs the WHATWG URL parser and dominated render time.)
 */
export const absoluteUrlSchema = z.string().regex(ABSOLUTE_URL, 'Expected an absolute http(s) URL')

const isoDateTime = z.iso.datetime({ offset: true })
const isoDate = z.iso.date()
/** The exact patterns zod tests the two string forms of a date against (read from the schemas, for validate.ts). */
export const ISO_DATE_TIME: RegExp = isoDateTime._zod.def.pattern!
export const ISO_DATE: RegExp = isoDate._zod.def.pattern!

/**
 * A point in time: a valid `Date` or an ISO 8601 date-time string (with
 * offset) or date (`YYYY-MM-DD`, read as UTC midnight). Years 1000–9999 only,
 * so every output format can represent it with a 4-digit year.
 */
export const dateSchema = z
  .union([z.date(), isoDateTime, isoDate])
  .transform((value) => (typeof value === 'string' ? new Date(value) : value))
  .refine((date) => {
    const year = date.getUTCFullYear()
    return !Number.isNaN(date.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR
  }, 'Expected a valid date between the years 1000 and 9999')

/** A string with at least one non-whitespace character. */
const nonEmpty = z.string().regex(NOT_BLANK, 'Must not be empty')

export const personSchema = z.object({
  name: nonEmpty,
  email: z.email({ pattern: EMAIL }).optional(),
  url: absoluteUrlSchema.optional(),
})

export const categorySchema = z.object({
  /** Machine name / slug, e.g. `"press-releases"`. */
  term: nonEmpty,
  /** Human readable label, e.g. `"Press releases"`. */
  label: nonEmpty,
})

export const imageSchema = z.object({
  url: absoluteUrlSchema,
  /** MIME type, e.g. `"image/jpeg"`. */
  type: z.string().regex(MIME_TYPE, 'Expected a MIME type such as image/jpeg'),
  /** Size of the file in bytes. */
  length: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  alt: z.string().optional(),
})

export const feedChannelSchema = z.object({
  title: nonEmpty,
  description: z.string().default(''),
  /** The site (HTML) URL. */
  link: absoluteUrlSchema,
  /** The URL this feed is served from (self link). */
  feedUrl: absoluteUrlSchema,
  /** BCP 47 language tag, e.g. `"sv"` or `"en-GB"`. */
  language: z.string().regex(LANGUAGE_TAG, 'Expected a language tag such as "sv" or "en-GB"'),
  /**
   * Last change of the feed, supplied by the caller (typically the newest
   * item's `updated`). Never "now", so output bytes and ETags are stable.
   */
  updated: dateSchema,
  author: personSchema.optional(),
  /** Logo / channel image (RSS `<image>`, Atom `<logo>`, JSON Feed `icon`). */
  image: z
    .object({
      url: absoluteUrlSchema,
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
    })
    .optional(),
  /** Small square icon (Atom `<icon>`, JSON Feed `favicon`). */
  icon: absoluteUrlSchema.optional(),
  copyright: z.string().optional(),
  generator: z.string().default('newsroom/feeds'),
})

export const feedItemSchema = z.object({
  /** Stable identifier. A URL is used as a permalink guid; anything else gets `isPermaLink="false"`. */
  id: nonEmpty,
  url: absoluteUrlSchema,
  title: nonEmpty,
  /** Plain-text summary. */
  summary: z.string().default(''),
  /** Full body as HTML. */
  contentHtml: z.string().optional(),
  published: dateSchema,
  updated: dateSchema,
  categories: z.array(categorySchema).default([]),
  authors: z.array(personSchema).default([]),
  /** Hero image, emitted as enclosure / media:content / JSON Feed `image`. */
  image: imageSchema.optional(),
})

export const feedItemsSchema = z.array(feedItemSchema)

export const calendarSchema = z.object({
  /** Calendar name (`X-WR-CALNAME`). */
  name: nonEmpty,
  description: z.string().optional(),
  /** Host used in UIDs: `UID:<event id>@<host>`, e.g. `"example.se"`. */
  host: z.string().regex(HOSTNAME, 'Expected a host name such as example.se'),
  prodId: z.string().min(1).default('-//newsroom//feeds//EN'),
  /** Time zone for timed events. `UTC` writes `…Z` times and no VTIMEZONE. */
  timezone: z.enum(['Europe/Stockholm', 'UTC']).default('Europe/Stockholm'),
  /** Suggested polling interval for subscribers, in minutes. */
  refreshIntervalMinutes: z.number().int().positive().optional(),
})

/** Event status, written as iCalendar `STATUS:CONFIRMED|TENTATIVE|CANCELLED`. */
export const calendarEventStatusSchema = z.enum(['confirmed', 'tentative', 'cancelled'])

export const calendarEventSchema = z
  .object({
    /** Stable identifier; the UID becomes `<id>@<host>`. */
    id: nonEmpty,
    /**
     * Revision number (`SEQUENCE`). Must grow whenever the event changes in a
     * way subscribers should notice, including a change of `status` (e.g.
     * cancellation), e.g. the document's version count.
     */
    sequence: z.number().int().nonnegative().default(0),
    title: nonEmpty,
    /** Plain-text description (use `htmlToText()` for rich text). */
    description: z.string().optional(),
    location: z.string().optional(),
    url: absoluteUrlSchema.optional(),
    categories: z.array(nonEmpty).default([]),
    /**
     * Start instant. For all-day events the calendar date of `start` in the
     * calendar's time zone is used (`"2026-03-21"` works as is).
     */
    start: dateSchema,
    /**
     * End instant (exclusive) for timed events. For all-day events: the last
     * day (inclusive); DTEND is written as the following day. Optional.
     */
    end: dateSchema.optional(),
    allDay: z.boolean().default(false),
    /**
     * `STATUS` of the event (RFC 5545: `CONFIRMED`, `TENTATIVE`, `CANCELLED`).
     * Defaults to `'cancelled'` when `cancelled` is true, else `'confirmed'`.
     * Keep cancelled / unpublished events in the calendar for a while with
     * `'cancelled'` (and a higher `sequence`) so subscribed calendars remove
     * them; an event that just disappears is not reliably noticed.
     */
    status: calendarEventStatusSchema.optional(),
    /** Shorthand for `status: 'cancelled'` (must not contradict `status`). */
    cancelled: z.boolean().default(false),
    created: dateSchema.optional(),
    /** Last modification; used for `DTSTAMP` and `LAST-MODIFIED`. */
    updated: dateSchema,
  })
  .refine((event) => !event.end || event.end.getTime() >= event.start.getTime(), {
    message: 'end must not be before start',
    path: ['end'],
  })
  .refine((event) => !event.cancelled || event.status === undefined || event.status === 'cancelled', {
    message: 'cancelled: true contradicts status',
    path: ['status'],
  })

export const calendarEventsSchema = z.array(calendarEventSchema)

export type Person = z.output<typeof personSchema>
export type Category = z.output<typeof categorySchema>
export type FeedImage = z.output<typeof imageSchema>
/** Validated channel (dates are `Date`s, defaults applied). */
export type FeedChannel = z.output<typeof feedChannelSchema>
/** Channel as accepted by the renderers. */
export type FeedChannelInput = z.input<typeof feedChannelSchema>
export type FeedItem = z.output<typeof feedItemSchema>
export type FeedItemInput = z.input<typeof feedItemSchema>
export type Calendar = z.output<typeof calendarSchema>
export type CalendarInput = z.input<typeof calendarSchema>
export type CalendarEvent = z.output<typeof calendarEventSchema>
export type CalendarEventInput = z.input<typeof calendarEventSchema>
export type CalendarEventStatus = z.output<typeof calendarEventStatusSchema>
