/**
 * Differential test of the fast validation path (feeds/validate.ts) against
 * the zod schemas: whenever a fast guard accepts an input, zod must accept it
 * too and produce the same values. (Guards may be stricter, never laxer.)
 */
import { describe, expect, it, vi } from 'vitest'
import { ZodError, type ZodType } from 'zod'
import {
  calendarEventSchema,
  calendarSchema,
  feedChannelSchema,
  feedItemSchema,
  renderICalendar,
  renderJsonFeed,
} from 'newsroom-feeds'
import { fastGuards } from '../../feeds/validate'
import { calendar, channel, events, items } from './helpers'

const WEIRD: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  '\u00A0',
  '\u3000x',
  'x',
  ' x ',
  'Å',
  'a@b',
  'asa@example.se',
  'a.b+c_d-e@sub.example.se',
  'A@EXAMPLE.SE',
  "o'neil@example.se",
  "o'@example.se",
  'a..b@example.se',
  '.a@example.se',
  'a.@example.se',
  'a@example',
  'a@example.s',
  'a@example.s3',
  'a@-example.se',
  'a@example-.se',
  'a@exa_mple.se',
  'a@example..se',
  'a@example.se.',
  'a@@example.se',
  'å@example.se',
  'https://example.se/a',
  'HTTPS://EXAMPLE.SE',
  'https://exämple.se/å?q=1#x',
  'https://[::1]:8080/',
  'http://localhost',
  'https://a b.se/',
  'https://example.se/a b',
  'https://example.se/\u0001',
  'https://-a.se/',
  'https://a-.se/',
  'https://a..se/',
  'https://.a.se/',
  'https://a.se./',
  'https://a.se:',
  'https://a.se:8080',
  'https://a.se:123456/',
  'https://a.se:80x',
  'https://a.se?q=1',
  'https://a.se#f',
  'https://a_b.se/',
  'https://',
  'http://a.se/ä',
  'https://user@a.se/',
  'ftp://example.se/',
  'javascript:alert(1)',
  '/relative',
  '//example.se/x',
  'image/jpeg',
  'image/svg+xml',
  'application/vnd.ms-excel',
  'image/',
  '/png',
  'image/png/x',
  'image/.png',
  '.image/png',
  'image/png ',
  'image/pn;g',
  'sv',
  'en-GB',
  'svenska!',
  'Europe/Stockholm',
  'UTC',
  'example.se',
  '2026-01-01',
  '2026-01-01T10:00:00Z',
  '2026-01-01T10:00:00+01:00',
  '2026-01-01T10:00:00',
  '2026-03-20T08:00:00.123Z',
  '2026-03-20T08:00:00.1+02:00',
  '2026-03-20T08:00:00.12-01:30',
  '2026-03-20T08:00:00.1234Z',
  '2026-03-20T08:00:00.Z',
  '2026-03-20T08:00Z',
  '2026-03-20 08:00:00Z',
  '2026-03-20T08:00:00z',
  '2026-03-20T08:00:00+0200',
  '2024-02-29',
  '2023-02-29',
  '2000-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:60:00Z',
  '2026-01-01T10:00:60Z',
  '2026-01-01T10:00:00+24:00',
  '1000-01-01T00:30:00+01:00',
  '0999-12-31T23:30:00-01:00',
  '9999-12-31T23:59:59-01:00',
  '+002026-01-01T00:00:00Z',
  'confirmed',
  'tentative',
  'cancelled',
  'CANCELLED',
  '0999-12-31',
  'yesterday',
  0,
  1,
  -1,
  1.5,
  2 ** 60,
  Number.NaN,
  true,
  false,
  new Date('2026-03-20T08:00:00Z'),
  new Date('nope'),
  new Date('0999-12-31T00:00:00Z'),
  new Date(Date.UTC(10000, 0, 1)),
  [],
  ['x'],
  [' '],
  [{ term: 'a', label: 'b' }],
  [{ term: ' ', label: 'b' }],
  [{ name: 'A' }],
  [{ name: 'A', email: 'not-an-email' }],
  [{ name: 'A', url: '/rel' }],
  {},
  { name: 'A' },
  { url: 'https://example.se/a.jpg', type: 'image/png', length: 1 },
  { url: 'https://example.se/a.jpg', type: 'image/png', length: -1 },
  { url: 'https://example.se/a.jpg', type: 'image/png', length: 1, width: 0 },
  { url: 'https://example.se/logo.png', width: 10 },
]

