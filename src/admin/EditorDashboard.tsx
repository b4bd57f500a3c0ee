import type { CollectionSlug, Payload, ServerProps, TypedUser } from 'payload'

import React from 'react'

import { isAdminUser } from '../access.js'
import { pluginOptions } from '../pluginOptions.js'
import { formatWhen } from './formatWhen.js'
import { upcomingScheduled } from './scheduledJobs.js'
import { T } from '../texts/admin.js'
import { adminLang as lang } from '../texts/lang.js'

type Kind = 'news' | 'events' | 'press'
const KINDS: Kind[] = ['news', 'events', 'press']

type Row = { id: string | number; title?: string | null; updatedAt?: string; _status?: string }

/** The name of a review-date field on the content collections, once one exists (see the slot below). */
const REVIEW_FIELDS = ['reviewBy', 'reviewDate', 'reviewAt']

function labelOf(payload: Payload, slug: string, l: 'sv' | 'en', plural = true): string {
  const labels = payload.collections[slug as CollectionSlug]?.config.labels
  const label = plural ? labels?.plural : labels?.singular
  return typeof label === 'object' && label ? ((label as Record<string, string>)[l] ?? slug) : typeof label === 'string' ? label : slug
}

async function counts(payload: Payload, slug: string, user: TypedUser) {
  const count = async (status: 'draft' | 'published') =>
    (await payload.count({ collection: slug as CollectionSlug, where: { _status: { equals: status } }, user, overrideAccess: false })).totalDocs
  const [published, draft] = await Promise.all([count('published'), count('draft')])
  return { published, draft }
}

/**
 * Before Payload's dashboard cards: what an editor needs to start the day. Counts per type and
 * status, the latest drafts, what is scheduled and when, items due for review, and (for admins)
 * the latest digest run. Everything is read with the user's own access.
 */
