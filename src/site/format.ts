import type { SiteLocale } from '../texts/site.js'

const TZ = 'Europe/Stockholm'
const tag = (l: SiteLocale) => (l === 'sv' ? 'sv-SE' : 'en-GB')

/** 2020-04-17 (the day in Stockholm), as the seeds' listing shows it. */
export const isoDay = (iso: string | Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso))

/** "27 juni 2015" / "27 June 2015". */
export const longDate = (iso: string | Date, l: SiteLocale) => new Intl.DateTimeFormat(tag(l), { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso))

/** "27 juni 2015 kl. 09:30" / "27 June 2015, 09:30". */
export function dateTime(iso: string | Date, l: SiteLocale) {
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
  return l === 'sv' ? `${longDate(iso, l)} kl. ${time}` : `${longDate(iso, l)}, ${time}`
}

export const time = (iso: string | Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(iso))

/** When an event happens, in Stockholm time: one day, a span of days, or times on one day. */
export function eventWhen(start: string, end: string | null | undefined, allDay: boolean, l: SiteLocale, allDayWord: string) {
  const sameDay = !end || isoDay(start) === isoDay(end)
  if (allDay) return sameDay ? `${longDate(start, l)} (${allDayWord})` : `${longDate(start, l)} – ${longDate(end!, l)}`
  if (!end) return dateTime(start, l)
  return sameDay ? `${dateTime(start, l)}–${time(end)}` : `${dateTime(start, l)} – ${dateTime(end, l)}`
}

/** "1,2 MB" / "1.2 MB". */
export function fileSize(bytes: number, l: SiteLocale) {
  const units = ['B', 'kB', 'MB', 'GB']
  let n = bytes
  let u = 0
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024
    u++
  }
  return `${new Intl.NumberFormat(tag(l), { maximumFractionDigits: u ? 1 : 0 }).format(n)} ${units[u]}`
}
