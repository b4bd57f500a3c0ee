import { parseJsonFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { renderJsonFeed } from '../../feeds/index'
import { NASTY_TITLE_CLEAN, SWEDISH_BODY, channel, items } from './helpers'

describe('renderJsonFeed', () => {
  const json = renderJsonFeed(channel, items)
  const raw = JSON.parse(json)
  const feed = parseJsonFeed(raw)

  it('declares JSON Feed 1.1', () => {
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1')
  })

  it('reads back feed metadata', () => {
    expect(feed.title).toBe('Nyheter från Exempelkommunen')
    expect(feed.home_page_url).toBe('https://example.se/')
    expect(feed.feed_url).toBe('https://example.se/feeds/news.xml')
    expect(feed.language).toBe('sv')
    expect(feed.icon).toBe('https://example.se/logo.png')
    expect(feed.favicon).toBe('https://example.se/favicon.png')
    expect(feed.authors).toEqual([{ name: 'Kommunikationsavdelningen', url: 'https://example.se/press' }])
    expect(raw).not.toHaveProperty('author')
  })

  it('reads back items with string ids, dates, content and tags', () => {
    const [first, second] = feed.items ?? []
    for (const item of raw.items) expect(typeof item.id).toBe('string')
    expect(first?.id).toBe('news-42')
    expect(first?.url).toBe('https://example.se/nyheter/ny-skola')
    expect(first?.title).toBe(NASTY_TITLE_CLEAN)
    expect(first?.content_html).toBe(SWEDISH_BODY)
    expect(first?.summary).toBe('Kort sammanfattning med <taggar> & tecken.')
    expect(first?.image).toBe('https://example.se/media/skola.jpg')
    expect(first?.date_published).toBe('2026-03-20T08:00:00Z')
    expect(first?.date_modified).toBe('2026-03-20T08:15:30Z')
    expect(first?.tags).toEqual(['Skola & utbildning', 'Pressmeddelanden'])
    expect(first?.authors).toEqual([{ name: 'Åsa Öberg' }])
    expect(raw.items[0].authors).toEqual([{ name: 'Åsa Öberg' }])
    expect(raw.items[0]).not.toHaveProperty('author')
    // no HTML body → content_text
    expect(second?.content_html).toBeUndefined()
    expect(second?.content_text).toBe('Bara text.')
    expect(new Date(second!.date_modified!).toISOString()).toBe('2020-04-17T10:30:00.000Z')
  })

  it('strips illegal control characters', () => {
    expect(json).not.toMatch(/\\u0001|\u0001/)
    const dirty = JSON.parse(
      renderJsonFeed(channel, [{ ...items[1]!, title: 'a\u0000b\bc\fd\uD800e\uFFFEf\uFFFFg 😀 tab\tnl\n' }]),
    )
    expect(dirty.items[0].title).toBe('abcdefg 😀 tab\tnl\n')
  })

  it('keeps literal backslash sequences that merely look like escapes', () => {
    const title = 'C:\\bin\\u0001 \\f'
    expect(JSON.parse(renderJsonFeed(channel, [{ ...items[1]!, title }])).items[0].title).toBe(title)
  })

  it('is deterministic', () => {
    expect(renderJsonFeed(structuredClone(channel), structuredClone(items))).toBe(json)
  })
})
