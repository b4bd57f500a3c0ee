import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { feedChannelSchema, feedItemSchema, renderAtom, renderJsonFeed, renderRss } from 'newsroom-feeds'
import { channel, items } from './helpers'

const renderers = { renderRss, renderAtom, renderJsonFeed }

describe('input validation', () => {
  const invalidItems: Array<[string, Record<string, unknown>]> = [
    ['relative url', { url: '/nyheter/ny-skola' }],
    ['missing title', { title: undefined }],
    ['empty title', { title: '  ' }],
    ['non-http url', { url: 'javascript:alert(1)' }],
    ['invalid date', { published: new Date('nope') }],
    ['unparseable date string', { updated: 'yesterday' }],
    ['image without length', { image: { url: 'https://example.se/a.jpg', type: 'image/jpeg' } }],
    ['image with bad mime type', { image: { url: 'https://example.se/a.jpg', type: 'jpeg', length: 1 } }],
  ]

  for (const [name, render] of Object.entries(renderers)) {
    for (const [label, patch] of invalidItems) {
      it(`${name} rejects an item with ${label}`, () => {
        expect(() => render(channel, [{ ...items[0]!, ...patch } as never])).toThrow(ZodError)
      })
    }
    it(`${name} rejects a channel with a relative feedUrl or bad language`, () => {
      expect(() => render({ ...channel, feedUrl: 'feeds/news.xml' }, items)).toThrow(ZodError)
      expect(() => render({ ...channel, language: 'svenska!' }, items)).toThrow(ZodError)
      expect(() => render({ ...channel, updated: undefined } as never, items)).toThrow(ZodError)
    })
  }

  it('reports the failing path', () => {
    const result = feedItemSchema.safeParse({ ...items[0]!, url: '/relative' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['url'])
  })

  it('applies defaults and converts ISO strings to dates', () => {
    const parsed = feedChannelSchema.parse({ ...channel, updated: '2026-03-20T08:15:30+01:00', generator: undefined })
    expect(parsed.updated.toISOString()).toBe('2026-03-20T07:15:30.000Z')
    expect(parsed.generator).toBe('newsroom-feeds')
    const item = feedItemSchema.parse({ id: 'a', url: 'https://example.se/a', title: 'A', published: '2026-01-01', updated: '2026-01-02' })
    expect(item.categories).toEqual([])
    expect(item.summary).toBe('')
  })
})
