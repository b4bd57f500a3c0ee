/**
 * Input validation with a fast path.
 *
 * The zod schemas in `schema.ts` are the source of truth. Running them costs
 * several µs per item, more than rendering it, so every input is first read by
 * the fast reader of the same rule (rule.ts), built from the same declaration.
 * When it is not certain the input is valid, the zod schema parses the input
 * instead, which throws the `ZodError` (or returns the value). So the fast
 * path may be stricter than zod, never more lenient; the differential test in
 * tests/feeds/validate.test.ts checks that.
 *
 * A valid input that already has `Date`s and every defaulted field is
 * returned as is (no copy; renderers only read the known fields and never
 * mutate). Otherwise a copy with the defaults and dates (of the known fields).
 */
import type { z } from 'zod'

import { NOT_SURE, type Rule } from './rule.js'
import { calendarEventRule, calendarEventsRule, calendarRule, feedChannelRule, feedItemRule, feedItemsRule, type Calendar, type CalendarEvent, type FeedChannel, type FeedItem } from './schema.js'

const fastOrZod = <S extends z.ZodType>(r: Rule<S>) => (value: unknown): z.output<S> => {
  const fast = r.fast(value)
  return fast === NOT_SURE ? r.schema.parse(value) : fast
}

/** Validates a feed channel (throws `ZodError`). */
export const parseChannel: (value: unknown) => FeedChannel = fastOrZod(feedChannelRule)

/** Validates feed items (throws `ZodError`; the path starts with the failing item's index). */
export const parseItems: (values: unknown) => FeedItem[] = fastOrZod(feedItemsRule)

/** Validates calendar options (throws `ZodError`). */
export const parseCalendar: (value: unknown) => Calendar = fastOrZod(calendarRule)

/** Validates calendar events (throws `ZodError`). */
export const parseEvents: (values: unknown) => CalendarEvent[] = fastOrZod(calendarEventsRule)

const guard = <S extends z.ZodType>(r: Rule<S>) => (value: unknown): z.output<S> | undefined => {
  const fast = r.fast(value)
  return fast === NOT_SURE ? undefined : fast
}

/** The fast readers alone (`undefined` = "not sure, ask zod"), for the differential tests. */
export const fastGuards = { channel: guard(feedChannelRule), item: guard(feedItemRule), calendar: guard(calendarRule), event: guard(calendarEventRule) }
