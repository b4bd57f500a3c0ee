/**
 * Date formatting. All output is in UTC and truncated to whole seconds, so
 * every format carries the same instant. The UTC fields are computed with
 * integer arithmetic from the time value (several times faster than
 * `toISOString()` + slicing or six `getUTC*()` calls).
 */

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' + i : String(i)))
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

const DAY_MS = 86_400_000

// UTC fields of the last date passed to setFields() (module scratch space:
// rendering is synchronous, and this avoids allocating an object per date).
let year = 0
let month = 0 // 1–12
let day = 0
let hours = 0
let minutes = 0
let seconds = 0
let weekday = 0 // 0 = Sunday

/** Civil date from days since 1970-01-01 (H. Hinnant's `civil_from_days`). */
function setFields(date: Date): void {
  const time = date.getTime()
  const days = Math.floor(time / DAY_MS)
  let secondOfDay = ((time - days * DAY_MS) / 1000) | 0
  const z = days + 719_468 // ≥ 0 for every supported year (1000+)
  const era = (z / 146_097) | 0
  const doe = z - era * 146_097
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36_524) | 0) - ((doe / 146_096) | 0)) / 365) | 0
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0))
  const mp = ((5 * doy + 2) / 153) | 0
  day = doy - (((153 * mp + 2) / 5) | 0) + 1
  month = mp < 10 ? mp + 3 : mp - 9
  year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  hours = (secondOfDay / 3600) | 0
  secondOfDay -= hours * 3600
  minutes = (secondOfDay / 60) | 0
  seconds = secondOfDay - minutes * 60
  weekday = (days + 719_468 + 3) % 7 // 0000-03-01 (z = 0) was a Wednesday
}

/** RFC 822 / RFC 1123 date with a 4-digit year in GMT, e.g. `Fri, 17 Apr 2020 00:00:00 GMT` (RSS 2.0). */
export function toRfc822(date: Date): string {
  setFields(date)
  return (
    DAYS[weekday] + ', ' + PAD2[day] + ' ' + MONTHS[month - 1] + ' ' + year +
    ' ' + PAD2[hours] + ':' + PAD2[minutes] + ':' + PAD2[seconds] + ' GMT'
  )
}

const ZERO = 48

/**
 * RFC 3339 date-time in UTC without fractional seconds, e.g. `2020-04-17T00:00:00Z` (Atom, JSON Feed).
 * Written with one `String.fromCharCode` (a flat string, cheaper than concatenating 12 pieces).
 */
export function toRfc3339(date: Date): string {
  setFields(date)
  return String.fromCharCode(
    ZERO + ((year / 1000) | 0), ZERO + (((year / 100) | 0) % 10), ZERO + (((year / 10) | 0) % 10), ZERO + (year % 10),
    45, ZERO + ((month / 10) | 0), ZERO + (month % 10),
    45, ZERO + ((day / 10) | 0), ZERO + (day % 10),
    84, ZERO + ((hours / 10) | 0), ZERO + (hours % 10),
    58, ZERO + ((minutes / 10) | 0), ZERO + (minutes % 10),
    58, ZERO + ((seconds / 10) | 0), ZERO + (seconds % 10),
    90,
  )
}

/** iCalendar UTC DATE-TIME, e.g. `20200417T000000Z`. */
export function toICalUtc(date: Date): string {
  return toICalLocal(date) + 'Z'
}

/** iCalendar DATE from the UTC fields, e.g. `20260321`. */
export function toICalDate(date: Date): string {
  setFields(date)
  return year + PAD2[month]! + PAD2[day]
}

/** iCalendar local DATE-TIME (no `Z`) from the UTC fields of a wall-clock `Date`, e.g. `20261025T013000`. */
export function toICalLocal(date: Date): string {
  setFields(date)
  return year + PAD2[month]! + PAD2[day] + 'T' + PAD2[hours] + PAD2[minutes] + PAD2[seconds]
}
