import type { BeforeListTableServerProps, Where } from 'payload'

import React from 'react'

import { pluginOptions } from '../pluginOptions.js'
import { parseBracketParams, toBracketQuery } from './query.js'
import { upcomingScheduled } from './scheduledJobs.js'
import { T } from '../texts/admin.js'
import { adminLang as lang } from '../texts/lang.js'

const bar: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem 1.5rem', margin: '0 0 1.5rem' }
const link: React.CSSProperties = { color: 'var(--theme-text)', whiteSpace: 'nowrap' }

/**
 * Above the news, events and press lists: one-click filters an editor uses every day. All,
 * published, drafts, scheduled; for events also upcoming and past. Each is a plain link to the
 * list with a `where` Payload's filter builder shows and edits.
 */
export async function ListQuickFilters({ payload, i18n, searchParams, collectionConfig }: BeforeListTableServerProps) {
  const l = lang(i18n)
  const slug = collectionConfig.slug
  const isEvents = pluginOptions(payload).collections.events.slug === slug
  const scheduledIds = [...new Set((await upcomingScheduled(payload, slug, 1000)).map((j) => j.id))]
  // Whole minutes, so the link stays the same between two renders within a minute.
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()

  const filters: { key: string; label: string; where?: Where }[] = [
    { key: 'all', label: T.all[l] },
    { key: 'published', label: T.publishedFilter[l], where: { _status: { equals: 'published' } } },
    { key: 'draft', label: T.draftFilter[l], where: { _status: { equals: 'draft' } } },
    ...(scheduledIds.length ? [{ key: 'scheduled', label: `${T.scheduledColumn[l]} (${scheduledIds.length})`, where: { or: scheduledIds.map((id) => ({ and: [{ id: { equals: id } }] })) } }] : []),
    ...(isEvents
      ? [
          { key: 'upcoming', label: T.upcoming[l], where: { start: { greater_than_equal: now } } },
          { key: 'past', label: T.past[l], where: { start: { less_than: now } } },
        ]
      : []),
  ]
  const current = parseBracketParams(searchParams, 'where')
  const currentQuery = current && typeof current === 'object' ? toBracketQuery({ where: current }) : ''
  const base = `${payload.config.routes.admin}/collections/${slug}`

  return (
    <nav className="newsroom-quick-filters" aria-label={T.quickFilters[l]} style={bar}>
      {filters.map((f) => {
        const query = f.where ? toBracketQuery({ where: f.where }) : ''
        const active = f.key === 'upcoming' || f.key === 'past' ? currentQuery.startsWith(`where[start][${f.key === 'past' ? 'less_than' : 'greater_than_equal'}]`) : query === currentQuery
        return (
          <a key={f.key} href={query ? `${base}?${query}` : base} aria-current={active ? 'page' : undefined} style={{ ...link, fontWeight: active ? 700 : 400 }}>
            {f.label}
          </a>
        )
      })}
    </nav>
  )
}
