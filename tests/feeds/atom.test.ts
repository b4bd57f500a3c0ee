import { parseAtomFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { renderAtom } from 'newsroom-feeds'
import { NASTY_TITLE_CLEAN, SWEDISH_BODY, channel, items, xmlErrors } from './helpers'

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

describe('renderAtom', () => {
  const xml = renderAtom(channel, items)
  const feed = parseAtomFeed(xml)

  it('is well-formed XML 1.0 (xmllint)', async () => {
    expect(await xmlErrors(xml)).toEqual([])
  })

  it('has exactly one feed-level id, title and updated', () => {
    const head = xml.slice(0, xml.indexOf('<entry>'))
    expect(head.match(/<id>/g)).toHaveLength(1)
    expect(head.match(/<title /g)).toHaveLength(1)
    expect(head.match(/<updated>/g)).toHaveLength(1)
  })

  it('reads back feed metadata', () => {
    expect(feed.id).toBe('https://example.se/feeds/news.xml')
    expect(feed.title).toEqual({ value: 'Nyheter från Exempelkommunen', type: 'text' })
    expect(feed.updated).toBe('2026-03-20T08:15:30Z')
    expect(feed.authors).toEqual([{ name: 'Kommunikationsavdelningen', email: 'press@example.se', uri: 'https://example.se/press' }])
    expect(feed.links).toEqual([
      { href: 'https://example.se/feeds/news.xml', rel: 'self', type: 'application/atom+xml' },
      { href: 'https://example.se/', rel: 'alternate', type: 'text/html' },
    ])
    expect(feed.icon).toBe('https://example.se/favicon.png')
    expect(feed.logo).toBe('https://example.se/logo.png')
  })

  it('reads back entries', () => {
    const [first, second] = feed.entries ?? []
    expect(first?.id).toBe('tag:example.se,2026-03-20:news-42')
    expect(second?.id).toBe('https://example.se/nyheter/gammal')
    expect(first?.title).toEqual({ value: NASTY_TITLE_CLEAN, type: 'text' })
    expect(first?.summary).toEqual({ value: 'Kort sammanfattning med <taggar> & tecken.', type: 'text' })
    expect(first?.content).toEqual({ value: SWEDISH_BODY, type: 'html' })
    expect(first?.published).toBe('2026-03-20T08:00:00Z')
    expect(first?.updated).toBe('2026-03-20T08:15:30Z')
    expect(second?.updated).toBe('2020-04-17T10:30:00Z')
    expect(first?.links?.[0]).toEqual({ href: 'https://example.se/nyheter/ny-skola', rel: 'alternate', type: 'text/html' })
    expect(first?.categories).toEqual([
      { term: 'skola', label: 'Skola & utbildning' },
      { term: 'press', label: 'Pressmeddelanden' },
    ])
    expect(first?.authors).toEqual([{ name: 'Åsa Öberg', email: 'asa@example.se' }])
    for (const entry of feed.entries ?? []) {
      expect(entry.updated).toMatch(RFC3339)
      expect(entry.published).toMatch(RFC3339)
    }
  })

  it('falls back to the channel title as feed author when entries lack authors', () => {
    const parsed = parseAtomFeed(renderAtom({ ...channel, author: undefined }, items))
    expect(parsed.authors).toEqual([{ name: 'Nyheter från Exempelkommunen' }])
  })

  it('is deterministic', () => {
    expect(renderAtom(structuredClone(channel), structuredClone(items))).toBe(xml)
  })
})
