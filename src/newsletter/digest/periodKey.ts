import type { Frequency } from '../common.js'

/** Calendar date in Stockholm, YYYY-MM-DD. */
const stockholmDate = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(d)

/** `daily:2026-11-24` or `weekly:2026-W48` (ISO week), by the Stockholm calendar. */
export function periodKey(frequency: Frequency, now: Date): string {
  const day = stockholmDate(now)
  if (frequency === 'daily') return `daily:${day}`
  const date = new Date(`${day}T00:00:00Z`)
  const weekday = (date.getUTCDay() + 6) % 7 // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3) // Thursday of this week decides the year
  const year = date.getUTCFullYear()
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86400_000 / 7)
  return `weekly:${year}-W${String(week).padStart(2, '0')}`
}
