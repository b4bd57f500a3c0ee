/**
 * Europe/Stockholm wall-clock time from a UTC instant, using the EU summer
 * time rule (since 1996): CEST (+02:00) from the last Sunday of March 01:00
 * UTC to the last Sunday of October 01:00 UTC, CET (+01:00) otherwise.
 *
 * The same rule is published in the VTIMEZONE block below, so what we write
 * and what a calendar client computes from it always agree. (Tests check the
 * rule against `Intl.DateTimeFormat` for the years around today.)
 */

const HOUR = 3_600_000

export const STOCKHOLM = 'Europe/Stockholm'

export const STOCKHOLM_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'X-LIC-LOCATION:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** UTC ms of 01:00 UTC on the last Sunday of `month` (0-based). */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0))
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1)
}

const transitionsCache = new Map<number, readonly [number, number]>()

/** [start, end) of summer time in `year`, as UTC ms. */
function summerTime(year: number): readonly [number, number] {
  let cached = transitionsCache.get(year)
  if (!cached) {
    cached = [lastSundayOneUtc(year, 2), lastSundayOneUtc(year, 9)]
    transitionsCache.set(year, cached)
  }
  return cached
}

export interface ZonedTime {
  /** UTC offset in minutes (60 or 120). */
  offsetMinutes: number
  /**
   * True for wall-clock times that occur twice: 02:00–02:59 on the night
   * summer time ends (both the CEST and the CET occurrence). RFC 5545 §3.3.5
   * says a TZID local time there means the first occurrence, but clients
   * disagree (ical.js picks the second), so such instants are written in UTC.
   */
  ambiguous: boolean
  /** Wall-clock time as a `Date` whose UTC fields are the local fields. */
  wallClock: Date
}

/** Converts a UTC instant to Europe/Stockholm wall-clock time. */
export function toStockholm(date: Date): ZonedTime {
  const time = date.getTime()
  const [start, end] = summerTime(date.getUTCFullYear())
  const summer = time >= start && time < end
  const offsetMinutes = summer ? 120 : 60
  return {
    offsetMinutes,
    ambiguous: time >= end - HOUR && time < end + HOUR,
    wallClock: new Date(time + offsetMinutes * 60_000),
  }
}