export async function EditorDashboard({ payload, i18n, user }: ServerProps & { i18n: { language: string } }) {
  if (!user) return null
  const l = lang(i18n)
  const options = pluginOptions(payload)
  const runsSlug = options.collections.digestRuns.slug
  const admin = payload.config.routes.admin
  const slugs = KINDS.map((k) => options.collections[k].slug)
  const timeZone = payload.config.admin.timezones.defaultTimezone
  const when = (d: string) => formatWhen(d, i18n.language, timeZone)

  const perType = await Promise.all(slugs.map((slug) => counts(payload, slug, user as TypedUser)))
  const drafts = (
    await Promise.all(
      slugs.map(async (slug) =>
        (
          await payload.find({ collection: slug as CollectionSlug, where: { _status: { equals: 'draft' } }, sort: '-updatedAt', limit: 5, depth: 0, user, overrideAccess: false })
        ).docs.map((d) => ({ slug, doc: d as unknown as Row })),
      ),
    )
  )
    .flat()
    .sort((a, b) => String(b.doc.updatedAt).localeCompare(String(a.doc.updatedAt)))
    .slice(0, 8)

  const scheduled = (await upcomingScheduled(payload, undefined, 20)).filter((j) => slugs.includes(j.collection))
  const titles = new Map<string, string>()
  for (const slug of slugs) {
    const ids = scheduled.filter((j) => j.collection === slug).map((j) => j.id)
    if (!ids.length) continue
    const { docs } = await payload.find({ collection: slug as CollectionSlug, where: { id: { in: ids } }, depth: 0, limit: ids.length, draft: true, user, overrideAccess: false })
    for (const d of docs as unknown as Row[]) titles.set(`${slug}:${d.id}`, d.title || `${T.untitled[l]} (${d.id})`)
  }

  const reviewField = REVIEW_FIELDS.find((name) => payload.collections[slugs[0] as CollectionSlug]?.config.flattenedFields.some((f) => f.name === name))
  const due = reviewField
    ? (
        await Promise.all(
          slugs.map(async (slug) =>
            (
              await payload.find({
                collection: slug as CollectionSlug,
                where: { [reviewField]: { less_than_equal: new Date().toISOString() } },
                sort: reviewField,
                limit: 10,
                depth: 0,
                user,
                overrideAccess: false,
              })
            ).docs.map((d) => ({ slug, doc: d as unknown as Row & Record<string, string> })),
          ),
        )
      ).flat()
    : null

  const digest =
    isAdminUser(user as never) && payload.collections[runsSlug]
      ? ((await payload.find({ collection: runsSlug, sort: '-startedAt', limit: 1, depth: 0, overrideAccess: true })).docs[0] as unknown as
          | { periodKey: string; startedAt: string; finishedAt?: string | null; sent?: number; skipped?: number; failed?: number }
          | undefined)
      : undefined

  const link = (slug: string, id: string | number) => `${admin}/collections/${slug}/${id}`
  const listLink = (slug: string, status: string) => `${admin}/collections/${slug}?where[_status][equals]=${status}`
  const t = D[l]

  return (
    <section className="newsroom-dashboard" aria-labelledby="newsroom-dashboard-title" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 id="newsroom-dashboard-title">{t.title}</h2>
      <div style={{ display: 'grid', gap: 'calc(var(--base) * 1.5)', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))' }}>
        <section aria-labelledby="newsroom-dashboard-counts">
          <h3 id="newsroom-dashboard-counts">{t.counts}</h3>
          <table className="newsroom-dashboard__counts">
            <thead>
              <tr>
                <th scope="col">{t.type}</th>
                <th scope="col">{t.published}</th>
                <th scope="col">{t.drafts}</th>
              </tr>
            </thead>
            <tbody>
              {slugs.map((slug, i) => (
                <tr key={slug}>
                  <th scope="row">{labelOf(payload, slug, l)}</th>
                  <td>
                    <a href={listLink(slug, 'published')}>{perType[i]!.published}</a>
                  </td>
                  <td>
                    <a href={listLink(slug, 'draft')}>{perType[i]!.draft}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="newsroom-dashboard-drafts">
          <h3 id="newsroom-dashboard-drafts">{t.latestDrafts}</h3>
          {drafts.length ? (
            <ul className="newsroom-dashboard__drafts">
              {drafts.map(({ slug, doc }) => (
                <li key={`${slug}:${doc.id}`}>
                  <a href={link(slug, doc.id)}>{doc.title || `${T.untitled[l]} (${doc.id})`}</a> – {labelOf(payload, slug, l, false)}
                  {doc.updatedAt ? `, ${t.changed} ${when(doc.updatedAt)}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.noDrafts}</p>
          )}
        </section>

        <section aria-labelledby="newsroom-dashboard-scheduled">
          <h3 id="newsroom-dashboard-scheduled">{t.scheduled}</h3>
          {scheduled.length ? (
            <ul className="newsroom-dashboard__scheduled">
              {scheduled.map((job, i) => (
                <li key={i}>
                  <time dateTime={job.at}>{when(job.at)}</time>: {job.type === 'publish' ? t.publishes : t.unpublishes}{' '}
                  <a href={link(job.collection, job.id)}>{titles.get(`${job.collection}:${job.id}`) ?? job.id}</a> ({labelOf(payload, job.collection, l, false)})
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.noScheduled}</p>
          )}
        </section>

        <section aria-labelledby="newsroom-dashboard-review" className="newsroom-dashboard__review">
          <h3 id="newsroom-dashboard-review">{t.review}</h3>
          {due === null ? (
            // Slot: the review date (Granska senast) arrives with the records work; until then this says so.
            <p data-slot="review-dates">{t.reviewMissing}</p>
          ) : due.length ? (
            <ul>
              {due.map(({ slug, doc }) => (
                <li key={`${slug}:${doc.id}`}>
                  <a href={link(slug, doc.id)}>{doc.title || `${T.untitled[l]} (${doc.id})`}</a> – {t.reviewBy} {when(doc[reviewField!]!)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.noReview}</p>
          )}
        </section>

        {isAdminUser(user as never) ? (
          <section aria-labelledby="newsroom-dashboard-digest">
            <h3 id="newsroom-dashboard-digest">{t.digest}</h3>
            {digest ? (
              <p className="newsroom-dashboard__digest">
                {digest.periodKey}: {t.started} {when(digest.startedAt)}
                {digest.finishedAt ? `, ${t.finished} ${when(digest.finishedAt)}` : `, ${t.running}`}. {t.sent} {digest.sent ?? 0}, {t.skipped}{' '}
                {digest.skipped ?? 0}, {t.failed} {digest.failed ?? 0}. <a href={`${admin}/collections/${runsSlug}`}>{t.allRuns}</a>
              </p>
            ) : (
              <p>{t.noDigest}</p>
            )}
          </section>
        ) : null}
      </div>
    </section>
  )
}

const D = {
  sv: {
    title: 'Dagens läge',
    counts: 'Innehåll',
    type: 'Typ',
    published: 'Publicerade',
    drafts: 'Utkast',
    latestDrafts: 'Senaste utkasten',
    changed: 'ändrat',
    noDrafts: 'Inga utkast.',
    scheduled: 'Schemalagt',
    publishes: 'publiceras',
    unpublishes: 'avpubliceras',
    noScheduled: 'Inget är schemalagt.',
    review: 'Att granska',
    reviewBy: 'granska senast',
    reviewMissing: 'Granskningsdatum (Granska senast) finns inte i den här versionen.',
    noReview: 'Inget har passerat sitt granskningsdatum.',
    digest: 'Senaste utskicket',
    started: 'startat',
    finished: 'klart',
    running: 'pågår',
    sent: 'Skickade',
    skipped: 'hoppade över',
    failed: 'misslyckade',
    allRuns: 'Alla utskick',
    noDigest: 'Inga utskick ännu.',
  },
  en: {
    title: 'Today',
    counts: 'Content',
    type: 'Type',
    published: 'Published',
    drafts: 'Drafts',
    latestDrafts: 'Latest drafts',
    changed: 'changed',
    noDrafts: 'No drafts.',
    scheduled: 'Scheduled',
    publishes: 'publishes',
    unpublishes: 'unpublishes',
    noScheduled: 'Nothing is scheduled.',
    review: 'Due for review',
    reviewBy: 'review by',
    reviewMissing: 'Review dates are not available in this version.',
    noReview: 'Nothing is past its review date.',
    digest: 'Latest digest run',
    started: 'started',
    finished: 'finished',
    running: 'running',
    sent: 'Sent',
    skipped: 'skipped',
    failed: 'failed',
    allRuns: 'All digest runs',
    noDigest: 'No digest runs yet.',
  },
} as const
