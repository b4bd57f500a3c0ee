import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { renderICalendar, type CalendarEventInput } from 'newsroom-feeds'
import { LONG_DESCRIPTION, calendar, events } from './helpers'

const utf8 = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Parses with ical.js (throws on broken input) and registers the calendar's VTIMEZONEs. */
function parseCalendar(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics))
  for (const timezone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(timezone)
  const vevents = component.getAllSubcomponents('vevent')
  return { component, vevents, events: vevents.map((vevent) => new ICAL.Event(vevent)) }
}

afterEach(() => {
  ICAL.TimezoneService.reset()
})

describe('renderICalendar', () => {
  const ics = renderICalendar(calendar, events)

  it('uses CRLF line ends everywhere, including after END:VCALENDAR', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics).not.toMatch(/[^\r]\n/)
    expect(ics).not.toMatch(/\r(?!\n)/)
  })

  it('folds every line at 75 octets without splitting UTF-8 characters', () => {
    const lines = ics.split('\r\n')
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
    for (const line of lines) expect(utf8.encode(line).length).toBeLessThanOrEqual(75)
    // Split the raw bytes at the fold points: every piece must be valid UTF-8 on its own.
    const bytes = utf8.encode(ics)
    let start = 0
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        expect(() => strictUtf8.decode(bytes.subarray(start, i))).not.toThrow()
        start = i + 2
      }
    }
  })

  it('writes the calendar header', () => {
    const { component } = parseCalendar(ics)
    expect(component.getFirstPropertyValue('version')).toBe('2.0')
    expect(component.getFirstPropertyValue('prodid')).toBe('-//newsroom//feeds//EN')
    expect(component.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(component.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(component.getFirstPropertyValue('x-wr-calname')).toBe('Evenemang i Exempelkommunen')
    expect(component.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Stockholm')
    expect(component.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).toEqual([
      'Europe/Stockholm',
    ])
  })

  it('reads back a timed event across the end of summer time with the right UTC instants', () => {
    const { events: parsed, vevents } = parseCalendar(ics)
    const event = parsed[0]!
    expect(event.uid).toBe('event-1@example.se')
    expect(event.summary).toBe('Höstmarknad, musik; mat')
    expect(event.description).toBe(LONG_DESCRIPTION)
    expect(event.location).toBe('Stora torget, Ängö')
    expect(event.sequence).toBe(3)
    expect(event.startDate.isDate).toBe(false)
    expect(event.startDate.zone?.tzid).toBe('Europe/Stockholm')
    expect(event.startDate.toString()).toBe('2026-10-25T01:30:00')
    expect(event.endDate.toString()).toBe('2026-10-25T04:00:00')
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-24T23:30:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-10-25T03:00:00.000Z')
    const vevent = vevents[0]!
    expect(vevent.getFirstPropertyValue('url')).toBe('https://example.se/evenemang/hostmarknad')
    expect(vevent.getFirstProperty('categories')?.getValues()).toEqual(['Marknad', 'Mat, dryck'])
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-02-01T10:00:00Z')
    expect(String(vevent.getFirstPropertyValue('last-modified'))).toBe('2026-02-01T10:00:00Z')
    expect(String(vevent.getFirstPropertyValue('created'))).toBe('2026-01-10T09:00:00Z')
    expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20261025T013000\r\n')
  })

  it('writes all-day events as DATE values with an exclusive DTEND', () => {
    const { events: parsed } = parseCalendar(ics)
    const event = parsed[1]!
    expect(event.summary).toBe('Vårdagjämning')
    expect(event.startDate.isDate).toBe(true)
    expect(event.startDate.toString()).toBe('2026-03-21')
    expect(event.endDate.toString()).toBe('2026-03-22')
    expect(ics).toContain('DTSTART;VALUE=DATE:20260321\r\nDTEND;VALUE=DATE:20260322\r\n')

    const multiDay = parseCalendar(
      renderICalendar(calendar, [{ id: 'm', title: 'Tre dagar', allDay: true, start: '2026-07-01', end: '2026-07-03', updated: '2026-01-01' }]),
    ).events[0]!
    expect(multiDay.startDate.toString()).toBe('2026-07-01')
    expect(multiDay.endDate.toString()).toBe('2026-07-04')
  })

  it('writes cancelled events with STATUS:CANCELLED and their sequence', () => {
    const { vevents } = parseCalendar(ics)
    expect(vevents[2]!.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(vevents[2]!.getFirstPropertyValue('sequence')).toBe(5)
    expect(vevents[2]!.getFirstPropertyValue('uid')).toBe('event-3@example.se')
  })

  it('agrees with the VTIMEZONE on every half hour of both DST change nights (2026, 2031, 2045)', () => {
    const instants: Date[] = []
    for (const day of ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z', '2031-03-29T20:00:00Z', '2031-10-25T20:00:00Z', '2045-10-28T20:00:00Z']) {
      for (let i = 0; i < 20; i++) instants.push(new Date(Date.parse(day) + i * 1_800_000))
    }
    const input: CalendarEventInput[] = instants.map((start, i) => ({ id: `t${i}`, title: 't', start, updated: start }))
    const { events: parsed } = parseCalendar(renderICalendar(calendar, input))
    expect(parsed.map((event) => event.startDate.toJSDate().toISOString())).toEqual(instants.map((d) => d.toISOString()))
  })

  it('writes the repeated hour after summer time ends in UTC (clients disagree on which occurrence TZID means)', () => {
    // 2026-10-25 02:30 occurs twice: CEST = 00:30Z, CET = 01:30Z
    const out = renderICalendar(calendar, [
      { id: 'x', title: 'x', start: new Date('2026-10-25T00:30:00Z'), end: new Date('2026-10-25T01:30:00Z'), updated: '2026-01-01' },
    ])
    expect(out).toContain('DTSTART:20261025T003000Z\r\nDTEND:20261025T013000Z\r\n')
    expect(out).not.toContain('BEGIN:VTIMEZONE')
  })

  it('supports UTC output without VTIMEZONE', () => {
    const out = renderICalendar({ ...calendar, timezone: 'UTC' }, events)
    expect(out).toContain('DTSTART:20261024T233000Z\r\n')
    expect(out).toContain('X-WR-TIMEZONE:UTC\r\n')
    expect(out).not.toContain('VTIMEZONE')
    const parsed = parseCalendar(out).events[0]!
    expect(parsed.startDate.zone?.tzid).toBe('UTC')
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-10-24T23:30:00.000Z')
  })

  it('emits VTIMEZONE only when a timed event uses it', () => {
    const out = renderICalendar(calendar, [events[1]!])
    expect(out).not.toContain('VTIMEZONE')
    expect(parseCalendar(out).events[0]!.startDate.toString()).toBe('2026-03-21')
  })

  it('escapes TEXT and removes illegal characters', () => {
    const out = renderICalendar(calendar, [
      { id: 'e', title: 'a\\b;c,d\ne\r\nf\u0001 😀', description: 'rad 1\nrad 2', updated: '2026-01-01', start: '2026-05-01T10:00:00Z' },
    ])
    expect(out).toContain('SUMMARY:a\\\\b\\;c\\,d\\ne\\nf 😀\r\n')
    const event = parseCalendar(out).events[0]!
    expect(event.summary).toBe('a\\b;c,d\ne\nf 😀')
    expect(event.description).toBe('rad 1\nrad 2')
  })

  describe('status', () => {
    const base = { title: 'Konsert', start: '2026-06-12T17:00:00Z', end: '2026-06-12T19:00:00Z', updated: '2026-03-01T10:00:00Z' }

    it('writes status as STATUS:CONFIRMED / TENTATIVE / CANCELLED (read back with ical.js)', () => {
      const out = renderICalendar(calendar, [
        { ...base, id: 'c', status: 'confirmed' },
        { ...base, id: 't', status: 'tentative' },
        { ...base, id: 'x', status: 'cancelled', sequence: 7 },
        { ...base, id: 'y', cancelled: true, status: 'cancelled' },
      ])
      const { vevents, component } = parseCalendar(out)
      expect(component.getFirstPropertyValue('method')).toBe('PUBLISH')
      expect(vevents.map((vevent) => vevent.getFirstPropertyValue('uid'))).toEqual(['c@example.se', 't@example.se', 'x@example.se', 'y@example.se'])
      expect(vevents.map((vevent) => vevent.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'TENTATIVE', 'CANCELLED', 'CANCELLED'])
      expect(vevents.map((vevent) => vevent.getAllProperties('status').length)).toEqual([1, 1, 1, 1])
      expect(vevents[2]!.getFirstPropertyValue('sequence')).toBe(7)
    })

    it('a cancellation is a new revision: SEQUENCE and DTSTAMP come from the caller', () => {
      const before = parseCalendar(renderICalendar(calendar, [{ ...base, id: 'e', sequence: 3 }])).vevents[0]!
      const after = parseCalendar(
        renderICalendar(calendar, [{ ...base, id: 'e', sequence: 4, status: 'cancelled', updated: '2026-03-02T08:00:00Z' }]),
      ).vevents[0]!
      expect(before.getFirstPropertyValue('status')).toBe('CONFIRMED')
      expect(after.getFirstPropertyValue('status')).toBe('CANCELLED')
      expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(before.getFirstPropertyValue('sequence')))
      expect(String(after.getFirstPropertyValue('dtstamp'))).toBe('2026-03-02T08:00:00Z')
      expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'))
    })

    it('leaves the output without status unchanged (bytes from before status existed)', () => {
      const input: CalendarEventInput[] = [
        { id: 'a', title: 'Konsert', start: '2026-06-12T17:00:00Z', end: '2026-06-12T19:00:00Z', updated: '2026-03-01T10:00:00Z' },
        { id: 'b', sequence: 2, title: 'Inställd', start: '2026-06-13', allDay: true, cancelled: true, updated: '2026-03-02T10:00:00Z' },
      ]
      const out = renderICalendar({ ...calendar, name: 'Evenemang', timezone: 'UTC' }, input)
      expect(out).toBe(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//newsroom//feeds//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n' +
          'X-WR-CALNAME:Evenemang\r\nX-WR-TIMEZONE:UTC\r\n' +
          'BEGIN:VEVENT\r\nUID:a@example.se\r\nDTSTAMP:20260301T100000Z\r\nSEQUENCE:0\r\nCREATED:20260301T100000Z\r\n' +
          'LAST-MODIFIED:20260301T100000Z\r\nDTSTART:20260612T170000Z\r\nDTEND:20260612T190000Z\r\nSUMMARY:Konsert\r\n' +
          'STATUS:CONFIRMED\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:b@example.se\r\nDTSTAMP:20260302T100000Z\r\nSEQUENCE:2\r\nCREATED:20260302T100000Z\r\n' +
          'LAST-MODIFIED:20260302T100000Z\r\nDTSTART;VALUE=DATE:20260613\r\nDTEND;VALUE=DATE:20260614\r\nSUMMARY:Inställd\r\n' +
          'STATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      )
      // The fixtures too: no status is the same as the status it defaults to.
      const explicit = events.map((event) => ({ ...event, status: event.cancelled ? ('cancelled' as const) : ('confirmed' as const) }))
      expect(renderICalendar(calendar, explicit)).toBe(ics)
    })

    it('rejects an unknown status, or one that contradicts cancelled: true, with a ZodError', () => {
      expect(() => renderICalendar(calendar, [{ ...base, id: 'e', status: 'CANCELLED' as never }])).toThrow(ZodError)
      expect(() => renderICalendar(calendar, [{ ...base, id: 'e', status: 'postponed' as never }])).toThrow(ZodError)
      expect(() => renderICalendar(calendar, [{ ...base, id: 'e', cancelled: true, status: 'confirmed' }])).toThrow(ZodError)
      expect(() => renderICalendar(calendar, [{ ...base, id: 'e', cancelled: true, status: 'tentative' }])).toThrow(ZodError)
    })
  })

  it('is deterministic (DTSTAMP comes from the event, not the clock)', () => {
    expect(renderICalendar(structuredClone(calendar), structuredClone(events))).toBe(ics)
  })

  it('rejects invalid input with a ZodError', () => {
    expect(() => renderICalendar({ name: 'x', host: 'not a host' }, [])).toThrow(ZodError)
    expect(() => renderICalendar(calendar, [{ ...events[0]!, title: '' }])).toThrow(ZodError)
    expect(() => renderICalendar(calendar, [{ ...events[0]!, url: '/relative' }])).toThrow(ZodError)
    expect(() => renderICalendar(calendar, [{ ...events[0]!, end: new Date('2026-10-24T00:00:00Z') }])).toThrow(ZodError)
    expect(() => renderICalendar(calendar, [{ ...events[0]!, sequence: -1 }])).toThrow(ZodError)
  })
})
