import type { DefaultServerCellComponentProps } from 'payload'

import React, { cache } from 'react'

import { formatWhen } from './formatWhen.js'
import { upcomingScheduled } from './scheduledJobs.js'
import { T } from '../texts/admin.js'
import { adminLang as lang } from '../texts/lang.js'

// One query per list page and collection, not one per row.
const scheduledFor = cache(async (payload: DefaultServerCellComponentProps['payload'], collection: string) => upcomingScheduled(payload, collection, 1000))

/** List column "Schemalagt": when a scheduled publish or unpublish of the row's document will run. */
export async function ScheduledCell({ payload, rowData, collectionConfig, i18n }: DefaultServerCellComponentProps) {
  const id = rowData?.id
  if (id == null) return null
  const jobs = (await scheduledFor(payload, collectionConfig.slug)).filter((j) => j.id === String(id))
  if (!jobs.length) return null
  const l = lang(i18n)
  const timeZone = payload.config.admin.timezones.defaultTimezone
  return (
    <span className="newsroom-scheduled-cell">
      {jobs.map((job, i) => (
        <span key={i} style={{ display: 'block' }}>
          {job.type === 'publish' ? T.scheduledFor[l] : T.unscheduledFor[l]} <time dateTime={job.at}>{formatWhen(job.at, i18n.language, timeZone)}</time>
        </span>
      ))}
    </span>
  )
}
