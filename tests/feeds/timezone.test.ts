import { describe, expect, it } from 'vitest'
import { toStockholm } from 'newsroom-feeds'

const intl = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })

/** Offset in minutes according to the platform's tz database. */
function intlOffset(date: Date): number {
  const name = intl.formatToParts(date).find((part) => part.type === 'timeZoneName')!.value // "GMT+02:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)!
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

describe('toStockholm', () => {
  it('matches the tz database for every hour around each DST change 1996–2037', () => {
    for (let year = 1996; year <= 2037; year++) {
      for (const month of [2, 9]) {
        // hourly from the 24th to the end of the month covers every last Sunday
        const from = Date.UTC(year, month, 24)
        const to = Date.UTC(year, month + 1, 1)
        for (let t = from; t < to; t += 3_600_000) {
          const date = new Date(t)
          expect(toStockholm(date).offsetMinutes, date.toISOString()).toBe(intlOffset(date))
        }
      }
    }
  })

  it('converts to wall-clock time across the October change', () => {
    const local = (iso: string) => toStockholm(new Date(iso)).wallClock.toISOString().slice(0, 16)
    expect(local('2026-10-24T23:30:00Z')).toBe('2026-10-25T01:30')
    expect(local('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30')
    expect(local('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30')
    expect(local('2026-10-25T03:00:00Z')).toBe('2026-10-25T04:00')
    expect(local('2026-03-29T00:59:00Z')).toBe('2026-03-29T01:59')
    expect(local('2026-03-29T01:00:00Z')).toBe('2026-03-29T03:00')
    expect(toStockholm(new Date('2026-10-25T00:30:00Z')).ambiguous).toBe(true)
    expect(toStockholm(new Date('2026-10-25T01:30:00Z')).ambiguous).toBe(true)
    expect(toStockholm(new Date('2026-10-24T23:30:00Z')).ambiguous).toBe(false)
    expect(toStockholm(new Date('2026-10-25T02:00:00Z')).ambiguous).toBe(false)
  })
})
