import type { ItemType } from '../listing/types.js'
import type { Labels } from '../types.js'

/** The item types as feed titles and the feed list name them. */
export const ITEM_TYPE_NAMES = {
  news: { sv: 'Nyheter', en: 'News' },
  events: { sv: 'Kalender', en: 'Calendar' },
  press: { sv: 'Press', en: 'Press' },
} satisfies Record<ItemType, Labels>
