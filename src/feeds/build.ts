import type { CalendarEventInput, FeedChannelInput, FeedItemInput } from 'newsroom-feeds'
import type { ListingResult } from '../listing/query.js'
import type { ListingParams } from '../listing/params.js'
import type { ResolvedNewsroomOptions } from '../options.js'

import { ITEM_TYPE_NAMES } from '../texts/feeds.js'
import { langOf } from '../texts/lang.js'

export type FeedFormat = 'rss' | 'atom' | 'json' | 'ics'
export const FEED_PATHS: Record<FeedFormat, string> = { rss: 'feed.rss', atom: 'feed.atom', json: 'feed.json', ics: 'calendar.ics' }

type Item = ListingResult['items'][number]

export function feedTitle(o: ResolvedNewsroomOptions, p: ListingParams, topicTitles: string[]) {
  const base = o.feeds.title[p.locale] ?? o.feeds.title[o.defaultLocale] ?? 'News'
  const l = langOf(p.locale, 'en')
  const parts = [base]
  if (p.types.length < 3) parts.push(p.types.map((t) => ITEM_TYPE_NAMES[t][l]).join(', '))
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

export function channelFor(o: ResolvedNewsroomOptions, p: ListingParams, title: string, selfUrl: string, items: Item[]): FeedChannelInput {
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

export function feedItem(o: ResolvedNewsroomOptions, item: Item): FeedItemInput {
  return {
    id: `${item.type}:${item.id}`,
    url: item.url,
    title: item.title,
    summary: item.summary ?? '',
    contentHtml: o.feeds.fullText && item.feed?.html ? item.feed.html : undefined,
    published: item.type === 'events' ? (item.feed?.createdAt ?? item.date) : item.date,
    updated: item.updatedAt,
    // Archived items (shown with `archived=include|only`) say so as a category every format carries.
    categories: [...item.categories.map((c) => ({ term: c.slug, label: c.title })), ...(item.archived ? [{ term: 'archived', label: 'Arkiverad' }] : [])],
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
    categories: [...item.categories.map((c) => c.title), ...(item.archived ? ['Arkiverad'] : [])],
    start: item.start!,
    end: item.end ?? undefined,
    allDay: item.allDay ?? false,
    cancelled: item.cancelled ?? false,
    created: item.feed?.createdAt,
    updated,
  }
}
