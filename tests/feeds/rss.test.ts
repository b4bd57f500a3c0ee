import { parseRssFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { renderRss } from 'newsroom-feeds'
import { NASTY_TITLE_CLEAN, SWEDISH_BODY, channel, items, xmlErrors } from './helpers'

const RFC822_4_DIGIT = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

describe('renderRss', () => {
  const xml = renderRss(channel, items)
  const feed = parseRssFeed(xml)

  it('is well-formed XML 1.0 (xmllint)', async () => {
    expect(await xmlErrors(xml)).toEqual([])
  })

  it('the checker rejects broken XML (sanity)', async () => {
    expect(await xmlErrors(xml.replace(' &amp; ', ' & '))).not.toEqual([])
    expect(await xmlErrors(xml.replace('🎉', '\u0001'))).not.toEqual([])
  })

  it('reads back channel fields', () => {
    expect(feed.title).toBe('Nyheter från Exempelkommunen')
    expect(feed.link).toBe('https://example.se/')
    expect(feed.description).toBe('Pressmeddelanden &amp; nyheter')
    expect(feed.language).toBe('sv')
    expect(feed.lastBuildDate).toBe('Fri, 20 Mar 2026 08:15:30 GMT')
    expect(feed.copyright).toBe('© 2026 Exempelkommunen')
    expect(feed.image?.url).toBe('https://example.se/logo.png')
    expect(feed.atom?.links).toEqual([
      { href: 'https://example.se/feeds/news.xml', rel: 'self', type: 'application/rss+xml' },
    ])
    expect(xml).toContain('<atom:link href="https://example.se/feeds/news.xml" rel="self" type="application/rss+xml"/>')
  })

  it('keeps ]]>, & , markup and emoji in titles and removes U+0001', () => {
    expect(xml).not.toContain('\u0001')
    expect(feed.items?.[0]?.title).toBe(NASTY_TITLE_CLEAN)
  })

  it('writes RFC 822 dates with a 4-digit year in GMT', () => {
    expect(feed.items?.map((item) => item.pubDate)).toEqual([
      'Fri, 20 Mar 2026 08:00:00 GMT',
      'Fri, 17 Apr 2020 00:00:00 GMT',
    ])
    for (const date of xml.matchAll(/<(?:pubDate|lastBuildDate)>([^<]*)</g)) expect(date[1]).toMatch(RFC822_4_DIGIT)
  })

  it('writes guids with isPermaLink', () => {
    expect(feed.items?.[0]?.guid).toEqual({ value: 'news-42', isPermaLink: false })
    expect(feed.items?.[1]?.guid).toEqual({ value: 'https://example.se/nyheter/gammal', isPermaLink: true })
  })

  it('writes links, categories, authors and content:encoded', () => {
    const [first, second] = feed.items ?? []
    expect(first?.link).toBe('https://example.se/nyheter/ny-skola')
    expect(first?.content?.encoded).toBe(SWEDISH_BODY)
    expect(first?.categories).toEqual([{ name: 'Skola & utbildning' }, { name: 'Pressmeddelanden' }])
    expect(first?.dc?.creators).toEqual(['Åsa Öberg'])
    // description is HTML in practice: plain-text summary is HTML-escaped
    expect(first?.description).toBe('Kort sammanfattning med &lt;taggar&gt; &amp; tecken.')
    expect(second?.content).toBeUndefined()
    expect(second?.description).toBe('Bara text.')
  })

  it('writes the hero image as enclosure and media:content', () => {
    const item = feed.items?.[0]
    expect(item?.enclosures).toEqual([{ url: 'https://example.se/media/skola.jpg', length: 123456, type: 'image/jpeg' }])
    expect(item?.media?.contents).toEqual([
      {
        url: 'https://example.se/media/skola.jpg',
        type: 'image/jpeg',
        medium: 'image',
        fileSize: 123456,
        width: 1200,
        height: 800,
        description: { value: 'Den nya skolan', type: 'plain' },
      },
    ])
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"')
    expect(feed.items?.[1]?.enclosures).toBeUndefined()
  })

  it('is deterministic', () => {
    expect(renderRss(structuredClone(channel), structuredClone(items))).toBe(xml)
  })
})
