import { parseJsonFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import {
  feedChannelSchema,
  feedItemsSchema,
  renderJsonFeed,
  stripInvalidChars,
  toRfc3339,
  type FeedChannelInput,
  type FeedItemInput,
  type Person,
} from 'newsroom-feeds'
import { NASTY_TITLE_CLEAN, SWEDISH_BODY, channel, items } from './helpers'

/**
 * The straightforward version of the renderer, for byte comparisons: zod
 * parses, every string is cleaned, one object in the documented member order,
 * one JSON.stringify.
 */
function reference(channelInput: FeedChannelInput, itemsInput: FeedItemInput[]): string {
  const c = feedChannelSchema.parse(channelInput)
  const t = stripInvalidChars
  const author = (p: Person) => (p.url ? { name: t(p.name), url: t(p.url) } : { name: t(p.name) })
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: t(c.title),
    home_page_url: t(c.link),
    feed_url: t(c.feedUrl),
    ...(c.description ? { description: t(c.description) } : {}),
    ...(c.image ? { icon: t(c.image.url) } : {}),
    ...(c.icon ? { favicon: t(c.icon) } : {}),
    ...(c.author ? { authors: [author(c.author)] } : {}),
    language: t(c.language),
    items: feedItemsSchema.parse(itemsInput).map((item) => ({
      id: t(item.id),
      url: t(item.url),
      title: t(item.title),
      ...(/\S/.test(t(item.contentHtml ?? ''))
        ? { content_html: t(item.contentHtml!) }
        : { content_text: /\S/.test(t(item.summary)) ? t(item.summary) : t(item.title) }),
      ...(item.summary ? { summary: t(item.summary) } : {}),
      ...(item.image ? { image: t(item.image.url) } : {}),
      date_published: toRfc3339(item.published),
      date_modified: toRfc3339(item.updated),
      ...(item.authors.length ? { authors: item.authors.map(author) } : {}),
      ...(item.categories.length ? { tags: item.categories.map((category) => t(category.label)) } : {}),
    })),
  })
}

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

  it('gives every item content_html or content_text: the body, else the summary, else the title', () => {
    // JSON Feed 1.1, items: "content_html and content_text are each optional strings — but one or
    // the other must be present." An empty or blank string carries no content, so it does not count.
    const present = (value: unknown) => typeof value === 'string' && /\S/.test(value)
    const bare = { url: 'https://example.se/kalender/dag', published: '2026-03-20', updated: '2026-03-20' }
    const list: FeedItemInput[] = [
      { ...bare, id: 'event-1', title: 'Utbildningsdag utan beskrivning' }, // an event with no body and no summary
      { ...bare, id: 'news-2', title: 'Nyhet med bara ingress', summary: 'Ingressen.' },
      { ...bare, id: 'news-3', title: 'Nyhet med blank ingress', summary: '  \n ', contentHtml: '' },
      { ...bare, id: 'news-4', title: 'Nyhet med otillåtna tecken', summary: '\u0001\u0002', contentHtml: '\u0003' },
      { ...bare, id: 'news-5', title: 'Nyhet med brödtext', summary: 'Ingress.', contentHtml: '<p>Brödtext.</p>' },
    ]
    const rendered = JSON.parse(renderJsonFeed(channel, list))
    const parsed = parseJsonFeed(rendered)
    for (const feedItems of [rendered.items, parsed.items!]) {
      expect(feedItems).toHaveLength(list.length)
      for (const item of feedItems) expect(present(item.content_html) || present(item.content_text), JSON.stringify(item)).toBe(true)
    }
    expect(parsed.items!.map((i) => i.content_text ?? null)).toEqual([
      'Utbildningsdag utan beskrivning',
      'Ingressen.',
      'Nyhet med blank ingress',
      'Nyhet med otillåtna tecken',
      null,
    ])
    expect(parsed.items![4]!.content_html).toBe('<p>Brödtext.</p>')
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

  it('writes the same bytes as the straightforward version, also for random text with escapes and illegal characters', () => {
    expect(json).toBe(reference(channel, items))
    let seed = 7
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000) * n)
    const alphabet = ['a', 'Å', '–', '😀', '"', '\\', '/', '\u0000', '\u0001', '\b', '\f', '\t', '\n', '\r', '\u001f', '\u007f',
      '\ud800', '\udc00', '\ufffe', '\uffff', '\u2028', '<', '&', 'u', ' ']
    const text = (min = 1) => 'x'.repeat(min) + Array.from({ length: random(12) }, () => alphabet[random(alphabet.length)]).join('')
    const url = () => 'https://example.se/' + (random(3) ? 'a' : 'a"b\\c') + random(100)
    const maybe = <T,>(value: () => T) => (random(2) ? value() : undefined)
    for (let k = 0; k < 400; k++) {
      const c: FeedChannelInput = { ...channel, title: text(), description: maybe(() => (random(5) ? text(0) : '')), image: maybe(() => ({ url: url() })),
        icon: maybe(url), author: maybe(() => ({ name: text(), url: maybe(url) })) }
      const list: FeedItemInput[] = Array.from({ length: random(4) }, (_, i) => ({
        id: text(), url: url(), title: text(), summary: maybe(() => (random(5) ? text(0) : '')), contentHtml: maybe(() => (random(5) ? text(0) : '')),
        published: new Date(Date.UTC(2000, 0, 1) + random(1e9) * 1000), updated: i % 2 ? '2026-03-20T08:15:30.5+02:00' : '2026-03-20',
        categories: maybe(() => Array.from({ length: random(3) }, () => ({ term: 't', label: text() }))),
        authors: maybe(() => Array.from({ length: random(3) }, () => ({ name: text(), url: maybe(url) }))),
        image: maybe(() => ({ url: url(), type: 'image/png', length: 1 })),
      }))
      expect(renderJsonFeed(c, list)).toBe(reference(c, list))
    }
  })

  it('is deterministic', () => {
    expect(renderJsonFeed(structuredClone(channel), structuredClone(items))).toBe(json)
  })
})
