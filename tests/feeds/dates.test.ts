import { describe, expect, it } from 'vitest'
import { toICalUtc, toRfc3339, toRfc822 } from 'newsroom-feeds'

describe('date formatting', () => {
  it('matches the built-in formatters for dates across the supported range', () => {
    const samples = [
      Date.UTC(1000, 0, 1),
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      0,
      Date.UTC(2000, 1, 29, 12, 0, 0),
      Date.UTC(2020, 3, 17),
      Date.UTC(2100, 1, 28, 23, 59, 59),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ]
    // plus a pseudo-random spread (fixed seed)
    let seed = 42
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      samples.push(Date.UTC(1000, 0, 1) + Math.floor((seed / 2 ** 31) * (Date.UTC(9999, 11, 31) - Date.UTC(1000, 0, 1))))
    }
    for (const time of samples) {
      const date = new Date(time)
      const iso = date.toISOString()
      expect(toRfc822(date)).toBe(date.toUTCString())
      expect(toRfc3339(date)).toBe(iso.slice(0, 19) + 'Z')
      expect(toICalUtc(date)).toBe(iso.slice(0, 19).replace(/[-:]/g, '') + 'Z')
    }
  })

  it('writes RSS dates with a 4-digit year in GMT', () => {
    expect(toRfc822(new Date('2020-04-17T00:00:00Z'))).toBe('Fri, 17 Apr 2020 00:00:00 GMT')
  })
})
