/**
 * Input validation with a fast path.
 *
 * The zod schemas in `schema.ts` are the source of truth. Running them costs
 * several µs per item, more than rendering it, so every input is first checked
 * by the hand-written guards below, which apply the same rules with the same
 * regexes. When a guard is not certain the input is valid (a rule fails, or
 * anything unexpected), it returns `undefined` and the zod schema parses the
 * input instead, which throws the `ZodError` (or returns the value). So the
 * guards may be stricter than zod, never more lenient; the differential test
 * in tests/feeds/validate.test.ts checks that.
 *
 * A valid input that already has `Date`s and every defaulted field is
 * returned as is (no copy; renderers only read the known fields and never
 * mutate). Otherwise a shallow copy with the defaults and dates is returned.
 */
import {
  ABSOLUTE_URL,
  EMAIL,
  HOSTNAME,
  LANGUAGE_TAG,
  MAX_YEAR,
  MIME_TYPE,
  MIN_YEAR,
  NOT_BLANK,
  calendarEventsSchema,
  calendarSchema,
  dateSchema,
  feedChannelSchema,
  feedItemsSchema,
  type Calendar,
  type CalendarEvent,
  type FeedChannel,
  type FeedItem,
} from './schema'

type Input = Record<string, unknown>

const isObject = (value: unknown): value is Input =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
/**
 * Non-blank string. If the first character is not whitespace (`\s` has none
 * in U+0021–U+167F except U+00A0) the regex is skipped.
 */
function isText(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const first = value.charCodeAt(0)
  return (first > 32 && first < 0x1680 && first !== 0xa0) || NOT_BLANK.test(value)
}
/**
 * Plain ASCII `http(s)://host[:port][/path…]` in lower-case scheme, checked
 * with a character loop; it accepts a subset of ABSOLUTE_URL, and anything
 * else (upper case, IPv6, user info, non-ASCII, …) goes to the regex.
 */
function isSimpleUrl(value: string): boolean {
  let i = value.startsWith('https://') ? 8 : value.startsWith('http://') ? 7 : 0
  if (i === 0) return false
  const length = value.length
  // host: labels of [a-z0-9-], not starting or ending with '-', separated by single dots
  let labelStart = i
  for (; i < length; i++) {
    const c = value.charCodeAt(i)
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue
    if (c === 45) {
      if (i === labelStart) return false
      continue
    }
    if (c === 46) {
      if (i === labelStart || value.charCodeAt(i - 1) === 45) return false
      labelStart = i + 1
      continue
    }
    break
  }
  if (i === labelStart || value.charCodeAt(i - 1) === 45) return false
  if (i === length) return true
  let c = value.charCodeAt(i)
  if (c === 58) {
    // port: 1–5 digits
    const portStart = ++i
    while (i < length && (c = value.charCodeAt(i)) >= 48 && c <= 57) i++
    if (i === portStart || i - portStart > 5) return false
    if (i === length) return true
  }
  if (c !== 47 && c !== 63 && c !== 35) return false // '/', '?', '#'
  // rest: printable ASCII only (no whitespace)
  for (i++; i < length; i++) {
    c = value.charCodeAt(i)
    if (c <= 32 || c >= 127) return false
  }
  return true
}

const isUrl = (value: unknown): value is string =>
  typeof value === 'string' && (isSimpleUrl(value) || ABSOLUTE_URL.test(value))
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string'
const isOptionalUrl = (value: unknown) => value === undefined || isUrl(value)
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0
const isOptionalPositive = (value: unknown) =>
  value === undefined || (Number.isSafeInteger(value) && (value as number) > 0)
const isOptionalBoolean = (value: unknown) => value === undefined || typeof value === 'boolean'

/** A valid `Date` is returned as is (like zod); strings go through the zod date schema. */
function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) {
    const time = value.getTime()
    if (time !== time) return undefined
    const year = value.getUTCFullYear()
    return year >= MIN_YEAR && year <= MAX_YEAR ? value : undefined
  }
  if (typeof value === 'string') {
    const result = dateSchema.safeParse(value)
    return result.success ? result.data : undefined
  }
  return undefined
}

function isPerson(value: unknown): boolean {
  if (!isObject(value) || !isText(value.name)) return false
  const { email } = value
  return (email === undefined || (typeof email === 'string' && EMAIL.test(email))) && isOptionalUrl(value.url)
}

function isPeople(value: unknown): boolean {
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) if (!isPerson(value[i])) return false
  return true
}

function isCategories(value: unknown): boolean {
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) {
    const entry = value[i]
    if (!isObject(entry) || !isText(entry.term) || !isText(entry.label)) return false
  }
  return true
}

function isImage(value: unknown): boolean {
  if (!isObject(value)) return false
  const { type } = value
  return (
    isUrl(value.url) &&
    typeof type === 'string' &&
    MIME_TYPE.test(type) &&
    isCount(value.length) &&
    isOptionalPositive(value.width) &&
    isOptionalPositive(value.height) &&
    isOptionalString(value.alt)
  )
}

