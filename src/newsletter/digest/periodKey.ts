import { stockholmDay } from '../../stockholmDate.js'
import type { Frequency } from '../common.js'

/** `daily:2026-11-24` or `weekly:2026-W48` (ISO week), by the Stockholm calendar. */
export function periodKey(frequency: Frequency, now: Date): string {
  const day = stockholmDay(now)
  if (frequency === 'daily') return `daily:${day}`
  const date = new Date(`${day}T00:00:00Z`)
  const weekday = (date.getUTCDay() + 6) % 7 // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3) // Thursday of this week decides the year
  const year = date.getUTCFullYear()
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86400_000 / 7)
  return `weekly:${year}-W${String(week).padStart(2, '0')}`
}
