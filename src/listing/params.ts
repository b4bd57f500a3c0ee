import { createHash } from 'node:crypto'

import { ITEM_TYPES, type ItemType } from './types.js'

export type ListingParams = {
  types: ItemType[]
  categories: string[]
  q: string
  from: Date | null
  to: Date | null
  upcoming: boolean
  locale: string
  limit: number
  cursor: string | null
  /** Archived items: left out (default, also when unset), included, or only they. */
  archived?: 'exclude' | 'include' | 'only'
}

export class BadParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/

function parseDate(name: string, raw: string | null, endOfDay: boolean): Date | null {
  if (raw == null || raw === '') return null
  const date = DATE.test(raw) ? new Date(raw.length === 10 ? `${raw}T00:00:00.000Z` : raw) : new Date(NaN)
  if (Number.isNaN(date.getTime())) throw new BadParameter(name, `"${raw}" is not an ISO date such as 2021-04-20 or 2021-04-20T08:00:00Z`)
  if (endOfDay && raw.length === 10) date.setUTCHours(23, 59, 59, 999)
  return date
}

const list = (sp: URLSearchParams, name: string) =>
  sp
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)

type Defaults = { locales: string[]; defaultLocale: string; defaultLimit: number; maxLimit: number }

/** Reads the listing's query parameters; anything wrong is a BadParameter naming it. */
export function parseListingParams(sp: URLSearchParams, d: Defaults): ListingParams {
  const rawTypes = list(sp, 'type')
  const unknown = rawTypes.find((t) => !ITEM_TYPES.includes(t as ItemType))
  if (unknown) throw new BadParameter('type', `unknown type "${unknown}"; use news, events or press`)
  const types = rawTypes.length ? ITEM_TYPES.filter((t) => rawTypes.includes(t)) : [...ITEM_TYPES]

  const limitRaw = sp.get('limit')
  const limit = limitRaw == null || limitRaw === '' ? d.defaultLimit : Number(limitRaw)
  if (!Number.isInteger(limit) || limit < 1 || limit > d.maxLimit) {
    throw new BadParameter('limit', `must be a whole number from 1 to ${d.maxLimit}, got "${limitRaw}"`)
  }

  const locale = sp.get('locale') || d.defaultLocale
  if (!d.locales.includes(locale)) throw new BadParameter('locale', `unknown locale "${locale}"; use ${d.locales.join(' or ')}`)

  const q = (sp.get('q') ?? '').trim()
  if (q.length > 200) throw new BadParameter('q', 'must be at most 200 characters')

  const upcomingRaw = sp.get('upcoming')
  if (upcomingRaw != null && !['true', 'false', '1', '0', ''].includes(upcomingRaw)) {
    throw new BadParameter('upcoming', `must be true or false, got "${upcomingRaw}"`)
  }

  const from = parseDate('from', sp.get('from'), false)
  const to = parseDate('to', sp.get('to'), true)
  if (from && to && from > to) throw new BadParameter('from', 'must not be after to')

  const categories = list(sp, 'category')
  if (categories.length > 20) throw new BadParameter('category', 'at most 20 topics at once')

  const archivedRaw = sp.get('archived') || 'exclude'
  if (archivedRaw !== 'exclude' && archivedRaw !== 'include' && archivedRaw !== 'only') {
    throw new BadParameter('archived', `must be include, only or exclude, got "${archivedRaw}"`)
  }

  return { types, categories, q, from, to, upcoming: upcomingRaw === 'true' || upcomingRaw === '1', locale, limit, cursor: sp.get('cursor') || null, archived: archivedRaw }
}

/** What a cursor is bound to: every filter but the page position and size. */
export const filterHash = (p: ListingParams) =>
  createHash('sha256')
    .update(JSON.stringify([p.types, [...p.categories].sort(), p.q, p.from, p.to, p.upcoming, p.locale, ...(p.archived && p.archived !== 'exclude' ? [p.archived] : [])]))
    .digest('base64url')
    .slice(0, 16)
