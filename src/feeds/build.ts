import type { Payload } from 'payload'

import type { CalendarEventInput, FeedChannelInput, FeedItemInput } from 'newsroom-feeds'
import type { ListingResult } from '../listing/query.js'
import type { ListingParams } from '../listing/params.js'

import { newsroomOptions } from '../listing/indexer.js'

export type FeedFormat = 'rss' | 'atom' | 'json' | 'ics'
export const FEED_PATHS: Record<FeedFormat, string> = { rss: 'feed.rss', atom: 'feed.atom', json: 'feed.json', ics: 'calendar.ics' }

type Item = ListingResult['items'][number]
const TYPE_LABEL = { sv: { news: 'Nyheter', events: 'Kalender', press: 'Press' }, en: { news: 'News', events: 'Calendar', press: 'Press' } }

export function feedTitle(payload: Payload, p: ListingParams, topicTitles: string[]) {
  const o = newsroomOptions(payload)
  const base = o.feeds.title[p.locale] ?? o.feeds.title[o.defaultLocale] ?? 'News'
  const labels = TYPE_LABEL[p.locale as 'sv'] ?? TYPE_LABEL.en
  const parts = [base]
  if (p.types.length < 3) parts.push(p.types.map((t) => labels[t]).join(', '))
  if (topicTitles.length) parts.push(topicTitles.join(', '))
  if (p.q) parts.push(`"${p.q}"`)
  return joinTitle(...parts)
}

/**
 * Feed title parts joined by " – ", a part that only repeats the one before it left out: the news
 * feed of a newsroom called "Nyheter" is "Nyheter", not "Nyheter – Nyheter".
 */
export const joinTitle = (...parts: string[]) =>
  parts
    .filter((part, i) => part && (i === 0 || part.toLocaleLowerCase() !== parts[i - 1].toLocaleLowerCase()))
    .join(' – ')

/** The newest change among the items, or a fixed date for an empty feed: never "now", so bytes stay stable. */
export const lastChange = (items: Item[]) =>
  new Date(items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), '2000-01-01T00:00:00.000Z'))

export function channelFor(payload: Payload, p: ListingParams, title: string, selfUrl: string, items: Item[]): FeedChannelInput {
  const o = newsroomOptions(payload)
  return {
    title,
    description: o.feeds.description[p.locale] ?? '',
    link: new URL('/', o.serverURL).toString(),
    feedUrl: selfUrl,
    language: p.locale,
    updated: lastChange(items),
    generator: 'Newsroom for Payload CMS',
  }
}

export function feedItem(payload: Payload, item: Item): FeedItemInput {
  const o = newsroomOptions(payload)
  return {
    id: `${item.type}:${item.id}`,
    url: item.url,
    title: item.title,
    summary: item.summary ?? '',
    contentHtml: o.feeds.fullText && item.feed?.html ? item.feed.html : undefined,
    published: item.type === 'events' ? (item.feed?.createdAt ?? item.date) : item.date,
    updated: item.updatedAt,
    categories: item.categories.map((c) => ({ term: c.slug, label: c.title })),
    image:
      item.image && item.feed?.image
        ? {
            url: item.image.url,
            type: item.feed.image.type,
            length: item.feed.image.length,
            width: item.image.width ?? undefined,
            height: item.image.height ?? undefined,
            alt: item.image.alt ?? undefined,
          }
        : undefined,
  }
}

export function calendarEvent(item: Item): CalendarEventInput {
  const location = [item.location?.name, item.location?.address].filter(Boolean).join(', ')
  const updated = new Date(item.updatedAt)
  return {
    id: `events-${item.id}`,
    // Grows with every save: seconds since 2020 of the last update.
    sequence: Math.max(0, Math.floor((updated.getTime() - Date.UTC(2020, 0, 1)) / 1000)),
    title: item.title,
    description: [item.summary, item.feed?.text].filter(Boolean).join('\n\n') || undefined,
    location: location || undefined,
    url: item.url,
    categories: item.categories.map((c) => c.title),
    start: item.start!,
    end: item.end ?? undefined,
    allDay: item.allDay ?? false,
    cancelled: item.cancelled ?? false,
    created: item.feed?.createdAt,
    updated,
  }
}