function fastChannel(value: unknown): FeedChannel | undefined {
  if (!isObject(value)) return undefined
  const { language, description, generator, image } = value
  if (!isText(value.title) || !isUrl(value.link) || !isUrl(value.feedUrl)) return undefined
  if (typeof language !== 'string' || !LANGUAGE_TAG.test(language)) return undefined
  if (!isOptionalString(description) || !isOptionalUrl(value.icon) || !isOptionalString(value.copyright)) return undefined
  if (!isOptionalString(generator) || (value.author !== undefined && !isPerson(value.author))) return undefined
  if (
    image !== undefined &&
    !(isObject(image) && isUrl(image.url) && isOptionalPositive(image.width) && isOptionalPositive(image.height))
  ) {
    return undefined
  }
  const updated = toDate(value.updated)
  if (!updated) return undefined
  if (updated === value.updated && description !== undefined && generator !== undefined) return value as FeedChannel
  return { ...value, updated, description: description ?? '', generator: generator ?? 'newsroom/feeds' } as FeedChannel
}

function fastItem(value: unknown): FeedItem | undefined {
  if (!isObject(value)) return undefined
  const { summary, categories, authors } = value
  if (!isText(value.id) || !isUrl(value.url) || !isText(value.title)) return undefined
  if (!isOptionalString(summary) || !isOptionalString(value.contentHtml)) return undefined
  if ((categories !== undefined && !isCategories(categories)) || (authors !== undefined && !isPeople(authors))) return undefined
  if (value.image !== undefined && !isImage(value.image)) return undefined
  const published = toDate(value.published)
  const updated = toDate(value.updated)
  if (!published || !updated) return undefined
  if (
    published === value.published &&
    updated === value.updated &&
    summary !== undefined &&
    categories !== undefined &&
    authors !== undefined
  ) {
    return value as FeedItem
  }
  return {
    ...value,
    summary: summary ?? '',
    published,
    updated,
    categories: categories ?? [],
    authors: authors ?? [],
  } as FeedItem
}

function fastCalendar(value: unknown): Calendar | undefined {
  if (!isObject(value)) return undefined
  const { host, prodId, timezone } = value
  if (!isText(value.name) || !isOptionalString(value.description) || typeof host !== 'string' || !HOSTNAME.test(host)) {
    return undefined
  }
  if (prodId !== undefined && !(typeof prodId === 'string' && prodId.length > 0)) return undefined
  if (timezone !== undefined && timezone !== 'Europe/Stockholm' && timezone !== 'UTC') return undefined
  if (!isOptionalPositive(value.refreshIntervalMinutes)) return undefined
  if (prodId !== undefined && timezone !== undefined) return value as Calendar
  return { ...value, prodId: prodId ?? '-//newsroom//feeds//EN', timezone: timezone ?? 'Europe/Stockholm' } as Calendar
}

function fastEvent(value: unknown): CalendarEvent | undefined {
  if (!isObject(value)) return undefined
  const { sequence, categories, allDay, cancelled } = value
  if (!isText(value.id) || !isText(value.title) || !isOptionalString(value.description)) return undefined
  if (!isOptionalString(value.location) || !isOptionalUrl(value.url)) return undefined
  if ((sequence !== undefined && !isCount(sequence)) || !isOptionalBoolean(allDay) || !isOptionalBoolean(cancelled)) {
    return undefined
  }
  if (categories !== undefined) {
    if (!Array.isArray(categories)) return undefined
    for (let i = 0; i < categories.length; i++) if (!isText(categories[i])) return undefined
  }
  const start = toDate(value.start)
  const updated = toDate(value.updated)
  if (!start || !updated) return undefined
  const end = value.end === undefined ? undefined : toDate(value.end)
  const created = value.created === undefined ? undefined : toDate(value.created)
  if ((value.end !== undefined && !end) || (value.created !== undefined && !created)) return undefined
  if (end && end.getTime() < start.getTime()) return undefined
  if (
    start === value.start &&
    updated === value.updated &&
    end === value.end &&
    created === value.created &&
    sequence !== undefined &&
    categories !== undefined &&
    allDay !== undefined &&
    cancelled !== undefined
  ) {
    return value as CalendarEvent
  }
  const out = {
    ...value,
    sequence: sequence ?? 0,
    categories: categories ?? [],
    allDay: allDay ?? false,
    cancelled: cancelled ?? false,
    start,
    updated,
  } as CalendarEvent
  if (end) out.end = end
  if (created) out.created = created
  return out
}

function fastList<T>(values: unknown, fast: (value: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(values)) return undefined
  const out: T[] = []
  for (let i = 0; i < values.length; i++) {
    const parsed = fast(values[i])
    if (parsed === undefined) return undefined
    out.push(parsed)
  }
  return out
}

/** Validates a feed channel (throws `ZodError`). */
export function parseChannel(value: unknown): FeedChannel {
  return fastChannel(value) ?? feedChannelSchema.parse(value)
}

/** Validates feed items (throws `ZodError`; the path starts with the failing item's index). */
export function parseItems(values: unknown): FeedItem[] {
  return fastList(values, fastItem) ?? feedItemsSchema.parse(values)
}

/** Validates calendar options (throws `ZodError`). */
export function parseCalendar(value: unknown): Calendar {
  return fastCalendar(value) ?? calendarSchema.parse(value)
}

/** Validates calendar events (throws `ZodError`). */
export function parseEvents(values: unknown): CalendarEvent[] {
  return fastList(values, fastEvent) ?? calendarEventsSchema.parse(values)
}

/** The fast guards alone (`undefined` = "not sure, ask zod"), for the differential tests. */
export const fastGuards = { channel: fastChannel, item: fastItem, calendar: fastCalendar, event: fastEvent }
