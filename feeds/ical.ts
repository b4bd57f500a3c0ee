/** iCalendar (RFC 5545) renderer for published event calendars. */
import { toICalDate, toICalLocal, toICalUtc } from './dates.js'
import { escapeICalText, foldLine } from './icaltext.js'
import type { CalendarEvent, CalendarEventInput, CalendarEventStatus, CalendarInput } from './schema.js'
import { STOCKHOLM_VTIMEZONE, toStockholm } from './timezone.js'
import { parseCalendar, parseEvents } from './validate.js'
import { stripInvalidChars } from './xml.js'

const CRLF = '\r\n'
const DAY = 86_400_000

type Zone = 'Europe/Stockholm' | 'UTC'

const STATUS: Record<CalendarEventStatus, string> = {
  confirmed: 'STATUS:CONFIRMED',
  tentative: 'STATUS:TENTATIVE',
  cancelled: 'STATUS:CANCELLED',
}

/** Wall-clock `Date` (UTC fields = local fields) for all-day dates. */
function wallClock(date: Date, zone: Zone): Date {
  return zone === 'UTC' ? date : toStockholm(date).wallClock
}

/** `DTSTART;TZID=Europe/Stockholm:20261025T013000` or `DTSTART:20261025T003000Z`. */
function dateTimeProperty(name: string, date: Date, zone: Zone): { line: string; usesZone: boolean } {
  if (zone === 'UTC') return { line: name + ':' + toICalUtc(date), usesZone: false }
  const zoned = toStockholm(date)
  // 02:00–02:59 occurs twice when summer time ends; UTC is unambiguous.
  if (zoned.ambiguous) return { line: name + ':' + toICalUtc(date), usesZone: false }
  return { line: name + ';TZID=Europe/Stockholm:' + toICalLocal(zoned.wallClock), usesZone: true }
}

function eventLines(event: CalendarEvent, host: string, zone: Zone, out: string[]): boolean {
  let usesZone = false
  out.push(
    'BEGIN:VEVENT',
    foldLine('UID:' + escapeICalText(event.id + '@' + host)),
    'DTSTAMP:' + toICalUtc(event.updated),
    'SEQUENCE:' + event.sequence,
    'CREATED:' + toICalUtc(event.created ?? event.updated),
    'LAST-MODIFIED:' + toICalUtc(event.updated),
  )
  if (event.allDay) {
    const first = wallClock(event.start, zone)
    const last = event.end ? wallClock(event.end, zone) : first
    const lastDay = Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate())
    out.push(
      'DTSTART;VALUE=DATE:' + toICalDate(first),
      // DTEND is exclusive: the day after the last day.
      'DTEND;VALUE=DATE:' + toICalDate(new Date(Math.max(lastDay, first.getTime()) + DAY)),
    )
  } else {
    const start = dateTimeProperty('DTSTART', event.start, zone)
    out.push(start.line)
    usesZone = start.usesZone
    if (event.end) {
      const end = dateTimeProperty('DTEND', event.end, zone)
      out.push(end.line)
      usesZone ||= end.usesZone
    }
  }
  out.push(foldLine('SUMMARY:' + escapeICalText(event.title)))
  if (event.description) out.push(foldLine('DESCRIPTION:' + escapeICalText(event.description)))
  if (event.location) out.push(foldLine('LOCATION:' + escapeICalText(event.location)))
  if (event.url) out.push(foldLine('URL:' + stripInvalidChars(event.url)))
  if (event.categories.length > 0) {
    out.push(foldLine('CATEGORIES:' + event.categories.map(escapeICalText).join(',')))
  }
  out.push(STATUS[event.status ?? (event.cancelled ? 'cancelled' : 'confirmed')], 'END:VEVENT')
  return usesZone
}

/**
 * Renders an iCalendar (RFC 5545) `VCALENDAR` with `METHOD:PUBLISH`.
 * Validates input (throws `ZodError`).
 *
 * - `UID` is `<event.id>@<calendar.host>`; `DTSTAMP` and `LAST-MODIFIED`
 *   come from `event.updated` (never the current time, so output is stable).
 * - `SEQUENCE` is `event.sequence`: pass a number that grows whenever the
 *   event changes (e.g. the document's version count), including when it is
 *   cancelled: a client may keep the copy it has when SEQUENCE did not grow
 *   (RFC 5546 orders revisions by SEQUENCE, then DTSTAMP). The renderer is
 *   stateless, so it cannot raise SEQUENCE by itself.
 * - `STATUS` is `event.status` (`CONFIRMED`, `TENTATIVE` or `CANCELLED`);
 *   without it, `CANCELLED` if `cancelled: true`, else `CONFIRMED`. Keep
 *   recently unpublished/deleted events in the feed as cancelled for a while
 *   (e.g. 30 days) so subscribed calendars remove them; dropping an event from
 *   the feed is not reliably noticed by clients.
 * - All-day events use `VALUE=DATE` with an exclusive DTEND (next day).
 * - Timed events use `TZID=Europe/Stockholm` (plus a VTIMEZONE, only when
 *   used) or UTC times when `calendar.timezone` is `'UTC'`.
 * - Lines end with CRLF and are folded at 75 octets.
 */
export function renderICalendar(calendarInput: CalendarInput, eventsInput: readonly CalendarEventInput[]): string {
  const calendar = parseCalendar(calendarInput)
  const events = parseEvents(eventsInput)
  const zone: Zone = calendar.timezone

  const head: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    foldLine('PRODID:' + escapeICalText(calendar.prodId)),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    foldLine('X-WR-CALNAME:' + escapeICalText(calendar.name)),
    'X-WR-TIMEZONE:' + zone,
  ]
  if (calendar.description) head.push(foldLine('X-WR-CALDESC:' + escapeICalText(calendar.description)))
  if (calendar.refreshIntervalMinutes) {
    const duration = 'PT' + calendar.refreshIntervalMinutes + 'M'
    head.push('REFRESH-INTERVAL;VALUE=DURATION:' + duration, 'X-PUBLISHED-TTL:' + duration)
  }

  const body: string[] = []
  let usesZone = false
  for (const event of events) {
    if (eventLines(event, calendar.host, zone, body)) usesZone = true
  }
  if (usesZone) head.push(...STOCKHOLM_VTIMEZONE)
  body.push('END:VCALENDAR')
  return head.join(CRLF) + CRLF + body.join(CRLF) + CRLF
}