function differential(schema: ZodType, guard: (value: unknown) => unknown, base: Record<string, unknown>) {
  let accepted = 0
  let rejectedByZod = 0
  const variants: unknown[] = [base, null, [], 'x']
  for (const key of Object.keys(base).concat(['extra'])) {
    for (const value of WEIRD) variants.push({ ...base, [key]: value })
    // nested objects / arrays of objects: mutate their fields too
    const nested = base[key]
    const first = Array.isArray(nested) ? nested[0] : nested
    if (first && typeof first === 'object' && !(first instanceof Date)) {
      for (const field of Object.keys(first)) {
        for (const value of WEIRD) {
          const changed = { ...first, [field]: value }
          variants.push({ ...base, [key]: Array.isArray(nested) ? [changed, ...nested.slice(1)] : changed })
        }
      }
    }
  }
  for (const variant of variants) {
    const fast = guard(variant)
    const zod = schema.safeParse(variant)
    if (!zod.success) rejectedByZod++
    if (fast !== undefined) {
      accepted++
      expect(zod.success, JSON.stringify(variant)).toBe(true)
      expect(fast).toMatchObject(zod.data as object)
    }
  }
  // both paths were exercised
  expect(accepted).toBeGreaterThan(50)
  expect(rejectedByZod).toBeGreaterThan(50)
}

describe('fast validation agrees with zod', () => {
  it('accepts the fixtures', () => {
    expect(fastGuards.channel(channel)).toBeDefined()
    for (const item of items) expect(fastGuards.item(item)).toBeDefined()
    expect(fastGuards.calendar(calendar)).toBeDefined()
    for (const event of events) expect(fastGuards.event(event)).toBeDefined()
  })

  it('channel', () => differential(feedChannelSchema, fastGuards.channel, channel as Record<string, unknown>))
  it('item', () => {
    for (const item of items) differential(feedItemSchema, fastGuards.item, item as Record<string, unknown>)
  })
  it('calendar', () =>
    differential(calendarSchema, fastGuards.calendar, { ...calendar, description: 'd', prodId: 'p', timezone: 'UTC', refreshIntervalMinutes: 60 }))
  it('event', () => {
    for (const event of events) differential(calendarEventSchema, fastGuards.event, event as Record<string, unknown>)
    differential(calendarEventSchema, fastGuards.event, { ...events[0]!, status: 'tentative' })
    differential(calendarEventSchema, fastGuards.event, { ...events[2]!, status: 'cancelled' })
  })

  it('reads ISO date strings like zod does (random strings near the accepted forms)', () => {
    let seed = 42
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000) * n)
    const pad = (n: number, width = 2) => String(n).padStart(width, '0')
    const noise = '0123456789-T:Z+. x'
    let accepted = 0
    for (let k = 0; k < 5000; k++) {
      let value = `${pad(random(10) === 0 ? random(10000) : 950 + random(9100), 4)}-${pad(random(14))}-${pad(random(32))}`
      if (random(8) > 0) {
        value += `T${pad(random(26))}:${pad(random(62))}:${pad(random(62))}`
        if (random(2)) value += '.' + String(random(100000)).slice(0, 1 + random(5))
        const zone = random(4)
        value += zone === 0 ? 'Z' : zone === 1 ? '' : `${random(2) ? '+' : '-'}${pad(random(26))}:${pad(random(62))}`
      }
      if (random(10) === 0) {
        const at = random(value.length + 1)
        value = value.slice(0, at) + noise[random(noise.length)] + value.slice(at + random(2))
      }
      const item = { ...items[1]!, updated: value }
      const fast = fastGuards.item(item) as { updated: Date } | undefined
      const zod = feedItemSchema.safeParse(item)
      // The fast path reads every form it accepts exactly like zod (same instant), and it
      // never falls back for these strings: it reads them or applies zod's own pattern.
      expect(fast !== undefined, value).toBe(zod.success)
      if (fast && zod.success) {
        expect(fast.updated.getTime(), value).toBe(zod.data.updated.getTime())
        accepted++
      }
    }
    expect(accepted).toBeGreaterThan(1000)
  })

  it('renderers throw ZodError with the failing index in the path', () => {
    try {
      renderJsonFeed(channel, [items[0]!, { ...items[1]!, url: '/relative' }])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError)
      expect((error as ZodError).issues[0]?.path).toEqual([1, 'url'])
    }
    expect(() => renderICalendar(calendar, [{ ...events[0]!, start: 'not a date' }])).toThrow(ZodError)
  })
})

describe('where new Function is not allowed (edge runtimes)', () => {
  it('the fast readers fall back to plain loops that give the same values', async () => {
    vi.resetModules()
    vi.stubGlobal('Function', function NoEval() {
      throw new EvalError('Code generation from strings disallowed for this context')
    })
    try {
      const plain = (await import('../../feeds/validate')).fastGuards
      expect(plain.channel(channel)).toEqual(fastGuards.channel(channel))
      for (const item of items) expect(plain.item(item)).toEqual(fastGuards.item(item))
      expect(plain.calendar(calendar)).toEqual(fastGuards.calendar(calendar))
      for (const event of events) expect(plain.event(event)).toEqual(fastGuards.event(event))
      expect(plain.item({ ...items[0]!, url: '/relative' })).toBeUndefined()
      expect(plain.event({ ...events[0]!, end: new Date(0) })).toBeUndefined()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
