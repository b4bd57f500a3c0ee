import type { AdminViewServerProps, CollectionSlug } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { pluginOptions } from '../pluginOptions.js'
import { CURRENT_VIEW_PATH } from './currentViewPath.js'
import { formatWhen } from './formatWhen.js'
import { upcomingScheduled } from './scheduledJobs.js'
import { T } from '../texts/admin.js'
import { adminLang as lang } from '../texts/lang.js'

const LIMIT = 50

type Row = { id: string | number; title?: string | null; updatedAt: string; _status?: string }

/**
 * "Aktuellt": news, calendar events and press items in one list, newest change first, with type,
 * status and when a scheduled publish or unpublish runs. Read with the user's own access.
 */
export async function CurrentView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const l = lang(i18n)
  const options = pluginOptions(payload)
  const slugs = (['news', 'events', 'press'] as const).map((k) => options.collections[k].slug)
  const timeZone = payload.config.admin.timezones.defaultTimezone
  const admin = payload.config.routes.admin

  const rows = user
    ? (
        await Promise.all(
          slugs.map(async (slug) =>
            (
              await payload.find({ collection: slug as CollectionSlug, sort: '-updatedAt', limit: LIMIT, depth: 0, draft: true, user, overrideAccess: false, locale: locale?.code as never })
            ).docs.map((doc) => ({ slug, doc: doc as unknown as Row })),
          ),
        )
      )
        .flat()
        .sort((a, b) => b.doc.updatedAt.localeCompare(a.doc.updatedAt))
        .slice(0, LIMIT)
    : []
  const scheduled = user ? await upcomingScheduled(payload, undefined, 1000) : []
  const label = (slug: string) => {
    const singular = payload.collections[slug as CollectionSlug]?.config.labels.singular
    return typeof singular === 'object' ? ((singular as Record<string, string>)[l] ?? slug) : String(singular ?? slug)
  }

  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="newsroom-current">
        <h1>{T.current[l]}</h1>
        <p>{T.currentHelp[l]}</p>
        <table className="table newsroom-current__table">
          {/* Payload's table heading grey (--theme-elevation-400) is 2.8:1 on white; WCAG wants 4.5:1. */}
          <thead style={{ color: 'var(--theme-elevation-650)' }}>
            <tr>
              <th scope="col">{T.titleColumn[l]}</th>
              <th scope="col">{T.typeColumn[l]}</th>
              <th scope="col">{T.statusColumn[l]}</th>
              <th scope="col">{T.scheduledColumn[l]}</th>
              <th scope="col">{T.changedColumn[l]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ slug, doc }) => {
              const jobs = scheduled.filter((j) => j.collection === slug && j.id === String(doc.id))
              return (
                <tr key={`${slug}:${doc.id}`}>
                  <td>
                    <a href={`${admin}/collections/${slug}/${doc.id}`}>{doc.title || `${T.untitled[l]} (${doc.id})`}</a>
                  </td>
                  <td>{label(slug)}</td>
                  <td>{doc._status === 'published' ? i18n.t('version:published') : i18n.t('version:draft')}</td>
                  <td>
                    {jobs.map((job, i) => (
                      <span key={i} style={{ display: 'block' }}>
                        {job.type === 'publish' ? T.scheduledFor[l] : T.unscheduledFor[l]} <time dateTime={job.at}>{formatWhen(job.at, i18n.language, timeZone)}</time>
                      </span>
                    ))}
                  </td>
                  <td>
                    <time dateTime={doc.updatedAt}>{formatWhen(doc.updatedAt, i18n.language, timeZone)}</time>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </Gutter>
    </DefaultTemplate>
  )
}

/** The menu's link to "Aktuellt", after Payload's own links. */
export function CurrentNavLink({ payload, i18n }: { payload: AdminViewServerProps['payload']; i18n: { language: string } }) {
  return (
    <a className="nav__link newsroom-current-link" href={`${payload.config.routes.admin}${CURRENT_VIEW_PATH}`}>
      <span className="nav__link-label">{T.current[lang(i18n)]}</span>
    </a>
  )
}
