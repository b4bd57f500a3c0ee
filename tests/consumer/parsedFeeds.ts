import ICAL from 'ical.js'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { expect } from 'vitest'

import { xmlErrors } from '../feeds/helpers'

/**
 * Feeds read back by the independent checkers the rest of the suite uses: libxml2 (xmllint-wasm)
 * for XML well-formedness, feedsmith's parsers for RSS, Atom and JSON Feed, ical.js (with the
 * calendar's own VTIMEZONEs registered) for iCalendar. Each returns what a reader would show.
 */
export async function parsedRss(xml: string) {
  expect(await xmlErrors(xml)).toEqual([])
  const feed = parseRssFeed(xml)
  return { title: feed.title, items: (feed.items ?? []).map((i) => ({ title: i.title, link: i.link, categories: (i.categories ?? []).map((c) => c.name) })) }
}

const text = (t: unknown) => (typeof t === 'string' ? t : (t as { value?: string } | undefined)?.value)

export async function parsedAtom(xml: string) {
  expect(await xmlErrors(xml)).toEqual([])
  const feed = parseAtomFeed(xml)
  return { title: text(feed.title), entries: (feed.entries ?? []).map((e) => ({ title: text(e.title), categories: (e.categories ?? []).map((c) => c.term) })) }
}

export function parsedJsonFeed(json: string) {
  const feed = parseJsonFeed(JSON.parse(json))
  return { version: (JSON.parse(json) as { version?: string }).version, title: feed.title, items: (feed.items ?? []).map((i) => ({ title: i.title, tags: i.tags ?? [] })) }
}

export function parsedCalendar(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true)
  expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
  const cal = new ICAL.Component(ICAL.parse(ics))
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  return cal.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v)
    return { uid: event.uid, summary: event.summary, start: event.startDate.toJSDate().toISOString(), allDay: event.startDate.isDate, status: String(v.getFirstPropertyValue('status') ?? '') }
  })
}
