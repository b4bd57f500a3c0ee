export type ItemType = 'news' | 'events' | 'press'
export const ITEM_TYPES: ItemType[] = ['news', 'events', 'press']

export type ListingItem = {
  type: ItemType
  id: string
  slug: string
  title: string
  summary: string | null
  url: string
  date: string
  updatedAt: string
  categories: { slug: string; title: string }[]
  image: { url: string; alt: string | null; width: number | null; height: number | null } | null
  /** Kept public as a record, with an "archived" notice; left out of listings unless asked for. */
  archived?: boolean
  start?: string
  end?: string | null
  allDay?: boolean
  location?: { name: string | null; address: string | null } | null
  /** Events only: still published, but called off. */
  cancelled?: boolean
}

/** Stored beside each index row for the feeds; not part of the listing's JSON. */
export type FeedExtras = {
  html: string
  text: string
  image: { type: string; length: number } | null
  createdAt: string
}
