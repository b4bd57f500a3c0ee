/**
 * Zod schemas (and inferred types) for the feed library's input.
 *
 * Every renderer validates its input with these schemas and throws a
 * `ZodError` on invalid input. Dates may be given as `Date` objects or ISO
 * 8601 strings (what a CMS / JSON API usually returns); they are converted to
 * `Date` during validation.
 *
 * Each schema is declared once as a rule (rule.ts), which also gives the fast
 * reader that validate.ts runs first: the field lists, defaults and
 * cross-field checks below are the only copy of them.
 */
import type { z } from 'zod'

import { boolean, count, date, email, hostname, languageTag, mimeType, nonEmptyString, oneOf, positive, string, text, url } from './fields.js'
import { array, object, optional, refine, withDefault } from './rule.js'

export { absoluteUrlSchema, dateSchema } from './fields.js'
export { ABSOLUTE_URL, EMAIL, HOSTNAME, ISO_DATE, ISO_DATE_TIME, LANGUAGE_TAG, MAX_YEAR, MIME_TYPE, MIN_YEAR, NOT_BLANK } from './patterns.js'

export const personRule = object({
  name: text,
  email: optional(email),
  url: optional(url),
})

export const categoryRule = object({
  /** Machine name / slug, e.g. `"press-releases"`. */
  term: text,
  /** Human readable label, e.g. `"Press releases"`. */
  label: text,
})

export const imageRule = object({
  url,
  /** MIME type, e.g. `"image/jpeg"`. */
  type: mimeType,
  /** Size of the file in bytes. */
  length: count,
  width: optional(positive),
  height: optional(positive),
  alt: optional(string),
})

export const feedChannelRule = object({
  title: text,
  description: withDefault(string, ''),
  /** The site (HTML) URL. */
  link: url,
  /** The URL this feed is served from (self link). */
  feedUrl: url,
  /** BCP 47 language tag, e.g. `"sv"` or `"en-GB"`. */
  language: languageTag,
  /**
   * Last change of the feed, supplied by the caller (typically the newest
   * item's `updated`). Never "now", so output bytes and ETags are stable.
   */
  updated: date,
  author: optional(personRule),
  /** Logo / channel image (RSS `<image>`, Atom `<logo>`, JSON Feed `icon`). */
  image: optional(object({ url, width: optional(positive), height: optional(positive) })),
  /** Small square icon (Atom `<icon>`, JSON Feed `favicon`). */
  icon: optional(url),
  copyright: optional(string),
  /** The package name by default. */
  generator: withDefault(string, 'newsroom-feeds'),
})

export const feedItemRule = object({
  /** Stable identifier. A URL is used as a permalink guid; anything else gets `isPermaLink="false"`. */
  id: text,
  url,
  title: text,
  /** Plain-text summary. */
  summary: withDefault(string, ''),
  /** Full body as HTML. */
  contentHtml: optional(string),
  published: date,
  updated: date,
  categories: withDefault(array(categoryRule), []),
  authors: withDefault(array(personRule), []),
  /** Hero image, emitted as enclosure / media:content / JSON Feed `image`. */
  image: optional(imageRule),
})

export const calendarRule = object({
  /** Calendar name (`X-WR-CALNAME`). */
  name: text,
  description: optional(string),
  /** Host used in UIDs: `UID:<event id>@<host>`, e.g. `"example.se"`. */
  host: hostname,
  prodId: withDefault(nonEmptyString, '-//newsroom//feeds//EN'),
  /** Time zone for timed events. `UTC` writes `…Z` times and no VTIMEZONE. */
  timezone: withDefault(oneOf(['Europe/Stockholm', 'UTC']), 'Europe/Stockholm'),
  /** Suggested polling interval for subscribers, in minutes. */
  refreshIntervalMinutes: optional(positive),
})

/** Event status, written as iCalendar `STATUS:CONFIRMED|TENTATIVE|CANCELLED`. */
const calendarEventStatus = oneOf(['confirmed', 'tentative', 'cancelled'])

export const calendarEventRule = refine(
  object({
    /** Stable identifier; the UID becomes `<id>@<host>`. */
    id: text,
    /**
     * Revision number (`SEQUENCE`). Must grow whenever the event changes in a
     * way subscribers should notice, including a change of `status` (e.g.
     * cancellation), e.g. the document's version count.
     */
    sequence: withDefault(count, 0),
    title: text,
    /** Plain-text description (use `htmlToText()` for rich text). */
    description: optional(string),
    location: optional(string),
    url: optional(url),
    categories: withDefault(array(text), []),
    /**
     * Start instant. For all-day events the calendar date of `start` in the
     * calendar's time zone is used (`"2026-03-21"` works as is).
     */
    start: date,
    /**
     * End instant (exclusive) for timed events. For all-day events: the last
     * day (inclusive); DTEND is written as the following day. Optional.
     */
    end: optional(date),
    allDay: withDefault(boolean, false),
    /**
     * `STATUS` of the event (RFC 5545: `CONFIRMED`, `TENTATIVE`, `CANCELLED`).
     * Defaults to `'cancelled'` when `cancelled` is true, else `'confirmed'`.
     * Keep cancelled / unpublished events in the calendar for a while with
     * `'cancelled'` (and a higher `sequence`) so subscribed calendars remove
     * them; an event that just disappears is not reliably noticed.
     */
    status: optional(calendarEventStatus),
    /** Shorthand for `status: 'cancelled'` (must not contradict `status`). */
    cancelled: withDefault(boolean, false),
    created: optional(date),
    /** Last modification; used for `DTSTAMP` and `LAST-MODIFIED`. */
    updated: date,
  }),
  [
    { check: (event) => !event.end || event.end.getTime() >= event.start.getTime(), message: 'end must not be before start', path: ['end'] },
    { check: (event) => !event.cancelled || event.status === undefined || event.status === 'cancelled', message: 'cancelled: true contradicts status', path: ['status'] },
  ],
)

export const feedItemsRule = array(feedItemRule)
export const calendarEventsRule = array(calendarEventRule)

export const personSchema = personRule.schema
export const categorySchema = categoryRule.schema
export const imageSchema = imageRule.schema
export const feedChannelSchema = feedChannelRule.schema
export const feedItemSchema = feedItemRule.schema
export const feedItemsSchema = feedItemsRule.schema
export const calendarSchema = calendarRule.schema
export const calendarEventStatusSchema = calendarEventStatus.schema
export const calendarEventSchema = calendarEventRule.schema
export const calendarEventsSchema = calendarEventsRule.schema

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
