/**
 * Pure feed library: zod-validated channel + items in, RSS 2.0, Atom 1.0,
 * JSON Feed 1.1 and iCalendar (RFC 5545) strings out. No framework imports.
 * Output is deterministic: the same input always gives the same bytes.
 */
export { renderRss } from './rss.js'
export { renderAtom, atomEntryId } from './atom.js'
export { renderJsonFeed, JSON_FEED_VERSION } from './jsonfeed.js'
export { renderICalendar } from './ical.js'
export { htmlToText } from './text.js'
export { escapeICalText, foldLine } from './icaltext.js'
export { escapeXmlAttr, escapeXmlText, stripInvalidChars } from './xml.js'
export { toICalUtc, toRfc3339, toRfc822 } from './dates.js'
export { STOCKHOLM_VTIMEZONE, toStockholm, type ZonedTime } from './timezone.js'
export {
  absoluteUrlSchema,
  calendarEventSchema,
  calendarEventsSchema,
  calendarEventStatusSchema,
  calendarSchema,
  categorySchema,
  dateSchema,
  feedChannelSchema,
  feedItemSchema,
  feedItemsSchema,
  imageSchema,
  personSchema,
  type Calendar,
  type CalendarEvent,
  type CalendarEventInput,
  type CalendarEventStatus,
  type CalendarInput,
  type Category,
  type FeedChannel,
  type FeedChannelInput,
  type FeedImage,
  type FeedItem,
  type FeedItemInput,
  type Person,
} from './schema.js'

/** MIME types to serve the rendered documents with. */
export const FEED_CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  ical: 'text/calendar; charset=utf-8',
} as const
