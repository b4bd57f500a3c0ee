import type { Labels } from '../types.js'

/** A language of the newsroom's texts: every dictionary in src/texts/ has each entry in both (`Labels`). */
export type Lang = keyof Labels

/**
 * The language of the texts for a locale (or the admin language): Swedish or English by name,
 * else `fallback`: Swedish for the admin and the newsletter (Swedish first), English for the
 * public feeds of another locale.
 */
export const langOf = (value: unknown, fallback: Lang = 'sv'): Lang => (value === 'sv' || value === 'en' ? value : fallback)

/** The admin language of a component's `i18n`. */
export const adminLang = (i18n: { language?: string } | undefined): Lang => langOf(i18n?.language)
