/** Shared fixtures and independent checkers for the feed library tests. */
import { validateXML } from 'xmllint-wasm'
import type { CalendarEventInput, FeedChannelInput, FeedItemInput } from 'newsroom-feeds'

/** Title with CDATA terminator, markup, ampersand, emoji and an illegal control character. */
export const NASTY_TITLE = 'Breaking ]]> news & <b>bold</b> 🎉 \u0001end'
/** What the nasty title must read back as (the U+0001 removed, nothing else changed). */
export const NASTY_TITLE_CLEAN = 'Breaking ]]> news & <b>bold</b> 🎉 end'

export const SWEDISH_BODY =
  '<p>Räksmörgåsar och ölkorv på Ängö.</p><p>Åsa sa: "Vi ses på fredag" – <a href="https://example.se/x?a=1&amp;b=2">läs mer</a> ]]></p>'

export const channel: FeedChannelInput = {
  title: 'Nyheter från Exempelkommunen',
  description: 'Pressmeddelanden & nyheter',
  link: 'https://example.se/',
  feedUrl: 'https://example.se/feeds/news.xml',
  language: 'sv',
  updated: new Date('2026-03-20T08:15:30Z'),
  author: { name: 'Kommunikationsavdelningen', email: 'press@example.se', url: 'https://example.se/press' },
  image: { url: 'https://example.se/logo.png', width: 144, height: 144 },
  icon: 'https://example.se/favicon.png',
  copyright: '© 2026 Exempelkommunen',
}

export const items: FeedItemInput[] = [
  {
    id: 'news-42',
    url: 'https://example.se/nyheter/ny-skola',
    title: NASTY_TITLE,
    summary: 'Kort sammanfattning med <taggar> & tecken.',
    contentHtml: SWEDISH_BODY,
    published: new Date('2026-03-20T08:00:00Z'),
    updated: new Date('2026-03-20T08:15:30Z'),
    categories: [
      { term: 'skola', label: 'Skola & utbildning' },
      { term: 'press', label: 'Pressmeddelanden' },
    ],
    authors: [{ name: 'Åsa Öberg', email: 'asa@example.se' }],
    image: {
      url: 'https://example.se/media/skola.jpg',
      type: 'image/jpeg',
      length: 123456,
      width: 1200,
      height: 800,
      alt: 'Den nya skolan',
    },
  },
  {
    id: 'https://example.se/nyheter/gammal',
    url: 'https://example.se/nyheter/gammal',
    title: 'Äldre nyhet',
    summary: 'Bara text.',
    published: '2020-04-17T00:00:00Z',
    updated: '2020-04-17T12:30:00+02:00',
  },
]

/** Strict XML 1.0 well-formedness (libxml2 compiled to wasm). Resolves to the error messages. */
export async function xmlErrors(xml: string): Promise<string[]> {
  try {
    const result = await validateXML({ xml: { fileName: 'feed.xml', contents: xml }, normalization: 'c14n' })
    return result.valid ? [] : result.errors.map((error) => error.message)
  } catch (error) {
    return [String(error)]
  }
}

export const calendar = { name: 'Evenemang i Exempelkommunen', host: 'example.se' }

export const LONG_DESCRIPTION =
  'Välkommen till årets största evenemang på Ängö! Vi bjuder på föreläsningar, musik, mat och aktiviteter för både stora och små; ' +
  'kom gärna tidigt, för parkeringen är begränsad. Mer information\\detaljer finns på webbplatsen. 🎶🎉'

export const events: CalendarEventInput[] = [
  {
    id: 'event-1',
    sequence: 3,
    title: 'Höstmarknad, musik; mat',
    description: LONG_DESCRIPTION,
    location: 'Stora torget, Ängö',
    url: 'https://example.se/evenemang/hostmarknad',
    categories: ['Marknad', 'Mat, dryck'],
    // 2026-10-25 01:30 CEST → 04:00 CET (the night summer time ends)
    start: new Date('2026-10-24T23:30:00Z'),
    end: new Date('2026-10-25T03:00:00Z'),
    created: new Date('2026-01-10T09:00:00Z'),
    updated: new Date('2026-02-01T10:00:00Z'),
  },
  {
    id: 'event-2',
    sequence: 0,
    title: 'Vårdagjämning',
    description: 'Heldag.',
    start: '2026-03-21',
    allDay: true,
    updated: new Date('2026-02-01T10:00:00Z'),
  },
  {
    id: 'event-3',
    sequence: 5,
    title: 'Inställd konsert',
    start: new Date('2026-06-12T17:00:00Z'),
    end: new Date('2026-06-12T19:00:00Z'),
    cancelled: true,
    updated: new Date('2026-03-01T10:00:00Z'),
  },
]
