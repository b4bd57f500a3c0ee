import type { ItemType } from './types.js'

/** What a type is called on the public pages (tabs, "2020-04-17 | Nyhet"), in both languages. */
export const TYPE_LABELS: Record<ItemType, { sv: string; en: string }> = {
  news: { sv: 'Nyhet', en: 'News' },
  events: { sv: 'Kalenderhändelse', en: 'Event' },
  press: { sv: 'Press', en: 'Press' },
}

/** One type tab of the listing: its count under every filter but the type, and whether it is chosen. */
export type TypeFacet = { value: ItemType; count: number; selected: boolean; label: { sv: string; en: string } }
