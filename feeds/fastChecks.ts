/**
 * Hand-written checks for the commonest valid inputs, each cheaper than the regex or zod schema it
 * stands for (fields.ts pairs them). Each accepts a subset of what its rule accepts, with the same
 * result; for anything else it says no, and the rule's regex or zod decides.
 */
import { MAX_YEAR, MIN_YEAR, NOT_BLANK } from './patterns.js'

/**
 * Non-blank string. If the first character is not whitespace (`\s` has none
 * in U+0021–U+167F except U+00A0) the regex is skipped.
 */
export function isText(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const first = value.charCodeAt(0)
  return (first > 32 && first < 0x1680 && first !== 0xa0) || NOT_BLANK.test(value)
}
/**
 * Plain ASCII `http(s)://host[:port][/path…]` in lower-case scheme, checked
 * with a character loop; it accepts a subset of ABSOLUTE_URL, and anything
 * else (upper case, IPv6, user info, non-ASCII, …) goes to the regex.
 */
export function isSimpleUrl(value: string): boolean {
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

export function inRange(date: Date): boolean {
  const time = date.getTime()
  if (time !== time) return false
  const year = date.getUTCFullYear()
  return year >= MIN_YEAR && year <= MAX_YEAR
}

/** Value of the two ASCII digits at `i` and `i + 1`, negative if either is not a digit. */
function twoDigits(value: string, i: number): number {
  const high = value.charCodeAt(i) - 48
  const low = value.charCodeAt(i + 1) - 48
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`), month 1–12. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1
  return era * 146_097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719_468
}

/**
 * The time value of `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.s|.ss|.sss](Z|±HH:MM)`
 * (what `toISOString()`, databases and CMS APIs write), read with a character
 * loop: the same instant `new Date(value)` gives. `NaN` for anything else,
 * including years before 1000 and more than 3 fraction digits. Whatever it
 * reads also matches ISO_DATE_TIME / ISO_DATE (the date is a real calendar
 * date, hours ≤ 23, minutes and seconds ≤ 59), so it accepts a subset of what
 * dateSchema accepts, with the same result; the rest goes the zod way.
 */
export function isoTime(value: string): number {
  const length = value.length
  if (length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN
  const century = twoDigits(value, 0)
  const yy = twoDigits(value, 2)
  const month = twoDigits(value, 5)
  const day = twoDigits(value, 8)
  if (century < 10 || yy < 0 || month < 1 || month > 12 || day < 1) return Number.NaN
  const year = century * 100 + yy
  const monthDays =
    month === 2
      ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
      : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  if (day > monthDays) return Number.NaN
  const days = daysFromCivil(year, month, day)
  if (length === 10) return days * 86_400_000 // a date: UTC midnight
  if (length < 20 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) {
    return Number.NaN
  }
  const hours = twoDigits(value, 11)
  const minutes = twoDigits(value, 14)
  const seconds = twoDigits(value, 17)
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return Number.NaN
  let i = 19
  let ms = 0
  if (value.charCodeAt(i) === 46) {
    // '.', then 1–3 digits (read as milliseconds, like new Date)
    const start = ++i
    let digit: number
    while ((digit = value.charCodeAt(i) - 48) >= 0 && digit <= 9) {
      if (i - start === 3) return Number.NaN
      ms = ms * 10 + digit
      i++
    }
    const count = i - start
    if (count === 0) return Number.NaN
    ms *= count === 1 ? 100 : count === 2 ? 10 : 1
  }
  let offset = 0 // minutes
  const sign = value.charCodeAt(i)
  if (sign === 90) {
    if (i + 1 !== length) return Number.NaN // 'Z' ends it
  } else if (sign === 43 || sign === 45) {
    const offsetHours = twoDigits(value, i + 1)
    const offsetMinutes = twoDigits(value, i + 4)
    if (i + 6 !== length || value.charCodeAt(i + 3) !== 58) return Number.NaN
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN
    offset = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetMinutes)
  } else {
    return Number.NaN
  }
  return days * 86_400_000 + ((hours * 60 + minutes - offset) * 60 + seconds) * 1000 + ms
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)

/**
 * `local@domain.tld` in plain ASCII, checked with a character loop (a regex
 * test costs more than the rest of an item's checks). It accepts a subset of
 * EMAIL: local part of letters, digits and `._+-`, not starting or ending
 * with a dot, no two dots in a row; domain labels of letters, digits and `-`
 * starting with a letter or digit; a top-level domain of 2+ letters. Anything
 * else goes to the regex.
 */
export function isSimpleEmail(value: string): boolean {
  const at = value.indexOf('@')
  if (at < 1 || value.charCodeAt(0) === 46 || value.charCodeAt(at - 1) === 46) return false
  for (let i = 0; i < at; i++) {
    const c = value.charCodeAt(i)
    if (isAlnum(c) || c === 95 || c === 43 || c === 45) continue // _ + -
    if (c === 46 && value.charCodeAt(i + 1) !== 46) continue // . (not twice)
    return false
  }
  const length = value.length
  let labels = 0
  let labelStart = at + 1
  let lettersOnly = true // in the current label
  for (let i = labelStart; i < length; i++) {
    const c = value.charCodeAt(i)
    if (c === 46) {
      if (i === labelStart) return false
      labels++
      labelStart = i + 1
      lettersOnly = true
      continue
    }
    if (i === labelStart ? !isAlnum(c) : !isAlnum(c) && c !== 45) return false
    if (c < 65) lettersOnly = false // a digit or '-'
  }
  // At least one label, then a top-level domain of 2+ letters.
  return labels >= 1 && lettersOnly && length - labelStart >= 2
}

/** `type/subtype` checked with a loop: exactly MIME_TYPE's rule (the regex still runs when it says no). */
export function isSimpleMime(value: string): boolean {
  const slash = value.indexOf('/')
  const length = value.length
  if (slash < 1 || slash === length - 1 || !isAlnum(value.charCodeAt(0)) || !isAlnum(value.charCodeAt(slash + 1))) {
    return false
  }
  for (let i = 1; i < length; i++) {
    if (i === slash) continue
    const c = value.charCodeAt(i)
    // ! # $ & ^ _ . + -
    if (!isAlnum(c) && c !== 33 && c !== 35 && c !== 36 && c !== 38 && c !== 94 && c !== 95 && c !== 46 && c !== 43 && c !== 45) {
      return false
    }
  }
  return true
}

