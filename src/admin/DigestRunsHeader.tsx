import type { BeforeListTableServerProps } from 'payload'

import React from 'react'

import { isAdminUser } from '../access.js'
import { TASK_DIGEST } from '../newsletter/common.js'
import { RunDigestButton } from './RunDigestButton.js'
import { T } from '../texts/admin.js'
import { adminLang as lang } from '../texts/lang.js'

/** Above the digest runs: "Run digest now", for admins, when the newsletter (and so its digest task) is on. */
export function DigestRunsHeader({ payload, i18n, user }: BeforeListTableServerProps) {
  if (!isAdminUser(user ?? null)) return null
  if (!payload.config.jobs?.tasks?.some((t) => t.slug === TASK_DIGEST)) return null
  const l = lang(i18n)
  return (
    <RunDigestButton
      endpoint={`${payload.config.routes.api}/newsroom/digest/run`}
      text={{ runNow: T.runNow[l], frequency: T.frequency[l], daily: T.daily[l], weekly: T.weekly[l], queued: T.queued[l], failed: T.failed[l], help: T.runHelp[l] }}
    />
  )
}
