import type { BeforeListTableServerProps } from 'payload'

import { Button } from '@payloadcms/ui'
import React from 'react'

import { isAdminUser } from '../access.js'
import { parseBracketParams, toBracketQuery } from './query.js'
import { loadTopics, readSubscriberFilter, SUBSCRIBER_STATUSES, type SubscriberFilter, subscriberStats, subscriberWhere, withAncestors } from './subscriberFilter.js'
import { T } from '../texts/admin.js'
import { adminLang as lang } from '../texts/lang.js'
import { TopicSelect } from './TopicSelect.js'

const bar: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem 1.5rem', margin: '0 0 1.5rem' }
const link: React.CSSProperties = { color: 'var(--theme-text)', textDecoration: 'none', whiteSpace: 'nowrap' }

/**
 * Above the subscribers table: how many subscribers there are per status (within the chosen topic),
 * each a link to the list filtered by it, a topic filter and a CSV export of what is shown.
 * A server component: the counts come from `payload.count` with the admin's own access.
 */
export async function SubscriberStats(props: BeforeListTableServerProps & { topicsSlug: string }) {
  const { payload, i18n, searchParams, user, locale, collectionConfig, topicsSlug } = props
  if (!isAdminUser(user ?? null)) return null
  const l = lang(i18n)
  const number = new Intl.NumberFormat(l === 'sv' ? 'sv-SE' : 'en-GB')

  const listWhere = parseBracketParams(searchParams, 'where') as Record<string, unknown> | undefined
  const filter = readSubscriberFilter(listWhere)
  const search = typeof searchParams?.search === 'string' ? searchParams.search : ''
  const topics = await loadTopics(payload, topicsSlug, locale?.code)
  const byId = new Map(topics.map((t) => [t.id, t]))
  const topicIds = filter.custom ? undefined : filter.topicIds
  const current = topicIds ? byId.get(topicIds[0]!) : undefined
  const stats = await subscriberStats(payload, collectionConfig.slug, { topicIds, user })

  const { admin: adminRoute, api: apiRoute } = payload.config.routes
  const listUrl = (f: SubscriberFilter) => {
    const where = subscriberWhere(f)
    return `${adminRoute}/collections/${collectionConfig.slug}${where ? `?${toBracketQuery({ where })}` : ''}`
  }
  const status = filter.custom ? undefined : filter.status

  // The export carries the list's filter: by name when it is ours, else the where (and search) as they are.
  const byName = !filter.custom && !search && (!topicIds || current)
  const exportQuery = byName
    ? new URLSearchParams({ ...(status ? { status } : {}), ...(current ? { topic: current.slug } : {}) }).toString()
    : [toBracketQuery({ where: listWhere }), search ? `search=${encodeURIComponent(search)}` : '']
        .filter(Boolean)
        .join('&')
  const exportUrl = `${apiRoute}/newsroom/subscribers.csv${exportQuery ? `?${exportQuery}` : ''}`

  const pathLabel = (id: string) =>
    withAncestors(byId, id)
      .reverse()
      .map((x) => byId.get(x)?.title ?? x)
      .join(' › ')
  const topicOptions = topics
    .map((t) => ({ id: t.id, label: pathLabel(t.id), href: listUrl({ status, topicIds: withAncestors(byId, t.id) }) }))
    .sort((a, b) => a.label.localeCompare(b.label, l))

  const entries = [
    { key: 'all', label: T.all[l], count: stats.total, href: listUrl({ topicIds }), current: !filter.custom && !status },
    ...SUBSCRIBER_STATUSES.map((s) => ({ key: s, label: T[s][l], count: stats.byStatus[s], href: listUrl({ status: s, topicIds }), current: status === s })),
  ]

  return (
    <div className="newsroom-subscriber-stats" style={bar}>
      <nav aria-label={T.byStatus[l]}>
        {entries.map((e, i) => (
          <React.Fragment key={e.key}>
            {i > 0 && <span aria-hidden="true"> · </span>}
            <a
              href={e.href}
              data-status={e.key}
              aria-current={e.current ? 'page' : undefined}
              style={{ ...link, fontWeight: e.current ? 700 : 400, textDecoration: e.current ? 'underline' : 'none' }}
            >
              {e.label} ({number.format(e.count)})
            </a>
          </React.Fragment>
        ))}
      </nav>
      <TopicSelect
        label={T.topic[l]}
        help={T.topicHelp[l]}
        allLabel={T.allTopics[l]}
        allHref={listUrl({ status })}
        options={topicOptions}
        selected={current?.id ?? ''}
      />
      <Button el="anchor" url={exportUrl} buttonStyle="secondary" size="small" margin={false} extraButtonProps={{ download: '', 'data-export': 'csv' }}>
        {T.exportCsv[l]}
      </Button>
      {filter.custom && <span style={{ color: 'var(--theme-elevation-500)' }}>{T.customFilter[l]}</span>}
    </div>
  )
}
