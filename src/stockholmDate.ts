/** Dates as people in Sweden read them: by the Stockholm calendar (CET/CEST), whatever the server's time zone. */

const DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' })
const LONG = { sv: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }), en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }) }

/** The calendar date in Stockholm, `YYYY-MM-DD`. */
export const stockholmDay = (date: Date): string => DAY.format(date)

/** The calendar date in Stockholm written out: `24 november 2026` (sv), `24 November 2026` (en). */
export const stockholmLongDate = (date: Date | string, lang: 'sv' | 'en'): string => LONG[lang].format(typeof date === 'string' ? new Date(date) : date)
