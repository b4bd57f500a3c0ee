import { STOCKHOLM } from './adminConfig.js'

/**
 * A moment for server-rendered admin parts, in the admin language and the admin's default time
 * zone (the server's own zone is often UTC): "1 december 2026 22:43" / "December 1, 2026, 10:43 PM".
 */
export function formatWhen(date: string | Date, language: string | undefined, timeZone = STOCKHOLM): string {
  const locale = language === 'en' ? 'en-US' : 'sv-SE'
  const d = new Date(date)
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(d)
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(d)
  return `${day} ${time}`
}
