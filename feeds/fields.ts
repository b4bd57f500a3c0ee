/**
 * The rules for single values (see rule.ts): each zod schema with the fast check that stands in
 * for it on the common inputs (fastChecks.ts), falling back to the same regex.
 */
import { z } from 'zod'

import { inRange, isoTime, isSimpleEmail, isSimpleMime, isSimpleUrl, isText } from './fastChecks.js'
import { ABSOLUTE_URL, EMAIL, HOSTNAME, ISO_DATE, ISO_DATE_TIME, isoDate, isoDateTime, LANGUAGE_TAG, MAX_YEAR, MIME_TYPE, MIN_YEAR, NOT_BLANK } from './patterns.js'
import { NOT_SURE, rule } from './rule.js'

/**
 * An absolute http(s) URL without whitespace. (A precompiled regex rather
 * than `z.url()`, which runs the WHATWG URL parser and dominated render time.)
 */
export const absoluteUrlSchema = z.string().regex(ABSOLUTE_URL, 'Expected an absolute http(s) URL')

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
  }, `Expected a valid date between the years ${MIN_YEAR} and ${MAX_YEAR}`)

/**
 * What dateSchema makes of a value: a valid `Date` as is; a string `new Date(value)` after the
 * same pattern test, the common forms read by isoTime() instead (the zod union costs several µs
 * per date, and a CMS hands dates over as ISO strings).
 */
function toDate(value: unknown): Date | typeof NOT_SURE {
  if (value instanceof Date) return inRange(value) ? value : NOT_SURE
  if (typeof value !== 'string') return NOT_SURE
  const time = isoTime(value)
  let date: Date
  if (time === time) date = new Date(time)
  else if (ISO_DATE_TIME.test(value) || ISO_DATE.test(value)) date = new Date(value)
  else return NOT_SURE
  return inRange(date) ? date : NOT_SURE
}

const matching = (regex: RegExp, fast?: (value: string) => boolean) => (value: unknown) =>
  typeof value === 'string' && ((fast && fast(value)) || regex.test(value)) ? value : NOT_SURE

/** A string with at least one non-whitespace character. */
export const text = rule(z.string().regex(NOT_BLANK, 'Must not be empty'), (value) => (isText(value) ? value : NOT_SURE))
export const string = rule(z.string(), (value) => (typeof value === 'string' ? value : NOT_SURE))
export const nonEmptyString = rule(z.string().min(1), (value) => (typeof value === 'string' && value.length > 0 ? value : NOT_SURE))
export const url = rule(absoluteUrlSchema, matching(ABSOLUTE_URL, isSimpleUrl))
export const email = rule(z.email({ pattern: EMAIL }), matching(EMAIL, isSimpleEmail))
export const mimeType = rule(z.string().regex(MIME_TYPE, 'Expected a MIME type such as image/jpeg'), matching(MIME_TYPE, isSimpleMime))
export const languageTag = rule(z.string().regex(LANGUAGE_TAG, 'Expected a language tag such as "sv" or "en-GB"'), matching(LANGUAGE_TAG))
export const hostname = rule(z.string().regex(HOSTNAME, 'Expected a host name such as example.se'), matching(HOSTNAME))
export const count = rule(z.number().int().nonnegative(), (value) => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : NOT_SURE))
export const positive = rule(z.number().int().positive(), (value) => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : NOT_SURE))
export const boolean = rule(z.boolean(), (value) => (typeof value === 'boolean' ? value : NOT_SURE))
export const date = rule(dateSchema, toDate)

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return rule(z.enum(values), (value) => ((values as readonly unknown[]).includes(value) ? (value as T[number]) : NOT_SURE) as never)
}
